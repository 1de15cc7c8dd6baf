import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/database.ts";
import { organizations } from "../organizations/index.ts";
import {
  disbursements,
  projectBudgetLines,
  projectMilestones,
  projectTranches,
} from "./partnerships.table.ts";

/** Queries on a project's money: budget lines, milestones, tranches, disbursements. */

export type BudgetLineInsert = typeof projectBudgetLines.$inferInsert;
export type MilestoneInsert = typeof projectMilestones.$inferInsert;
export type TrancheInsert = typeof projectTranches.$inferInsert;
export type DisbursementInsert = typeof disbursements.$inferInsert;

const sumOf = (col: typeof disbursements.amountCentimes | typeof projectBudgetLines.amountCentimes) =>
  sql<number>`coalesce(sum(${col}), 0)`.mapWith(Number);

/**
 * Written out in full: on a one-table select Drizzle leaves columns unqualified, and an
 * unqualified "id" inside the subquery would be the disbursement's own.
 */
const paidOnTranche =
  sql<number>`(select coalesce(sum(d.amount_centimes), 0) from disbursements d where d.tranche_id = "project_tranches"."id")`.mapWith(
    Number,
  );

export async function budgetLines(db: Queryable, projectId: string) {
  return db
    .select({
      id: projectBudgetLines.id,
      label: projectBudgetLines.label,
      category: projectBudgetLines.category,
      funderId: projectBudgetLines.funderId,
      funderName: organizations.nameFr,
      amountCentimes: projectBudgetLines.amountCentimes,
      version: projectBudgetLines.version,
    })
    .from(projectBudgetLines)
    .innerJoin(organizations, eq(organizations.id, projectBudgetLines.funderId))
    .where(eq(projectBudgetLines.projectId, projectId))
    .orderBy(asc(organizations.nameFr), asc(projectBudgetLines.createdAt), asc(projectBudgetLines.id));
}

export async function milestones(db: Queryable, projectId: string) {
  return db
    .select({
      id: projectMilestones.id,
      titleFr: projectMilestones.titleFr,
      titleAr: projectMilestones.titleAr,
      plannedDate: projectMilestones.plannedDate,
      actualDate: projectMilestones.actualDate,
      version: projectMilestones.version,
    })
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, projectId))
    .orderBy(projectMilestones.plannedDate, projectMilestones.id);
}

export async function tranches(db: Queryable, projectId: string) {
  return db
    .select({
      id: projectTranches.id,
      funderId: projectTranches.funderId,
      funderName: organizations.nameFr,
      milestoneId: projectTranches.milestoneId,
      position: projectTranches.position,
      label: projectTranches.label,
      amountCentimes: projectTranches.amountCentimes,
      paidCentimes: paidOnTranche,
      version: projectTranches.version,
    })
    .from(projectTranches)
    .innerJoin(organizations, eq(organizations.id, projectTranches.funderId))
    .where(eq(projectTranches.projectId, projectId))
    .orderBy(asc(organizations.nameFr), projectTranches.position, projectTranches.id);
}

export async function disbursementsOf(db: Queryable, projectId: string) {
  return db
    .select({
      id: disbursements.id,
      funderId: disbursements.funderId,
      funderName: organizations.nameFr,
      trancheId: disbursements.trancheId,
      paidOn: disbursements.paidOn,
      amountCentimes: disbursements.amountCentimes,
      reference: disbursements.reference,
      createdAt: disbursements.createdAt,
    })
    .from(disbursements)
    .innerJoin(organizations, eq(organizations.id, disbursements.funderId))
    .where(eq(disbursements.projectId, projectId))
    .orderBy(sql`${disbursements.paidOn} desc`, sql`${disbursements.id} desc`);
}

/** What a funder committed to the project (its budget lines), paid, and split into tranches. */
export async function funderTotals(db: Queryable, projectId: string, funderId: string) {
  const [committed] = await db
    .select({ v: sumOf(projectBudgetLines.amountCentimes) })
    .from(projectBudgetLines)
    .where(and(eq(projectBudgetLines.projectId, projectId), eq(projectBudgetLines.funderId, funderId)));
  const [disbursed] = await db
    .select({ v: sumOf(disbursements.amountCentimes) })
    .from(disbursements)
    .where(and(eq(disbursements.projectId, projectId), eq(disbursements.funderId, funderId)));
  const [split] = await db
    .select({ v: sql<number>`coalesce(sum(${projectTranches.amountCentimes}), 0)`.mapWith(Number) })
    .from(projectTranches)
    .where(and(eq(projectTranches.projectId, projectId), eq(projectTranches.funderId, funderId)));
  return { committed: committed?.v ?? 0, disbursed: disbursed?.v ?? 0, tranched: split?.v ?? 0 };
}

export async function findBudgetLine(db: Queryable, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(projectBudgetLines)
    .where(and(eq(projectBudgetLines.id, id), eq(projectBudgetLines.projectId, projectId)));
  return row;
}

export async function findMilestone(db: Queryable, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(projectMilestones)
    .where(and(eq(projectMilestones.id, id), eq(projectMilestones.projectId, projectId)));
  return row;
}

export async function findTranche(db: Queryable, projectId: string, id: string) {
  const [row] = await db
    .select({
      id: projectTranches.id,
      funderId: projectTranches.funderId,
      milestoneId: projectTranches.milestoneId,
      position: projectTranches.position,
      label: projectTranches.label,
      amountCentimes: projectTranches.amountCentimes,
      version: projectTranches.version,
      paidCentimes: paidOnTranche,
    })
    .from(projectTranches)
    .where(and(eq(projectTranches.id, id), eq(projectTranches.projectId, projectId)));
  return row;
}

export async function findDisbursement(db: Queryable, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(disbursements)
    .where(and(eq(disbursements.id, id), eq(disbursements.projectId, projectId)));
  return row;
}

/** Milestones whose planned date falls outside [start, end]: a project's dates cannot move past them. */
export async function milestonesOutside(db: Queryable, projectId: string, start: string, end: string) {
  const rows = await db
    .select({ id: projectMilestones.id })
    .from(projectMilestones)
    .where(
      and(
        eq(projectMilestones.projectId, projectId),
        sql`(${projectMilestones.plannedDate} < ${start}::date or ${projectMilestones.plannedDate} > ${end}::date)`,
      ),
    );
  return rows.length;
}

export async function tranchesOfMilestone(db: Queryable, milestoneId: string) {
  const rows = await db
    .select({ id: projectTranches.id })
    .from(projectTranches)
    .where(eq(projectTranches.milestoneId, milestoneId));
  return rows.length;
}

export async function disbursementsOfTranche(db: Queryable, trancheId: string) {
  const rows = await db
    .select({ id: disbursements.id })
    .from(disbursements)
    .where(eq(disbursements.trancheId, trancheId));
  return rows.length;
}

export async function insertBudgetLine(db: Queryable, values: BudgetLineInsert) {
  const [row] = await db.insert(projectBudgetLines).values(values).returning();
  return row as typeof projectBudgetLines.$inferSelect;
}

export async function updateBudgetLine(db: Queryable, id: string, values: Partial<BudgetLineInsert>) {
  const [row] = await db
    .update(projectBudgetLines)
    .set({ ...values, version: sql`${projectBudgetLines.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projectBudgetLines.id, id))
    .returning();
  return row as typeof projectBudgetLines.$inferSelect;
}

export async function deleteBudgetLine(db: Queryable, id: string) {
  await db.delete(projectBudgetLines).where(eq(projectBudgetLines.id, id));
}

export async function insertMilestone(db: Queryable, values: MilestoneInsert) {
  const [row] = await db.insert(projectMilestones).values(values).returning();
  return row as typeof projectMilestones.$inferSelect;
}

export async function updateMilestone(db: Queryable, id: string, values: Partial<MilestoneInsert>) {
  const [row] = await db
    .update(projectMilestones)
    .set({ ...values, version: sql`${projectMilestones.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projectMilestones.id, id))
    .returning();
  return row as typeof projectMilestones.$inferSelect;
}

export async function deleteMilestone(db: Queryable, id: string) {
  await db.delete(projectMilestones).where(eq(projectMilestones.id, id));
}

export async function insertTranche(db: Queryable, values: TrancheInsert) {
  const [row] = await db.insert(projectTranches).values(values).returning();
  return row as typeof projectTranches.$inferSelect;
}

export async function updateTranche(db: Queryable, id: string, values: Partial<TrancheInsert>) {
  const [row] = await db
    .update(projectTranches)
    .set({ ...values, version: sql`${projectTranches.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projectTranches.id, id))
    .returning();
  return row as typeof projectTranches.$inferSelect;
}

export async function deleteTranche(db: Queryable, id: string) {
  await db.delete(projectTranches).where(eq(projectTranches.id, id));
}

export async function nextTranchePosition(db: Queryable, projectId: string, funderId: string) {
  const [row] = await db
    .select({ v: sql<number>`coalesce(max(${projectTranches.position}), 0) + 1`.mapWith(Number) })
    .from(projectTranches)
    .where(and(eq(projectTranches.projectId, projectId), eq(projectTranches.funderId, funderId)));
  return row?.v ?? 1;
}

export async function insertDisbursement(db: Queryable, values: DisbursementInsert) {
  const [row] = await db.insert(disbursements).values(values).returning();
  return row as typeof disbursements.$inferSelect;
}

export async function deleteDisbursement(db: Queryable, id: string) {
  await db.delete(disbursements).where(eq(disbursements.id, id));
}
