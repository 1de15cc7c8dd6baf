import { z } from "zod";
import { Id, optionalText, PageQuery, page, RegionCode, requiredText, Version } from "./common.ts";
import { CONVENTION_STATUSES, CONVENTION_TYPES, PARTY_ROLES } from "./partnerships.ts";

/**
 * Partnership conventions (framework or specific): parties with their roles and commitments,
 * axes with their targets, documents, and the projects declined from them.
 * Money is an integer number of centimes (MAD); calendar dates are "YYYY-MM-DD".
 */
export const ConventionType = z.enum(CONVENTION_TYPES);
export const ConventionStatus = z.enum(CONVENTION_STATUSES);
export const PartyRole = z.enum(PARTY_ROLES);

const IsoDate = z.iso.date({ message: "validation.date" });
/** A committed amount: zero is allowed (a party that commits means, not money). */
export const CommittedCentimes = z.number().int().min(0).max(1e15);

const Named = z.object({ id: Id, nameFr: z.string(), nameAr: z.string().nullable() });

export const ConventionSummary = z.object({
  id: Id,
  reference: z.string(),
  titleFr: z.string(),
  titleAr: z.string().nullable(),
  type: ConventionType,
  parentId: Id.nullable(),
  parentReference: z.string().nullable(),
  status: ConventionStatus,
  signedOn: z.string().nullable(),
  signedPlace: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  regionCode: z.string().nullable(),
  parties: z.array(Named),
  /** Sum of the parties' committed amounts. */
  committedCentimes: z.number().int(),
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: Version,
});
export type ConventionSummary = z.infer<typeof ConventionSummary>;

export const ConventionParty = z.object({
  id: Id,
  organizationId: Id,
  organizationName: z.string(),
  organizationNameAr: z.string().nullable(),
  organizationType: z.string(),
  role: PartyRole,
  committedCentimes: z.number().int(),
  otherCommitments: z.string().nullable(),
});
export type ConventionParty = z.infer<typeof ConventionParty>;

export const AxisTarget = z.object({
  id: Id,
  labelFr: z.string(),
  labelAr: z.string().nullable(),
  targetValue: z.number().nullable(),
  unit: z.string().nullable(),
  indicatorCode: z.string().nullable(),
});
export type AxisTarget = z.infer<typeof AxisTarget>;

export const ConventionAxis = z.object({
  id: Id,
  position: z.number().int(),
  titleFr: z.string(),
  titleAr: z.string().nullable(),
  description: z.string().nullable(),
  targets: z.array(AxisTarget),
  projectCount: z.number().int(),
});
export type ConventionAxis = z.infer<typeof ConventionAxis>;

export const ConventionDocument = z.object({
  id: Id,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type ConventionDocument = z.infer<typeof ConventionDocument>;

export const ConventionProject = z.object({
  id: Id,
  code: z.string(),
  titleFr: z.string(),
  titleAr: z.string().nullable(),
  regionCode: z.string(),
  status: z.string(),
  axisId: Id.nullable(),
  budgetCentimes: z.number().int(),
  disbursedCentimes: z.number().int(),
});
export type ConventionProject = z.infer<typeof ConventionProject>;

export const Convention = ConventionSummary.extend({
  summary: z.string().nullable(),
  parentTitle: z.string().nullable(),
  /** Specific conventions declined from this framework convention. */
  children: z.array(
    z.object({ id: Id, reference: z.string(), titleFr: z.string(), titleAr: z.string().nullable() }),
  ),
  partyDetails: z.array(ConventionParty),
  axes: z.array(ConventionAxis),
  documents: z.array(ConventionDocument),
  /** The convention's projects that the caller's scope reaches, and their money. */
  projects: z.object({
    count: z.number().int(),
    budgetCentimes: z.number().int(),
    disbursedCentimes: z.number().int(),
    items: z.array(ConventionProject),
  }),
  createdAt: z.string(),
});
export type Convention = z.infer<typeof Convention>;

export const PartyBody = z.strictObject({
  organizationId: Id,
  role: PartyRole,
  committedCentimes: CommittedCentimes.default(0),
  otherCommitments: optionalText(2000),
});
export type PartyBody = z.infer<typeof PartyBody>;

export const UpdatePartyBody = PartyBody.omit({ organizationId: true }).partial();
export type UpdatePartyBody = z.infer<typeof UpdatePartyBody>;

const TargetValue = z.number().min(0).max(1e12);

export const TargetBody = z.strictObject({
  labelFr: requiredText(300),
  labelAr: optionalText(300),
  targetValue: TargetValue.nullable().optional(),
  unit: optionalText(40),
  indicatorCode: optionalText(60),
});
export type TargetBody = z.infer<typeof TargetBody>;

export const UpdateTargetBody = TargetBody.partial();
export type UpdateTargetBody = z.infer<typeof UpdateTargetBody>;

export const AxisBody = z.strictObject({
  titleFr: requiredText(300),
  titleAr: optionalText(300),
  description: optionalText(4000),
  /** Place among the axes (1 = first); at the end when absent. */
  position: z.number().int().min(1).max(100).optional(),
  targets: z.array(TargetBody).max(50).optional(),
});
export type AxisBody = z.infer<typeof AxisBody>;

export const UpdateAxisBody = AxisBody.omit({ targets: true, position: true }).partial();
export type UpdateAxisBody = z.infer<typeof UpdateAxisBody>;

const fields = {
  reference: requiredText(60),
  titleFr: requiredText(300),
  titleAr: optionalText(300),
  type: ConventionType,
  parentId: Id.nullable().optional(),
  status: ConventionStatus.default("draft"),
  signedOn: IsoDate.nullable().optional(),
  signedPlace: optionalText(120),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  /** A regional convention belongs to its region; national ones have none. */
  regionCode: RegionCode.nullable().optional(),
  summary: optionalText(4000),
};

export const CreateConventionBody = z.strictObject({
  ...fields,
  parties: z.array(PartyBody).max(50).optional(),
  axes: z.array(AxisBody).max(30).optional(),
});
export type CreateConventionBody = z.infer<typeof CreateConventionBody>;

export const UpdateConventionBody = z
  .strictObject({ version: Version, ...fields, status: ConventionStatus })
  .partial()
  .required({ version: true });
export type UpdateConventionBody = z.infer<typeof UpdateConventionBody>;

export const ConventionListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  type: ConventionType.optional(),
  status: ConventionStatus.optional(),
  region: RegionCode.optional(),
  /** An organisation party to the convention. */
  party: Id.optional(),
  includeArchived: z.enum(["true", "false"]).optional(),
});
export type ConventionListQuery = z.infer<typeof ConventionListQuery>;

export const ConventionList = page(ConventionSummary);

export const ConventionExportQuery = ConventionListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
});
export type ConventionExportQuery = z.infer<typeof ConventionExportQuery>;

export const PartyParams = z.strictObject({ id: Id, partyId: Id });
export const AxisParams = z.strictObject({ id: Id, axisId: Id });
export const TargetParams = z.strictObject({ id: Id, targetId: Id });
export const DocumentParams = z.strictObject({ id: Id, documentId: Id });
