import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/database.ts";
import type { Access } from "../../platform/scope.ts";
import { organizations } from "../organizations/index.ts";
import { establishmentsScope } from "./establishments.scope.ts";
import { establishments, establishmentWorks } from "./establishments.table.ts";

const columns = {
  id: establishmentWorks.id,
  establishmentId: establishmentWorks.establishmentId,
  workDate: establishmentWorks.workDate,
  nature: establishmentWorks.nature,
  description: establishmentWorks.description,
  amountCentimes: establishmentWorks.amountCentimes,
  funderId: establishmentWorks.funderId,
  funderName: organizations.nameFr,
  conventionReference: establishmentWorks.conventionReference,
  version: establishmentWorks.version,
};

/** Works of one establishment, newest first; the establishment must be in scope. */
export async function listWorks(db: Queryable, access: Access, establishmentId: string) {
  return db
    .select(columns)
    .from(establishmentWorks)
    .innerJoin(establishments, eq(establishments.id, establishmentWorks.establishmentId))
    .leftJoin(organizations, eq(organizations.id, establishmentWorks.funderId))
    .where(and(eq(establishmentWorks.establishmentId, establishmentId), establishmentsScope(access)))
    .orderBy(desc(establishmentWorks.workDate), desc(establishmentWorks.id));
}

export async function findWork(db: Queryable, access: Access, establishmentId: string, id: string) {
  const [row] = await db
    .select(columns)
    .from(establishmentWorks)
    .innerJoin(establishments, eq(establishments.id, establishmentWorks.establishmentId))
    .leftJoin(organizations, eq(organizations.id, establishmentWorks.funderId))
    .where(
      and(
        eq(establishmentWorks.id, id),
        eq(establishmentWorks.establishmentId, establishmentId),
        establishmentsScope(access),
      ),
    );
  return row;
}

export async function insertWork(db: Queryable, values: typeof establishmentWorks.$inferInsert) {
  const [row] = await db.insert(establishmentWorks).values(values).returning({ id: establishmentWorks.id });
  return row?.id as string;
}

export async function deleteWork(db: Queryable, id: string) {
  await db.delete(establishmentWorks).where(eq(establishmentWorks.id, id));
}

/** Total amount of works per establishment (centimes). */
export async function worksTotal(db: Queryable, establishmentId: string) {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${establishmentWorks.amountCentimes}), 0)::bigint` })
    .from(establishmentWorks)
    .where(eq(establishmentWorks.establishmentId, establishmentId));
  return Number(row?.total ?? 0);
}
