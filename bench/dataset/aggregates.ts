import { sql } from "drizzle-orm";
import type { Db } from "../../server/platform/database.ts";

/**
 * Summaries other modules maintain on every write. COPY runs without triggers, so after a load
 * each module's own refresh is called: the application counts of migration 0015 are recounted
 * from the loaded rows (`application_counts_rebuild()`), so are the programmes' counts per stage and
 * status (`program_stage_counts_rebuild()`, migration 0022), and the indicators module's datasets,
 * stamped with the versions of their source tables, are invalidated by
 * `indicator_sources_changed()` (migration 0008), so the next dashboard read recomputes exact figures.
 */
export async function rebuildAggregates(db: Db, log: (m: string) => void): Promise<string[]> {
  const done: string[] = [];
  const has = async (name: string) =>
    (
      await db.execute<{ found: boolean }>(
        sql`select exists (select 1 from pg_proc where proname = ${name}) as found`,
      )
    ).rows[0]?.found;
  if (await has("application_counts_rebuild")) {
    const t0 = performance.now();
    await db.execute(sql`select application_counts_rebuild()`);
    log(`  application counts recounted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    done.push("application counts (application_counts_rebuild)");
  }
  if (await has("program_stage_counts_rebuild")) {
    const t0 = performance.now();
    await db.execute(sql`select program_stage_counts_rebuild()`);
    log(`  programme stage counts recounted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    done.push("programme stage counts (program_stage_counts_rebuild)");
  }
  if (await has("indicator_sources_changed")) {
    await db.execute(sql`select indicator_sources_changed()`);
    done.push("indicator dataset versions (indicator_sources_changed)");
  }
  return done;
}
