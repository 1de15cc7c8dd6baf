import { eq, inArray, sql } from "drizzle-orm";
import { today } from "../../../contracts/calendar.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { indicatorDatasetCache, indicatorSourceVersions } from "./indicators.table.ts";

/**
 * A dataset is what computed indicators and dashboards read from other modules: a
 * small set of pre-aggregated rows (one per establishment, per project, per programme ×
 * stage × territory × sex × age band…), never the base rows. Modules provide them
 * (wired in app.ts); the indicators module caches them.
 *
 * Freshness (migration 0008): every source table bumps its version in
 * `indicator_source_versions` when a transaction that changed it commits. A cached
 * dataset keeps the versions it was computed at (its stamp), read in the SAME snapshot
 * as its rows, so the stamp describes exactly the data the rows came from. A read
 * compares the stamp with the current versions (one primary-key lookup): equal means
 * nothing changed, the cache is served and nothing is recomputed; different means a write
 * committed since, and that one dataset is recomputed — so the next read after any write
 * shows the new exact value.
 */
export interface DatasetSource<R = unknown> {
  name: string;
  /** Tables whose changes change the rows (they have the trigger of migration 0008). */
  tables: readonly string[];
  /** Rows depend on the date too (ages, late milestones): a new day means a new stamp. */
  daily?: boolean;
  /**
   * Run before the read snapshot, in its own transaction, when the dataset is recomputed: lets a
   * source bring a maintained summary to the day (application counts' age bands) so `load` is a read.
   */
  prepare?(db: Db, today: string): Promise<void>;
  /**
   * Keep the computed rows in `indicator_dataset_cache` too, for other instances and restarts
   * (default). `false` for datasets cheaper to recompute than to store and read back as JSON:
   * writing megabytes of jsonb cost more than the recomputation itself.
   */
  persist?: boolean;
  load(q: Queryable, today: string): Promise<R[]>;
}

export interface DatasetRead<R> {
  rows: R[];
  computedAt: string;
}

/** Today in Jisr's calendar; services take it as a dependency so tests can fix it. */
export const systemToday = (): string => today();

type Versions = Map<string, number>;

async function versionsOf(q: Queryable, tables?: readonly string[]): Promise<Versions> {
  const rows = await q
    .select({ source: indicatorSourceVersions.source, version: indicatorSourceVersions.version })
    .from(indicatorSourceVersions)
    .where(tables ? inArray(indicatorSourceVersions.source, [...tables]) : undefined);
  return new Map(rows.map((r) => [r.source, r.version]));
}

function stampFrom(versions: Versions, source: DatasetSource, today: string): string {
  const parts = [...source.tables].sort().map((t) => `${t}:${versions.get(t) ?? "?"}`);
  if (source.daily) parts.push(today);
  return parts.join(",");
}

const stampOf = async (q: Queryable, source: DatasetSource, today: string) =>
  stampFrom(await versionsOf(q, source.tables), source, today);

export function createDatasetCache(deps: { db: Db; today?: () => string }) {
  const { db } = deps;
  const today = deps.today ?? systemToday;
  const memory = new Map<string, { stamp: string } & DatasetRead<unknown>>();
  const inFlight = new Map<string, Promise<DatasetRead<unknown>>>();
  let recomputations = 0;

  async function recompute(source: DatasetSource, day: string): Promise<DatasetRead<unknown>> {
    recomputations++;
    await source.prepare?.(db, day);
    // Stamp and rows in one snapshot: the stamp names exactly the data the rows reflect.
    const { stamp, rows } = await db.transaction(
      async (tx) => ({ stamp: await stampOf(tx, source, day), rows: await source.load(tx, day) }),
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    const computedAt = new Date().toISOString();
    if (source.persist !== false)
      await db
        .insert(indicatorDatasetCache)
        .values({ name: source.name, stamp, rows, computedAt })
        .onConflictDoUpdate({
          target: indicatorDatasetCache.name,
          set: { stamp, rows, computedAt: sql`excluded.computed_at` },
        });
    memory.set(source.name, { stamp, rows, computedAt });
    return { rows, computedAt };
  }

  async function readAt<R>(source: DatasetSource<R>, stamp: string, day: string): Promise<DatasetRead<R>> {
    const mem = memory.get(source.name);
    if (mem?.stamp === stamp) return mem as DatasetRead<R>;
    // Another instance (or a previous run) may have computed it already.
    const [stored] =
      source.persist === false
        ? []
        : await db.select().from(indicatorDatasetCache).where(eq(indicatorDatasetCache.name, source.name));
    if (stored?.stamp === stamp) {
      const read = { stamp, rows: stored.rows as unknown[], computedAt: stored.computedAt };
      memory.set(source.name, read);
      return read as DatasetRead<R>;
    }
    // Concurrent readers of a changed dataset share one recomputation.
    const key = `${source.name}@${stamp}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = recompute(source as DatasetSource, day).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return (await pending) as DatasetRead<R>;
  }

  return {
    /** The dataset's rows as of the last committed write, recomputed only if a source changed. */
    async read<R>(source: DatasetSource<R>): Promise<DatasetRead<R>> {
      const day = today();
      return readAt(source, await stampOf(db, source as DatasetSource, day), day);
    },
    /**
     * A reader for one request: the versions of every source are read once (one query), and
     * each dataset at most once, however many indicators a dashboard computes from it.
     */
    session() {
      const day = today();
      let versions: Promise<Versions> | undefined;
      const reads = new Map<string, Promise<DatasetRead<unknown>>>();
      return <R>(source: DatasetSource<R>): Promise<DatasetRead<R>> => {
        let r = reads.get(source.name);
        if (!r) {
          versions ??= versionsOf(db);
          r = versions.then((v) =>
            readAt(source as DatasetSource, stampFrom(v, source as DatasetSource, day), day),
          );
          reads.set(source.name, r);
        }
        return r as Promise<DatasetRead<R>>;
      };
    },
    /** How many times a dataset was recomputed by this process (tests, diagnostics). */
    recomputations: () => recomputations,
  };
}

export type DatasetCache = ReturnType<typeof createDatasetCache>;
