import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AxisBody,
  Convention,
  ConventionDocument,
  ConventionSummary,
  CreateConventionBody,
  PartyBody,
  TargetBody,
  UpdateConventionBody,
} from "../../../contracts/conventions.ts";
import { cursorQueryOptions, type Page } from "../../shared/cursor-query.ts";
import { buildUrl, http } from "../../shared/http.ts";
import type { ConventionSearch } from "./conventions.search.ts";

export type ConventionInput = z.input<typeof CreateConventionBody>;
export type ConventionChanges = z.input<typeof UpdateConventionBody>;

const keys = {
  all: ["conventions"] as const,
  list: (search: ConventionSearch) => ["conventions", "list", search] as const,
  detail: (id: string) => ["conventions", "detail", id] as const,
  frameworks: ["conventions", "frameworks"] as const,
};

const filterParams = (search: ConventionSearch) => ({
  q: search.q,
  type: search.type,
  status: search.status,
  region: search.region,
  party: search.party,
  includeArchived: search.archived ? "true" : undefined,
});

export const conventionListQueryOptions = (search: ConventionSearch) => ({
  ...cursorQueryOptions(keys.list(search), (cursor, signal) =>
    http.get<Page<ConventionSummary>>("/conventions", { ...filterParams(search), limit: 50, cursor }, signal),
  ),
  placeholderData: keepPreviousData,
});

/** Framework conventions, for the parent picker of a specific one. */
export const frameworkQueryOptions = () =>
  queryOptions({
    queryKey: keys.frameworks,
    queryFn: ({ signal }) =>
      http.get<Page<ConventionSummary>>("/conventions", { type: "framework", limit: 200 }, signal),
    select: (page) => page.items,
  });

export const conventionExportUrl = (search: ConventionSearch, format: "csv" | "xlsx") =>
  buildUrl("/conventions/export", { ...filterParams(search), format });

export const conventionPdfUrl = (id: string) => buildUrl(`/conventions/${id}/pdf`);
export const documentUrl = (id: string, documentId: string) =>
  buildUrl(`/conventions/${id}/documents/${documentId}`);

export const conventionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => http.get<Convention>(`/conventions/${id}`, undefined, signal),
  });

/** After any write the server answers the whole convention: keep it, and fetch lists again. */
function useStore() {
  const queryClient = useQueryClient();
  return (convention: Convention) => {
    queryClient.setQueryData(keys.detail(convention.id), convention);
    void queryClient.invalidateQueries({
      queryKey: keys.all,
      predicate: (query) => query.queryKey[1] !== "detail",
    });
  };
}

export function useCreateConvention() {
  const store = useStore();
  return useMutation({
    mutationFn: (body: ConventionInput) => http.post<Convention>("/conventions", body),
    onSuccess: store,
  });
}

export function useUpdateConvention(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: ConventionChanges) => http.patch<Convention>(`/conventions/${id}`, body),
    onSuccess: store,
  });
}

/** Every write on a convention's parts, named by what it does. */
export const conventionWrites = {
  archive: (id: string, version: number) => http.post<Convention>(`/conventions/${id}/archive`, { version }),
  restore: (id: string, version: number) => http.post<Convention>(`/conventions/${id}/restore`, { version }),
  addParty: (id: string, body: z.input<typeof PartyBody>) =>
    http.post<Convention>(`/conventions/${id}/parties`, body),
  removeParty: (id: string, partyId: string) =>
    http.delete<Convention>(`/conventions/${id}/parties/${partyId}`),
  addAxis: (id: string, body: z.input<typeof AxisBody>) =>
    http.post<Convention>(`/conventions/${id}/axes`, body),
  removeAxis: (id: string, axisId: string) => http.delete<Convention>(`/conventions/${id}/axes/${axisId}`),
  addTarget: (id: string, axisId: string, body: z.input<typeof TargetBody>) =>
    http.post<Convention>(`/conventions/${id}/axes/${axisId}/targets`, body),
  removeTarget: (id: string, targetId: string) =>
    http.delete<Convention>(`/conventions/${id}/targets/${targetId}`),
};

/** Runs one of `conventionWrites` and keeps the convention it answers. */
export function useConventionMutation<A extends unknown[]>(run: (...args: A) => Promise<Convention>) {
  const store = useStore();
  return useMutation({ mutationFn: (args: A) => run(...args), onSuccess: store });
}

/** Uploads one file; the list on the detail page refreshes. */
export function useUploadDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => http.upload<ConventionDocument>(`/conventions/${id}/documents`, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.detail(id) }),
  });
}

export function useDeleteDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => http.delete(`/conventions/${id}/documents/${documentId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.detail(id) }),
  });
}
