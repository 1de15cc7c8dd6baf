import { z } from "zod";
import {
  Id,
  optionalText,
  PageQuery,
  ProvinceCode,
  page,
  RegionCode,
  requiredText,
  Version,
} from "./common.ts";
import { BUDGET_CATEGORIES, PROJECT_SECTORS, PROJECT_STATUSES } from "./partnerships.ts";

/**
 * Social projects of the partnerships module: declined from a convention axis or standalone,
 * with their money (budget lines by funder, tranches tied to milestones, disbursements).
 * Money is an integer number of centimes (MAD); calendar dates are "YYYY-MM-DD".
 */
export const ProjectStatus = z.enum(PROJECT_STATUSES);
export const ProjectSector = z.enum(PROJECT_SECTORS);
export const BudgetCategory = z.enum(BUDGET_CATEGORIES);

export const TRANCHE_STATES = ["pending", "due", "paid", "late"] as const;
export const TrancheState = z.enum(TRANCHE_STATES);
export type TrancheState = z.infer<typeof TrancheState>;

export const IsoDate = z.iso.date({ message: "validation.date" });
const Centimes = z
  .number({ message: "socialProjects.amount" })
  .int({ message: "socialProjects.amount" })
  .positive({ message: "socialProjects.amount" })
  .max(1e15, { message: "socialProjects.amount" });

const Named = z.object({ id: Id, nameFr: z.string(), nameAr: z.string().nullable() });

export const ProjectSummary = z.object({
  id: Id,
  code: z.string(),
  titleFr: z.string(),
  titleAr: z.string().nullable(),
  conventionId: Id.nullable(),
  conventionReference: z.string().nullable(),
  conventionTitle: z.string().nullable(),
  axisId: Id.nullable(),
  regionCode: z.string(),
  provinceCode: z.string().nullable(),
  sector: ProjectSector,
  status: ProjectStatus,
  startDate: z.string(),
  endDate: z.string(),
  responsibleOrgId: Id.nullable(),
  responsibleOrgName: z.string().nullable(),
  physicalProgress: z.number().int(),
  budgetCentimes: z.number().int(),
  disbursedCentimes: z.number().int(),
  /** Disbursed / budget, in percent with one decimal; 0 without a budget. */
  financialProgress: z.number(),
  lateMilestones: z.number().int(),
  archivedAt: z.string().nullable(),
  version: Version,
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const FunderMoney = z.object({
  funderId: Id,
  funderName: z.string(),
  funderNameAr: z.string().nullable(),
  committedCentimes: z.number().int(),
  disbursedCentimes: z.number().int(),
  remainingCentimes: z.number().int(),
});
export type FunderMoney = z.infer<typeof FunderMoney>;

export const BudgetLine = z.object({
  id: Id,
  label: z.string(),
  category: BudgetCategory,
  funderId: Id,
  funderName: z.string(),
  amountCentimes: z.number().int(),
  version: Version,
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Milestone = z.object({
  id: Id,
  titleFr: z.string(),
  titleAr: z.string().nullable(),
  plannedDate: z.string(),
  actualDate: z.string().nullable(),
  /** Planned date passed and not reached. */
  late: z.boolean(),
  version: Version,
});
export type Milestone = z.infer<typeof Milestone>;

export const Tranche = z.object({
  id: Id,
  funderId: Id,
  funderName: z.string(),
  milestoneId: Id.nullable(),
  milestoneTitle: z.string().nullable(),
  position: z.number().int(),
  label: z.string().nullable(),
  amountCentimes: z.number().int(),
  paidCentimes: z.number().int(),
  state: TrancheState,
  version: Version,
});
export type Tranche = z.infer<typeof Tranche>;

export const Disbursement = z.object({
  id: Id,
  funderId: Id,
  funderName: z.string(),
  trancheId: Id.nullable(),
  paidOn: z.string(),
  amountCentimes: z.number().int(),
  reference: z.string().nullable(),
  createdAt: z.string(),
});
export type Disbursement = z.infer<typeof Disbursement>;

export const Project = ProjectSummary.extend({
  axisTitle: z.string().nullable(),
  targetGroup: z.string().nullable(),
  description: z.string().nullable(),
  establishments: z.array(Named),
  programs: z.array(Named),
  funders: z.array(FunderMoney),
  budgetLines: z.array(BudgetLine),
  milestones: z.array(Milestone),
  milestonesReached: z.number().int(),
  tranches: z.array(Tranche),
  disbursements: z.array(Disbursement),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof Project>;

const fields = {
  code: requiredText(40),
  titleFr: requiredText(300),
  titleAr: optionalText(300),
  conventionId: Id.nullable().optional(),
  axisId: Id.nullable().optional(),
  regionCode: RegionCode,
  provinceCode: ProvinceCode.nullable().optional(),
  sector: ProjectSector,
  targetGroup: optionalText(300),
  startDate: IsoDate,
  endDate: IsoDate,
  status: ProjectStatus.optional(),
  responsibleOrgId: Id.nullable().optional(),
  physicalProgress: z.number().int().min(0).max(100).optional(),
  description: optionalText(4000),
  establishmentIds: z.array(Id).max(200).optional(),
  programIds: z.array(Id).max(50).optional(),
};

export const CreateProjectBody = z.strictObject(fields);
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

export const UpdateProjectBody = z
  .strictObject({ version: Version, ...fields })
  .partial()
  .required({ version: true });
export type UpdateProjectBody = z.infer<typeof UpdateProjectBody>;

const booleanFlag = z.enum(["true", "false"]).optional();

export const ProjectFilters = z.object({
  q: z.string().trim().max(100).optional(),
  region: RegionCode.optional(),
  province: ProvinceCode.optional(),
  status: ProjectStatus.optional(),
  sector: ProjectSector.optional(),
  convention: Id.optional(),
  funder: Id.optional(),
  /** Only projects with at least one late milestone. */
  late: booleanFlag,
  includeArchived: booleanFlag,
});
export type ProjectFilters = z.infer<typeof ProjectFilters>;

export const ProjectListQuery = PageQuery.extend(ProjectFilters.shape);
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;
export const ProjectList = page(ProjectSummary);

export const ProjectExportQuery = ProjectFilters.extend({ format: z.enum(["csv", "xlsx"]) });
export type ProjectExportQuery = z.infer<typeof ProjectExportQuery>;

export const ProjectChildParams = z.strictObject({ id: Id, childId: Id });
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const BudgetLineBody = z.strictObject({
  label: requiredText(200),
  category: BudgetCategory,
  funderId: Id,
  amountCentimes: Centimes,
});
export type BudgetLineBody = z.infer<typeof BudgetLineBody>;
export const UpdateBudgetLineBody = BudgetLineBody.partial().extend({ version: Version });
export type UpdateBudgetLineBody = z.infer<typeof UpdateBudgetLineBody>;

export const MilestoneBody = z.strictObject({
  titleFr: requiredText(200),
  titleAr: optionalText(200),
  plannedDate: IsoDate,
  actualDate: IsoDate.nullable().optional(),
});
export type MilestoneBody = z.infer<typeof MilestoneBody>;
export const UpdateMilestoneBody = MilestoneBody.partial().extend({ version: Version });
export type UpdateMilestoneBody = z.infer<typeof UpdateMilestoneBody>;

export const TrancheBody = z.strictObject({
  funderId: Id,
  milestoneId: Id.nullable().optional(),
  position: z.number().int().min(1).max(99).optional(),
  label: optionalText(200),
  amountCentimes: Centimes,
});
export type TrancheBody = z.infer<typeof TrancheBody>;
export const UpdateTrancheBody = TrancheBody.partial().extend({ version: Version });
export type UpdateTrancheBody = z.infer<typeof UpdateTrancheBody>;

export const DisbursementBody = z.strictObject({
  funderId: Id,
  trancheId: Id.nullable().optional(),
  paidOn: IsoDate,
  amountCentimes: Centimes,
  reference: optionalText(100),
});
export type DisbursementBody = z.infer<typeof DisbursementBody>;
