import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Cohort,
  CohortDetail,
  CreateCohortBody,
  EstablishmentSummary,
  UpdateCohortBody,
} from "../../../contracts/establishments.ts";
import type { Page } from "../../shared/cursor-query.ts";
import { http } from "../../shared/http.ts";

export type CohortInput = z.input<typeof CreateCohortBody>;
export type CohortChanges = z.input<typeof UpdateCohortBody>;

/** Writes on a cohort change its page, the cohorts list and the establishments filtered by cohort. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (detail?: CohortDetail) => {
    if (detail) queryClient.setQueryData(["cohorts", detail.id], detail);
    void queryClient.invalidateQueries({
      queryKey: ["cohorts"],
      predicate: (q) => !detail || q.queryKey[1] !== detail.id,
    });
    void queryClient.invalidateQueries({ queryKey: ["establishments"] });
  };
}

export function useCreateCohort() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CohortInput) => http.post<Cohort>("/cohorts", body),
    onSuccess: () => refresh(),
  });
}

export function useUpdateCohort(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CohortChanges) => http.patch<Cohort>(`/cohorts/${id}`, body),
    onSuccess: () => refresh(),
  });
}

export function useArchiveCohort(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (version: number) => http.post<{ ok: true }>(`/cohorts/${id}/archive`, { version }),
    onSuccess: () => refresh(),
  });
}

export function useAddCohortMembers(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (establishmentIds: string[]) =>
      http.post<CohortDetail>(`/cohorts/${id}/members`, { establishmentIds }),
    onSuccess: (detail) => refresh(detail),
  });
}

export function useRemoveCohortMember(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (establishmentId: string) =>
      http.delete<CohortDetail>(`/cohorts/${id}/members/${establishmentId}`),
    onSuccess: (detail) => refresh(detail),
  });
}

/** Establishments matching a name or code, 20 at a time, for the member picker. */
export const establishmentPickQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ["establishments", "pick", q] as const,
    queryFn: ({ signal }) =>
      http.get<Page<EstablishmentSummary>>("/establishments", { q: q || undefined, limit: 20 }, signal),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
