import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/database.ts";
import type { Access } from "../../platform/scope.ts";
import { organizations } from "../organizations/index.ts";
import { establishmentsScope } from "./establishments.scope.ts";
import { cohortMembers, cohorts, establishments } from "./establishments.table.ts";

const actualCount = sql<number>`(select count(*)::int from ${cohortMembers} m join ${establishments} e on e.id = m.establishment_id where m.cohort_id = ${cohorts.id} and e.archived_at is null)`;

const columns = {
  id: cohorts.id,
  code: cohorts.code,
  nameFr: cohorts.nameFr,
  nameAr: cohorts.nameAr,
  goal: cohorts.goal,
  targetCount: cohorts.targetCount,
  actualCount,
  partnerId: cohorts.partnerId,
  partnerName: organizations.nameFr,
  version: cohorts.version,
};

/** Cohorts are programme-level groups: their definition is not scoped, their members are. */
export async function listCohorts(db: Queryable) {
  return db
    .select(columns)
    .from(cohorts)
    .leftJoin(organizations, eq(organizations.id, cohorts.partnerId))
    .where(isNull(cohorts.archivedAt))
    .orderBy(asc(cohorts.nameFr), asc(cohorts.id));
}

export async function findCohort(db: Queryable, id: string, lock = false) {
  const q = db
    .select(columns)
    .from(cohorts)
    .leftJoin(organizations, eq(organizations.id, cohorts.partnerId))
    .where(and(eq(cohorts.id, id), isNull(cohorts.archivedAt)));
  const [row] = lock ? await q.for("update", { of: cohorts }) : await q;
  return row;
}

export async function codeTaken(db: Queryable, code: string, id: string | null) {
  const [row] = await db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.code, code));
  return !!row && row.id !== id;
}

export async function insertCohort(db: Queryable, values: typeof cohorts.$inferInsert) {
  const [row] = await db.insert(cohorts).values(values).returning({ id: cohorts.id });
  return row?.id as string;
}

export async function updateCohort(db: Queryable, id: string, values: Partial<typeof cohorts.$inferInsert>) {
  await db
    .update(cohorts)
    .set({ ...values, version: sql`${cohorts.version} + 1`, updatedAt: sql`now()` })
    .where(eq(cohorts.id, id));
}

/** Members of a cohort that the caller's scope reaches. */
export async function membersOf(db: Queryable, access: Access, cohortId: string) {
  return db
    .select({
      id: establishments.id,
      code: establishments.code,
      nameFr: establishments.nameFr,
      nameAr: establishments.nameAr,
      regionCode: establishments.regionCode,
      category: establishments.category,
      connectivity: establishments.connectivity,
      solarKwp: establishments.solarKwp,
      hotWater: establishments.hotWater,
    })
    .from(cohortMembers)
    .innerJoin(establishments, eq(establishments.id, cohortMembers.establishmentId))
    .where(
      and(
        eq(cohortMembers.cohortId, cohortId),
        isNull(establishments.archivedAt),
        establishmentsScope(access),
      ),
    )
    .orderBy(asc(establishments.nameFr), asc(establishments.id));
}

export async function addMembers(db: Queryable, cohortId: string, establishmentIds: string[]) {
  if (!establishmentIds.length) return [];
  return db
    .insert(cohortMembers)
    .values(establishmentIds.map((establishmentId) => ({ cohortId, establishmentId })))
    .onConflictDoNothing()
    .returning({ establishmentId: cohortMembers.establishmentId });
}

export async function removeMember(db: Queryable, cohortId: string, establishmentId: string) {
  const rows = await db
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.establishmentId, establishmentId)))
    .returning({ establishmentId: cohortMembers.establishmentId });
  return rows.length > 0;
}

export async function memberCount(db: Queryable, cohortId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(cohortMembers)
    .where(eq(cohortMembers.cohortId, cohortId));
  return row?.n ?? 0;
}
