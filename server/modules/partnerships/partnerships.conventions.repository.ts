import { and, asc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  AxisTarget,
  ConventionAxis,
  ConventionParty,
  ConventionProject,
  ConventionSummary,
} from "../../../contracts/conventions.ts";
import type { ConventionStatus, ConventionType } from "../../../contracts/partnerships.ts";
import type { Queryable } from "../../platform/database.ts";
import { after } from "../../platform/pagination.ts";
import { type Access, scopeFilter } from "../../platform/scope.ts";
import { escapeLike } from "../../platform/text.ts";
import { organizations } from "../organizations/index.ts";
import {
  projectsInScope,
  refreshParties as refreshProjectParties,
} from "./partnerships.projects.repository.ts";
import {
  axisTargets,
  conventionAxes,
  conventionParties,
  conventions,
  disbursements,
  projectBudgetLines,
  projects,
} from "./partnerships.table.ts";

export type ConventionInsert = typeof conventions.$inferInsert;

/**
 * Who reaches a convention when reading:
 * - a national grant: every convention;
 * - an organisation grant (partners): the conventions its organisation is party to;
 * - a region grant (regional officers): the regional conventions of that region, and the
 *   national conventions (no region) that finance at least one project in that region: an
 *   officer follows what a national agreement does on their territory, not other regions';
 * - a province grant: the conventions financing a project in that province;
 * - an establishment grant: none.
 * Writes (`conventionsWritable`) need the convention itself to be theirs: its region or a party,
 * never a national convention reached only through one of its projects.
 */
/**
 * Outer-row references inside subqueries are written qualified by hand: Drizzle leaves a column
 * unqualified in a query on one table, and "id" inside `from projects p` would be p.id.
 */
const outerConvention = sql.raw(`"conventions"."id"`);
const outerProject = sql.raw(`"projects"."id"`);
const outerAxis = sql.raw(`"convention_axes"."id"`);

export function conventionsInScope(access: Access): SQL | undefined {
  if (access.national) return undefined;
  const own = conventionsWritable(access) as SQL;
  const viaProjects = (column: SQL, refs: readonly string[]) =>
    sql`exists (select 1 from ${projects} p where p.convention_id = ${outerConvention} and p.archived_at is null and ${column} = any(${sql.param([...refs])}::text[]))`;
  return or(
    own,
    access.regions.length
      ? and(isNull(conventions.regionCode), viaProjects(sql`p.region_code`, access.regions))
      : undefined,
    access.provinces.length ? viaProjects(sql`p.province_code`, access.provinces) : undefined,
  );
}

export const conventionsWritable = (access: Access) =>
  scopeFilter(access, { region: conventions.regionCode, parties: conventions.partyOrgIds });

const parent = alias(conventions, "parent");

const partiesJson = sql<ConventionSummary["parties"]>`coalesce((
  select json_agg(json_build_object('id', o.id, 'nameFr', o.name_fr, 'nameAr', o.name_ar) order by o.name_fr)
  from ${organizations} o where o.id = any(${conventions.partyOrgIds})), '[]'::json)`;
const committedSum = sql<number>`(select coalesce(sum(cp.committed_centimes), 0)::bigint from ${conventionParties} cp where cp.convention_id = ${outerConvention})`;
const searchable = sql`f_unaccent(${conventions.reference} || ' ' || ${conventions.titleFr} || ' ' || coalesce(${conventions.titleAr}, ''))`;

const summaryColumns = {
  id: conventions.id,
  reference: conventions.reference,
  titleFr: conventions.titleFr,
  titleAr: conventions.titleAr,
  type: conventions.type,
  parentId: conventions.parentId,
  parentReference: parent.reference,
  status: conventions.status,
  signedOn: conventions.signedOn,
  signedPlace: conventions.signedPlace,
  startDate: conventions.startDate,
  endDate: conventions.endDate,
  regionCode: conventions.regionCode,
  parties: partiesJson,
  committedCentimes: sql<number>`${committedSum}`.mapWith(Number),
  archivedAt: conventions.archivedAt,
  updatedAt: conventions.updatedAt,
  version: conventions.version,
};

export interface ConventionFilter {
  q?: string;
  type?: ConventionType;
  status?: ConventionStatus;
  region?: string;
  party?: string;
  includeArchived?: "true" | "false";
  limit?: number;
  cursorKey?: unknown[];
}

export function list(db: Queryable, access: Access, f: ConventionFilter): Promise<ConventionSummary[]> {
  const where = [
    conventionsInScope(access),
    f.includeArchived === "true" ? undefined : isNull(conventions.archivedAt),
    f.type ? eq(conventions.type, f.type) : undefined,
    f.status ? eq(conventions.status, f.status) : undefined,
    f.region ? eq(conventions.regionCode, f.region) : undefined,
    f.party ? sql`${conventions.partyOrgIds} @> array[${f.party}]::uuid[]` : undefined,
    f.q ? sql`${searchable} like '%' || f_unaccent(${escapeLike(f.q)}) || '%'` : undefined,
    f.cursorKey ? after([conventions.titleFr, conventions.id], f.cursorKey) : undefined,
  ];
  const q = db
    .select(summaryColumns)
    .from(conventions)
    .leftJoin(parent, eq(parent.id, conventions.parentId))
    .where(and(...where))
    .orderBy(conventions.titleFr, conventions.id);
  return f.limit ? q.limit(f.limit + 1) : q;
}

export async function find(db: Queryable, scope: SQL | undefined, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select({
      ...summaryColumns,
      summary: conventions.summary,
      parentTitle: parent.titleFr,
      partyOrgIds: conventions.partyOrgIds,
      createdAt: conventions.createdAt,
    })
    .from(conventions)
    .leftJoin(parent, eq(parent.id, conventions.parentId))
    .where(and(eq(conventions.id, id), scope));
  const [row] = opts.lock ? await q.for("update", { of: conventions }) : await q;
  return row;
}
export type ConventionRow = NonNullable<Awaited<ReturnType<typeof find>>>;

/** A convention by id whatever the scope: for rules (a parent must be a framework convention). */
export async function typeOf(db: Queryable, id: string) {
  const [row] = await db
    .select({ type: conventions.type, archivedAt: conventions.archivedAt })
    .from(conventions)
    .where(eq(conventions.id, id));
  return row;
}

export async function referenceTaken(db: Queryable, reference: string, exceptId?: string) {
  const [row] = await db
    .select({ id: conventions.id })
    .from(conventions)
    .where(
      and(
        sql`lower(${conventions.reference}) = lower(${reference})`,
        exceptId ? sql`${conventions.id} <> ${exceptId}` : undefined,
      ),
    );
  return Boolean(row);
}

export async function children(db: Queryable, access: Access, id: string) {
  return db
    .select({
      id: conventions.id,
      reference: conventions.reference,
      titleFr: conventions.titleFr,
      titleAr: conventions.titleAr,
    })
    .from(conventions)
    .where(and(eq(conventions.parentId, id), isNull(conventions.archivedAt), conventionsInScope(access)))
    .orderBy(conventions.titleFr);
}

export async function insert(db: Queryable, values: ConventionInsert) {
  const [row] = await db.insert(conventions).values(values).returning({ id: conventions.id });
  return row?.id as string;
}

export async function update(db: Queryable, id: string, values: Partial<ConventionInsert>) {
  await db
    .update(conventions)
    .set({ ...values, version: sql`${conventions.version} + 1`, updatedAt: sql`now()` })
    .where(eq(conventions.id, id));
}

// ---- parties ----

export function parties(db: Queryable, conventionId: string): Promise<ConventionParty[]> {
  return db
    .select({
      id: conventionParties.id,
      organizationId: conventionParties.organizationId,
      organizationName: organizations.nameFr,
      organizationNameAr: organizations.nameAr,
      organizationType: organizations.type,
      role: conventionParties.role,
      committedCentimes: conventionParties.committedCentimes,
      otherCommitments: conventionParties.otherCommitments,
    })
    .from(conventionParties)
    .innerJoin(organizations, eq(organizations.id, conventionParties.organizationId))
    .where(eq(conventionParties.conventionId, conventionId))
    .orderBy(sql`${conventionParties.committedCentimes} desc`, organizations.nameFr);
}

export type PartyInsert = typeof conventionParties.$inferInsert;

export async function insertParty(db: Queryable, values: PartyInsert) {
  const [row] = await db.insert(conventionParties).values(values).returning({ id: conventionParties.id });
  return row?.id as string;
}

export async function updateParty(db: Queryable, id: string, values: Partial<PartyInsert>) {
  await db.update(conventionParties).set(values).where(eq(conventionParties.id, id));
}

export async function deleteParty(db: Queryable, id: string) {
  await db.delete(conventionParties).where(eq(conventionParties.id, id));
}

/**
 * Keeps `conventions.party_org_ids` (what the scope filter reads) equal to the parties, and
 * the projects of the convention, whose partners are its parties and their funders.
 */
export async function syncPartyOrgIds(db: Queryable, conventionId: string) {
  await db.execute(sql`
    update ${conventions} set party_org_ids = coalesce((
      select array_agg(cp.organization_id order by cp.organization_id) from ${conventionParties} cp
      where cp.convention_id = ${conventionId}::uuid), '{}'::uuid[])
    where id = ${conventionId}::uuid`);
  await refreshProjectParties(db, { conventionId });
}

export async function existingOrganizations(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(sql`${organizations.id} = any(${sql.param(ids)}::uuid[])`);
  return new Set(rows.map((r) => r.id));
}

// ---- axes and targets ----

export async function axes(db: Queryable, conventionId: string): Promise<ConventionAxis[]> {
  const rows = await db
    .select({
      id: conventionAxes.id,
      position: conventionAxes.position,
      titleFr: conventionAxes.titleFr,
      titleAr: conventionAxes.titleAr,
      description: conventionAxes.description,
      projectCount: sql<number>`(select count(*)::int from ${projects} p where p.axis_id = ${outerAxis} and p.archived_at is null)`,
    })
    .from(conventionAxes)
    .where(eq(conventionAxes.conventionId, conventionId))
    .orderBy(asc(conventionAxes.position));
  if (!rows.length) return [];
  const targets = await db
    .select({
      id: axisTargets.id,
      axisId: axisTargets.axisId,
      labelFr: axisTargets.labelFr,
      labelAr: axisTargets.labelAr,
      targetValue: axisTargets.targetValue,
      unit: axisTargets.unit,
      indicatorCode: axisTargets.indicatorCode,
    })
    .from(axisTargets)
    .where(sql`${axisTargets.axisId} = any(${sql.param(rows.map((r) => r.id))}::uuid[])`)
    .orderBy(axisTargets.labelFr, axisTargets.id);
  const byAxis = new Map<string, AxisTarget[]>();
  for (const { axisId, ...t } of targets) byAxis.set(axisId, [...(byAxis.get(axisId) ?? []), t]);
  return rows.map((r) => ({ ...r, targets: byAxis.get(r.id) ?? [] }));
}

export async function findAxis(db: Queryable, conventionId: string, axisId: string) {
  const [row] = await db
    .select()
    .from(conventionAxes)
    .where(and(eq(conventionAxes.id, axisId), eq(conventionAxes.conventionId, conventionId)));
  return row;
}

/** Inserts an axis at `position` (shifting the next ones) or after the last one. */
export async function insertAxis(
  db: Queryable,
  conventionId: string,
  values: { titleFr: string; titleAr?: string | null; description?: string | null; position?: number },
) {
  const [{ last } = { last: 0 }] = await db
    .select({ last: sql<number>`coalesce(max(${conventionAxes.position}), 0)::int` })
    .from(conventionAxes)
    .where(eq(conventionAxes.conventionId, conventionId));
  const position = values.position && values.position <= last ? values.position : last + 1;
  if (position <= last) {
    // Two steps, since the (convention, position) unique index is checked row by row.
    await db.execute(
      sql`update ${conventionAxes} set position = -(position + 1) where convention_id = ${conventionId}::uuid and position >= ${position}`,
    );
    await db.execute(
      sql`update ${conventionAxes} set position = -position where convention_id = ${conventionId}::uuid and position < 0`,
    );
  }
  const [row] = await db
    .insert(conventionAxes)
    .values({ conventionId, ...values, position })
    .returning({ id: conventionAxes.id });
  return row?.id as string;
}

export async function updateAxis(
  db: Queryable,
  id: string,
  values: Partial<typeof conventionAxes.$inferInsert>,
) {
  await db.update(conventionAxes).set(values).where(eq(conventionAxes.id, id));
}

export async function deleteAxis(db: Queryable, conventionId: string, id: string) {
  await db.delete(conventionAxes).where(eq(conventionAxes.id, id));
  // Close the gap so positions stay 1..n.
  await db.execute(sql`
    update ${conventionAxes} a set position = -s.n from (
      select id, row_number() over (order by position) as n from ${conventionAxes} where convention_id = ${conventionId}::uuid
    ) s where a.id = s.id`);
  await db.execute(
    sql`update ${conventionAxes} set position = -position where convention_id = ${conventionId}::uuid and position < 0`,
  );
}

export async function axisProjectCount(db: Queryable, axisId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(eq(projects.axisId, axisId));
  return row?.n ?? 0;
}

export type TargetInsert = typeof axisTargets.$inferInsert;

export async function insertTargets(db: Queryable, values: TargetInsert[]) {
  if (!values.length) return [];
  return db.insert(axisTargets).values(values).returning({ id: axisTargets.id });
}

/** A target of one of the convention's axes. */
export async function findTarget(db: Queryable, conventionId: string, targetId: string) {
  const [row] = await db
    .select({ id: axisTargets.id, axisId: axisTargets.axisId, labelFr: axisTargets.labelFr })
    .from(axisTargets)
    .innerJoin(conventionAxes, eq(conventionAxes.id, axisTargets.axisId))
    .where(and(eq(axisTargets.id, targetId), eq(conventionAxes.conventionId, conventionId)));
  return row;
}

export async function updateTarget(db: Queryable, id: string, values: Partial<TargetInsert>) {
  await db.update(axisTargets).set(values).where(eq(axisTargets.id, id));
}

export async function deleteTarget(db: Queryable, id: string) {
  await db.delete(axisTargets).where(eq(axisTargets.id, id));
}

// ---- projects of a convention (owned by the projects side; read here through SQL) ----

/** The convention's projects that `projectAccess` reaches (none without projects.read), with money. */
export async function projectsOf(
  db: Queryable,
  projectAccess: Access | null,
  conventionId: string,
): Promise<ConventionProject[]> {
  if (!projectAccess) return [];
  return db
    .select({
      id: projects.id,
      code: projects.code,
      titleFr: projects.titleFr,
      titleAr: projects.titleAr,
      regionCode: projects.regionCode,
      status: projects.status,
      axisId: projects.axisId,
      budgetCentimes:
        sql<number>`(select coalesce(sum(${projectBudgetLines.amountCentimes}), 0) from ${projectBudgetLines} where ${projectBudgetLines.projectId} = ${outerProject})`.mapWith(
          Number,
        ),
      disbursedCentimes:
        sql<number>`(select coalesce(sum(${disbursements.amountCentimes}), 0) from ${disbursements} where ${disbursements.projectId} = ${outerProject})`.mapWith(
          Number,
        ),
    })
    .from(projects)
    .where(
      and(
        eq(projects.conventionId, conventionId),
        isNull(projects.archivedAt),
        projectsInScope(projectAccess),
      ),
    )
    .orderBy(projects.titleFr, projects.id);
}

export async function activeProjectCount(db: Queryable, conventionId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(and(eq(projects.conventionId, conventionId), isNull(projects.archivedAt)));
  return row?.n ?? 0;
}
