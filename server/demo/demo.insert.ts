import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "../platform/database.ts";

/**
 * Inserts the demo's large row sets: each chunk sent as one JSON parameter that
 * json_populate_recordset turns back into rows of the table (PostgreSQL's own input functions
 * read every value: dates, enums, arrays, jsonb). Drizzle's multi-row insert builds a parameter
 * per value, and its SQL building and the garbage it left were most of the demo load's time
 * (Node-bound: ~18 s of 31 s, measured with a CPU profile). A column no row gives takes its
 * default (computed here when Drizzle computes it); one that only some rows give must have none
 * (the others get null).
 */
export async function insertMany<T extends PgTable>(
  q: Queryable,
  table: T,
  rows: readonly T["$inferInsert"][],
  chunk = 10_000,
) {
  if (!rows.length) return;
  const all = rows as readonly Record<string, unknown>[];
  // The columns some row gives, and those whose default Drizzle computes ($defaultFn: ids).
  const columns = Object.entries(getTableColumns(table)).filter(
    ([key, column]) => column.defaultFn || all.some((row) => row[key] !== undefined),
  );
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  for (let i = 0; i < all.length; i += chunk) {
    const json = all.slice(i, i + chunk).map((row) => {
      const record: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value = row[key] ?? (row[key] === undefined ? column.defaultFn?.() : null);
        if (value === undefined) {
          // Left out, a value becomes null here, not the column's default as in Drizzle's insert.
          if (column.hasDefault) throw new Error(`insertMany(${getTableName(table)}): a row without ${key}`);
          continue;
        }
        // JSON columns go as they are (mapping them would make them JSON strings inside the JSON).
        record[column.name] =
          value === null || column.dataType === "json" ? value : column.mapToDriverValue(value);
      }
      return record;
    });
    await q.execute(
      sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(json)}::json)`,
    );
  }
}
