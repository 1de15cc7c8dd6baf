import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ITEM_STATUSES, PROJECT_DOMAINS, PROJECT_PHASES } from "../../../contracts/establishment-projects.ts";
import { idColumn, now, tz, versioned } from "../../platform/columns.ts";
import { organizations } from "../organizations/index.ts";
import { establishments } from "./establishments.table.ts";

export const projectPhaseEnum = pgEnum("project_phase", PROJECT_PHASES);
export const projectDomainEnum = pgEnum("project_domain", PROJECT_DOMAINS);
export const projectItemStatusEnum = pgEnum("project_item_status", ITEM_STATUSES);

/** One project per establishment; its partner accompanies it. */
export const establishmentProjects = pgTable(
  "establishment_projects",
  {
    id: idColumn(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id),
    phase: projectPhaseEnum("phase").notNull().default("diagnostic"),
    partnerOrganizationId: uuid("partner_organization_id").references(() => organizations.id),
    startedOn: date("started_on", { mode: "string" }),
    summary: text("summary"),
    ...versioned(),
  },
  (t) => [uniqueIndex("establishment_projects_establishment_key").on(t.establishmentId)],
);

export const projectDiagnostics = pgTable(
  "project_diagnostics",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => establishmentProjects.id, { onDelete: "cascade" }),
    domain: projectDomainEnum("domain").notNull(),
    score: integer("score").notNull(),
    notes: text("notes"),
    updatedAt: tz("updated_at").notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.domain] }),
    check("project_diagnostics_score_check", sql`${t.score} between 0 and 5`),
  ],
);

export const projectActionItems = pgTable(
  "project_action_items",
  {
    id: idColumn(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => establishmentProjects.id, { onDelete: "cascade" }),
    domain: projectDomainEnum("domain").notNull(),
    title: text("title").notNull(),
    owner: text("owner"),
    dueOn: date("due_on", { mode: "string" }),
    costCentimes: bigint("cost_centimes", { mode: "number" }),
    funderOrganizationId: uuid("funder_organization_id").references(() => organizations.id),
    status: projectItemStatusEnum("status").notNull().default("todo"),
    evidence: text("evidence"),
    ...versioned(),
  },
  (t) => [
    index("project_action_items_project_idx").on(t.projectId, t.dueOn),
    check("project_action_items_cost_check", sql`${t.costCentimes} is null or ${t.costCentimes} >= 0`),
  ],
);

export const projectMeetings = pgTable(
  "project_meetings",
  {
    id: idColumn(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => establishmentProjects.id, { onDelete: "cascade" }),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    attendees: text("attendees").notNull(),
    decisions: text("decisions").notNull(),
    createdAt: tz("created_at").notNull().default(now),
  },
  (t) => [index("project_meetings_project_idx").on(t.projectId, t.heldOn)],
);
