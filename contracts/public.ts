import { z } from "zod";
import { ApplicationStatus } from "./applications.ts";
import { BirthDate, Cin, DisabilityType, Sex } from "./beneficiaries.ts";
import { Id, optionalText, Phone, ProvinceCode, requiredText } from "./common.ts";
import {
  ELIGIBILITY_FIELD_NAMES,
  type EligibilityField,
  EligibilityProfileInput,
  ExplanationGroup,
  IsoDate,
  Outcome,
} from "./eligibility.ts";
import { BenefitType, Periodicity, TargetGroup } from "./programs.ts";

/* ------------------------------------------------------------------ public */

export const PublicProgram = z.object({
  id: Id,
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  objectiveFr: z.string().nullable(),
  objectiveAr: z.string().nullable(),
  targetGroups: z.array(TargetGroup),
  benefitType: BenefitType,
  amountCentimes: z.number().int().nullable(),
  amountPeriodicity: Periodicity.nullable(),
  coverage: z.object({
    national: z.boolean(),
    regionCodes: z.array(z.string()),
    regionNames: z.array(z.string()),
  }),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** Who can apply, in plain sentences in the reader's language. */
  whoCanApply: z.array(z.string()),
  /** The questions the eligibility check asks (the rule's fields). */
  questions: z.array(z.enum(ELIGIBILITY_FIELD_NAMES as [EligibilityField, ...EligibilityField[]])),
});
export type PublicProgram = z.infer<typeof PublicProgram>;
export const PublicProgramList = z.object({ items: z.array(PublicProgram) });

export const PublicEligibilityBody = z.strictObject({ answers: EligibilityProfileInput });
export const PublicEligibility = z.object({
  outcome: Outcome,
  summary: z.string(),
  explanation: ExplanationGroup,
});
export type PublicEligibility = z.infer<typeof PublicEligibility>;

export const PublicApplyBody = z.strictObject({
  programId: Id,
  firstNameLatin: requiredText(100),
  lastNameLatin: requiredText(100),
  firstNameAr: optionalText(100),
  lastNameAr: optionalText(100),
  cin: Cin,
  sex: Sex,
  birthDate: BirthDate,
  phone: Phone,
  provinceCode: ProvinceCode,
  commune: optionalText(120),
  address: optionalText(500),
  disabilityType: DisabilityType.nullable().optional(),
  /** The applicant agrees to the processing of their data for this application. */
  consent: z.literal(true, { message: "validation.consent" }),
});
export type PublicApplyBody = z.infer<typeof PublicApplyBody>;
export const PublicApplyResult = z.object({
  trackingCode: z.string(),
  programNameFr: z.string(),
  programNameAr: z.string(),
  filedAt: z.string(),
});

export const PublicStatusBody = z.strictObject({
  trackingCode: z.string().trim().min(1, { message: "validation.required" }).max(40),
  birthDate: IsoDate,
});
export const PublicStatus = z.object({
  programNameFr: z.string(),
  programNameAr: z.string(),
  stageNameFr: z.string(),
  stageNameAr: z.string(),
  status: ApplicationStatus,
  filedOn: z.string(),
  lastChangeOn: z.string(),
});
export type PublicStatus = z.infer<typeof PublicStatus>;

/** Regions and provinces for the public forms (reference data, no sign-in). */
export const PublicPlaces = z.object({
  regions: z.array(
    z.object({ code: z.string(), nameFr: z.string(), nameAr: z.string(), nameEn: z.string() }),
  ),
  provinces: z.array(
    z.object({
      code: z.string(),
      regionCode: z.string(),
      nameFr: z.string(),
      nameAr: z.string(),
      nameEn: z.string(),
    }),
  ),
});
export type PublicPlaces = z.infer<typeof PublicPlaces>;
