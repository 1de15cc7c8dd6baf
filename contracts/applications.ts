import { z } from "zod";
import { Id, optionalText, PageQuery, page, Version } from "./common.ts";
import { EligibilityResult, IsoDate, Outcome } from "./eligibility.ts";
import { Centimes, StageKind } from "./programs.ts";

/* ------------------------------------------------------------- applications */

export const APPLICATION_STATUSES = ["pending", "enrolled", "completed", "rejected", "withdrawn"] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
export const OPEN_STATUSES: readonly ApplicationStatus[] = ["pending", "enrolled"];

export const CHANNELS = ["office", "online"] as const;
export const Channel = z.enum(CHANNELS);

export const EVENT_KINDS = ["filed", "advanced", "rejected", "withdrawn", "completed", "reopened"] as const;
export const EventKind = z.enum(EVENT_KINDS);

export const TRANSITION_ACTIONS = ["advance", "reject", "withdraw", "complete"] as const;
export const TransitionAction = z.enum(TRANSITION_ACTIONS);
export type TransitionAction = z.infer<typeof TransitionAction>;

export const SERVICE_TYPES = [
  "cash_transfer",
  "grant",
  "in_kind",
  "training",
  "mentoring",
  "counselling",
  "financing",
  "care",
  "other",
] as const;
export const ServiceType = z.enum(SERVICE_TYPES);

export const StageRef = z.object({
  id: Id,
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  kind: StageKind,
});

export const ApplicationSummary = z.object({
  id: Id,
  programId: Id,
  programCode: z.string(),
  programNameFr: z.string(),
  programNameAr: z.string(),
  personId: Id,
  personName: z.string(),
  personNameAr: z.string().nullable(),
  provinceCode: z.string().nullable(),
  channel: Channel,
  status: ApplicationStatus,
  stage: StageRef,
  eligibility: Outcome.nullable(),
  filedAt: z.string(),
  stageChangedAt: z.string(),
  version: Version,
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationEvent = z.object({
  id: Id,
  kind: EventKind,
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  reason: z.string().nullable(),
  actorLabel: z.string().nullable(),
  occurredAt: z.string(),
});
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;

export const ServiceRecord = z.object({
  id: Id,
  deliveredOn: z.string(),
  type: ServiceType,
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  amountCentimes: z.number().int().nullable(),
  providerId: Id.nullable(),
  providerName: z.string().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ServiceRecord = z.infer<typeof ServiceRecord>;

export const Application = ApplicationSummary.extend({
  enrolledOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  eligibilityResult: EligibilityResult.nullable(),
  /** What the workflow allows from here; the page shows only these buttons. */
  nextStage: StageRef.nullable(),
  allowedActions: z.array(TransitionAction),
  events: z.array(ApplicationEvent),
  services: z.array(ServiceRecord),
});
export type Application = z.infer<typeof Application>;

export const CreateApplicationBody = z.strictObject({
  programId: Id,
  personId: Id,
  notes: optionalText(2000),
});
export type CreateApplicationBody = z.infer<typeof CreateApplicationBody>;

export const TransitionBody = z.strictObject({
  version: Version,
  action: TransitionAction,
  /** For `advance`: the stage the client means to reach; refused unless it is the next one. */
  toStage: z.string().max(40).optional(),
  reason: optionalText(2000),
  /** Enrolment start; today when absent. */
  startDate: IsoDate.optional(),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const CreateServiceBody = z.strictObject({
  deliveredOn: IsoDate,
  type: ServiceType,
  quantity: z.number().positive().max(1_000_000).nullable().optional(),
  unit: optionalText(40),
  amountCentimes: Centimes.nullable().optional(),
  providerId: Id.nullable().optional(),
  notes: optionalText(2000),
});
export type CreateServiceBody = z.infer<typeof CreateServiceBody>;

export const ApplicationListQuery = PageQuery.extend({
  programId: Id.optional(),
  personId: Id.optional(),
  status: ApplicationStatus.optional(),
  stage: z.string().max(40).optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;
export const ApplicationList = page(ApplicationSummary);

export const ApplicationExportQuery = z.object({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  programId: Id.optional(),
  status: ApplicationStatus.optional(),
});

export const QueueItem = ApplicationSummary.extend({ waitingSeconds: z.number().int() });
export const QueueQuery = PageQuery.extend({ stage: z.string().max(40).optional() });
export const Queue = page(QueueItem);
