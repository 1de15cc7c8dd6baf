import { Button, Center, Text } from "@mantine/core";
import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "./problem-alert.tsx";

interface LoadMoreProps {
  query: UseInfiniteQueryResult<unknown[]>;
}

/** Footer of a cursor-paginated list: how many rows are shown and a button for the next page. */
export function LoadMore({ query }: LoadMoreProps) {
  const { t } = useTranslation();
  const shown = query.data?.length ?? 0;
  if (query.isFetchNextPageError) {
    return <ProblemAlert error={query.error} onRetry={() => query.fetchNextPage()} />;
  }
  return (
    <Center style={{ flexDirection: "column", gap: "var(--mantine-spacing-xs)" }} py="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("common.shown", { count: shown })}
      </Text>
      {query.hasNextPage && (
        <Button variant="default" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t("common.loadMore")}
        </Button>
      )}
    </Center>
  );
}
