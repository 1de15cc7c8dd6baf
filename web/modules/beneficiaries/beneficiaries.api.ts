import {
  type InfiniteData,
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AddMemberBody,
  Consent,
  CreateConsentBody,
  CreateHouseholdBody,
  CreatePersonBody,
  DuplicateCheckBody,
  Household,
  Person,
  PersonSummary,
  ProbableDuplicate,
  TimelineEvent,
  UpdateHouseholdBody,
  UpdatePersonBody,
} from "../../../contracts/beneficiaries.ts";
import { cursorQueryOptions, type Page } from "../../shared/cursor-query.ts";
import { buildUrl, http } from "../../shared/http.ts";
import type { PersonSearch } from "./persons.search.ts";

export type PersonInput = z.input<typeof CreatePersonBody>;
export type PersonChanges = z.input<typeof UpdatePersonBody>;
export type Duplicate = z.infer<typeof ProbableDuplicate>;

const keys = {
  all: ["persons"] as const,
  list: (search: PersonSearch) => ["persons", "list", search] as const,
  pick: (q: string) => ["persons", "pick", q] as const,
  detail: (id: string) => ["persons", "detail", id] as const,
  consents: (id: string) => ["persons", "consents", id] as const,
  timeline: (id: string) => ["persons", "timeline", id] as const,
  household: (id: string) => ["households", "detail", id] as const,
};

const listQuery = (search: PersonSearch) => ({
  q: search.q,
  region: search.region,
  province: search.province,
});

export const personListQueryOptions = (search: PersonSearch) => ({
  ...cursorQueryOptions(keys.list(search), (cursor, signal) =>
    http.get<PersonListPage>("/persons", { ...listQuery(search), limit: 50, cursor }, signal),
  ),
  placeholderData: keepPreviousData,
});

type PersonListPage = Page<PersonSummary> & { capped: boolean };

/**
 * Whether the search behind the list was capped (too many matches to rank them all). Read from the
 * cached pages (the list query's `select` keeps only the rows); the page re-renders with the query.
 */
export function useSearchCapped(search: PersonSearch): boolean {
  const client = useQueryClient();
  const data = client.getQueryData<InfiniteData<PersonListPage>>(keys.list(search));
  return Boolean(search.q && data?.pages[0]?.capped);
}

/** Where the browser downloads the filtered list (the server streams it, CIN masked). */
export const exportUrl = (search: PersonSearch, format: "csv" | "xlsx") =>
  buildUrl("/persons/export", { ...listQuery(search), format });

/** A short ranked list for pickers (household member, merge target). */
export const personPickQueryOptions = (q: string) =>
  queryOptions({
    queryKey: keys.pick(q),
    queryFn: ({ signal }) => http.get<Page<PersonSummary>>("/persons", { q, limit: 15 }, signal),
    select: (page) => page.items,
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export const personQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => http.get<Person>(`/persons/${id}`, undefined, signal),
  });

export const consentsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.consents(id),
    queryFn: ({ signal }) => http.get<{ items: Consent[] }>(`/persons/${id}/consents`, undefined, signal),
    select: (data) => data.items,
  });

export const timelineQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.timeline(id),
    queryFn: ({ signal }) =>
      http.get<{ items: TimelineEvent[] }>(`/persons/${id}/timeline`, undefined, signal),
    select: (data) => data.items,
  });

export const householdQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.household(id),
    queryFn: ({ signal }) => http.get<Household>(`/households/${id}`, undefined, signal),
  });

/** After any write: lists, details and timelines are fetched again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.all });
    void queryClient.invalidateQueries({ queryKey: ["households"] });
  };
}

export function useCheckDuplicates() {
  return useMutation({
    mutationFn: (body: z.input<typeof DuplicateCheckBody>) =>
      http.post<{ items: Duplicate[] }>("/persons/duplicates", body).then((r) => r.items),
  });
}

export function useCreatePerson() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: PersonInput) => http.post<Person>("/persons", body),
    onSuccess: refresh,
  });
}

export function useUpdatePerson(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: PersonChanges) => http.patch<Person>(`/persons/${id}`, body),
    onSuccess: refresh,
  });
}

export function useMergePerson(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { intoId: string; version: number; intoVersion: number }) =>
      http.post<Person>(`/persons/${id}/merge`, body),
    onSuccess: refresh,
  });
}

export function useAddConsent(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateConsentBody>) =>
      http.post<Consent>(`/persons/${id}/consents`, body),
    onSuccess: refresh,
  });
}

export function useCreateHousehold() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateHouseholdBody>) => http.post<Household>("/households", body),
    onSuccess: refresh,
  });
}

export function useUpdateHousehold(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateHouseholdBody>) =>
      http.patch<Household>(`/households/${id}`, body),
    onSuccess: refresh,
  });
}

export function useAddMember(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof AddMemberBody>) =>
      http.post<Household>(`/households/${id}/members`, body),
    onSuccess: refresh,
  });
}

export function useRemoveMember(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ personId, version }: { personId: string; version: number }) =>
      http.post<Household>(`/households/${id}/members/${personId}/remove`, { version }),
    onSuccess: refresh,
  });
}

export const personName = (p: { firstNameLatin: string; lastNameLatin: string }) =>
  `${p.firstNameLatin} ${p.lastNameLatin}`;
export const arabicName = (p: { firstNameAr: string | null; lastNameAr: string | null }) =>
  [p.firstNameAr, p.lastNameAr].filter(Boolean).join(" ") || null;
