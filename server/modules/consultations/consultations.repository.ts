import { and, desc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import type { Proposal, ProposalStatus, ProposalTheme } from "../../../contracts/proposals.ts";
import type { Queryable } from "../../platform/database.ts";
import { after, before } from "../../platform/pagination.ts";
import { type Access, scopeFilter } from "../../platform/scope.ts";
import { escapeLike } from "../../platform/text.ts";
import { users } from "../access/index.ts";
import { organizations } from "../organizations/index.ts";
import { proposalComments, proposalSupports, proposals } from "./consultations.table.ts";

export type ProposalInsert = typeof proposals.$inferInsert;

/**
 * Who sees which proposal (the privacy rule, README "Stakeholder proposals"):
 * national readers all; regional (provincial) readers those of their region
 * (province); an organisation its own proposals at every status, and the other
 * organisations' proposals in the region where it sits, except those not
 * retained (a refusal stays between its author and the administration).
 * `neighbourRegions` are the regions of the caller's organisations.
 */
export function visibleTo(access: Access, neighbourRegions: readonly string[]): SQL | undefined {
  const own = scopeFilter(access, {
    region: proposals.regionCode,
    province: proposals.provinceCode,
    organization: proposals.organizationId,
  });
  if (own === undefined || !neighbourRegions.length) return own;
  return or(
    own,
    and(inArray(proposals.regionCode, [...neighbourRegions]), ne(proposals.status, "not_retained")),
  ) as SQL;
}

/** Regions where the given organisations sit. */
export async function regionsOf(db: Queryable, organizationIds: readonly string[]): Promise<string[]> {
  if (!organizationIds.length) return [];
  const rows = await db
    .selectDistinct({ region: organizations.regionCode })
    .from(organizations)
    .where(inArray(organizations.id, [...organizationIds]));
  return rows.map((r) => r.region).filter((r): r is string => r !== null);
}

export async function organizationsByIds(db: Queryable, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: organizations.id,
      name: organizations.nameFr,
      nameAr: organizations.nameAr,
      regionCode: organizations.regionCode,
      provinceCode: organizations.provinceCode,
      archivedAt: organizations.archivedAt,
    })
    .from(organizations)
    .where(inArray(organizations.id, [...ids]))
    .orderBy(organizations.nameFr);
}

const columns = {
  id: proposals.id,
  organizationId: proposals.organizationId,
  organizationName: organizations.nameFr,
  organizationNameAr: organizations.nameAr,
  theme: proposals.theme,
  regionCode: proposals.regionCode,
  provinceCode: proposals.provinceCode,
  title: proposals.title,
  description: proposals.description,
  estimatedCostCentimes: proposals.estimatedCostCentimes,
  targetGroup: proposals.targetGroup,
  status: proposals.status,
  decisionNote: proposals.decisionNote,
  decidedAt: proposals.decidedAt,
  projectId: proposals.projectId,
  supportCount: sql<number>`(select count(*)::int from ${proposalSupports} s where s.proposal_id = ${proposals.id})`,
  commentCount: sql<number>`(select count(*)::int from ${proposalComments} c where c.proposal_id = ${proposals.id})`,
  submittedByName: users.fullName,
  createdAt: proposals.createdAt,
  updatedAt: proposals.updatedAt,
  version: proposals.version,
};

export interface ProposalFilter {
  q?: string;
  status?: ProposalStatus;
  theme?: ProposalTheme;
  region?: string;
  organizationId?: string;
  projectId?: string;
  limit: number;
  cursorKey?: unknown[];
}

/** Newest first, within the caller's visibility. */
export async function list(db: Queryable, visible: SQL | undefined, f: ProposalFilter): Promise<Proposal[]> {
  const where: (SQL | undefined)[] = [
    visible,
    f.status ? eq(proposals.status, f.status) : undefined,
    f.theme ? eq(proposals.theme, f.theme) : undefined,
    f.region ? eq(proposals.regionCode, f.region) : undefined,
    f.organizationId ? eq(proposals.organizationId, f.organizationId) : undefined,
    f.projectId ? eq(proposals.projectId, f.projectId) : undefined,
    f.q
      ? sql`f_unaccent(${proposals.title} || ' ' || ${organizations.nameFr}) like '%' || f_unaccent(${escapeLike(f.q)}) || '%'`
      : undefined,
    f.cursorKey ? before([proposals.id], f.cursorKey) : undefined,
  ];
  return (
    db
      .select(columns)
      .from(proposals)
      .innerJoin(organizations, eq(organizations.id, proposals.organizationId))
      .leftJoin(users, eq(users.id, proposals.submittedBy))
      .where(and(...where))
      // UUIDv7 ids are in submission order (the demo makes them from their past dates).
      .orderBy(desc(proposals.id))
      .limit(f.limit + 1)
  );
}

/** Counts by region and status within the caller's visibility and the list's filters (status aside). */
export async function countsByRegion(
  db: Queryable,
  visible: SQL | undefined,
  f: Omit<ProposalFilter, "limit" | "cursorKey" | "status">,
) {
  const where: (SQL | undefined)[] = [
    visible,
    f.theme ? eq(proposals.theme, f.theme) : undefined,
    f.region ? eq(proposals.regionCode, f.region) : undefined,
    f.organizationId ? eq(proposals.organizationId, f.organizationId) : undefined,
    f.q
      ? sql`f_unaccent(${proposals.title} || ' ' || ${organizations.nameFr}) like '%' || f_unaccent(${escapeLike(f.q)}) || '%'`
      : undefined,
  ];
  return db
    .select({ regionCode: proposals.regionCode, status: proposals.status, count: sql<number>`count(*)::int` })
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.organizationId))
    .where(and(...where))
    .groupBy(proposals.regionCode, proposals.status)
    .orderBy(proposals.regionCode);
}

export async function find(
  db: Queryable,
  visible: SQL | undefined,
  id: string,
  opts: { lock?: boolean } = {},
) {
  const q = db
    .select(columns)
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.organizationId))
    .leftJoin(users, eq(users.id, proposals.submittedBy))
    .where(and(eq(proposals.id, id), visible));
  const [row] = opts.lock ? await q.for("update", { of: proposals }) : await q;
  return row;
}

export async function insert(db: Queryable, values: ProposalInsert) {
  const [row] = await db.insert(proposals).values(values).returning({ id: proposals.id });
  return row?.id as string;
}

export async function update(db: Queryable, id: string, values: Partial<ProposalInsert>) {
  await db
    .update(proposals)
    .set({ ...values, version: sql`${proposals.version} + 1`, updatedAt: sql`now()` })
    .where(eq(proposals.id, id));
}

export async function supportsOf(db: Queryable, proposalId: string) {
  return db
    .select({
      organizationId: proposalSupports.organizationId,
      organizationName: organizations.nameFr,
      organizationNameAr: organizations.nameAr,
      createdAt: proposalSupports.createdAt,
    })
    .from(proposalSupports)
    .innerJoin(organizations, eq(organizations.id, proposalSupports.organizationId))
    .where(eq(proposalSupports.proposalId, proposalId))
    .orderBy(proposalSupports.createdAt, organizations.nameFr);
}

/** Inserts the support; false when this organisation already supports the proposal. */
export async function addSupport(
  db: Queryable,
  values: { proposalId: string; organizationId: string; supportedBy: string },
): Promise<boolean> {
  const rows = await db
    .insert(proposalSupports)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: proposalSupports.proposalId });
  return rows.length > 0;
}

export async function removeSupport(db: Queryable, proposalId: string, organizationId: string) {
  const rows = await db
    .delete(proposalSupports)
    .where(
      and(eq(proposalSupports.proposalId, proposalId), eq(proposalSupports.organizationId, organizationId)),
    )
    .returning({ id: proposalSupports.proposalId });
  return rows.length > 0;
}

const commentColumns = {
  id: proposalComments.id,
  body: proposalComments.body,
  authorName: users.fullName,
  organizationName: organizations.nameFr,
  createdAt: proposalComments.createdAt,
};

/** Oldest first, as a conversation reads. */
export async function comments(
  db: Queryable,
  proposalId: string,
  limit: number,
  cursorKey?: unknown[],
  onlyId?: string,
) {
  return db
    .select(commentColumns)
    .from(proposalComments)
    .innerJoin(users, eq(users.id, proposalComments.authorId))
    .leftJoin(organizations, eq(organizations.id, proposalComments.organizationId))
    .where(
      and(
        eq(proposalComments.proposalId, proposalId),
        onlyId ? eq(proposalComments.id, onlyId) : undefined,
        cursorKey ? after([proposalComments.id], cursorKey) : undefined,
      ),
    )
    .orderBy(proposalComments.id)
    .limit(limit + 1);
}

export async function insertComment(db: Queryable, values: typeof proposalComments.$inferInsert) {
  const [row] = await db.insert(proposalComments).values(values).returning({ id: proposalComments.id });
  return row?.id as string;
}
