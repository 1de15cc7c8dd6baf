import path from "node:path";
import pg from "pg";
import { connect, type Database, runMigrations } from "../../server/platform/database.ts";
import { startEmbeddedPostgres } from "../../server/platform/embedded-postgres.ts";
import { adminQuery, withDatabase } from "../../server/platform/testing.global.ts";
import type { ScaleName } from "./args.ts";

/**
 * Where the benchmark data lives. BENCH_DATABASE_URL (or DATABASE_URL) names a server; the
 * dataset goes into a database `jisr_bench_<scale>` on it, unless the URL names a database whose
 * name already starts with `jisr_bench`. Without either variable, an embedded PostgreSQL is
 * started in `data/bench` (the same binaries `npm start` uses). Only databases named
 * `jisr_bench…` are ever dropped, so pointing the tools at a real Jisr database cannot erase it.
 */
export interface BenchServer {
  /** URL of the bench database (created if missing). */
  url: string;
  /** URL of the server's maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function openBenchServer(scale: ScaleName, log = console.log): Promise<BenchServer> {
  const given = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  let base: string;
  let stop = async () => {};
  if (given) base = given;
  else {
    const dir = process.env.JISR_BENCH_DATA_DIR ?? path.resolve("data/bench");
    const server = await startEmbeddedPostgres(dir, log);
    base = server.url;
    stop = server.stop;
    log(`embedded PostgreSQL for the benchmarks, data in ${dir}`);
  }
  const named = new URL(base).pathname.slice(1);
  const dbName = named.startsWith("jisr_bench") ? named : `jisr_bench_${scale}`;
  const adminUrl = withDatabase(base, "postgres");
  const url = withDatabase(base, dbName);
  const exists = await adminQuery(adminUrl, `SELECT 1 FROM pg_database WHERE datname = '${dbName}'`);
  if (!exists.rowCount) await adminQuery(adminUrl, `CREATE DATABASE ${dbName}`);
  return { url, adminUrl, stop };
}

/** Drops and recreates the bench database (only ever a `jisr_bench…` one). */
export async function recreateDatabase(server: BenchServer) {
  const name = new URL(server.url).pathname.slice(1);
  if (!name.startsWith("jisr_bench")) throw new Error(`refusing to drop ${name}: not a jisr_bench database`);
  await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(server.adminUrl, `CREATE DATABASE ${name}`);
}

export async function openMigrated(url: string, poolSize?: number): Promise<Database> {
  const database = connect(url, "external");
  if (poolSize) database.pool.options.max = poolSize;
  await runMigrations(database.db);
  return database;
}

/** A plain client, for COPY and for the baselines that run SQL directly. */
export async function plainClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "jisr-bench" });
  await client.connect();
  return client;
}

/** What the bench database holds: the scale and seed written by the generator, or null. */
export async function datasetOf(url: string): Promise<{ scale: string; seed: number } | null> {
  const client = await plainClient(url);
  try {
    const found = await client.query(
      "SELECT scale, seed FROM bench_dataset WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1",
    );
    return found.rows[0] ? { scale: found.rows[0].scale, seed: Number(found.rows[0].seed) } : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}
