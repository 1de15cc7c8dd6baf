import { z } from "zod";
import { Id, optionalText, PageQuery, page, RegionCode, requiredText, Version } from "./common.ts";
import { EMPTY_RULE, IsoDate, ProgramCode, RuleGroup, type RuleIssue } from "./eligibility.ts";

/* ------------------------------------------------------------------ catalogue */

export const BENEFIT_TYPES = [
  "monthly_cash_transfer",
  "one_off_grant",
  "in_kind",
  "service",
  "training",
  "accompaniment",
] as const;
export const BenefitType = z.enum(BENEFIT_TYPES);
export type BenefitType = z.infer<typeof BenefitType>;

export const PROGRAM_STATUSES = ["draft", "active", "closed"] as const;
export const ProgramStatus = z.enum(PROGRAM_STATUSES);
export type ProgramStatus = z.infer<typeof ProgramStatus>;

/** Allowed status changes: a draft is opened (or abandoned), an active programme is closed. */
export const PROGRAM_STATUS_TRANSITIONS: Record<ProgramStatus, readonly ProgramStatus[]> = {
  draft: ["active", "closed"],
  active: ["closed"],
  closed: [],
};

export const TARGET_GROUPS = [
  "youth",
  "women",
  "children",
  "elderly",
  "persons_with_disabilities",
  "widows",
  "orphans",
  "families_in_precarity",
  "homeless",
  "project_holders",
  "students",
] as const;
export const TargetGroup = z.enum(TARGET_GROUPS);
export type TargetGroup = z.infer<typeof TargetGroup>;

export const PERIODICITIES = ["once", "monthly", "quarterly", "yearly"] as const;
export const Periodicity = z.enum(PERIODICITIES);
export type Periodicity = z.infer<typeof Periodicity>;

export const STAGE_KINDS = ["intake", "review", "decision", "enrolled", "follow_up", "closed"] as const;
export const StageKind = z.enum(STAGE_KINDS);
export type StageKind = z.infer<typeof StageKind>;

/** Money is an integer number of centimes (MAD); budgets can exceed 2^31. */
export const Centimes = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/* ---------------------------------------------------------------- workflow */

export const StageCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "validation.invalid_format" });

export const StageInput = z.strictObject({
  code: StageCode,
  nameFr: requiredText(120),
  nameAr: requiredText(120),
  kind: StageKind,
});
export type StageInput = z.infer<typeof StageInput>;

export const Stage = z.object({
  id: Id,
  position: z.number().int(),
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  kind: StageKind,
  /** Applications currently at this stage (open ones). */
  openApplications: z.number().int(),
});
export type Stage = z.infer<typeof Stage>;

export const SetStagesBody = z.strictObject({ version: Version, stages: z.array(StageInput).min(1).max(20) });
export type SetStagesBody = z.infer<typeof SetStagesBody>;

/** Checks that only the order of stages can express: called by server and form alike. */
export function workflowIssues(stages: readonly StageInput[], base = "stages"): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  stages.forEach((s, i) => {
    if (seen.has(s.code)) issues.push({ path: `${base}.${i}.code`, code: "programs.stage.duplicate_code" });
    seen.add(s.code);
    if (i === 0 && s.kind !== "intake")
      issues.push({ path: `${base}.0.kind`, code: "programs.stage.first_must_be_intake" });
    if (s.kind === "closed" && i !== stages.length - 1)
      issues.push({ path: `${base}.${i}.kind`, code: "programs.stage.closed_must_be_last" });
  });
  return issues;
}

/* ---------------------------------------------------------------- programme */

export const Coverage = z.strictObject({
  national: z.boolean(),
  regionCodes: z.array(RegionCode).max(12).default([]),
});
export type Coverage = z.infer<typeof Coverage>;

export const Funder = z.object({ id: Id, nameFr: z.string(), nameAr: z.string().nullable() });

export const Program = z.object({
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
  amountCeilingCentimes: z.number().int().nullable(),
  budgetCentimes: z.number().int().nullable(),
  funders: z.array(Funder),
  coverage: z.object({ national: z.boolean(), regionCodes: z.array(z.string()) }),
  capacity: z.number().int().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: ProgramStatus,
  eligibility: RuleGroup,
  stages: z.array(Stage),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type Program = z.infer<typeof Program>;

export const ProgramSummary = Program.pick({
  id: true,
  code: true,
  nameFr: true,
  nameAr: true,
  benefitType: true,
  targetGroups: true,
  status: true,
  capacity: true,
  budgetCentimes: true,
  startDate: true,
  endDate: true,
  coverage: true,
  version: true,
}).extend({ enrolled: z.number().int(), pending: z.number().int() });
export type ProgramSummary = z.infer<typeof ProgramSummary>;

const programFields = {
  code: ProgramCode,
  nameFr: requiredText(200),
  nameAr: requiredText(200),
  objectiveFr: optionalText(4000),
  objectiveAr: optionalText(4000),
  targetGroups: z.array(TargetGroup).max(TARGET_GROUPS.length).default([]),
  benefitType: BenefitType,
  amountCentimes: Centimes.nullable().optional(),
  amountPeriodicity: Periodicity.nullable().optional(),
  amountCeilingCentimes: Centimes.nullable().optional(),
  budgetCentimes: Centimes.nullable().optional(),
  funderIds: z.array(Id).max(30).default([]),
  coverage: Coverage.default({ national: true, regionCodes: [] }),
  capacity: z.number().int().min(1).max(10_000_000).nullable().optional(),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  eligibility: RuleGroup.default(EMPTY_RULE),
};

export const CreateProgramBody = z.strictObject({
  ...programFields,
  stages: z.array(StageInput).max(20).default([]),
});
export type CreateProgramBody = z.infer<typeof CreateProgramBody>;

export const UpdateProgramBody = z
  .strictObject({
    version: Version,
    code: programFields.code,
    nameFr: programFields.nameFr,
    nameAr: programFields.nameAr,
    objectiveFr: programFields.objectiveFr,
    objectiveAr: programFields.objectiveAr,
    targetGroups: z.array(TargetGroup).max(TARGET_GROUPS.length),
    benefitType: BenefitType,
    amountCentimes: programFields.amountCentimes,
    amountPeriodicity: programFields.amountPeriodicity,
    amountCeilingCentimes: programFields.amountCeilingCentimes,
    budgetCentimes: programFields.budgetCentimes,
    funderIds: z.array(Id).max(30),
    coverage: Coverage,
    capacity: programFields.capacity,
    startDate: programFields.startDate,
    endDate: programFields.endDate,
    eligibility: RuleGroup,
  })
  .partial()
  .required({ version: true });
export type UpdateProgramBody = z.infer<typeof UpdateProgramBody>;

export const SetProgramStatusBody = z.strictObject({ version: Version, status: ProgramStatus });

export const ProgramListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: ProgramStatus.optional(),
  benefitType: BenefitType.optional(),
});
export type ProgramListQuery = z.infer<typeof ProgramListQuery>;
export const ProgramList = page(ProgramSummary);
