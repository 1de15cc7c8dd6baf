import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../platform/database.ts";
import type { Access } from "../../platform/scope.ts";
import { organizations } from "../organizations/index.ts";
import {
  establishmentProjects,
  projectActionItems,
  projectDiagnostics,
  projectMeetings,
} from "./establishments.projects.table.ts";
import { establishmentsScope } from "./establishments.scope.ts";
import { establishments } from "./establishments.table.ts";

export type ProjectInsert = typeof establishmentProjects.$inferInsert;
export type ItemInsert = typeof projectActionItems.$inferInsert;

const partner = alias(organizations, "partner");
const funder = alias(organizations, "funder");

export async function findEstablishment(db: Queryable, access: Access, id: string) {
  const [row] = await db
    .select({ id: establishments.id, archivedAt: establishments.archivedAt })
    .from(establishments)
    .where(and(eq(establishments.id, id), establishmentsScope(access)));
  return row;
}

/** The project of an establishment in the caller's scope. */
export async function findProject(
  db: Queryable,
  access: Access,
  establishmentId: string,
  opts: { lock?: boolean } = {},
) {
  const q = db
    .select({
      id: establishmentProjects.id,
      establishmentId: establishmentProjects.establishmentId,
      phase: establishmentProjects.phase,
      partnerOrganizationId: establishmentProjects.partnerOrganizationId,
      partnerName: partner.nameFr,
      startedOn: establishmentProjects.startedOn,
      summary: establishmentProjects.summary,
      createdAt: establishmentProjects.createdAt,
      updatedAt: establishmentProjects.updatedAt,
      version: establishmentProjects.version,
    })
    .from(establishmentProjects)
    .innerJoin(establishments, eq(establishments.id, establishmentProjects.establishmentId))
    .leftJoin(partner, eq(partner.id, establishmentProjects.partnerOrganizationId))
    .where(and(eq(establishmentProjects.establishmentId, establishmentId), establishmentsScope(access)));
  const [row] = opts.lock ? await q.for("update", { of: establishmentProjects }) : await q;
  return row;
}

export async function diagnosticOf(db: Queryable, projectId: string) {
  return db
    .select({
      domain: projectDiagnostics.domain,
      score: projectDiagnostics.score,
      notes: projectDiagnostics.notes,
      updatedAt: projectDiagnostics.updatedAt,
    })
    .from(projectDiagnostics)
    .where(eq(projectDiagnostics.projectId, projectId))
    .orderBy(projectDiagnostics.domain);
}

const itemColumns = {
  id: projectActionItems.id,
  projectId: projectActionItems.projectId,
  domain: projectActionItems.domain,
  title: projectActionItems.title,
  owner: projectActionItems.owner,
  dueOn: projectActionItems.dueOn,
  costCentimes: projectActionItems.costCentimes,
  funderOrganizationId: projectActionItems.funderOrganizationId,
  funderName: funder.nameFr,
  status: projectActionItems.status,
  evidence: projectActionItems.evidence,
  createdAt: projectActionItems.createdAt,
  updatedAt: projectActionItems.updatedAt,
  version: projectActionItems.version,
};

export async function itemsOf(db: Queryable, projectId: string) {
  return db
    .select(itemColumns)
    .from(projectActionItems)
    .leftJoin(funder, eq(funder.id, projectActionItems.funderOrganizationId))
    .where(eq(projectActionItems.projectId, projectId))
    .orderBy(sql`${projectActionItems.dueOn} asc nulls last`, asc(projectActionItems.id));
}

export async function findItem(db: Queryable, projectId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select(itemColumns)
    .from(projectActionItems)
    .leftJoin(funder, eq(funder.id, projectActionItems.funderOrganizationId))
    .where(and(eq(projectActionItems.id, id), eq(projectActionItems.projectId, projectId)));
  const [row] = opts.lock ? await q.for("update", { of: projectActionItems }) : await q;
  return row;
}

export async function meetingsOf(db: Queryable, projectId: string) {
  return db
    .select({
      id: projectMeetings.id,
      heldOn: projectMeetings.heldOn,
      attendees: projectMeetings.attendees,
      decisions: projectMeetings.decisions,
      createdAt: projectMeetings.createdAt,
    })
    .from(projectMeetings)
    .where(eq(projectMeetings.projectId, projectId))
    .orderBy(sql`${projectMeetings.heldOn} desc`, asc(projectMeetings.id));
}

export async function insertProject(db: Queryable, values: ProjectInsert) {
  const [row] = await db
    .insert(establishmentProjects)
    .values(values)
    .returning({ id: establishmentProjects.id });
  return row?.id as string;
}

export async function updateProject(db: Queryable, id: string, values: Partial<ProjectInsert>) {
  await db
    .update(establishmentProjects)
    .set({ ...values, version: sql`${establishmentProjects.version} + 1`, updatedAt: sql`now()` })
    .where(eq(establishmentProjects.id, id));
}

export async function upsertDiagnostic(
  db: Queryable,
  projectId: string,
  domain: (typeof projectDiagnostics.$inferInsert)["domain"],
  score: number,
  notes: string | null,
) {
  await db
    .insert(projectDiagnostics)
    .values({ projectId, domain, score, notes })
    .onConflictDoUpdate({
      target: [projectDiagnostics.projectId, projectDiagnostics.domain],
      set: { score, notes, updatedAt: sql`now()` },
    });
}

export async function insertItem(db: Queryable, values: ItemInsert) {
  const [row] = await db.insert(projectActionItems).values(values).returning({ id: projectActionItems.id });
  return row?.id as string;
}

export async function updateItem(db: Queryable, id: string, values: Partial<ItemInsert>) {
  await db
    .update(projectActionItems)
    .set({ ...values, version: sql`${projectActionItems.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projectActionItems.id, id));
}

export async function insertMeeting(db: Queryable, values: typeof projectMeetings.$inferInsert) {
  const [row] = await db.insert(projectMeetings).values(values).returning({ id: projectMeetings.id });
  return row?.id as string;
}

export async function organizationExists(db: Queryable, id: string) {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  return Boolean(row);
}

/** Progress per establishment: done / non-cancelled items, as a whole percent (0 without items). */
export async function progressOf(db: Queryable, establishmentIds: readonly string[]) {
  if (!establishmentIds.length) return new Map<string, number>();
  const rows = await db
    .select({
      establishmentId: establishmentProjects.establishmentId,
      done: sql<number>`count(${projectActionItems.id}) filter (where ${projectActionItems.status} = 'done')::int`,
      counted: sql<number>`count(${projectActionItems.id}) filter (where ${projectActionItems.status} <> 'cancelled')::int`,
    })
    .from(establishmentProjects)
    .leftJoin(projectActionItems, eq(projectActionItems.projectId, establishmentProjects.id))
    .where(inArray(establishmentProjects.establishmentId, [...establishmentIds]))
    .groupBy(establishmentProjects.establishmentId);
  return new Map(rows.map((r) => [r.establishmentId, percent(r.done, r.counted)]));
}

export const percent = (done: number, counted: number) =>
  counted > 0 ? Math.round((done * 100) / counted) : 0;
