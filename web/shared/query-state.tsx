import { Center, EmptyState, Loader, Skeleton, Stack } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isRetryable } from "./problem.ts";
import { ProblemAlert } from "./problem-alert.tsx";

/** Centered spinner with an accessible name, for a whole page or panel. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-label={t("common.loading")}>
      <Loader />
    </Center>
  );
}

/** Grey bars standing in for rows while a list loads. */
export function RowsSkeleton({ rows = 5 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="status" aria-label={t("common.loading")}>
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={index} height={28} />
      ))}
    </Stack>
  );
}

export function EmptyMessage({ title, description }: { title: string; description?: string }) {
  return <EmptyState title={title} description={description} py="xl" />;
}

interface QueryStateProps<T> {
  query: Pick<UseQueryResult<T>, "data" | "error" | "isPending" | "refetch">;
  children: (data: T) => ReactNode;
}

/** Loading, failed (with a retry button) or loaded: renders `children` only with data. */
export function QueryState<T>({ query, children }: QueryStateProps<T>) {
  if (query.data !== undefined) return children(query.data);
  if (query.isPending && !query.error) return <PageLoader />;
  return (
    <ProblemAlert
      error={query.error}
      onRetry={isRetryable(query.error) ? () => query.refetch() : undefined}
    />
  );
}
