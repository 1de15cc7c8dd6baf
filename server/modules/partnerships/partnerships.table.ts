import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  BUDGET_CATEGORIES,
  CONVENTION_STATUSES,
  CONVENTION_TYPES,
  PARTY_ROLES,
  PROJECT_SECTORS,
  PROJECT_STATUSES,
} from "../../../contracts/partnerships.ts";
import { idColumn, now, tz, versioned } from "../../platform/columns.ts";
import { users } from "../access/index.ts";
import { establishments } from "../establishments/index.ts";
import { organizations } from "../organizations/index.ts";
import { programs } from "../programs/index.ts";
import { provinces, regions } from "../territories/index.ts";

export const conventionTypeEnum = pgEnum("convention_type", CONVENTION_TYPES);
export const conventionStatusEnum = pgEnum("convention_status", CONVENTION_STATUSES);
export const partyRoleEnum = pgEnum("party_role", PARTY_ROLES);
export const projectStatusEnum = pgEnum("project_status", PROJECT_STATUSES);
export const projectSectorEnum = pgEnum("project_sector", PROJECT_SECTORS);
export const budgetCategoryEnum = pgEnum("budget_category", BUDGET_CATEGORIES);

/** Money is an integer number of centimes (MAD). */
const money = (name: string) => bigint(name, { mode: "number" });

/**
 * Partnership conventions (framework or specific). `partyOrgIds` repeats the
 * parties' organisations (kept in step by the service) so the scope filter
 * answers "conventions this partner signed" from the row, with a GIN index.
 */
export const conventions = pgTable(
  "conventions",
  {
    id: idColumn(),
    reference: text("reference").notNull(),
    titleFr: text("title_fr").notNull(),
    titleAr: text("title_ar"),
    type: conventionTypeEnum("type").notNull(),
    parentId: uuid("parent_id"),
    status: conventionStatusEnum("status").notNull().default("draft"),
    signedOn: date("signed_on"),
    signedPlace: text("signed_place"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    /** A regional convention belongs to its region; national ones have none. */
    regionCode: text("region_code").references(() => regions.code),
    summary: text("summary"),
    partyOrgIds: uuid("party_org_ids").array().notNull().default(sql`'{}'::uuid[]`),
    archivedAt: tz("archived_at"),
    ...versioned(),
  },
  (t) => [
    uniqueIndex("conventions_reference_key").on(t.reference),
    index("conventions_title_idx").on(t.titleFr, t.id),
    index("conventions_region_idx").on(t.regionCode),
    index("conventions_parties_idx").using("gin", t.partyOrgIds),
    check(
      "conventions_dates_check",
      sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`,
    ),
  ],
);

/** A party to a convention: its role, its committed amount and its other commitments. */
export const conventionParties = pgTable(
  "convention_parties",
  {
    id: idColumn(),
    conventionId: uuid("convention_id")
      .notNull()
      .references(() => conventions.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    role: partyRoleEnum("role").notNull(),
    committedCentimes: money("committed_centimes").notNull().default(0),
    otherCommitments: text("other_commitments"),
  },
  (t) => [
    uniqueIndex("convention_parties_key").on(t.conventionId, t.organizationId),
    index("convention_parties_org_idx").on(t.organizationId),
    check("convention_parties_amount_check", sql`${t.committedCentimes} >= 0`),
  ],
);

/** Axes of a convention, each with its targets. */
export const conventionAxes = pgTable(
  "convention_axes",
  {
    id: idColumn(),
    conventionId: uuid("convention_id")
      .notNull()
      .references(() => conventions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    titleFr: text("title_fr").notNull(),
    titleAr: text("title_ar"),
    description: text("description"),
  },
  (t) => [uniqueIndex("convention_axes_position_key").on(t.conventionId, t.position)],
);

export const axisTargets = pgTable(
  "axis_targets",
  {
    id: idColumn(),
    axisId: uuid("axis_id")
      .notNull()
      .references(() => conventionAxes.id, { onDelete: "cascade" }),
    labelFr: text("label_fr").notNull(),
    labelAr: text("label_ar"),
    targetValue: numeric("target_value", { precision: 14, scale: 2, mode: "number" }),
    unit: text("unit"),
    /** Code of the indicator that measures it, when there is one. */
    indicatorCode: text("indicator_code"),
  },
  (t) => [index("axis_targets_axis_idx").on(t.axisId)],
);

/**
 * Social projects, declined from a convention axis or standalone. `partyOrgIds`
 * holds the organisations that may see it as partners (its convention's parties
 * and its funders), kept in step by the service.
 */
export const projects = pgTable(
  "projects",
  {
    id: idColumn(),
    code: text("code").notNull(),
    titleFr: text("title_fr").notNull(),
    titleAr: text("title_ar"),
    conventionId: uuid("convention_id").references(() => conventions.id),
    axisId: uuid("axis_id").references(() => conventionAxes.id),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    provinceCode: text("province_code").references(() => provinces.code),
    sector: projectSectorEnum("sector").notNull(),
    targetGroup: text("target_group"),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    status: projectStatusEnum("status").notNull().default("planned"),
    responsibleOrgId: uuid("responsible_org_id").references(() => organizations.id),
    /** Physical progress in percent, entered by the project's follow-up. */
    physicalProgress: integer("physical_progress").notNull().default(0),
    description: text("description"),
    partyOrgIds: uuid("party_org_ids").array().notNull().default(sql`'{}'::uuid[]`),
    archivedAt: tz("archived_at"),
    ...versioned(),
  },
  (t) => [
    uniqueIndex("projects_code_key").on(t.code),
    index("projects_title_idx").on(t.titleFr, t.id),
    index("projects_region_idx").on(t.regionCode, t.status),
    index("projects_province_idx").on(t.provinceCode),
    index("projects_convention_idx").on(t.conventionId),
    index("projects_parties_idx").using("gin", t.partyOrgIds),
    check("projects_dates_check", sql`${t.endDate} >= ${t.startDate}`),
    check("projects_progress_check", sql`${t.physicalProgress} between 0 and 100`),
  ],
);

export const projectEstablishments = pgTable(
  "project_establishments",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.establishmentId] }),
    index("project_establishments_establishment_idx").on(t.establishmentId),
  ],
);

export const projectPrograms = pgTable(
  "project_programs",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.programId] }),
    index("project_programs_program_idx").on(t.programId),
  ],
);

/** Budget by line and by funder: what a funder commits to a project is the sum of its lines. */
export const projectBudgetLines = pgTable(
  "project_budget_lines",
  {
    id: idColumn(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    category: budgetCategoryEnum("category").notNull(),
    funderId: uuid("funder_id")
      .notNull()
      .references(() => organizations.id),
    amountCentimes: money("amount_centimes").notNull(),
    ...versioned(),
  },
  (t) => [
    index("project_budget_lines_project_idx").on(t.projectId, t.funderId),
    index("project_budget_lines_funder_idx").on(t.funderId),
    check("project_budget_lines_amount_check", sql`${t.amountCentimes} > 0`),
  ],
);

export const projectMilestones = pgTable(
  "project_milestones",
  {
    id: idColumn(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    titleFr: text("title_fr").notNull(),
    titleAr: text("title_ar"),
    plannedDate: date("planned_date").notNull(),
    actualDate: date("actual_date"),
    ...versioned(),
  },
  (t) => [
    index("project_milestones_project_idx").on(t.projectId, t.plannedDate),
    // Late milestones (planned date passed, not reached) are read by dashboards.
    index("project_milestones_open_idx").on(t.plannedDate).where(sql`${t.actualDate} is null`),
  ],
);

/** A tranche of a funder's money, due when its milestone is reached. */
export const projectTranches = pgTable(
  "project_tranches",
  {
    id: idColumn(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    funderId: uuid("funder_id")
      .notNull()
      .references(() => organizations.id),
    milestoneId: uuid("milestone_id").references(() => projectMilestones.id),
    position: integer("position").notNull(),
    label: text("label"),
    amountCentimes: money("amount_centimes").notNull(),
    ...versioned(),
  },
  (t) => [
    index("project_tranches_project_idx").on(t.projectId, t.funderId),
    index("project_tranches_milestone_idx").on(t.milestoneId),
    check("project_tranches_amount_check", sql`${t.amountCentimes} > 0`),
  ],
);

/** Money actually paid by a funder to a project: never more than it committed. */
export const disbursements = pgTable(
  "disbursements",
  {
    id: idColumn(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    funderId: uuid("funder_id")
      .notNull()
      .references(() => organizations.id),
    trancheId: uuid("tranche_id").references(() => projectTranches.id),
    paidOn: date("paid_on").notNull(),
    amountCentimes: money("amount_centimes").notNull(),
    reference: text("reference"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: tz("created_at").notNull().default(now),
  },
  (t) => [
    index("disbursements_project_idx").on(t.projectId, t.funderId),
    index("disbursements_funder_idx").on(t.funderId, t.paidOn),
    check("disbursements_amount_check", sql`${t.amountCentimes} > 0`),
  ],
);
