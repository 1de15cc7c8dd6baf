import { sql } from "drizzle-orm";
import { customType, integer, uuid } from "drizzle-orm/pg-core";
import { newId } from "./ids.ts";

/**
 * timestamptz read as an ISO 8601 string in UTC ("2026-11-23T10:46:09.069Z"),
 * the form the API sends; PostgreSQL's own text form is not ISO.
 */
const timestamptz = customType<{ data: string; driverData: string }>({
  dataType: () => "timestamp with time zone",
  fromDriver: (value) => new Date(value).toISOString(),
});

/** Column sets every edited record shares: UUIDv7 id, version for optimistic locking, timestamps. */
export const idColumn = () => uuid("id").primaryKey().$defaultFn(newId);
export const tz = (name: string) => timestamptz(name);
export const now = sql`now()`;
export const versioned = () => ({
  version: integer("version").notNull().default(1),
  createdAt: tz("created_at").notNull().default(now),
  updatedAt: tz("updated_at").notNull().default(now),
});
