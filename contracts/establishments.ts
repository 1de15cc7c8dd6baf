import { z } from "zod";
import {
  Email,
  Id,
  optionalText,
  PageQuery,
  Phone,
  ProvinceCode,
  page,
  RegionCode,
  requiredText,
  Version,
} from "./common.ts";

export const ESTABLISHMENT_CATEGORIES = [
  "children_in_difficulty",
  "elderly",
  "disability",
  "women_in_difficulty",
  "homeless",
  "student_house_boys",
  "student_house_girls",
  "multipurpose_social_centre",
  "other",
] as const;
export const EstablishmentCategory = z.enum(ESTABLISHMENT_CATEGORIES);
export type EstablishmentCategory = z.infer<typeof EstablishmentCategory>;

export const AUTHORISATION_STATUSES = ["authorised", "pending", "suspended", "withdrawn"] as const;
export const AuthorisationStatus = z.enum(AUTHORISATION_STATUSES);
export type AuthorisationStatus = z.infer<typeof AuthorisationStatus>;

export const CONNECTIVITY_TYPES = ["none", "mobile", "adsl", "fibre", "satellite"] as const;
export const Connectivity = z.enum(CONNECTIVITY_TYPES);
export type Connectivity = z.infer<typeof Connectivity>;

export const HOT_WATER_TYPES = ["none", "electric", "solar"] as const;
export const HotWater = z.enum(HOT_WATER_TYPES);
export type HotWater = z.infer<typeof HotWater>;

export const STAFF_FUNCTIONS = [
  "director",
  "educator",
  "social_worker",
  "nurse",
  "cook",
  "guard",
  "administrative",
  "other",
] as const;
export const StaffFunction = z.enum(STAFF_FUNCTIONS);
export type StaffFunction = z.infer<typeof StaffFunction>;

export const WORK_NATURES = ["rehabilitation", "equipment", "extension", "maintenance", "other"] as const;
export const WorkNature = z.enum(WORK_NATURES);
export type WorkNature = z.infer<typeof WorkNature>;

export const CHECK_RESULTS = ["compliant", "partial", "non_compliant"] as const;
export const CheckResult = z.enum(CHECK_RESULTS);
export type CheckResult = z.infer<typeof CheckResult>;

export const ACTION_STATUSES = ["open", "done"] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

const IsoDate = z.iso.date({ message: "validation.date" });
const optDate = IsoDate.nullable()
  .optional()
  .or(z.literal("").transform(() => null));
const count = z.number().int().min(0).max(100_000);

export const EstablishmentCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, { message: "validation.establishment_code" });

export const StaffLine = z.strictObject({ function: StaffFunction, male: count, female: count });
export type StaffLine = z.infer<typeof StaffLine>;

export const CohortRef = z.object({
  id: Id,
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
});

export const EstablishmentSummary = z.object({
  id: Id,
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  category: EstablishmentCategory,
  regionCode: z.string(),
  provinceCode: z.string().nullable(),
  commune: z.string().nullable(),
  managingOrganizationId: Id.nullable(),
  managingOrganizationName: z.string().nullable(),
  authorisationStatus: AuthorisationStatus,
  authorisationExpiresOn: z.string().nullable(),
  /** Authorised and expiring within 90 days (or already expired). */
  authorisationExpiring: z.boolean(),
  capacityMale: z.number().int(),
  capacityFemale: z.number().int(),
  connectivity: Connectivity,
  solarKwp: z.number().nullable(),
  hotWater: HotWater,
  /** Open corrective actions past their due date. */
  overdueActions: z.number().int(),
  archivedAt: z.string().nullable(),
  version: Version,
});
export type EstablishmentSummary = z.infer<typeof EstablishmentSummary>;

export const Establishment = EstablishmentSummary.extend({
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  openingDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  directorName: z.string().nullable(),
  authorisationNumber: z.string().nullable(),
  authorisationIssuedOn: z.string().nullable(),
  connectivitySince: z.string().nullable(),
  connectivityFunderId: Id.nullable(),
  connectivityFunderName: z.string().nullable(),
  solarInstalledOn: z.string().nullable(),
  solarFunderId: Id.nullable(),
  solarFunderName: z.string().nullable(),
  staff: z.array(StaffLine),
  cohorts: z.array(CohortRef),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Establishment = z.infer<typeof Establishment>;

const nullableId = Id.nullable()
  .optional()
  .or(z.literal("").transform(() => null));

export const establishmentFields = {
  code: EstablishmentCode,
  nameFr: requiredText(200),
  nameAr: optionalText(200),
  category: EstablishmentCategory,
  managingOrganizationId: nullableId,
  regionCode: RegionCode.nullable().optional(),
  provinceCode: ProvinceCode.nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  commune: optionalText(120),
  address: optionalText(500),
  latitude: z.number().min(20).max(36.5).nullable().optional(),
  longitude: z.number().min(-17.5).max(-0.9).nullable().optional(),
  openingDate: optDate,
  phone: Phone.nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  email: Email.nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  directorName: optionalText(200),
  authorisationStatus: AuthorisationStatus.optional(),
  authorisationNumber: optionalText(60),
  authorisationIssuedOn: optDate,
  authorisationExpiresOn: optDate,
  capacityMale: count.optional(),
  capacityFemale: count.optional(),
  connectivity: Connectivity.optional(),
  connectivitySince: optDate,
  connectivityFunderId: nullableId,
  solarKwp: z.number().min(0).max(10_000).nullable().optional(),
  solarInstalledOn: optDate,
  solarFunderId: nullableId,
  hotWater: HotWater.optional(),
};

const staffList = z
  .array(StaffLine)
  .max(STAFF_FUNCTIONS.length)
  .refine((l) => new Set(l.map((s) => s.function)).size === l.length, {
    message: "validation.duplicate_function",
  });

export const CreateEstablishmentBody = z.strictObject({
  ...establishmentFields,
  staff: staffList.optional(),
});
export type CreateEstablishmentBody = z.infer<typeof CreateEstablishmentBody>;

export const UpdateEstablishmentBody = z
  .strictObject({ version: Version, ...establishmentFields, staff: staffList })
  .partial()
  .required({ version: true });
export type UpdateEstablishmentBody = z.infer<typeof UpdateEstablishmentBody>;

export const EstablishmentFilters = z.object({
  q: z.string().trim().max(100).optional(),
  region: RegionCode.optional(),
  province: ProvinceCode.optional(),
  category: EstablishmentCategory.optional(),
  authorisation: AuthorisationStatus.optional(),
  connectivity: Connectivity.optional(),
  cohort: Id.optional(),
  overdue: z.enum(["true", "false"]).optional(),
  includeArchived: z.enum(["true", "false"]).optional(),
});
export type EstablishmentFilters = z.infer<typeof EstablishmentFilters>;

export const EstablishmentListQuery = PageQuery.extend(EstablishmentFilters.shape);
export type EstablishmentListQuery = z.infer<typeof EstablishmentListQuery>;
export const EstablishmentList = page(EstablishmentSummary);

export const EstablishmentExportQuery = EstablishmentFilters.extend({ format: z.enum(["csv", "xlsx"]) });
export type EstablishmentExportQuery = z.infer<typeof EstablishmentExportQuery>;

export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

// Works
export const Work = z.object({
  id: Id,
  establishmentId: Id,
  workDate: z.string(),
  nature: WorkNature,
  description: z.string().nullable(),
  amountCentimes: z.number().int().nullable(),
  funderId: Id.nullable(),
  funderName: z.string().nullable(),
  conventionReference: z.string().nullable(),
  version: Version,
});
export type Work = z.infer<typeof Work>;
export const WorkList = z.object({ items: z.array(Work) });
export const CreateWorkBody = z.strictObject({
  workDate: IsoDate,
  nature: WorkNature,
  description: optionalText(1000),
  amountCentimes: z.number().int().min(0).max(1e14).nullable().optional(),
  funderId: nullableId,
  conventionReference: optionalText(120),
});
export type CreateWorkBody = z.infer<typeof CreateWorkBody>;
export const WorkParams = z.strictObject({ id: Id, workId: Id });

// Inspections
export const ChecklistRow = z.strictObject({
  standardCode: z.string().trim().min(1, { message: "validation.required" }).max(30),
  label: requiredText(300),
  result: CheckResult,
  note: optionalText(1000).transform((v) => v ?? null),
});
export type ChecklistRow = z.infer<typeof ChecklistRow>;

export const CorrectiveAction = z.object({
  id: Id,
  inspectionId: Id,
  description: z.string(),
  dueDate: z.string(),
  status: ActionStatus,
  doneOn: z.string().nullable(),
  followUpNote: z.string().nullable(),
  overdue: z.boolean(),
  version: Version,
});
export type CorrectiveAction = z.infer<typeof CorrectiveAction>;

export const Inspection = z.object({
  id: Id,
  establishmentId: Id,
  visitDate: z.string(),
  inspectorName: z.string(),
  checklist: z.array(
    z.object({
      standardCode: z.string(),
      label: z.string(),
      result: CheckResult,
      note: z.string().nullable(),
    }),
  ),
  findings: z.string().nullable(),
  followUp: z.string().nullable(),
  actions: z.array(CorrectiveAction),
  version: Version,
  createdAt: z.string(),
});
export type Inspection = z.infer<typeof Inspection>;
export const InspectionList = z.object({ items: z.array(Inspection) });

const ActionInput = z.strictObject({ description: requiredText(1000), dueDate: IsoDate });
export const CreateInspectionBody = z.strictObject({
  visitDate: IsoDate,
  inspectorName: requiredText(200),
  checklist: z.array(ChecklistRow).max(200).default([]),
  findings: optionalText(5000),
  followUp: optionalText(5000),
  actions: z.array(ActionInput).max(100).default([]),
});
export type CreateInspectionBody = z.infer<typeof CreateInspectionBody>;
export const UpdateInspectionBody = z.strictObject({
  version: Version,
  checklist: z.array(ChecklistRow).max(200).optional(),
  findings: optionalText(5000),
  followUp: optionalText(5000),
});
export type UpdateInspectionBody = z.infer<typeof UpdateInspectionBody>;
export const AddActionBody = ActionInput;
export const UpdateActionBody = z.strictObject({
  version: Version,
  status: ActionStatus.optional(),
  doneOn: optDate,
  followUpNote: optionalText(2000),
  dueDate: IsoDate.optional(),
});
export type UpdateActionBody = z.infer<typeof UpdateActionBody>;

// Cohorts
export const Cohort = z.object({
  id: Id,
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  goal: z.string().nullable(),
  targetCount: z.number().int(),
  actualCount: z.number().int(),
  partnerId: Id.nullable(),
  partnerName: z.string().nullable(),
  version: Version,
});
export type Cohort = z.infer<typeof Cohort>;
export const CohortList = z.object({ items: z.array(Cohort) });

export const CohortMember = z.object({
  id: Id,
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  regionCode: z.string(),
  category: EstablishmentCategory,
  connectivity: Connectivity,
  solarKwp: z.number().nullable(),
  hotWater: HotWater,
  /** Establishment project progress in percent; null until the projects module answers. */
  projectProgress: z.number().nullable(),
});
export const CohortDetail = Cohort.extend({
  members: z.array(CohortMember),
  rates: z.object({ connected: z.number(), solar: z.number(), hotWater: z.number() }),
});
export type CohortDetail = z.infer<typeof CohortDetail>;

const cohortFields = {
  code: EstablishmentCode,
  nameFr: requiredText(200),
  nameAr: optionalText(200),
  goal: optionalText(2000),
  targetCount: z.number().int().min(1).max(100_000),
  partnerId: nullableId,
};
export const CreateCohortBody = z.strictObject(cohortFields);
export type CreateCohortBody = z.infer<typeof CreateCohortBody>;
export const UpdateCohortBody = z
  .strictObject({ version: Version, ...cohortFields })
  .partial()
  .required({ version: true });
export type UpdateCohortBody = z.infer<typeof UpdateCohortBody>;
export const CohortMembersBody = z.strictObject({ establishmentIds: z.array(Id).min(1).max(500) });
export const CohortMemberParams = z.strictObject({ id: Id, establishmentId: Id });

// ---- Aggregates (map and counts views)
export const EstablishmentStatsQuery = EstablishmentFilters.omit({ includeArchived: true });
export type EstablishmentStatsQuery = z.infer<typeof EstablishmentStatsQuery>;
export const EstablishmentStats = z.object({
  byRegion: z.array(z.object({ regionCode: z.string(), count: z.number().int() })),
  byCategory: z.array(z.object({ category: EstablishmentCategory, count: z.number().int() })),
  total: z.number().int(),
});
export type EstablishmentStats = z.infer<typeof EstablishmentStats>;
