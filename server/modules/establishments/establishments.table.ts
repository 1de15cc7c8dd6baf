import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  doublePrecision,
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
  ACTION_STATUSES,
  AUTHORISATION_STATUSES,
  type CheckResult,
  CONNECTIVITY_TYPES,
  ESTABLISHMENT_CATEGORIES,
  HOT_WATER_TYPES,
  STAFF_FUNCTIONS,
  WORK_NATURES,
} from "../../../contracts/establishments.ts";
import { idColumn, now, tz, versioned } from "../../platform/columns.ts";
import { organizations } from "../organizations/index.ts";
import { provinces, regions } from "../territories/index.ts";

export const establishmentCategoryEnum = pgEnum("establishment_category", ESTABLISHMENT_CATEGORIES);
export const authorisationStatusEnum = pgEnum("authorisation_status", AUTHORISATION_STATUSES);
export const connectivityEnum = pgEnum("connectivity_type", CONNECTIVITY_TYPES);
export const hotWaterEnum = pgEnum("hot_water_type", HOT_WATER_TYPES);
export const staffFunctionEnum = pgEnum("staff_function", STAFF_FUNCTIONS);
export const workNatureEnum = pgEnum("work_nature", WORK_NATURES);
export const actionStatusEnum = pgEnum("corrective_action_status", ACTION_STATUSES);

const money = (name: string) => bigint(name, { mode: "number" });

/** Social protection establishments (EPS). Infrastructure (one per establishment) lives on the row. */
export const establishments = pgTable(
  "establishments",
  {
    id: idColumn(),
    code: text("code").notNull(),
    nameFr: text("name_fr").notNull(),
    nameAr: text("name_ar"),
    category: establishmentCategoryEnum("category").notNull(),
    managingOrganizationId: uuid("managing_organization_id").references(() => organizations.id),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    provinceCode: text("province_code").references(() => provinces.code),
    commune: text("commune"),
    address: text("address"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    openingDate: date("opening_date"),
    phone: text("phone"),
    email: text("email"),
    directorName: text("director_name"),
    authorisationStatus: authorisationStatusEnum("authorisation_status").notNull().default("pending"),
    authorisationNumber: text("authorisation_number"),
    authorisationIssuedOn: date("authorisation_issued_on"),
    authorisationExpiresOn: date("authorisation_expires_on"),
    capacityMale: integer("capacity_male").notNull().default(0),
    capacityFemale: integer("capacity_female").notNull().default(0),
    // Infrastructure
    connectivity: connectivityEnum("connectivity").notNull().default("none"),
    connectivitySince: date("connectivity_since"),
    connectivityFunderId: uuid("connectivity_funder_id").references(() => organizations.id),
    solarKwp: numeric("solar_kwp", { precision: 8, scale: 2, mode: "number" }),
    solarInstalledOn: date("solar_installed_on"),
    solarFunderId: uuid("solar_funder_id").references(() => organizations.id),
    hotWater: hotWaterEnum("hot_water").notNull().default("none"),
    archivedAt: tz("archived_at"),
    ...versioned(),
  },
  (t) => [
    uniqueIndex("establishments_code_key").on(t.code),
    index("establishments_name_idx").on(t.nameFr, t.id),
    index("establishments_region_idx").on(t.regionCode, t.nameFr, t.id),
    index("establishments_province_idx").on(t.provinceCode),
    index("establishments_org_idx").on(t.managingOrganizationId),
    check("establishments_capacity_check", sql`${t.capacityMale} >= 0 and ${t.capacityFemale} >= 0`),
    index("establishments_search_idx").using(
      "gin",
      sql`f_unaccent(${t.code} || ' ' || ${t.nameFr} || ' ' || coalesce(${t.nameAr}, '')) gin_trgm_ops`,
    ),
  ],
);

/** Staff by function, head counts by sex. */
export const establishmentStaff = pgTable(
  "establishment_staff",
  {
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    function: staffFunctionEnum("function").notNull(),
    male: integer("male").notNull().default(0),
    female: integer("female").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.establishmentId, t.function] }),
    check("establishment_staff_counts_check", sql`${t.male} >= 0 and ${t.female} >= 0`),
  ],
);

/** Rehabilitation and equipment works history. */
export const establishmentWorks = pgTable(
  "establishment_works",
  {
    id: idColumn(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    workDate: date("work_date").notNull(),
    nature: workNatureEnum("nature").notNull(),
    description: text("description"),
    amountCentimes: money("amount_centimes"),
    funderId: uuid("funder_id").references(() => organizations.id),
    conventionReference: text("convention_reference"),
    ...versioned(),
  },
  (t) => [index("establishment_works_establishment_idx").on(t.establishmentId, t.workDate)],
);

/** Pilot cohorts: named groups of establishments with a goal and a target count. */
export const cohorts = pgTable(
  "cohorts",
  {
    id: idColumn(),
    code: text("code").notNull(),
    nameFr: text("name_fr").notNull(),
    nameAr: text("name_ar"),
    goal: text("goal"),
    targetCount: integer("target_count").notNull(),
    partnerId: uuid("partner_id").references(() => organizations.id),
    archivedAt: tz("archived_at"),
    ...versioned(),
  },
  (t) => [uniqueIndex("cohorts_code_key").on(t.code), index("cohorts_name_idx").on(t.nameFr, t.id)],
);

export const cohortMembers = pgTable(
  "cohort_members",
  {
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    joinedAt: tz("joined_at").notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.establishmentId] }),
    index("cohort_members_establishment_idx").on(t.establishmentId),
  ],
);

export interface ChecklistRow {
  standardCode: string;
  label: string;
  result: CheckResult;
  note: string | null;
}

/** Inspection visits with a checklist of standards and findings. */
export const inspections = pgTable(
  "inspections",
  {
    id: idColumn(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    visitDate: date("visit_date").notNull(),
    inspectorName: text("inspector_name").notNull(),
    checklist: jsonb("checklist").$type<ChecklistRow[]>().notNull().default([]),
    findings: text("findings"),
    followUp: text("follow_up"),
    ...versioned(),
  },
  (t) => [index("inspections_establishment_idx").on(t.establishmentId, t.visitDate)],
);

export const correctiveActions = pgTable(
  "corrective_actions",
  {
    id: idColumn(),
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id, { onDelete: "cascade" }),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    dueDate: date("due_date").notNull(),
    status: actionStatusEnum("status").notNull().default("open"),
    doneOn: date("done_on"),
    followUpNote: text("follow_up_note"),
    ...versioned(),
  },
  (t) => [
    index("corrective_actions_inspection_idx").on(t.inspectionId),
    index("corrective_actions_open_idx").on(t.establishmentId, t.dueDate).where(sql`${t.status} = 'open'`),
  ],
);
