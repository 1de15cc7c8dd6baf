import { z } from "zod";
import { Id, optionalText, requiredText, Version } from "./common.ts";
import { IsoDate } from "./residents.ts";

/** Establishment project (projet d'établissement / de développement institutionnel). */

export const PROJECT_PHASES = ["diagnostic", "action_plan", "implementation", "evaluation"] as const;
export const ProjectPhase = z.enum(PROJECT_PHASES);
export type ProjectPhase = z.infer<typeof ProjectPhase>;

export const PROJECT_DOMAINS = [
  "governance",
  "services",
  "human_resources",
  "finances",
  "infrastructure",
  "partnerships",
] as const;
export const ProjectDomain = z.enum(PROJECT_DOMAINS);
export type ProjectDomain = z.infer<typeof ProjectDomain>;

export const ITEM_STATUSES = ["todo", "in_progress", "done", "cancelled"] as const;
export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const Score = z.number().int().min(0).max(5);

export const DiagnosticEntry = z.object({
  domain: ProjectDomain,
  score: z.number().int(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});

export const ActionItem = z.object({
  id: Id,
  domain: ProjectDomain,
  title: z.string(),
  owner: z.string().nullable(),
  dueOn: z.string().nullable(),
  costCentimes: z.number().int().nullable(),
  funderOrganizationId: Id.nullable(),
  funderName: z.string().nullable(),
  status: ItemStatus,
  evidence: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type ActionItem = z.infer<typeof ActionItem>;

export const GovernanceMeeting = z.object({
  id: Id,
  heldOn: z.string(),
  attendees: z.string(),
  decisions: z.string(),
  createdAt: z.string(),
});

export const EstablishmentProject = z.object({
  id: Id,
  establishmentId: Id,
  phase: ProjectPhase,
  partnerOrganizationId: Id.nullable(),
  partnerName: z.string().nullable(),
  startedOn: z.string().nullable(),
  summary: z.string().nullable(),
  /** done / non-cancelled items, as a percent (0 when no item). */
  progress: z.number().int(),
  diagnostic: z.array(DiagnosticEntry),
  items: z.array(ActionItem),
  meetings: z.array(GovernanceMeeting),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type EstablishmentProject = z.infer<typeof EstablishmentProject>;

export const CreateProjectBody = z.strictObject({
  partnerOrganizationId: Id.nullable().optional(),
  startedOn: IsoDate.nullable().optional(),
  summary: optionalText(4000),
});
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

export const UpdateProjectBody = CreateProjectBody.extend({ version: Version });
export type UpdateProjectBody = z.infer<typeof UpdateProjectBody>;

/** Moves one phase forward or back; any other jump is refused. */
export const PhaseBody = z.strictObject({ version: Version, phase: ProjectPhase });
export type PhaseBody = z.infer<typeof PhaseBody>;

export const DiagnosticParams = z.strictObject({ id: Id, domain: ProjectDomain });
export const DiagnosticBody = z.strictObject({ score: Score, notes: optionalText(4000) });
export type DiagnosticBody = z.infer<typeof DiagnosticBody>;

export const CreateItemBody = z.strictObject({
  domain: ProjectDomain,
  title: requiredText(300),
  owner: optionalText(200),
  dueOn: IsoDate.nullable().optional(),
  costCentimes: z.number().int().min(0).max(1e13).nullable().optional(),
  funderOrganizationId: Id.nullable().optional(),
  status: ItemStatus.default("todo"),
  evidence: optionalText(2000),
});
export type CreateItemBody = z.infer<typeof CreateItemBody>;

export const UpdateItemBody = z.strictObject({
  version: Version,
  domain: ProjectDomain.optional(),
  title: requiredText(300).optional(),
  owner: optionalText(200),
  dueOn: IsoDate.nullable().optional(),
  costCentimes: z.number().int().min(0).max(1e13).nullable().optional(),
  funderOrganizationId: Id.nullable().optional(),
  status: ItemStatus.optional(),
  evidence: optionalText(2000),
});
export type UpdateItemBody = z.infer<typeof UpdateItemBody>;

export const ItemParams = z.strictObject({ id: Id, itemId: Id });

export const MeetingBody = z.strictObject({
  heldOn: IsoDate,
  attendees: requiredText(4000),
  decisions: requiredText(8000),
});
export type MeetingBody = z.infer<typeof MeetingBody>;
