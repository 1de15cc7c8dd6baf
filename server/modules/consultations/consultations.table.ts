import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { PROPOSAL_STATUSES, PROPOSAL_THEMES } from "../../../contracts/proposals.ts";
import { idColumn, now, tz, versioned } from "../../platform/columns.ts";
import { users } from "../access/index.ts";
import { organizations } from "../organizations/index.ts";
import { projects } from "../partnerships/index.ts";
import { provinces, regions } from "../territories/index.ts";

export const proposalThemeEnum = pgEnum("proposal_theme", PROPOSAL_THEMES);
export const proposalStatusEnum = pgEnum("proposal_status", PROPOSAL_STATUSES);

/**
 * A stakeholder's proposal. The link to the project it became is kept here
 * (`project_id`, unique: one project per proposal) so the partnerships tables
 * stay untouched; the project page finds its proposal through
 * GET /proposals?projectId=….
 */
export const proposals = pgTable(
  "proposals",
  {
    id: idColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    theme: proposalThemeEnum("theme").notNull(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    provinceCode: text("province_code").references(() => provinces.code),
    title: text("title").notNull(),
    description: text("description").notNull(),
    estimatedCostCentimes: bigint("estimated_cost_centimes", { mode: "number" }),
    targetGroup: text("target_group"),
    status: proposalStatusEnum("status").notNull().default("received"),
    /** The reason (not retained, reopened) or note (retained) of the last decision. */
    decisionNote: text("decision_note"),
    decidedAt: tz("decided_at"),
    decidedBy: uuid("decided_by").references(() => users.id),
    submittedBy: uuid("submitted_by").references(() => users.id),
    projectId: uuid("project_id").references(() => projects.id),
    ...versioned(),
  },
  (t) => [
    index("proposals_region_status_idx").on(t.regionCode, t.status),
    index("proposals_organization_idx").on(t.organizationId),
    uniqueIndex("proposals_project_key").on(t.projectId),
    check("proposals_cost_check", sql`${t.estimatedCostCentimes} >= 0`),
  ],
);

/** Comments on a proposal by anyone who can read it; never edited (an exchange, like minutes). */
export const proposalComments = pgTable(
  "proposal_comments",
  {
    id: idColumn(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    /** The organisation the author spoke for, when their role is held on one. */
    organizationId: uuid("organization_id").references(() => organizations.id),
    body: text("body").notNull(),
    createdAt: tz("created_at").notNull().default(now),
  },
  (t) => [index("proposal_comments_proposal_idx").on(t.proposalId, t.id)],
);

/** One support per organisation and proposal; the author's organisation cannot support its own. */
export const proposalSupports = pgTable(
  "proposal_supports",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    supportedBy: uuid("supported_by").references(() => users.id),
    createdAt: tz("created_at").notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.organizationId] }),
    index("proposal_supports_organization_idx").on(t.organizationId),
  ],
);
