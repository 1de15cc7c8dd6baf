import { sql } from "drizzle-orm";
import type { Db } from "../../server/platform/database.ts";

/**
 * Summaries other modules maintain on every write. COPY runs without triggers, so after a load
 * each module's own refresh is called: the indicators module's datasets are stamped with the
 * versions of their source tables, and `indicator_sources_changed()` (migration 0008) bumps them
 * all, so the next dashboard read recomputes exact figures from the loaded rows.
 */
export async function rebuildAggregates(db: Db, _log: (m: string) => void): Promise<string[]> {
  const done: string[] = [];
  const exists = await db.execute<{ found: boolean }>(
    sql`select exists (select 1 from pg_proc where proname = 'indicator_sources_changed') as found`,
  );
  if (exists.rows[0]?.found) {
    await db.execute(sql`select indicator_sources_changed()`);
    done.push("indicator dataset versions (indicator_sources_changed)");
  }
  return done;
}
