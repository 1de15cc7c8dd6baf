import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ComputedValues,
  CreateIndicatorBody,
  CreateMeasurementBody,
  Indicator,
  Measurement,
  Progress,
  PutTargetBody,
  Target,
  UpdateIndicatorBody,
} from "../../../contracts/indicators.ts";
import type { Page } from "../../shared/cursor-query.ts";
import { buildUrl, http } from "../../shared/http.ts";

export type MeasurementInput = z.input<typeof CreateMeasurementBody>;
export type TargetInput = z.input<typeof PutTargetBody>;
export type IndicatorInput = z.input<typeof CreateIndicatorBody>;
export type IndicatorChanges = z.input<typeof UpdateIndicatorBody>;

const keys = {
  lists: ["indicators", "list"] as const,
  list: (q: string) => ["indicators", "list", q] as const,
  detail: (id: string) => ["indicators", "detail", id] as const,
  of: (id: string) => ["indicators", "of", id] as const,
};

/** Definitions are few (tens): one page holds them all. */
export const indicatorListQueryOptions = (q = "") =>
  queryOptions({
    queryKey: keys.list(q),
    queryFn: ({ signal }) => http.get<Page<Indicator>>("/indicators", { q, limit: 200 }, signal),
    select: (page) => page.items,
  });

export const indicatorQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => http.get<Indicator>(`/indicators/${id}`, undefined, signal),
  });

export const progressQueryOptions = (id: string, period: string | null) =>
  queryOptions({
    queryKey: [...keys.of(id), "progress", period],
    queryFn: ({ signal }) =>
      http.get<Progress>(`/indicators/${id}/progress`, { period: period ?? undefined }, signal),
  });

export const measurementsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...keys.of(id), "measurements"],
    queryFn: ({ signal }) =>
      http.get<Page<Measurement>>(`/indicators/${id}/measurements`, { limit: 100 }, signal),
    select: (page) => page.items,
  });

export const computedQueryOptions = (id: string, enabled: boolean) =>
  queryOptions({
    queryKey: [...keys.of(id), "computed"],
    queryFn: ({ signal }) => http.get<ComputedValues>(`/indicators/${id}/computed`, undefined, signal),
    enabled,
  });

export const indicatorsExportUrl = (format: "csv" | "xlsx") => buildUrl("/indicators/export", { format });
export const measurementsExportUrl = (id: string, format: "csv" | "xlsx") =>
  buildUrl(`/indicators/${id}/measurements/export`, { format });
export const progressExportUrl = (id: string, format: "csv" | "xlsx", period: string | null) =>
  buildUrl(`/indicators/${id}/progress/export`, { format, period: period ?? undefined });

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.of(id) });
    void queryClient.invalidateQueries({ queryKey: ["dashboards"] });
  };
}

export function useSetTarget(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: TargetInput) => http.put<Target>(`/indicators/${id}/targets`, input),
    onSuccess: refresh,
  });
}

export function useAddMeasurement(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: MeasurementInput) => http.post<Measurement>(`/indicators/${id}/measurements`, input),
    onSuccess: refresh,
  });
}

/** Defines an indicator (national writers); the lists show it at once. */
export function useCreateIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IndicatorInput) => http.post<Indicator>("/indicators", input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.lists }),
  });
}

/** Changes a definition with the version read (409 if someone changed it meanwhile). */
export function useUpdateIndicator(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (changes: IndicatorChanges) => http.patch<Indicator>(`/indicators/${id}`, changes),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.lists });
      void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
      refresh();
    },
  });
}
