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
import { PROJECT_SECTORS } from "./partnerships.ts";

/**
 * Stakeholder proposals (participatory approach): an organisation submits a
 * proposal, the administration studies it and retains it or not, other
 * organisations comment and support it, and a retained one can become a project.
 */
export const PROPOSAL_THEMES = [
  "child_protection",
  "elderly",
  "disability",
  "women_empowerment",
  "youth_employment",
  "establishments",
  "education_support",
  "social_inclusion",
  "capacity_building",
  "health_access",
  "other",
] as const;
export const ProposalTheme = z.enum(PROPOSAL_THEMES);
export type ProposalTheme = z.infer<typeof ProposalTheme>;

/** received → under_study → retained | not_retained; a final decision can be reopened (back to under_study). */
export const PROPOSAL_STATUSES = ["received", "under_study", "retained", "not_retained"] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

export const PROPOSAL_ACTIONS = ["study", "retain", "reject", "reopen"] as const;
export const ProposalAction = z.enum(PROPOSAL_ACTIONS);
export type ProposalAction = z.infer<typeof ProposalAction>;

/** The workflow as data: which action leads from which status to which. */
export const PROPOSAL_TRANSITIONS: Record<
  ProposalAction,
  { from: readonly ProposalStatus[]; to: ProposalStatus }
> = {
  study: { from: ["received"], to: "under_study" },
  retain: { from: ["under_study"], to: "retained" },
  reject: { from: ["under_study"], to: "not_retained" },
  reopen: { from: ["retained", "not_retained"], to: "under_study" },
};

/** The theme a converted project's sector defaults to. */
export const SECTOR_OF_THEME: Record<ProposalTheme, (typeof PROJECT_SECTORS)[number]> = {
  child_protection: "childhood",
  elderly: "elderly",
  disability: "disability",
  women_empowerment: "women_empowerment",
  youth_employment: "youth_entrepreneurship",
  establishments: "establishments",
  education_support: "establishments",
  social_inclusion: "social_protection",
  capacity_building: "capacity_building",
  health_access: "social_protection",
  other: "other",
};

/** Integer centimes of MAD, up to 100 billion dirhams. */
const Centimes = z.number().int().min(0).max(10_000_000_000_000);

export const Proposal = z.object({
  id: Id,
  organizationId: Id,
  organizationName: z.string(),
  organizationNameAr: z.string().nullable(),
  theme: ProposalTheme,
  regionCode: z.string(),
  provinceCode: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  estimatedCostCentimes: z.number().int().nullable(),
  targetGroup: z.string().nullable(),
  status: ProposalStatus,
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  projectId: Id.nullable(),
  supportCount: z.number().int(),
  commentCount: z.number().int(),
  submittedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type Proposal = z.infer<typeof Proposal>;

export const ProposalSupport = z.object({
  organizationId: Id,
  organizationName: z.string(),
  organizationNameAr: z.string().nullable(),
  createdAt: z.string(),
});
export type ProposalSupport = z.infer<typeof ProposalSupport>;

export const ProposalAttachment = z.object({
  id: Id,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type ProposalAttachment = z.infer<typeof ProposalAttachment>;

/** What the caller may do on this proposal, so the page shows only the buttons that will work. */
export const ProposalPermissions = z.object({
  actions: z.array(ProposalAction),
  canConvert: z.boolean(),
  canComment: z.boolean(),
  canAttach: z.boolean(),
  /** Organisations the caller may support it for (none supported yet, not the author's own). */
  supportAs: z.array(z.object({ id: Id, name: z.string(), nameAr: z.string().nullable() })),
  /** Organisations of the caller that already support it (their support can be withdrawn). */
  supportedAs: z.array(Id),
});

export const ProposalDetail = Proposal.extend({
  supports: z.array(ProposalSupport),
  attachments: z.array(ProposalAttachment),
  can: ProposalPermissions,
});
export type ProposalDetail = z.infer<typeof ProposalDetail>;

export const CreateProposalBody = z.strictObject({
  /** Needed only when the caller may act for several organisations (national or regional officers). */
  organizationId: Id.optional(),
  theme: ProposalTheme,
  regionCode: RegionCode,
  provinceCode: ProvinceCode.nullable().optional(),
  title: requiredText(200),
  description: requiredText(5000),
  estimatedCostCentimes: Centimes.nullable().optional(),
  targetGroup: optionalText(300),
});
export type CreateProposalBody = z.infer<typeof CreateProposalBody>;

export const TransitionProposalBody = z.strictObject({
  version: Version,
  action: ProposalAction,
  /** The reason (not retained, reopened) or the note (retained); required for those actions. */
  note: optionalText(2000),
});
export type TransitionProposalBody = z.infer<typeof TransitionProposalBody>;

export const ProposalComment = z.object({
  id: Id,
  body: z.string(),
  authorName: z.string(),
  organizationName: z.string().nullable(),
  createdAt: z.string(),
});
export type ProposalComment = z.infer<typeof ProposalComment>;

export const CreateCommentBody = z.strictObject({ body: requiredText(2000) });
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;
export const ProposalCommentList = page(ProposalComment);

export const SupportBody = z.strictObject({ organizationId: Id.optional() });
export type SupportBody = z.infer<typeof SupportBody>;
export const SupportParams = z.strictObject({ id: Id, organizationId: Id });
export const AttachmentParams = z.strictObject({ id: Id, fileId: Id });

const IsoDate = z.iso.date({ message: "validation.invalid_format" });

/** What a project needs that the proposal does not say. Title, territory, description and target group come from the proposal. */
export const ConvertProposalBody = z.strictObject({
  version: Version,
  sector: z.enum(PROJECT_SECTORS).optional(),
  startDate: IsoDate,
  endDate: IsoDate,
  /** Defaults to a code derived from the proposal. */
  code: z.string().trim().min(1).max(40).optional(),
  titleAr: optionalText(200),
  /** Defaults to the proposing organisation. */
  responsibleOrgId: Id.optional(),
});
export type ConvertProposalBody = z.infer<typeof ConvertProposalBody>;

export const ProposalFilter = z.object({
  q: z.string().trim().max(100).optional(),
  status: ProposalStatus.optional(),
  theme: ProposalTheme.optional(),
  region: RegionCode.optional(),
  organizationId: Id.optional(),
  projectId: Id.optional(),
});
export const ProposalListQuery = PageQuery.extend(ProposalFilter.shape);
export type ProposalListQuery = z.infer<typeof ProposalListQuery>;
export const ProposalExportQuery = ProposalFilter.extend({ format: z.enum(["csv", "xlsx"]) });
export type ProposalExportQuery = z.infer<typeof ProposalExportQuery>;

export const ProposalList = page(Proposal);

/** How many proposals of the filtered list (without its status filter) each region has, by status. */
export const ProposalStats = z.object({
  byRegion: z.array(
    z.object({
      regionCode: z.string(),
      received: z.number().int(),
      under_study: z.number().int(),
      retained: z.number().int(),
      not_retained: z.number().int(),
    }),
  ),
});
export type ProposalStats = z.infer<typeof ProposalStats>;
