import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiToken } from "../../../contracts/access.ts";
import { http } from "../../shared/http.ts";

const key = ["auth", "tokens"] as const;

export const tokensQueryOptions = queryOptions({
  queryKey: key,
  queryFn: ({ signal }) => http.get<{ items: ApiToken[] }>("/auth/tokens", undefined, signal),
  select: (data) => data.items,
});

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays: number | null }) =>
      http.post<{ token: ApiToken; secret: string }>("/auth/tokens", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete(`/auth/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
