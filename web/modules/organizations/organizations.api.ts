import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CreateOrganizationBody,
  Organization,
  UpdateOrganizationBody,
} from "../../../contracts/organizations.ts";
import { cursorQueryOptions, type Page } from "../../shared/cursor-query.ts";
import { http } from "../../shared/http.ts";
import type { OrganizationSearch } from "./organizations.search.ts";

export type OrganizationInput = z.input<typeof CreateOrganizationBody>;
export type OrganizationChanges = z.input<typeof UpdateOrganizationBody>;

const keys = {
  all: ["organizations"] as const,
  list: (search: OrganizationSearch) => ["organizations", "list", search] as const,
  search: (q: string) => ["organizations", "search", q] as const,
  detail: (id: string) => ["organizations", "detail", id] as const,
};

export const organizationListQueryOptions = (search: OrganizationSearch) => ({
  ...cursorQueryOptions(keys.list(search), (cursor, signal) =>
    http.get<Page<Organization>>(
      "/organizations",
      {
        q: search.q,
        type: search.type,
        region: search.region,
        includeArchived: search.archived ? "true" : undefined,
        limit: 50,
        cursor,
      },
      signal,
    ),
  ),
  placeholderData: keepPreviousData,
});

/** A short list for pickers (parent organisation, role scope). */
export const organizationSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: keys.search(q),
    queryFn: ({ signal }) => http.get<Page<Organization>>("/organizations", { q, limit: 20 }, signal),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });

export const organizationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => http.get<Organization>(`/organizations/${id}`, undefined, signal),
  });

/** After any write: the record as the server returned it, and lists fetched again. */
function useStore() {
  const queryClient = useQueryClient();
  return (organization: Organization) => {
    queryClient.setQueryData(keys.detail(organization.id), organization);
    void queryClient.invalidateQueries({
      queryKey: keys.all,
      predicate: (query) => query.queryKey[1] !== "detail",
    });
  };
}

export function useCreateOrganization() {
  const store = useStore();
  return useMutation({
    mutationFn: (body: OrganizationInput) => http.post<Organization>("/organizations", body),
    onSuccess: store,
  });
}

export function useUpdateOrganization(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: OrganizationChanges) => http.patch<Organization>(`/organizations/${id}`, body),
    onSuccess: store,
  });
}

/** Archive or restore, naming the version the user saw. */
export function useSetArchived(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: ({ archived, version }: { archived: boolean; version: number }) =>
      http.post<Organization>(`/organizations/${id}/${archived ? "archive" : "restore"}`, { version }),
    onSuccess: store,
  });
}
