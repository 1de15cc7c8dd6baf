import { z } from "zod";
import { Id, optionalText, PageQuery, page, requiredText, Version } from "./common.ts";

/** Indicators: definitions, targets per period and territory, measurements entered or computed. */

export const INDICATOR_UNITS = ["count", "percent", "mad", "ratio", "days"] as const;
export const IndicatorUnit = z.enum(INDICATOR_UNITS);
export const DIRECTIONS = ["higher", "lower"] as const;
export const Direction = z.enum(DIRECTIONS);
export const AGGREGATIONS = ["sum", "average", "rate", "latest"] as const;
export const Aggregation = z.enum(AGGREGATIONS);
export const DISAGGREGATIONS = ["region", "sex", "age_band"] as const;
export const Disaggregation = z.enum(DISAGGREGATIONS);
export const INDICATOR_KINDS = ["entered", "computed"] as const;
export const IndicatorKind = z.enum(INDICATOR_KINDS);
export const TERRITORY_LEVELS = ["national", "region", "province"] as const;
export const TerritoryLevel = z.enum(TERRITORY_LEVELS);
export type TerritoryLevel = z.infer<typeof TerritoryLevel>;
export const SEXES = ["female", "male"] as const;
export const AGE_BANDS = ["0-17", "18-24", "25-34", "35-59", "60+"] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;

/** A year ("2026") or a quarter ("2026-Q2"). */
export const Period = z.string().regex(/^(20\d\d)(-Q[1-4])?$/, { message: "indicators.period_format" });

/** The computations modules provide; an indicator of kind "computed" names one. */
export const COMPUTATIONS = [
  "establishments.connected",
  "establishments.connected_rate",
  "establishments.solar",
  "establishments.solar_rate",
  "establishments.solar_hot_water",
  "establishments.solar_hot_water_rate",
  "establishments.occupancy_rate",
  "establishments.residents",
  "programs.beneficiaries",
  "programs.past_stage",
  "partnerships.committed",
  "partnerships.disbursed",
  "partnerships.projects_late",
] as const;
export const Computation = z.enum(COMPUTATIONS);
export type Computation = z.infer<typeof Computation>;

/** Parameters of a computation (a programme and stage, an establishment category). */
export const ComputationParams = z.strictObject({
  programCode: z.string().trim().max(40).optional(),
  stageCode: z.string().trim().max(40).optional(),
  category: z.string().trim().max(60).optional(),
});
export type ComputationParams = z.infer<typeof ComputationParams>;

/**
 * The parameters each computation reads (server/modules/indicators/sources/*.computations.ts);
 * the others read none. The definition form shows only these.
 */
export const COMPUTATION_PARAMS: Partial<Record<Computation, (keyof ComputationParams)[]>> = {
  "establishments.occupancy_rate": ["category"],
  "establishments.residents": ["category"],
  "programs.beneficiaries": ["programCode", "stageCode"],
  "programs.past_stage": ["programCode", "stageCode"],
};

export const Indicator = z.object({
  id: Id,
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  description: z.string().nullable(),
  unit: IndicatorUnit,
  direction: Direction,
  aggregation: Aggregation,
  disaggregations: z.array(Disaggregation),
  kind: IndicatorKind,
  computation: Computation.nullable(),
  computationParams: ComputationParams,
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type Indicator = z.infer<typeof Indicator>;

const definitionFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_.-]{1,39}$/, { message: "indicators.code_format" }),
  nameFr: requiredText(200),
  nameAr: requiredText(200),
  description: optionalText(2000),
  unit: IndicatorUnit,
  direction: Direction,
  aggregation: Aggregation,
  disaggregations: z.array(Disaggregation).max(3).default([]),
  kind: IndicatorKind,
  computation: Computation.nullable().optional(),
  computationParams: ComputationParams.default({}),
};

export const CreateIndicatorBody = z.strictObject(definitionFields);
export type CreateIndicatorBody = z.infer<typeof CreateIndicatorBody>;

export const UpdateIndicatorBody = z
  .strictObject({
    version: Version,
    nameFr: definitionFields.nameFr,
    nameAr: definitionFields.nameAr,
    description: definitionFields.description,
    unit: definitionFields.unit,
    direction: definitionFields.direction,
    aggregation: definitionFields.aggregation,
    disaggregations: z.array(Disaggregation).max(3),
    computationParams: ComputationParams,
  })
  .partial()
  .required({ version: true });
export type UpdateIndicatorBody = z.infer<typeof UpdateIndicatorBody>;

export const IndicatorListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: IndicatorKind.optional(),
});
export type IndicatorListQuery = z.infer<typeof IndicatorListQuery>;
export const IndicatorList = page(Indicator);
export const IndicatorExportQuery = z.object({ format: z.enum(["csv", "xlsx"]) });

export const Territory = z.object({
  level: TerritoryLevel,
  /** Null for national. */
  code: z.string().nullable(),
});

export const Target = z.object({
  id: Id,
  indicatorId: Id,
  period: z.string(),
  territoryLevel: TerritoryLevel,
  territoryCode: z.string().nullable(),
  value: z.number(),
  version: Version,
});
export type Target = z.infer<typeof Target>;

const territoryFields = {
  territoryLevel: TerritoryLevel,
  territoryCode: z.string().trim().max(10).nullable().optional(),
};

/** Sets (creates or replaces) the target of one period and territory. */
export const PutTargetBody = z.strictObject({
  period: Period,
  ...territoryFields,
  value: z.number().finite(),
});
export type PutTargetBody = z.infer<typeof PutTargetBody>;

export const Measurement = z.object({
  id: Id,
  indicatorId: Id,
  period: z.string(),
  territoryLevel: TerritoryLevel,
  territoryCode: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  ageBand: AgeBand.nullable(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  source: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  evidenceFileId: Id.nullable(),
  createdAt: z.string(),
  version: Version,
});
export type Measurement = z.infer<typeof Measurement>;

export const CreateMeasurementBody = z.strictObject({
  period: Period,
  ...territoryFields,
  sex: z.enum(SEXES).nullable().optional(),
  ageBand: AgeBand.nullable().optional(),
  value: z.number().finite(),
  numerator: z.number().finite().min(0).nullable().optional(),
  denominator: z.number().finite().positive().nullable().optional(),
  source: requiredText(300),
  evidenceNote: optionalText(2000),
  evidenceFileId: Id.nullable().optional(),
});
export type CreateMeasurementBody = z.infer<typeof CreateMeasurementBody>;

export const MeasurementListQuery = PageQuery.extend({ period: Period.optional() });
export const MeasurementExportQuery = z.object({
  period: Period.optional(),
  format: z.enum(["csv", "xlsx"]),
});
export const MeasurementList = page(Measurement);

/** A value of an indicator at one territory (entered and aggregated, or computed now). */
export const IndicatorValue = z.object({
  territoryLevel: TerritoryLevel,
  territoryCode: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  ageBand: AgeBand.nullable(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const ComputedValues = z.object({
  indicatorId: Id,
  computation: Computation,
  period: z.string(),
  /** When the cached result was computed: unchanged while the source data is unchanged. */
  computedAt: z.string(),
  values: z.array(IndicatorValue),
});
export type ComputedValues = z.infer<typeof ComputedValues>;

export const ProgressQuery = z.object({
  level: TerritoryLevel.optional(),
  period: Period.optional(),
});
export type ProgressQuery = z.infer<typeof ProgressQuery>;

/** Target vs actual of one period and territory; gap = actual - target. */
export const ProgressRow = z.object({
  period: z.string(),
  territoryLevel: TerritoryLevel,
  territoryCode: z.string().nullable(),
  territoryName: z.string(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  gap: z.number().nullable(),
  /** Share of the target reached, in percent (for "lower is better", target / actual). */
  achievement: z.number().nullable(),
});
export type ProgressRow = z.infer<typeof ProgressRow>;
export const Progress = z.object({ indicator: Indicator, rows: z.array(ProgressRow) });
export type Progress = z.infer<typeof Progress>;
export const ProgressExportQuery = ProgressQuery.extend({ format: z.enum(["csv", "xlsx"]) });
