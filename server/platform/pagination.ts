import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { AppError } from "./errors.ts";

/**
 * Keyset (cursor) pagination: the cursor is the sort key of the last row
 * sent, so page N costs the same as page 1 and rows inserted meanwhile are
 * neither skipped nor repeated.
 */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((v) => typeof v === "string" || typeof v === "number")
    )
      return key;
  } catch {}
  throw new AppError(400, "validation.failed", {}, [{ path: "cursor", code: "validation.invalid_format" }]);
}

/** `(a, b) > (x, y)`: rows after the cursor in ascending (a, b) order. */
export function after(columns: readonly (AnyColumn | SQL)[], key: readonly unknown[]): SQL {
  return sql`(${sql.join(columns as (AnyColumn | SQL)[], sql`, `)}) > (${sql.join(
    key.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** `(a, b) < (x, y)`: for lists sorted newest first. */
export function before(columns: readonly (AnyColumn | SQL)[], key: readonly unknown[]): SQL {
  return sql`(${sql.join(columns as (AnyColumn | SQL)[], sql`, `)}) < (${sql.join(
    key.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** Query `limit + 1` rows, then call this: the extra row only tells that there is a next page. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => readonly unknown[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
