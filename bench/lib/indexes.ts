import type pg from "pg";

/**
 * Bulk loads go faster into tables without their secondary indexes: each index is then built
 * once, sorted, instead of updated row by row. Indexes that back a constraint (primary keys,
 * unique constraints) stay; plain and unique indexes are dropped and rebuilt from their own
 * definitions, so the result is exactly the migrated schema.
 */
export interface IndexDef {
  name: string;
  table: string;
  definition: string;
}

export async function dropSecondaryIndexes(
  client: pg.Client,
  tables: readonly string[],
): Promise<IndexDef[]> {
  const found = await client.query<{ name: string; table: string; definition: string }>(
    `SELECT i.indexname AS name, i.tablename AS table, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
      ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  for (const ix of found.rows) await client.query(`DROP INDEX "${ix.name}"`);
  return found.rows;
}

export async function rebuildIndexes(client: pg.Client, defs: readonly IndexDef[], log: (m: string) => void) {
  for (const ix of defs) {
    const started = performance.now();
    await client.query(ix.definition);
    log(`  index ${ix.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
