import { infiniteQueryOptions, type QueryKey } from "@tanstack/react-query";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type FetchPage<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

/** A cursor-paginated list (`limit`, `cursor` → `{ items, nextCursor }`) as an infinite query. */
export function cursorQueryOptions<T>(queryKey: QueryKey, fetchPage: FetchPage<T>) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}
