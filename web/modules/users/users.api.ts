import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { RoleAssignmentInput, User } from "../../../contracts/access.ts";
import type { Locale } from "../../../contracts/common.ts";
import { cursorQueryOptions, type Page } from "../../shared/cursor-query.ts";
import { http } from "../../shared/http.ts";
import { meQueryKey } from "../auth/auth.api.ts";
import type { UserSearch } from "./users.search.ts";

export interface UserWithPassword {
  user: User;
  temporaryPassword: string | null;
}

const keys = {
  all: ["users"] as const,
  list: (search: UserSearch) => ["users", "list", search] as const,
  detail: (id: string) => ["users", "detail", id] as const,
};

export const userListQueryOptions = (search: UserSearch) => ({
  ...cursorQueryOptions(keys.list(search), (cursor, signal) =>
    http.get<Page<User>>(
      "/users",
      {
        q: search.q,
        role: search.role,
        includeDisabled: search.disabled ? "true" : undefined,
        limit: 50,
        cursor,
      },
      signal,
    ),
  ),
  placeholderData: keepPreviousData,
});

export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => http.get<User>(`/users/${id}`, undefined, signal),
  });

function useStore() {
  const queryClient = useQueryClient();
  return (user: User) => {
    queryClient.setQueryData(keys.detail(user.id), user);
    void queryClient.invalidateQueries({
      queryKey: keys.all,
      predicate: (query) => query.queryKey[1] !== "detail",
    });
  };
}

export interface CreateUserInput {
  email: string;
  fullName: string;
  locale: Locale;
  roles: RoleAssignmentInput[];
}

export function useCreateUser() {
  const store = useStore();
  return useMutation({
    mutationFn: (body: CreateUserInput) => http.post<UserWithPassword>("/users", body),
    onSuccess: (result) => store(result.user),
  });
}

export function useUpdateUser(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: { version: number; fullName?: string; locale?: Locale }) =>
      http.patch<User>(`/users/${id}`, body),
    onSuccess: store,
  });
}

export function useSetRoles(id: string) {
  const store = useStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; roles: RoleAssignmentInput[] }) =>
      http.put<User>(`/users/${id}/roles`, body),
    onSuccess: (user) => {
      store(user);
      // An administrator may have changed their own roles: the menu follows their permissions.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useSetDisabled(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: ({ disabled, version }: { disabled: boolean; version: number }) =>
      http.post<User>(`/users/${id}/${disabled ? "disable" : "enable"}`, { version }),
    onSuccess: store,
  });
}

export function useResetPassword(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (version: number) => http.post<UserWithPassword>(`/users/${id}/reset-password`, { version }),
    onSuccess: (result) => store(result.user),
  });
}
