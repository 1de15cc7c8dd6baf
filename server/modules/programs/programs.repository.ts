import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { BenefitType, ProgramStatus, StageInput } from "../../../contracts/programs.ts";
import type { Queryable } from "../../platform/database.ts";
import { after } from "../../platform/pagination.ts";
import { escapeLike } from "../../platform/text.ts";
import { organizations } from "../organizations/index.ts";
import {
  applications,
  programFunders,
  programRegions,
  programStageCounts,
  programStages,
  programs,
} from "./programs.table.ts";

export type ProgramRow = typeof programs.$inferSelect;
export type ProgramInsert = typeof programs.$inferInsert;
export type StageRow = typeof programStages.$inferSelect;

/* ---------------------------------------------------------------- programmes */

/** A programme's applications in some statuses, summed over its stages' counters (migration 0022). */
const countOf = (statuses: SQL) =>
  sql<number>`(select coalesce(sum(c.n), 0)::int from ${programStageCounts} c where c.program_id = programs.id and c.status in ${statuses})`;
const counts = { enrolled: countOf(sql`('enrolled')`), pending: countOf(sql`('pending')`) };

export interface ProgramFilter {
  q?: string;
  status?: ProgramStatus;
  benefitType?: BenefitType;
  limit: number;
  cursorKey?: unknown[];
}

/** The catalogue is not personal data: every holder of programs.read sees all of it. */
export async function listPrograms(db: Queryable, f: ProgramFilter) {
  const where: (SQL | undefined)[] = [
    f.status ? eq(programs.status, f.status) : undefined,
    f.benefitType ? eq(programs.benefitType, f.benefitType) : undefined,
    f.q
      ? sql`f_unaccent(${programs.code} || ' ' || ${programs.nameFr} || ' ' || ${programs.nameAr}) like '%' || f_unaccent(${escapeLike(f.q)}) || '%'`
      : undefined,
    f.cursorKey ? after([programs.nameFr, programs.id], f.cursorKey) : undefined,
  ];
  return db
    .select({ program: programs, ...counts })
    .from(programs)
    .where(and(...where))
    .orderBy(programs.nameFr, programs.id)
    .limit(f.limit + 1);
}

export async function listActivePrograms(db: Queryable) {
  return db
    .select()
    .from(programs)
    .where(
      and(
        eq(programs.status, "active"),
        sql`(${programs.endDate} is null or ${programs.endDate} >= current_date)`,
      ),
    )
    .orderBy(programs.nameFr, programs.id);
}

export async function findProgram(db: Queryable, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(programs).where(eq(programs.id, id));
  const [row] = opts.lock ? await q.for("update") : await q;
  return row;
}

export async function programIdsByCode(db: Queryable, codes: string[]) {
  if (!codes.length) return new Map<string, { id: string; nameFr: string; nameAr: string }>();
  const rows = await db
    .select({ id: programs.id, code: programs.code, nameFr: programs.nameFr, nameAr: programs.nameAr })
    .from(programs)
    .where(inArray(programs.code, codes));
  return new Map(rows.map((r) => [r.code, r]));
}

export async function insertProgram(db: Queryable, values: ProgramInsert) {
  const [row] = await db.insert(programs).values(values).returning({ id: programs.id });
  return row?.id as string;
}

export async function updateProgram(db: Queryable, id: string, values: Partial<ProgramInsert>) {
  await db
    .update(programs)
    .set({ ...values, version: sql`${programs.version} + 1`, updatedAt: sql`now()` })
    .where(eq(programs.id, id));
}

export async function fundersOf(db: Queryable, programIds: string[]) {
  if (!programIds.length) return [];
  return db
    .select({
      programId: programFunders.programId,
      id: organizations.id,
      nameFr: organizations.nameFr,
      nameAr: organizations.nameAr,
    })
    .from(programFunders)
    .innerJoin(organizations, eq(organizations.id, programFunders.organizationId))
    .where(inArray(programFunders.programId, programIds))
    .orderBy(organizations.nameFr);
}

export async function setFunders(db: Queryable, programId: string, organizationIds: string[]) {
  await db.delete(programFunders).where(eq(programFunders.programId, programId));
  if (organizationIds.length)
    await db
      .insert(programFunders)
      .values([...new Set(organizationIds)].map((organizationId) => ({ programId, organizationId })));
}

export async function regionsOf(db: Queryable, programIds: string[]) {
  if (!programIds.length) return [];
  return db
    .select()
    .from(programRegions)
    .where(inArray(programRegions.programId, programIds))
    .orderBy(programRegions.regionCode);
}

export async function setRegions(db: Queryable, programId: string, regionCodes: string[]) {
  await db.delete(programRegions).where(eq(programRegions.programId, programId));
  if (regionCodes.length)
    await db
      .insert(programRegions)
      .values([...new Set(regionCodes)].map((regionCode) => ({ programId, regionCode })));
}

export async function existingOrganizations(db: Queryable, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  return new Set(rows.map((r) => r.id));
}

/* ------------------------------------------------------------------ stages */

/** A programme's workflow, in order. */
export async function stagesOf(db: Queryable, programId: string) {
  return db
    .select()
    .from(programStages)
    .where(eq(programStages.programId, programId))
    .orderBy(asc(programStages.position));
}

/** The workflow with each stage's open (pending or enrolled) applications, from the stage counters. */
export async function stagesWithOpenCounts(db: Queryable, programId: string) {
  return db
    .select({
      stage: programStages,
      openApplications: sql<number>`(select coalesce(sum(c.n), 0)::int from ${programStageCounts} c where c.program_id = program_stages.program_id and c.stage_id = program_stages.id and c.status in ('pending', 'enrolled'))`,
    })
    .from(programStages)
    .where(eq(programStages.programId, programId))
    .orderBy(asc(programStages.position));
}

/**
 * Replaces a workflow, keeping the id of every stage whose code stays (so
 * applications at it stay there). Stages dropped must hold no application.
 */
export async function replaceStages(db: Queryable, programId: string, stages: readonly StageInput[]) {
  const current = await db.select().from(programStages).where(eq(programStages.programId, programId));
  const byCode = new Map(current.map((s) => [s.code, s]));
  const kept = new Set(stages.map((s) => s.code));
  const dropped = current.filter((s) => !kept.has(s.code)).map((s) => s.id);
  if (dropped.length) await db.delete(programStages).where(inArray(programStages.id, dropped));
  // Positions move through negatives first so the new order never collides with the old one.
  await db
    .update(programStages)
    .set({ position: sql`-1 - ${programStages.position}` })
    .where(eq(programStages.programId, programId));
  for (const [position, s] of stages.entries()) {
    const existing = byCode.get(s.code);
    if (existing)
      await db
        .update(programStages)
        .set({ position, nameFr: s.nameFr, nameAr: s.nameAr, kind: s.kind })
        .where(eq(programStages.id, existing.id));
    else await db.insert(programStages).values({ programId, position, ...s });
  }
}

export async function stagesHoldingApplications(db: Queryable, stageIds: string[]) {
  if (!stageIds.length) return [];
  // One index probe per stage (EXISTS stops at the first entry), not a DISTINCT over all of them.
  const rows = await db
    .select({ stageId: programStages.id })
    .from(programStages)
    .where(
      and(
        inArray(programStages.id, stageIds),
        sql`exists (select 1 from ${applications} a where a.stage_id = ${programStages.id})`,
      ),
    );
  return rows.map((r) => r.stageId);
}
