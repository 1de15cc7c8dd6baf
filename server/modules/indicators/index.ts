/** What other modules (and app.ts) may use from the indicators module. */
export { dashboardsRoutes } from "./dashboards.routes.ts";
export { createDashboardsService, type DashboardsService } from "./dashboards.service.ts";
export type { ComputationSource, Fact } from "./indicators.computations.ts";
export type { DatasetSource } from "./indicators.datasets.ts";
export { indicatorsRoutes } from "./indicators.routes.ts";
export { createIndicatorsService, type IndicatorsService } from "./indicators.service.ts";
export {
  indicatorDatasetCache,
  indicatorMeasurements,
  indicators,
  indicatorTargets,
} from "./indicators.table.ts";
export { establishmentComputations } from "./sources/establishments.computations.ts";
export { partnershipComputations } from "./sources/partnerships.computations.ts";
export { programComputations } from "./sources/programs.computations.ts";
