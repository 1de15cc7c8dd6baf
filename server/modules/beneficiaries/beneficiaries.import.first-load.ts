import { setTimeout as delay } from "node:timers/promises";
import { sql } from "drizzle-orm";
import type pg from "pg";
import type { Db } from "../../platform/database.ts";
import { AppError } from "../../platform/errors.ts";

/**
 * A registry's first load (`npm run import -- persons file.csv --first-load`): on an empty
 * registry, its search and list indexes are dropped inside the import's transaction and built
 * once, sorted, when every row is in. Inserting a million rows into fourteen indexes costs
 * PostgreSQL about twice as much as building them afterwards (bench/import.bench.ts). Dropping an
 * index locks the whole table until the import commits: every reader of persons waits for it,
 * which is why a first load is asked for by the operator, never guessed, and refused once the
 * registry holds anyone. The unique indexes (primary key, CIN) stay: the import's own CIN checks
 * read them. A crash rolls the drops back with everything else: the indexes are never lost.
 */

/** How long a first load waits for readers of the registry to finish before giving up. */
const LOCK_WAIT = "3s";
/** Sort memory for the builds, when the server's own setting is lower (64 MB by default). */
const BUILD_MEMORY = "256MB";

/** How often the build of an index is asked how far it has got. */
const WATCH_MS = 500;

/**
 * Builds the dropped indexes one by one, saying how many of them are built and how far the one
 * being built has got (0 to 1).
 */
export type RebuildIndexes = (
  onProgress: (built: number, total: number, share: number) => void,
) => Promise<void>;

/**
 * Locks the empty registry, drops its non-unique indexes; returns what builds them again. `db`
 * (another connection) watches the builds: the import's own connection is busy running them.
 */
export async function deferRegistryIndexes(client: pg.PoolClient, db: Db): Promise<RebuildIndexes> {
  await client.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
  try {
    await client.query("LOCK TABLE persons IN ACCESS EXCLUSIVE MODE");
  } catch (err) {
    if ((err as { code?: string }).code === "55P03") throw new AppError(409, "person_imports.registry_busy");
    throw err;
  }
  await client.query("SET LOCAL lock_timeout TO DEFAULT");
  const { rows: someone } = await client.query("SELECT 1 FROM persons LIMIT 1");
  if (someone.length) throw new AppError(409, "person_imports.registry_not_empty");
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
       FROM pg_index WHERE indrelid = 'persons'::regclass AND NOT indisunique ORDER BY 1`,
  );
  for (const { name } of indexes) await client.query(`DROP INDEX ${name}`);
  const { rows: backend } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const pid = backend[0]?.pid ?? 0;
  return async (onProgress) => {
    await client.query(
      `SELECT set_config('maintenance_work_mem', $1, true)
        WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes($1)`,
      [BUILD_MEMORY],
    );
    const total = indexes.length;
    onProgress(0, total, 0);
    for (const [i, { definition }] of indexes.entries()) {
      await watched(
        client.query(definition),
        () => indexBuildShare(db, pid),
        (share) => onProgress(i, total, share),
      );
      onProgress(i + 1, total, 0);
    }
  };
}

/** Waits for a build, saying every WATCH_MS how far it has got, never going back (its counts restart at each phase). */
async function watched(build: Promise<unknown>, ask: () => Promise<number>, say: (share: number) => void) {
  let building = true;
  const finished = () => {
    building = false;
  };
  const settled = build.then(finished, finished);
  let share = 0;
  while (building) {
    await Promise.race([settled, delay(WATCH_MS)]);
    const now = building ? await ask().catch(() => 0) : 0;
    share = Math.max(share, now);
    if (building) say(share);
  }
  await build;
}

/** What PostgreSQL says of an index being built (pg_stat_progress_create_index). */
export interface IndexBuildReport {
  phase: string;
  blocksDone: number;
  blocksTotal: number;
  tuplesDone: number;
  tuplesTotal: number;
}

/** How far the index build running on the backend `pid` has got, 0 to 1 (0 when none runs). */
export async function indexBuildShare(db: Db, pid: number): Promise<number> {
  const { rows } = await db.execute<Record<keyof IndexBuildReport, unknown>>(
    sql`SELECT phase, blocks_done AS "blocksDone", blocks_total AS "blocksTotal", tuples_done AS "tuplesDone",
               tuples_total AS "tuplesTotal"
          FROM pg_stat_progress_create_index WHERE pid = ${pid}`,
  );
  const r = rows[0];
  if (!r) return 0;
  return buildShare({
    phase: String(r.phase),
    blocksDone: Number(r.blocksDone),
    blocksTotal: Number(r.blocksTotal),
    tuplesDone: Number(r.tuplesDone),
    tuplesTotal: Number(r.tuplesTotal),
  });
}

const ratio = (done: number, total: number) => (total > 0 ? Math.min(1, done / total) : 0);
/**
 * The share of a table scanned: while it reads its first block, PostgreSQL counts the scan as
 * done (heapam_scan_get_blocks_done), which is read as not started.
 */
const scanned = (r: IndexBuildReport) =>
  r.blocksDone >= r.blocksTotal ? 0 : ratio(r.blocksDone, r.blocksTotal);

/** A B-tree build's share once it has scanned the table, and once it has sorted its tuples. */
const SCANNED = 0.3;
const SORTED = 0.65;

/**
 * A build's progress from its phase: a B-tree scans the table (blocks counted), sorts what it
 * read (nothing counted), then loads the sorted tuples into the tree (tuples counted); a GIN
 * index does all its work while it scans the table. The B-tree's phases are weighted by the
 * time they took for the registry's indexes at national scale (2026-12-04: scan 4–47 % of a
 * build, sort 8–62 %, load 26–40 %; 5–33 s a build).
 */
export function buildShare(r: IndexBuildReport): number {
  if (r.phase.endsWith("scanning table")) return SCANNED * scanned(r);
  if (r.phase.endsWith("sorting live tuples")) return SCANNED;
  if (r.phase.endsWith("loading tuples in tree"))
    return SORTED + (1 - SORTED) * ratio(r.tuplesDone, r.tuplesTotal);
  if (r.phase === "building index") return scanned(r);
  return 0;
}
