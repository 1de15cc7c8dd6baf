import { sql } from "drizzle-orm";
import { v7 } from "uuid";
import { daysFromToday } from "../../contracts/calendar.ts";
import type { ProposalStatus } from "../../contracts/proposals.ts";
import { users } from "../modules/access/index.ts";
import { proposalComments, proposalSupports, proposals } from "../modules/consultations/index.ts";
import { organizations } from "../modules/organizations/index.ts";
import { projects, refreshProjectParties } from "../modules/partnerships/index.ts";
import { auditEvents } from "../platform/audit.table.ts";
import type { Db } from "../platform/database.ts";
import { DECISION_NOTES, DEMO_COMMENTS, PROPOSAL_IDEAS } from "./proposals.demo.data.ts";

/**
 * Stakeholder proposals of the demo: four to six per region in six regions, at every
 * status, with comments (regional officers, the partner) and supports of the other
 * organisations of the region; one retained proposal of Casablanca-Settat became a
 * project. Does nothing if proposals exist. Bulk inserts: a few milliseconds.
 */
const REGIONS = ["MA-06", "MA-04", "MA-07", "MA-01", "MA-03", "MA-09"];
const STATUSES: ProposalStatus[] = [
  "received",
  "under_study",
  "retained",
  "not_retained",
  "received",
  "under_study",
];
const DAY = 86_400_000;

export async function loadDemoProposals(db: Db) {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(proposals);
  if (existing?.n) return { proposals: 0 };
  const orgs = await db
    .select({
      id: organizations.id,
      regionCode: organizations.regionCode,
      provinceCode: organizations.provinceCode,
      type: organizations.type,
    })
    .from(organizations)
    .where(
      sql`${organizations.regionCode} = any(${sql.param(REGIONS)}) and ${organizations.type} in ('association', 'cooperative', 'local_authority', 'partner')`,
    )
    .orderBy(organizations.nameFr);
  const people = new Map(
    (await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]),
  );
  const officerOf = (region: string) =>
    people.get(
      region === "MA-06"
        ? "casablanca@jisr.local"
        : region === "MA-04"
          ? "rabat@jisr.local"
          : "national@jisr.local",
    ) ?? null;
  const partnerUser = people.get("partner@jisr.local") ?? null;
  const ocp = orgs.find((o) => o.type === "partner" && o.regionCode === "MA-06");

  const rows: (typeof proposals.$inferInsert)[] = [];
  const comments: (typeof proposalComments.$inferInsert)[] = [];
  const supports: (typeof proposalSupports.$inferInsert)[] = [];
  const start = Date.now() - 150 * DAY;
  let n = 0;
  for (const region of REGIONS) {
    const local = orgs.filter((o) => o.regionCode === region && o.type !== "partner");
    const count = region === "MA-06" ? 6 : 4;
    for (let i = 0; i < count && local.length; i++) {
      const author = local[(i + n) % local.length] as (typeof local)[number];
      const idea = PROPOSAL_IDEAS[(n * 3 + i) % PROPOSAL_IDEAS.length] as (typeof PROPOSAL_IDEAS)[number];
      const status = STATUSES[i] as ProposalStatus;
      const created = start + (n * 5 + i) * DAY + 9 * 3_600_000;
      const id = v7({ msecs: created });
      const decided = status === "retained" || status === "not_retained";
      const officer = officerOf(region);
      rows.push({
        id,
        organizationId: author.id,
        theme: idea.theme,
        regionCode: region,
        provinceCode: author.provinceCode,
        title: idea.title,
        description: idea.description,
        estimatedCostCentimes: idea.costMad * 100,
        targetGroup: idea.targetGroup,
        status,
        decisionNote: decided ? DECISION_NOTES[status as "retained" | "not_retained"] : null,
        decidedAt: status === "received" ? null : new Date(created + 12 * DAY).toISOString(),
        decidedBy: status === "received" ? null : officer,
        submittedBy: null,
        createdAt: new Date(created).toISOString(),
        updatedAt: new Date(created + (status === "received" ? 0 : 12 * DAY)).toISOString(),
        version: status === "received" ? 1 : decided ? 3 : 2,
      });
      // Other organisations of the region back the proposals still under consideration (and the retained).
      if (status !== "not_retained")
        for (const other of local.filter((o) => o.id !== author.id).slice(0, 1 + (i % 3)))
          supports.push({
            proposalId: id,
            organizationId: other.id,
            createdAt: new Date(created + 3 * DAY).toISOString(),
          });
      if (region === "MA-06" && ocp && status !== "not_retained" && i % 2 === 0)
        supports.push({
          proposalId: id,
          organizationId: ocp.id,
          supportedBy: partnerUser,
          createdAt: new Date(created + 4 * DAY).toISOString(),
        });
      if (officer && i % 2 === 0)
        comments.push({
          id: v7({ msecs: created + 2 * DAY }),
          proposalId: id,
          authorId: officer,
          body: DEMO_COMMENTS[(n + i) % DEMO_COMMENTS.length] as string,
          createdAt: new Date(created + 2 * DAY).toISOString(),
        });
      if (region === "MA-06" && partnerUser && ocp && i % 3 === 1)
        comments.push({
          id: v7({ msecs: created + 5 * DAY }),
          proposalId: id,
          authorId: partnerUser,
          organizationId: ocp.id,
          body: DEMO_COMMENTS[1] as string,
          createdAt: new Date(created + 5 * DAY).toISOString(),
        });
    }
    n++;
  }
  await db.transaction(async (tx) => {
    await tx.insert(proposals).values(rows);
    if (supports.length) await tx.insert(proposalSupports).values(supports);
    if (comments.length) await tx.insert(proposalComments).values(comments);
    // The first retained proposal of Casablanca-Settat became a project.
    const converted = rows.find((r) => r.regionCode === "MA-06" && r.status === "retained");
    if (converted) {
      const [project] = await tx
        .insert(projects)
        .values({
          code: "PRP-DEMO-001",
          titleFr: converted.title,
          regionCode: converted.regionCode,
          provinceCode: converted.provinceCode,
          sector: "establishments",
          targetGroup: converted.targetGroup,
          startDate: daysFromToday(30),
          endDate: daysFromToday(395),
          responsibleOrgId: converted.organizationId,
          description: converted.description,
        })
        .returning({ id: projects.id });
      // Parties as the partnerships module keeps them (convention parties and funders: none yet).
      await refreshProjectParties(tx, { projectId: project?.id as string });
      await tx
        .update(proposals)
        .set({ projectId: project?.id, version: 4 })
        .where(sql`${proposals.id} = ${converted.id}`);
      await tx.insert(auditEvents).values({
        actorLabel: "system",
        action: "proposal.convert",
        entityType: "proposal",
        entityId: converted.id as string,
        changes: { projectId: { before: null, after: project?.id } },
        requestId: "demo",
      });
    }
    await tx.insert(auditEvents).values(
      rows.map((r) => ({
        actorId: null,
        actorLabel: "system",
        action: "proposal.submit",
        entityType: "proposal",
        entityId: r.id as string,
        changes: { title: { before: null, after: r.title }, status: { before: null, after: r.status } },
        requestId: "demo",
        ip: null,
      })),
    );
  });
  return { proposals: rows.length, supports: supports.length, comments: comments.length };
}
