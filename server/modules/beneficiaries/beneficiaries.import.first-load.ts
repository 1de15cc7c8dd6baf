import type pg from "pg";
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

/** Builds the dropped indexes one by one, saying after each how many of them are built. */
export type RebuildIndexes = (onBuilt: (built: number, total: number) => void) => Promise<void>;

/** Locks the empty registry, drops its non-unique indexes; returns what builds them again. */
export async function deferRegistryIndexes(client: pg.PoolClient): Promise<RebuildIndexes> {
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
  return async (onBuilt) => {
    await client.query(
      `SELECT set_config('maintenance_work_mem', $1, true)
        WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes($1)`,
      [BUILD_MEMORY],
    );
    onBuilt(0, indexes.length);
    for (const [i, { definition }] of indexes.entries()) {
      await client.query(definition);
      onBuilt(i + 1, indexes.length);
    }
  };
}
