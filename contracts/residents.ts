import { z } from "zod";
import { Cin, CreatePersonBody } from "./beneficiaries.ts";
import { Id, optionalText, PageQuery, ProvinceCode, page, requiredText, Version } from "./common.ts";

/**
 * Residents of an establishment: a stay goes from an admission request through a decision,
 * the admission and the discharge. Residents are persons of the beneficiary registry.
 */

export const REFERRAL_SOURCES = [
  "family",
  "social_services",
  "court",
  "hospital",
  "association",
  "self",
  "other",
] as const;
export const ReferralSource = z.enum(REFERRAL_SOURCES);
export type ReferralSource = z.infer<typeof ReferralSource>;

/** requested → accepted | refused; accepted → admitted → discharged. */
export const STAY_STATUSES = ["requested", "accepted", "refused", "admitted", "discharged"] as const;
export const StayStatus = z.enum(STAY_STATUSES);
export type StayStatus = z.infer<typeof StayStatus>;
/** A person has at most one stay in these statuses, in any establishment. */
export const OPEN_STAY_STATUSES = ["requested", "accepted", "admitted"] as const;

export const SERVICE_TYPES = [
  "care",
  "schooling_support",
  "psychological_support",
  "meals",
  "activities",
  "other",
] as const;
export const ResidentServiceType = z.enum(SERVICE_TYPES);
export type ResidentServiceType = z.infer<typeof ResidentServiceType>;

export const ATTENDANCE_STATUSES = ["present", "absent", "excused"] as const;
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

export const IsoDate = z.iso.date({ message: "validation.date" });

export const EstablishmentParams = z.strictObject({ id: Id });
export const ResidentParams = z.strictObject({ id: Id, residentId: Id });

export const ResidentPerson = z.object({
  id: Id,
  firstNameLatin: z.string(),
  lastNameLatin: z.string(),
  firstNameAr: z.string().nullable(),
  lastNameAr: z.string().nullable(),
  sex: z.enum(["female", "male"]),
  /** Personal data: only with persons.personal. */
  birthDate: z.string().nullable(),
  cin: z.string().nullable(),
});

export const Resident = z.object({
  id: Id,
  establishmentId: Id,
  person: ResidentPerson,
  status: StayStatus,
  referralSource: ReferralSource,
  requestReason: z.string(),
  requestedOn: z.string(),
  decidedOn: z.string().nullable(),
  decisionReason: z.string().nullable(),
  admittedOn: z.string().nullable(),
  place: z.string().nullable(),
  overCapacityReason: z.string().nullable(),
  dischargedOn: z.string().nullable(),
  dischargeReason: z.string().nullable(),
  dischargeDestination: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type Resident = z.infer<typeof Resident>;

export const ResidentService = z.object({
  id: Id,
  residentId: Id,
  deliveredOn: z.string(),
  type: ResidentServiceType,
  note: z.string().nullable(),
  provider: z.string().nullable(),
  createdAt: z.string(),
});
export type ResidentService = z.infer<typeof ResidentService>;

export const ResidentFile = Resident.extend({ services: z.array(ResidentService) });
export type ResidentFile = z.infer<typeof ResidentFile>;

export const ResidentList = page(Resident);
export const ResidentListQuery = PageQuery.extend({
  status: StayStatus.optional(),
  /** Only open stays (requested, accepted, admitted). */
  open: z.enum(["true", "false"]).optional(),
  /** The tab's three lists: requests (requested, accepted), current (admitted), history (discharged, refused). */
  view: z.enum(["requests", "current", "history"]).optional(),
});
export const STAY_VIEWS = {
  requests: ["requested", "accepted"],
  current: ["admitted"],
  history: ["discharged", "refused"],
} as const satisfies Record<string, readonly StayStatus[]>;
export type ResidentListQuery = z.infer<typeof ResidentListQuery>;

/**
 * A person registered with the admission request: placed in the establishment's province
 * (`provinceCode` only when the establishment has none, then within its region).
 */
export const NewResidentPerson = CreatePersonBody.omit({ regionCode: true, provinceCode: true }).extend({
  provinceCode: ProvinceCode.optional(),
});
export type NewResidentPerson = z.infer<typeof NewResidentPerson>;

/** Either a registry person (`personId`) or a new one (`person`), not both. */
export const AdmissionRequestBody = z.strictObject({
  personId: Id.optional(),
  person: NewResidentPerson.optional(),
  referralSource: ReferralSource,
  reason: requiredText(2000),
  requestedOn: IsoDate.optional(),
});
export type AdmissionRequestBody = z.infer<typeof AdmissionRequestBody>;

/**
 * The admission-candidate search of whoever admits (residents.write): exact CIN, or a name with
 * the exact birth date; only persons of the establishment's province (its region when it has none).
 */
export const AdmissionCandidateQuery = z.strictObject({
  cin: Cin.optional().or(z.literal("").transform(() => undefined)),
  name: z.string().trim().max(100).optional(),
  birthDate: IsoDate.optional().or(z.literal("").transform(() => undefined)),
});
export type AdmissionCandidateQuery = z.infer<typeof AdmissionCandidateQuery>;

/** Enough to pick the right person, nothing more. */
export const AdmissionCandidate = z.object({
  id: Id,
  firstNameLatin: z.string(),
  lastNameLatin: z.string(),
  firstNameAr: z.string().nullable(),
  lastNameAr: z.string().nullable(),
  sex: z.enum(["female", "male"]),
  birthDate: z.string(),
  cinMasked: z.string().nullable(),
  commune: z.string().nullable(),
  /** Already requested, accepted or admitted somewhere: a new request would be refused. */
  openStay: z.boolean(),
});
export type AdmissionCandidate = z.infer<typeof AdmissionCandidate>;
export const AdmissionCandidateList = z.object({ items: z.array(AdmissionCandidate) });

export const DecisionBody = z.strictObject({
  version: Version,
  decision: z.enum(["accepted", "refused"]),
  reason: optionalText(2000),
  decidedOn: IsoDate.optional(),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

export const AdmitBody = z.strictObject({
  version: Version,
  admittedOn: IsoDate,
  place: optionalText(100),
  /** Admitting beyond the capacity for the resident's sex needs a reason; it is stored and audited. */
  overCapacityReason: optionalText(2000),
});
export type AdmitBody = z.infer<typeof AdmitBody>;

export const DischargeBody = z.strictObject({
  version: Version,
  dischargedOn: IsoDate,
  reason: requiredText(2000),
  destination: optionalText(500),
});
export type DischargeBody = z.infer<typeof DischargeBody>;

export const ResidentServiceBody = z.strictObject({
  deliveredOn: IsoDate,
  type: ResidentServiceType,
  note: optionalText(2000),
  provider: optionalText(200),
});
export type ResidentServiceBody = z.infer<typeof ResidentServiceBody>;

export const AttendanceQuery = z.strictObject({ date: IsoDate });

export const AttendanceLine = z.object({
  residentId: Id,
  personId: Id,
  firstNameLatin: z.string(),
  lastNameLatin: z.string(),
  firstNameAr: z.string().nullable(),
  lastNameAr: z.string().nullable(),
  sex: z.enum(["female", "male"]),
  place: z.string().nullable(),
  status: AttendanceStatus.nullable(),
});
export const AttendanceDay = z.object({
  date: z.string(),
  lines: z.array(AttendanceLine),
  savedAt: z.string().nullable(),
});
export type AttendanceDay = z.infer<typeof AttendanceDay>;

/** The whole day's register in one small request: upsert, idempotent. */
export const AttendanceBody = z.strictObject({
  date: IsoDate,
  entries: z.array(z.strictObject({ residentId: Id, status: AttendanceStatus })).max(1000),
});
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const OccupancyQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  granularity: z.enum(["day", "month"]).default("day"),
});
export type OccupancyQuery = z.infer<typeof OccupancyQuery>;

export const OccupancyPoint = z.object({
  /** The day (YYYY-MM-DD) or the month (YYYY-MM). */
  period: z.string(),
  /** Occupied places; for a month, the average over its days (two decimals). */
  male: z.number(),
  female: z.number(),
  total: z.number(),
  capacityMale: z.number().int(),
  capacityFemale: z.number().int(),
  /** Occupied / capacity as a percent (null when the capacity is zero). */
  rateMale: z.number().nullable(),
  rateFemale: z.number().nullable(),
  rate: z.number().nullable(),
});
export const Occupancy = z.object({
  granularity: z.enum(["day", "month"]),
  points: z.array(OccupancyPoint),
});
export type Occupancy = z.infer<typeof Occupancy>;
