import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/database.ts";
import type { Access } from "../../platform/scope.ts";
import { establishmentsScope } from "./establishments.scope.ts";
import { correctiveActions, establishments, inspections } from "./establishments.table.ts";

const inspectionColumns = {
  id: inspections.id,
  establishmentId: inspections.establishmentId,
  visitDate: inspections.visitDate,
  inspectorName: inspections.inspectorName,
  checklist: inspections.checklist,
  findings: inspections.findings,
  followUp: inspections.followUp,
  version: inspections.version,
  createdAt: inspections.createdAt,
};

const actionColumns = {
  id: correctiveActions.id,
  inspectionId: correctiveActions.inspectionId,
  establishmentId: correctiveActions.establishmentId,
  description: correctiveActions.description,
  dueDate: correctiveActions.dueDate,
  status: correctiveActions.status,
  doneOn: correctiveActions.doneOn,
  followUpNote: correctiveActions.followUpNote,
  overdue: sql<boolean>`(${correctiveActions.status} = 'open' and ${correctiveActions.dueDate} < current_date)`,
  version: correctiveActions.version,
};

export async function listInspections(db: Queryable, access: Access, establishmentId: string) {
  return db
    .select(inspectionColumns)
    .from(inspections)
    .innerJoin(establishments, eq(establishments.id, inspections.establishmentId))
    .where(and(eq(inspections.establishmentId, establishmentId), establishmentsScope(access)))
    .orderBy(desc(inspections.visitDate), desc(inspections.id));
}

export async function findInspection(db: Queryable, access: Access, id: string, lock = false) {
  const q = db
    .select(inspectionColumns)
    .from(inspections)
    .innerJoin(establishments, eq(establishments.id, inspections.establishmentId))
    .where(and(eq(inspections.id, id), establishmentsScope(access)));
  const [row] = lock ? await q.for("update", { of: inspections }) : await q;
  return row;
}

export async function actionsOf(db: Queryable, inspectionIds: string[]) {
  if (!inspectionIds.length) return [];
  return db
    .select(actionColumns)
    .from(correctiveActions)
    .where(inArray(correctiveActions.inspectionId, inspectionIds))
    .orderBy(asc(correctiveActions.dueDate), asc(correctiveActions.id));
}

export async function findAction(db: Queryable, access: Access, id: string, lock = false) {
  const q = db
    .select(actionColumns)
    .from(correctiveActions)
    .innerJoin(establishments, eq(establishments.id, correctiveActions.establishmentId))
    .where(and(eq(correctiveActions.id, id), establishmentsScope(access)));
  const [row] = lock ? await q.for("update", { of: correctiveActions }) : await q;
  return row;
}

export async function insertInspection(db: Queryable, values: typeof inspections.$inferInsert) {
  const [row] = await db.insert(inspections).values(values).returning({ id: inspections.id });
  return row?.id as string;
}

export async function updateInspection(
  db: Queryable,
  id: string,
  values: Partial<typeof inspections.$inferInsert>,
) {
  await db
    .update(inspections)
    .set({ ...values, version: sql`${inspections.version} + 1`, updatedAt: sql`now()` })
    .where(eq(inspections.id, id));
}

export async function insertActions(db: Queryable, values: (typeof correctiveActions.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(correctiveActions).values(values).returning({ id: correctiveActions.id });
}

export async function updateAction(
  db: Queryable,
  id: string,
  values: Partial<typeof correctiveActions.$inferInsert>,
) {
  await db
    .update(correctiveActions)
    .set({ ...values, version: sql`${correctiveActions.version} + 1`, updatedAt: sql`now()` })
    .where(eq(correctiveActions.id, id));
}
