import { sql } from "drizzle-orm";
import { AppError } from "./errors.ts";

/**
 * Optimistic locking. Services read the row FOR UPDATE, call `assertVersion`
 * with the version the client read, then write `nextVersion()`: two people
 * editing the same record cannot silently overwrite each other.
 */
export function assertVersion(current: number, expected: number) {
  if (current !== expected) throw new AppError(409, "conflict.version", { current, expected });
}

export const nextVersion = () => sql`version + 1`;
