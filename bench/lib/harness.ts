import os from "node:os";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Role, ScopeType } from "../../contracts/access.ts";
import { grantsOf } from "../../server/modules/access/access.permissions.ts";
import { ensureUser } from "../../server/modules/access/index.ts";
import type { AuthenticatedContext } from "../../server/platform/context.ts";
import { connect, type Db } from "../../server/platform/database.ts";
import { generate } from "../generate.ts";
import { type BenchArgs, parseArgs } from "./args.ts";
import { type BenchServer, datasetOf, openBenchServer, recreateDatabase } from "./database.ts";

/** What every benchmark gets, and the shape of what it reports. */
export interface BenchContext {
  args: BenchArgs;
  /** URL of the bench database holding the dataset. */
  url: string;
  log: (m: string) => void;
}

export interface Result {
  benchmark: string;
  figure: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineLabel: string;
  /** value / baseline, or baseline / value when lower is better; written as "n×". */
  ratio: number | null;
  target: string;
  /** Whether the target holds (null: no target). */
  met: boolean | null;
  note?: string;
}

export const BENCH_PASSWORD = "bench-password-2026";

/** A user of the bench database with one role on one scope (created once, reused). */
export async function benchUser(url: string, role: Role, scopeType: ScopeType, scopeRef: string | null) {
  const email = `bench.${role}.${(scopeRef ?? "national").toLowerCase()}@jisr.bench`;
  const database = connect(url, "external");
  try {
    await ensureUser(database.db, {
      email,
      fullName: `Bench ${role}`,
      password: BENCH_PASSWORD,
      roles: [{ role, scopeType, scopeRef }],
    });
  } finally {
    await database.close();
  }
  const ctx: AuthenticatedContext = {
    actor: {
      userId: "00000000-0000-7000-8000-000000000000",
      email,
      fullName: `Bench ${role}`,
      locale: "fr",
      grants: grantsOf([{ role, scopeType, scopeRef }]),
      via: "session",
      sessionId: null,
      csrfToken: null,
    },
    requestId: "bench",
    ip: null,
  };
  return { email, ctx };
}

/** Signs in over HTTP; returns the Cookie header the following requests send. */
export async function signInHttp(baseUrl: string, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("jisr_session="));
  if (!cookie) throw new Error("no session cookie");
  return { cookie: cookie.split(";")[0] as string };
}

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/** Runs `fn` on a Drizzle instance that records every statement: the exact SQL a service sends. */
export async function captureSql<T>(url: string, fn: (db: Db) => Promise<T>) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const queries: CapturedQuery[] = [];
  try {
    const db = drizzle({
      client: pool,
      logger: { logQuery: (text, params) => queries.push({ text, params: params as unknown[] }) },
    });
    const result = await fn(db);
    return { result, queries };
  } finally {
    await pool.end();
  }
}

/** Makes sure the bench database holds the dataset of this scale and seed; generates it if not. */
export async function ensureDataset(args: BenchArgs, log: (m: string) => void): Promise<BenchServer> {
  const server = await openBenchServer(args.scale, log);
  const have = await datasetOf(server.url);
  if (args.fresh || !have || have.scale !== args.scale || have.seed !== args.seed) {
    log(`no ${args.scale} dataset (seed ${args.seed}) yet: generating it`);
    await recreateDatabase(server);
    await generate(server.url, args.scale, args.seed, log);
  } else
    log(
      `using the ${args.scale} dataset (seed ${args.seed}) already in ${new URL(server.url).pathname.slice(1)}`,
    );
  return server;
}

export async function machine(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const v = await client.query("SHOW server_version");
  const sb = await client.query("SHOW shared_buffers");
  await client.end();
  const cpu = os.cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, PostgreSQL ${v.rows[0].server_version} (shared_buffers ${sb.rows[0].shared_buffers}), Node ${process.version}`;
}

export function printResults(results: readonly Result[], log = console.log) {
  for (const r of results)
    log(
      `  ${r.benchmark} — ${r.figure}: ${format(r.value, r.unit)}${r.baseline !== null ? ` (baseline ${r.baselineLabel}: ${format(r.baseline, r.unit)})` : ""}${r.ratio !== null ? `, ratio ${r.ratio.toFixed(2)}×` : ""}; target ${r.target}${r.met === null ? "" : r.met ? " ✓" : " ✗"}`,
    );
}

export function format(v: number, unit: string): string {
  if (unit === "ms") return `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
  if (unit === "req/s") return `${Math.round(v).toLocaleString("en")} req/s`;
  if (unit === "KB") return `${v.toFixed(1)} KB`;
  if (unit === "s") return `${v.toFixed(1)} s`;
  return `${v.toLocaleString("en")} ${unit}`;
}

/** Runs one benchmark file on its own: `node --import tsx bench/<name>.bench.ts --scale small`. */
export async function standalone(run: (ctx: BenchContext) => Promise<Result[]>) {
  const args = parseArgs();
  const log = (m: string) => console.log(m);
  const server = await ensureDataset(args, log);
  try {
    printResults(await run({ args, url: server.url, log }));
  } finally {
    await server.stop();
  }
}

export const isMain = (metaUrl: string) => metaUrl === `file://${process.argv[1]}`;
