import { Stack, Table, type TableTdProps } from "@mantine/core";
import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadMore } from "./load-more.tsx";
import { isRetryable } from "./problem.ts";
import { ProblemAlert } from "./problem-alert.tsx";
import { EmptyMessage, RowsSkeleton } from "./query-state.tsx";

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** Per-cell attributes, e.g. `{ dir: "rtl", lang: "ar" }` for Arabic text. */
  cellProps?: TableTdProps;
}

interface PagedTableProps<T> {
  query: UseInfiniteQueryResult<T[]>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Accessible name of the table. */
  label: string;
  emptyTitle: string;
  emptyDescription?: string;
}

/** A cursor-paginated table with its loading, error, empty and "load more" states. */
export function PagedTable<T>({
  query,
  columns,
  rowKey,
  label,
  emptyTitle,
  emptyDescription,
}: PagedTableProps<T>) {
  if (query.isPending) return <RowsSkeleton />;
  if (query.isError && !query.data) {
    return (
      <ProblemAlert
        error={query.error}
        onRetry={isRetryable(query.error) ? () => query.refetch() : undefined}
      />
    );
  }
  const rows = query.data ?? [];
  if (rows.length === 0) return <EmptyMessage title={emptyTitle} description={emptyDescription} />;

  return (
    <Stack gap={0} aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col">
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key} data-column={column.key} {...column.cellProps}>
                    {column.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore query={query} />
    </Stack>
  );
}
