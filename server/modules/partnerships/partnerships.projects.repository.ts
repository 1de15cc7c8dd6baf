import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { ProjectFilters } from "../../../contracts/projects.ts";
import type { Queryable } from "../../platform/database.ts";
import { after } from "../../platform/pagination.ts";
import { type Access, scopeFilter } from "../../platform/scope.ts";
import { escapeLike } from "../../platform/text.ts";
import { establishments } from "../establishments/index.ts";
import { organizations } from "../organizations/index.ts";
import { programs } from "../programs/index.ts";
import {
  conventionAxes,
  conventions,
  projectBudgetLines,
  projectEstablishments,
  projectPrograms,
  projects,
} from "./partnerships.table.ts";

export type ProjectInsert = typeof projects.$inferInsert;

/**
 * The one place that says which projects a caller reaches: its region or province
 * (officers), or an organisation party to it (partners: its convention's parties, its funders).
 */
export const projectsInScope = (access: Access) =>
  scopeFilter(access, {
    region: projects.regionCode,
    province: projects.provinceCode,
    parties: projects.partyOrgIds,
  });

// Written with explicit aliases: Drizzle leaves columns unqualified on one-table selects.
const budgetOf = sql<number>`(select coalesce(sum(b.amount_centimes), 0) from project_budget_lines b where b.project_id = "projects"."id")`;
const disbursedOf = sql<number>`(select coalesce(sum(d.amount_centimes), 0) from disbursements d where d.project_id = "projects"."id")`;
const lateOf = (today: string) =>
  sql<number>`(select count(*) from project_milestones m where m.project_id = "projects"."id" and m.actual_date is null and m.planned_date < ${today}::date)`;

const searchable = sql`f_unaccent(${projects.code} || ' ' || ${projects.titleFr} || ' ' || coalesce(${projects.titleAr}, ''))`;

const summaryColumns = (today: string) => ({
  id: projects.id,
  code: projects.code,
  titleFr: projects.titleFr,
  titleAr: projects.titleAr,
  conventionId: projects.conventionId,
  conventionReference: conventions.reference,
  conventionTitle: conventions.titleFr,
  axisId: projects.axisId,
  regionCode: projects.regionCode,
  provinceCode: projects.provinceCode,
  sector: projects.sector,
  status: projects.status,
  startDate: projects.startDate,
  endDate: projects.endDate,
  responsibleOrgId: projects.responsibleOrgId,
  responsibleOrgName: organizations.nameFr,
  physicalProgress: projects.physicalProgress,
  budgetCentimes: budgetOf.mapWith(Number),
  disbursedCentimes: disbursedOf.mapWith(Number),
  lateMilestones: lateOf(today).mapWith(Number),
  archivedAt: projects.archivedAt,
  version: projects.version,
});

export type SummaryRow = Awaited<ReturnType<typeof list>>[number];

export interface ListFilter extends ProjectFilters {
  today: string;
  limit?: number;
  cursorKey?: unknown[];
}

function conditions(access: Access, f: ListFilter): (SQL | undefined)[] {
  return [
    projectsInScope(access),
    f.includeArchived === "true" ? undefined : isNull(projects.archivedAt),
    f.region ? eq(projects.regionCode, f.region) : undefined,
    f.province ? eq(projects.provinceCode, f.province) : undefined,
    f.status ? eq(projects.status, f.status) : undefined,
    f.sector ? eq(projects.sector, f.sector) : undefined,
    f.convention ? eq(projects.conventionId, f.convention) : undefined,
    f.funder
      ? sql`exists (select 1 from ${projectBudgetLines} where ${projectBudgetLines.projectId} = ${projects.id} and ${projectBudgetLines.funderId} = ${f.funder})`
      : undefined,
    f.late === "true" ? sql`${lateOf(f.today)} > 0` : undefined,
    f.q ? sql`${searchable} like '%' || f_unaccent(${escapeLike(f.q)}) || '%'` : undefined,
    f.cursorKey ? after([projects.titleFr, projects.id], f.cursorKey) : undefined,
  ];
}

/** A page of projects (limit + 1 rows), or all of them for an export when no limit is given. */
export async function list(db: Queryable, access: Access, f: ListFilter) {
  const q = db
    .select(summaryColumns(f.today))
    .from(projects)
    .leftJoin(conventions, eq(conventions.id, projects.conventionId))
    .leftJoin(organizations, eq(organizations.id, projects.responsibleOrgId))
    .where(and(...conditions(access, f)))
    .orderBy(projects.titleFr, projects.id);
  return f.limit ? q.limit(f.limit + 1) : q;
}

export async function find(
  db: Queryable,
  access: Access,
  id: string,
  today: string,
  opts: { lock?: boolean } = {},
) {
  const q = db
    .select({
      ...summaryColumns(today),
      axisTitle: conventionAxes.titleFr,
      targetGroup: projects.targetGroup,
      description: projects.description,
      partyOrgIds: projects.partyOrgIds,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
    })
    .from(projects)
    .leftJoin(conventions, eq(conventions.id, projects.conventionId))
    .leftJoin(conventionAxes, eq(conventionAxes.id, projects.axisId))
    .leftJoin(organizations, eq(organizations.id, projects.responsibleOrgId))
    .where(and(eq(projects.id, id), projectsInScope(access)));
  const [row] = opts.lock ? await q.for("update", { of: projects }) : await q;
  return row;
}

export async function linkedEstablishments(db: Queryable, projectId: string) {
  return db
    .select({ id: establishments.id, nameFr: establishments.nameFr, nameAr: establishments.nameAr })
    .from(projectEstablishments)
    .innerJoin(establishments, eq(establishments.id, projectEstablishments.establishmentId))
    .where(eq(projectEstablishments.projectId, projectId))
    .orderBy(establishments.nameFr);
}

export async function linkedPrograms(db: Queryable, projectId: string) {
  return db
    .select({ id: programs.id, nameFr: programs.nameFr, nameAr: programs.nameAr })
    .from(projectPrograms)
    .innerJoin(programs, eq(programs.id, projectPrograms.programId))
    .where(eq(projectPrograms.projectId, projectId))
    .orderBy(programs.nameFr);
}

export async function insert(db: Queryable, values: ProjectInsert) {
  const [row] = await db.insert(projects).values(values).returning({ id: projects.id });
  return row?.id as string;
}

export async function update(db: Queryable, id: string, values: Partial<ProjectInsert>) {
  await db
    .update(projects)
    .set({ ...values, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projects.id, id));
}

export async function replaceLinks(
  db: Queryable,
  projectId: string,
  links: { establishmentIds?: string[]; programIds?: string[] },
) {
  if (links.establishmentIds) {
    await db.delete(projectEstablishments).where(eq(projectEstablishments.projectId, projectId));
    if (links.establishmentIds.length)
      await db
        .insert(projectEstablishments)
        .values(
          [...new Set(links.establishmentIds)].map((establishmentId) => ({ projectId, establishmentId })),
        );
  }
  if (links.programIds) {
    await db.delete(projectPrograms).where(eq(projectPrograms.projectId, projectId));
    if (links.programIds.length)
      await db
        .insert(projectPrograms)
        .values([...new Set(links.programIds)].map((programId) => ({ projectId, programId })));
  }
}

export async function codeTaken(db: Queryable, code: string, exceptId: string | null) {
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.code, code), exceptId ? sql`${projects.id} <> ${exceptId}::uuid` : undefined));
  return rows.length > 0;
}

/** The convention a project is declined from, when the caller reaches it (conventions.read scope). */
export async function findConvention(db: Queryable, access: Access, id: string) {
  const [row] = await db
    .select({
      id: conventions.id,
      partyOrgIds: conventions.partyOrgIds,
      startDate: conventions.startDate,
      endDate: conventions.endDate,
    })
    .from(conventions)
    .where(
      and(
        eq(conventions.id, id),
        scopeFilter(access, { region: conventions.regionCode, parties: conventions.partyOrgIds }),
      ),
    );
  return row;
}

export async function axisOf(db: Queryable, axisId: string) {
  const [row] = await db
    .select({ id: conventionAxes.id, conventionId: conventionAxes.conventionId })
    .from(conventionAxes)
    .where(eq(conventionAxes.id, axisId));
  return row;
}

/** Ids among `ids` that exist; establishments only those the given scope condition reaches. */
export async function existingEstablishments(db: Queryable, ids: string[], scope: SQL | undefined) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: establishments.id })
    .from(establishments)
    .where(and(sql`${establishments.id} = any(${sql.param(ids)}::uuid[])`, scope));
  return new Set(rows.map((r) => r.id));
}

export async function existingPrograms(db: Queryable, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: programs.id })
    .from(programs)
    .where(sql`${programs.id} = any(${sql.param(ids)}::uuid[])`);
  return new Set(rows.map((r) => r.id));
}

export async function organizationExists(db: Queryable, id: string) {
  const rows = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  return rows.length > 0;
}

/**
 * Keeps `party_org_ids` in step: the parties of the project's convention and every funder with a
 * budget line. Called after any write that changes either, in the same transaction.
 */
export async function refreshParties(db: Queryable, where: { projectId?: string; conventionId?: string }) {
  const target = where.projectId
    ? sql`p.id = ${where.projectId}::uuid`
    : sql`p.convention_id = ${where.conventionId as string}::uuid`;
  await db.execute(sql`
    update projects p set party_org_ids = coalesce((
      select array_agg(distinct o) from (
        select unnest(c.party_org_ids) as o from conventions c where c.id = p.convention_id
        union
        select b.funder_id from project_budget_lines b where b.project_id = p.id
      ) s
    ), '{}'::uuid[])
    where ${target}`);
}
