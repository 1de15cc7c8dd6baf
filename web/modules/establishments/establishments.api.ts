import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Me } from "../../../contracts/access.ts";
import type {
  Cohort,
  CohortDetail,
  CreateEstablishmentBody,
  CreateInspectionBody,
  CreateWorkBody,
  Establishment,
  EstablishmentStats,
  EstablishmentSummary,
  ImportResult,
  Inspection,
  UpdateEstablishmentBody,
  Work,
} from "../../../contracts/establishments.ts";
import { cursorQueryOptions, type Page } from "../../shared/cursor-query.ts";
import { buildUrl, http, ProblemError } from "../../shared/http.ts";
import { meQueryKey } from "../auth/auth.api.ts";
import type { EstablishmentSearch } from "./establishments.search.ts";

export type EstablishmentInput = z.input<typeof CreateEstablishmentBody>;
export type EstablishmentChanges = z.input<typeof UpdateEstablishmentBody>;

const keys = {
  all: ["establishments"] as const,
  list: (search: EstablishmentSearch) => ["establishments", "list", search] as const,
  detail: (id: string) => ["establishments", "detail", id] as const,
  works: (id: string) => ["establishments", "works", id] as const,
  inspections: (id: string) => ["establishments", "inspections", id] as const,
  cohorts: ["cohorts"] as const,
  cohort: (id: string) => ["cohorts", id] as const,
};

/** The list filters as API query parameters (also used by the export links). */
export const filterParams = (search: EstablishmentSearch) => ({
  q: search.q,
  region: search.region,
  province: search.province,
  category: search.category,
  authorisation: search.authorisation,
  connectivity: search.connectivity,
  cohort: search.cohort,
  overdue: search.overdue ? "true" : undefined,
  includeArchived: search.archived ? "true" : undefined,
});

export const exportUrl = (search: EstablishmentSearch, format: "csv" | "xlsx") =>
  buildUrl("/establishments/export", { ...filterParams(search), format });

/** Counts by region and category of the filtered list (archived excluded). */
export const establishmentStatsQueryOptions = (search: EstablishmentSearch) => {
  const { includeArchived: _archived, ...params } = filterParams(search);
  return queryOptions({
    queryKey: ["establishments", "stats", params] as const,
    queryFn: ({ signal }) => http.get<EstablishmentStats>("/establishments/stats", params, signal),
    placeholderData: keepPreviousData,
  });
};

export const establishmentListQueryOptions = (search: EstablishmentSearch) => ({
  ...cursorQueryOptions(keys.list(search), (cursor, signal) =>
    http.get<Page<EstablishmentSummary>>(
      "/establishments",
      { ...filterParams(search), limit: 50, cursor },
      signal,
    ),
  ),
  placeholderData: keepPreviousData,
});

export const establishmentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => http.get<Establishment>(`/establishments/${id}`, undefined, signal),
  });

export const worksQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.works(id),
    queryFn: ({ signal }) => http.get<{ items: Work[] }>(`/establishments/${id}/works`, undefined, signal),
    select: (r) => r.items,
  });

export const inspectionsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.inspections(id),
    queryFn: ({ signal }) =>
      http.get<{ items: Inspection[] }>(`/establishments/${id}/inspections`, undefined, signal),
    select: (r) => r.items,
  });

export const cohortsQueryOptions = queryOptions({
  queryKey: keys.cohorts,
  queryFn: ({ signal }) => http.get<{ items: Cohort[] }>("/cohorts", undefined, signal),
  select: (r) => r.items,
  staleTime: 60_000,
});

export const cohortQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.cohort(id),
    queryFn: ({ signal }) => http.get<CohortDetail>(`/cohorts/${id}`, undefined, signal),
  });

function useStore() {
  const queryClient = useQueryClient();
  return (establishment: Establishment) => {
    queryClient.setQueryData(keys.detail(establishment.id), establishment);
    void queryClient.invalidateQueries({
      queryKey: keys.all,
      predicate: (query) => query.queryKey[1] !== "detail",
    });
  };
}

export function useCreateEstablishment() {
  const store = useStore();
  return useMutation({
    mutationFn: (body: EstablishmentInput) => http.post<Establishment>("/establishments", body),
    onSuccess: store,
  });
}

export function useUpdateEstablishment(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: EstablishmentChanges) => http.patch<Establishment>(`/establishments/${id}`, body),
    onSuccess: store,
  });
}

export function useSetArchived(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: ({ archived, version }: { archived: boolean; version: number }) =>
      http.post<Establishment>(`/establishments/${id}/${archived ? "archive" : "restore"}`, { version }),
    onSuccess: store,
  });
}

export function useAddWork(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateWorkBody>) =>
      http.post<Work>(`/establishments/${id}/works`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.works(id) }),
  });
}

export function useAddInspection(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateInspectionBody>) =>
      http.post<Inspection>(`/establishments/${id}/inspections`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMarkActionDone(establishmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      http.patch<Inspection>(`/corrective-actions/${id}`, { version, status: "done" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.inspections(establishmentId) }),
  });
}

/** Sends the file as is (CSV or XLSX body); a 422 carries the row-by-row report in `errors`. */
export function useImportEstablishments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<ImportResult> => {
      const me = queryClient.getQueryData<Me>(meQueryKey);
      const xlsx = file.name.toLowerCase().endsWith(".xlsx");
      const response = await fetch(buildUrl("/establishments/import"), {
        method: "POST",
        credentials: "same-origin",
        headers: {
          Accept: "application/json",
          "Accept-Language": document.documentElement.lang || "fr",
          "Content-Type": xlsx
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv",
          ...(me?.csrfToken ? { "X-CSRF-Token": me.csrfToken } : {}),
        },
        body: file,
      });
      const body = await response.json();
      if (!response.ok)
        throw new ProblemError({
          status: response.status,
          code: body.code ?? "http.unexpected",
          detail: body.detail ?? "",
          errors: body.errors,
        });
      return body as ImportResult;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
