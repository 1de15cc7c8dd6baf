import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Me, Permission } from "../../../contracts/access.ts";
import type { Locale } from "../../../contracts/common.ts";
import { http, setCsrfToken } from "../../shared/http.ts";
import { isProblem } from "../../shared/problem.ts";

export const meQueryKey = ["auth", "me"] as const;

function remember(me: Me): Me {
  if (me.csrfToken) setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user, or null when there is no session. */
export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return remember(await http.get<Me>("/auth/me", undefined, signal));
    } catch (error) {
      if (isProblem(error) && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMe(): Me | null {
  return useQuery(meQueryOptions).data ?? null;
}

export function useCan(permission: Permission): boolean {
  return useMe()?.permissions.includes(permission) ?? false;
}

/**
 * Holds the permission on the national scope (what the server asks of, say, indicator
 * definitions). The web app does not know which role grants what, so: the permission is held and
 * some role is held nationally; a user whose only national role lacks it still gets the server's 403.
 */
export function useCanNationally(permission: Permission): boolean {
  const me = useMe();
  return (
    (me?.permissions.includes(permission) ?? false) &&
    (me?.roles.some((r) => r.scopeType === "national") ?? false)
  );
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => http.post<Me>("/auth/login", body),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, remember(me)),
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => http.post<void>("/auth/logout"),
    // A full page load leaves nothing of the previous user in memory (shared office computers).
    onSuccess: () => window.location.assign("/login"),
  });
}

export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => http.patch<Me>("/auth/me", { locale }),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, remember(me)),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      http.post<void>("/auth/password", body),
  });
}
