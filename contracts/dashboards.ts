import { z } from "zod";
import { Id } from "./common.ts";
import { TerritoryLevel } from "./indicators.ts";

/** Dashboards: aggregates by territory, limited to what the reader reaches. Money in centimes (MAD). */

export const DashboardScope = z.object({
  level: TerritoryLevel,
  code: z.string().nullable(),
  name: z.string(),
  population: z.number().nullable(),
});

const Money = { committedCentimes: z.number().int(), disbursedCentimes: z.number().int() };

export const DashboardMoney = z.object({
  ...Money,
  byPartner: z.array(z.object({ funderId: Id, name: z.string(), nameAr: z.string().nullable(), ...Money })),
  byRegion: z.array(z.object({ code: z.string(), name: z.string(), ...Money })),
});

export const DashboardProjects = z.object({
  total: z.number().int(),
  byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  withLateMilestones: z.number().int(),
  lateMilestones: z.number().int(),
});

export const DashboardInfrastructure = z.object({
  establishments: z.number().int(),
  connected: z.number().int(),
  solar: z.number().int(),
  solarHotWater: z.number().int(),
  /** Rates in percent, two decimals. */
  connectedRate: z.number(),
  solarRate: z.number(),
  solarHotWaterRate: z.number(),
  capacity: z.number().int(),
  residents: z.number().int(),
  occupancyRate: z.number(),
});

export const DashboardProgram = z.object({
  programId: Id,
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  total: z.number().int(),
  stages: z.array(
    z.object({
      stageId: Id,
      code: z.string(),
      nameFr: z.string(),
      nameAr: z.string(),
      count: z.number().int(),
    }),
  ),
});

export const DashboardIndicator = z.object({
  indicatorId: Id,
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  unit: z.string(),
  direction: z.string(),
  period: z.string(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  gap: z.number().nullable(),
  achievement: z.number().nullable(),
});

/** A region of the country (or a province of a region) with its headline figures, for drill-down. */
export const DashboardTerritory = z.object({
  level: TerritoryLevel,
  code: z.string(),
  name: z.string(),
  population: z.number().nullable(),
  establishments: z.number().int(),
  connectedRate: z.number(),
  projects: z.number().int(),
  ...Money,
});

export const Dashboard = z.object({
  scope: DashboardScope,
  money: DashboardMoney,
  projects: DashboardProjects,
  infrastructure: DashboardInfrastructure,
  programs: z.array(DashboardProgram),
  indicators: z.array(DashboardIndicator),
  territories: z.array(DashboardTerritory),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DashboardProject = z.object({
  id: Id,
  code: z.string(),
  titleFr: z.string(),
  titleAr: z.string().nullable(),
  regionCode: z.string(),
  provinceCode: z.string().nullable(),
  status: z.string(),
  physicalProgress: z.number().int(),
  lateMilestones: z.number().int(),
  ...Money,
});
export type DashboardProject = z.infer<typeof DashboardProject>;
export const DashboardProjectList = z.object({ items: z.array(DashboardProject) });

export const CodeParams = z.strictObject({ code: z.string().max(10) });
export const ExportFormatQuery = z.object({ format: z.enum(["csv", "xlsx"]) });

export const MapQuery = z.object({
  indicator: z.string().min(1).max(60),
  period: z
    .string()
    .regex(/^(20\d\d)(-Q[1-4])?$/, { message: "indicators.period_format" })
    .optional(),
});
export type MapQuery = z.infer<typeof MapQuery>;
export const MapRegion = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number(),
  value: z.number().nullable(),
  /** Value per 10,000 inhabitants (counts and amounts; null for rates). */
  per10k: z.number().nullable(),
});
export type MapRegion = z.infer<typeof MapRegion>;
export const MapData = z.object({
  indicatorId: Id,
  code: z.string(),
  unit: z.string(),
  period: z.string(),
  perInhabitant: z.boolean(),
  regions: z.array(MapRegion),
});
export type MapData = z.infer<typeof MapData>;
export const MapExportQuery = MapQuery.extend({ format: z.enum(["csv", "xlsx"]) });
