import autocannon from "autocannon";
import { createBeneficiariesService } from "../server/modules/beneficiaries/index.ts";
import {
  type BenchContext,
  benchUser,
  captureSql,
  isMain,
  type Result,
  signInHttp,
  standalone,
} from "./lib/harness.ts";
import { getOk } from "./lib/load.ts";
import { cpuMs, startServer } from "./lib/processes.ts";

/**
 * Throughput of a scoped, paginated list: GET /api/v1/persons?limit=50 for a regional officer of
 * Casablanca-Settat (the largest region), through Jisr (session, scope, validation, masking,
 * serialisation), against a bare Fastify + pg endpoint that runs the very SQL the service sends
 * (captured from it), as a named prepared statement like Jisr's. Same pool size, same concurrency,
 * autocannon on loopback.
 */
const REGION = "MA-06";
const CONNECTIONS = 16;
/** Slices each load takes, alternating (see run). */
const ROUNDS = 4;

interface Measured {
  rps: number;
  p99: number;
  cpuPerRequest: number;
}

export async function run(ctx: BenchContext): Promise<Result[]> {
  const { url, log, args } = ctx;
  const seconds = args.scale === "small" ? 3 : 10;
  const user = await benchUser(url, "regional_officer", "region", REGION);
  const { queries, result } = await captureSql(url, (db) =>
    createBeneficiariesService({ db }).list(user.ctx, { limit: 50 }),
  );
  if (!result.items.length) throw new Error("the regional list is empty: no dataset?");
  const jisr = await startServer("jisr", { BENCH_URL: url, BENCH_POOL: "10" });
  const bare = await startServer("bare", {
    BENCH_URL: url,
    BENCH_POOL: "10",
    BENCH_SQL: JSON.stringify(queries),
    // As Jisr does: the list is a named statement, parsed and planned once per connection.
    BENCH_PREPARED: "1",
  });
  try {
    const headers = await signInHttp(jisr.url, user.email);
    const page = (await getOk(`${jisr.url}/api/v1/persons?limit=50`, headers)) as { items: { id: string }[] };
    const barePage = (await getOk(`${bare.url}/bare`, {})) as { items: { id: string }[] };
    // The service asks for limit + 1 rows (the extra one only says there is a next page).
    const ids = (items: { id: string }[]) =>
      items
        .slice(0, page.items.length)
        .map((i) => i.id)
        .join();
    if (!page.items.length || ids(page.items) !== ids(barePage.items))
      throw new Error("the bare endpoint does not answer the same page as Jisr");
    // Jisr and the bare endpoint take turns, in ROUNDS slices each, so that a burst of noise on
    // this shared machine falls on both alike (measured one after the other, 10 s each, the same
    // code read 54 % and 85 % of bare in two runs a minute apart). Also the server's own CPU
    // time per request.
    const targets = [
      { url: `${jisr.url}/api/v1/persons?limit=50`, headers, pid: jisr.pid },
      { url: `${bare.url}/bare`, headers: {}, pid: bare.pid },
    ];
    const totals = targets.map(() => ({ requests: 0, seconds: 0, cpu: 0, p99: 0 }));
    for (const t of targets) await cannon(t.url, t.headers, 2); // warm-up
    for (let round = 0; round < ROUNDS; round++)
      for (const [i, t] of targets.entries()) {
        const cpu0 = cpuMs(t.pid);
        const r = await cannon(t.url, t.headers, seconds / ROUNDS);
        const total = totals[i] as (typeof totals)[number];
        total.cpu += cpuMs(t.pid) - cpu0;
        total.requests += r.total;
        total.seconds += r.seconds;
        total.p99 = Math.max(total.p99, r.p99);
      }
    const [j, b] = totals.map((t) => ({
      rps: t.requests / t.seconds,
      p99: t.p99,
      cpuPerRequest: t.cpu / Math.max(1, t.requests),
    })) as [Measured, Measured];
    log(
      `  persons list: Jisr ${Math.round(j.rps)} req/s (p99 ${j.p99} ms, ${j.cpuPerRequest.toFixed(2)} ms CPU/request), bare ${Math.round(b.rps)} req/s (p99 ${b.p99} ms, ${b.cpuPerRequest.toFixed(2)} ms CPU/request)`,
    );
    return [
      {
        benchmark: "scoped list (autocannon, 16 connections)",
        figure: `GET /api/v1/persons?limit=50, regional officer ${REGION}`,
        value: j.rps,
        unit: "req/s",
        baseline: b.rps,
        baselineLabel: "bare Fastify + pg, same SQL",
        ratio: j.rps / b.rps,
        target: "≥ 60% of bare",
        met: j.rps >= 0.6 * b.rps,
        note: `p99 ${j.p99} ms vs ${b.p99} ms (worst slice); ${seconds} s each, in ${ROUNDS} alternating slices`,
      },
      {
        benchmark: "scoped list (autocannon, 16 connections)",
        figure: "server CPU time per request (same list)",
        value: j.cpuPerRequest,
        unit: "ms",
        baseline: b.cpuPerRequest,
        baselineLabel: "bare Fastify + pg",
        ratio: j.cpuPerRequest / b.cpuPerRequest,
        target: "—",
        met: null,
        note: "user + system time of the server process (/proc), database excluded",
      },
    ];
  } finally {
    await jisr.stop();
    await bare.stop();
  }
}

async function cannon(url: string, headers: Record<string, string>, duration: number) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { p99: r.latency.p99, total: r.requests.total, seconds: r.duration };
}

if (isMain(import.meta.url)) await standalone(run);
