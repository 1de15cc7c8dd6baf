import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Dashboard, DashboardProject, MapData } from "../../../contracts/dashboards.ts";
import { buildUrl, http } from "../../shared/http.ts";

export type DashboardLevel = "national" | "regions" | "provinces";

const pathOf = (level: DashboardLevel, code?: string) =>
  level === "national" ? "/dashboards/national" : `/dashboards/${level}/${code}`;

export const dashboardQueryOptions = (level: DashboardLevel, code?: string) =>
  queryOptions({
    queryKey: ["dashboards", level, code ?? null],
    queryFn: ({ signal }) => http.get<Dashboard>(pathOf(level, code), undefined, signal),
  });

export const regionProjectsQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ["dashboards", "regions", code, "projects"],
    queryFn: ({ signal }) =>
      http.get<{ items: DashboardProject[] }>(`/dashboards/regions/${code}/projects`, undefined, signal),
    select: (r) => r.items,
  });

export const mapQueryOptions = (indicator: string | null) =>
  queryOptions({
    queryKey: ["dashboards", "map", indicator],
    queryFn: ({ signal }) => http.get<MapData>("/dashboards/map", { indicator: indicator ?? "" }, signal),
    enabled: Boolean(indicator),
    placeholderData: keepPreviousData,
  });

export const dashboardExportUrl = (level: DashboardLevel, format: "csv" | "xlsx", code?: string) =>
  buildUrl(`${pathOf(level, code)}/export`, { format });
export const projectsExportUrl = (code: string, format: "csv" | "xlsx") =>
  buildUrl(`/dashboards/regions/${code}/projects/export`, { format });
export const mapExportUrl = (indicator: string, format: "csv" | "xlsx") =>
  buildUrl("/dashboards/map/export", { indicator, format });
