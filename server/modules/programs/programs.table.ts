import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  APPLICATION_STATUSES,
  CHANNELS,
  EVENT_KINDS,
  SERVICE_TYPES,
} from "../../../contracts/applications.ts";
import type { EligibilityResult, RuleGroup } from "../../../contracts/eligibility.ts";
import {
  BENEFIT_TYPES,
  PERIODICITIES,
  PROGRAM_STATUSES,
  STAGE_KINDS,
  type TargetGroup,
} from "../../../contracts/programs.ts";
import { idColumn, now, tz, versioned } from "../../platform/columns.ts";
import { persons } from "../beneficiaries/index.ts";
import { organizations } from "../organizations/index.ts";
import { regions } from "../territories/index.ts";

export const benefitTypeEnum = pgEnum("benefit_type", BENEFIT_TYPES);
export const programStatusEnum = pgEnum("program_status", PROGRAM_STATUSES);
export const periodicityEnum = pgEnum("amount_periodicity", PERIODICITIES);
export const stageKindEnum = pgEnum("stage_kind", STAGE_KINDS);
export const applicationStatusEnum = pgEnum("application_status", APPLICATION_STATUSES);
export const channelEnum = pgEnum("application_channel", CHANNELS);
export const applicationEventKindEnum = pgEnum("application_event_kind", EVENT_KINDS);
export const serviceTypeEnum = pgEnum("service_type", SERVICE_TYPES);

const money = (name: string) => bigint(name, { mode: "number" });

export const programs = pgTable(
  "programs",
  {
    id: idColumn(),
    code: text("code").notNull(),
    nameFr: text("name_fr").notNull(),
    nameAr: text("name_ar").notNull(),
    objectiveFr: text("objective_fr"),
    objectiveAr: text("objective_ar"),
    targetGroups: jsonb("target_groups").$type<TargetGroup[]>().notNull().default([]),
    benefitType: benefitTypeEnum("benefit_type").notNull(),
    amountCentimes: money("amount_centimes"),
    amountPeriodicity: periodicityEnum("amount_periodicity"),
    amountCeilingCentimes: money("amount_ceiling_centimes"),
    budgetCentimes: money("budget_centimes"),
    national: boolean("national").notNull().default(true),
    capacity: integer("capacity"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    status: programStatusEnum("status").notNull().default("draft"),
    /** Eligibility rules as data, validated by contracts/programs.ts before they are stored. */
    eligibility: jsonb("eligibility")
      .$type<RuleGroup>()
      .notNull()
      .default({ combinator: "all", conditions: [] }),
    ...versioned(),
  },
  (t) => [
    uniqueIndex("programs_code_key").on(t.code),
    index("programs_name_idx").on(t.nameFr, t.id),
    index("programs_status_idx").on(t.status),
  ],
);

export const programFunders = pgTable(
  "program_funders",
  {
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.organizationId] }),
    index("program_funders_org_idx").on(t.organizationId),
  ],
);

export const programRegions = pgTable(
  "program_regions",
  {
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
  },
  (t) => [primaryKey({ columns: [t.programId, t.regionCode] })],
);

export const programStages = pgTable(
  "program_stages",
  {
    id: idColumn(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    code: text("code").notNull(),
    nameFr: text("name_fr").notNull(),
    nameAr: text("name_ar").notNull(),
    kind: stageKindEnum("kind").notNull(),
  },
  (t) => [
    uniqueIndex("program_stages_code_key").on(t.programId, t.code),
    index("program_stages_position_idx").on(t.programId, t.position),
  ],
);

export const applications = pgTable(
  "applications",
  {
    id: idColumn(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    channel: channelEnum("channel").notNull(),
    status: applicationStatusEnum("status").notNull().default("pending"),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => programStages.id),
    stageChangedAt: tz("stage_changed_at").notNull().default(now),
    eligibilityOutcome: text("eligibility_outcome"),
    /** The evaluation kept at filing (or last re-evaluation): rule, values and outcome per condition. */
    eligibilityResult: jsonb("eligibility_result").$type<EligibilityResult>(),
    enrolledOn: date("enrolled_on"),
    closedOn: date("closed_on"),
    rejectionReason: text("rejection_reason"),
    notes: text("notes"),
    /** SHA-256 of the public tracking code (online applications); the code itself is never stored. */
    trackingHash: text("tracking_hash"),
    filedBy: uuid("filed_by"),
    ...versioned(),
  },
  (t) => [
    // One open application per person and programme.
    uniqueIndex("applications_one_open_key")
      .on(t.personId, t.programId)
      .where(sql`status in ('pending', 'enrolled')`),
    uniqueIndex("applications_tracking_key").on(t.trackingHash),
    index("applications_program_idx").on(t.programId, t.createdAt, t.id),
    index("applications_queue_idx").on(t.programId, t.stageChangedAt, t.id).where(sql`status = 'pending'`),
    index("applications_person_idx").on(t.personId),
    // Whether a stage holds applications (a stage holding any cannot be dropped) and the foreign
    // key's check when a stage is dropped: without it both read every application of the country.
    index("applications_stage_idx").on(t.stageId, t.status),
    // The national list, newest first (migration 0011: scale).
    index("applications_created_idx").on(t.createdAt, t.id),
  ],
);

export const applicationEvents = pgTable(
  "application_events",
  {
    id: idColumn(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: applicationEventKindEnum("kind").notNull(),
    fromStage: text("from_stage"),
    toStage: text("to_stage"),
    reason: text("reason"),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label"),
    occurredAt: tz("occurred_at").notNull().default(now),
  },
  (t) => [index("application_events_app_idx").on(t.applicationId, t.occurredAt)],
);

export const applicationServices = pgTable(
  "application_services",
  {
    id: idColumn(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    deliveredOn: date("delivered_on").notNull(),
    type: serviceTypeEnum("type").notNull(),
    quantity: numeric("quantity", { mode: "number" }),
    unit: text("unit"),
    amountCentimes: money("amount_centimes"),
    providerId: uuid("provider_id").references(() => organizations.id),
    notes: text("notes"),
    recordedBy: text("recorded_by"),
    createdAt: tz("created_at").notNull().default(now),
  },
  (t) => [index("application_services_app_idx").on(t.applicationId, t.deliveredOn)],
);

/**
 * Applications per programme, stage and status, kept exact by the triggers of migration 0022 on
 * every write to applications: the programmes list and a programme's page read a few rows here
 * instead of counting a national programme's million applications (3.3 s a list at national scale).
 * Written only by those triggers and `program_stage_counts_rebuild()`.
 */
export const programStageCounts = pgTable(
  "program_stage_counts",
  {
    programId: uuid("program_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    status: applicationStatusEnum("status").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "program_stage_counts_pkey", columns: [t.programId, t.stageId, t.status] })],
);
