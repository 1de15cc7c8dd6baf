import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ATTENDANCE_STATUSES,
  REFERRAL_SOURCES,
  SERVICE_TYPES,
  STAY_STATUSES,
} from "../../../contracts/residents.ts";
import { idColumn, now, tz, versioned } from "../../platform/columns.ts";
import { users } from "../access/access.table.ts";
import { persons } from "../beneficiaries/index.ts";
import { establishments } from "./establishments.table.ts";

export const referralSourceEnum = pgEnum("referral_source", REFERRAL_SOURCES);
export const stayStatusEnum = pgEnum("stay_status", STAY_STATUSES);
export const residentServiceTypeEnum = pgEnum("resident_service_type", SERVICE_TYPES);
export const attendanceStatusEnum = pgEnum("attendance_status", ATTENDANCE_STATUSES);

/**
 * A stay of a person in an establishment, from the admission request to the discharge.
 * The sex is copied from the person at the request: capacity is counted per sex.
 * At most one open stay (requested, accepted, admitted) per person.
 */
export const residentStays = pgTable(
  "resident_stays",
  {
    id: idColumn(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    sex: text("sex", { enum: ["female", "male"] }).notNull(),
    status: stayStatusEnum("status").notNull().default("requested"),
    referralSource: referralSourceEnum("referral_source").notNull(),
    requestReason: text("request_reason").notNull(),
    requestedOn: date("requested_on", { mode: "string" }).notNull(),
    decidedOn: date("decided_on", { mode: "string" }),
    decisionReason: text("decision_reason"),
    admittedOn: date("admitted_on", { mode: "string" }),
    place: text("place"),
    overCapacityReason: text("over_capacity_reason"),
    dischargedOn: date("discharged_on", { mode: "string" }),
    dischargeReason: text("discharge_reason"),
    dischargeDestination: text("discharge_destination"),
    ...versioned(),
  },
  (t) => [
    index("resident_stays_establishment_idx").on(t.establishmentId, t.status),
    uniqueIndex("resident_stays_one_open_key")
      .on(t.personId)
      .where(sql`status in ('requested', 'accepted', 'admitted')`),
    index("resident_stays_person_idx").on(t.personId),
    check("resident_stays_sex_check", sql`${t.sex} in ('female', 'male')`),
    check(
      "resident_stays_dates_check",
      sql`${t.dischargedOn} is null or (${t.admittedOn} is not null and ${t.dischargedOn} >= ${t.admittedOn})`,
    ),
  ],
);

/** Services received by a resident (the resident file). */
export const residentServices = pgTable(
  "resident_services",
  {
    id: idColumn(),
    stayId: uuid("stay_id")
      .notNull()
      .references(() => residentStays.id, { onDelete: "cascade" }),
    deliveredOn: date("delivered_on", { mode: "string" }).notNull(),
    type: residentServiceTypeEnum("type").notNull(),
    note: text("note"),
    provider: text("provider"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: tz("created_at").notNull().default(now),
  },
  (t) => [index("resident_services_stay_idx").on(t.stayId, t.deliveredOn)],
);

/** Daily attendance register: one line per resident and day. */
export const residentAttendance = pgTable(
  "resident_attendance",
  {
    stayId: uuid("stay_id")
      .notNull()
      .references(() => residentStays.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id),
    status: attendanceStatusEnum("status").notNull(),
    updatedAt: tz("updated_at").notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.stayId, t.day] }),
    index("resident_attendance_day_idx").on(t.establishmentId, t.day),
  ],
);
