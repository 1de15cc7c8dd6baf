import pg from "pg";
import { type BenchContext, benchUser, isMain, type Result, signInHttp, standalone } from "./lib/harness.ts";
import { getOk, runHttp, summary } from "./lib/load.ts";
import { startServer } from "./lib/processes.ts";

/**
 * The pages people open all day, on the heaviest records of the dataset: the programme with the
 * most applications (its page, its queue, the programmes list that counts them), one of its
 * applications, the person with the most applications (record, timeline, audit trail), the largest
 * household, the establishment with the most stays (record, residents, attendance register), the
 * largest province's dashboard. Each is read by one client in turn, like a person clicking; the
 * baseline is the same client on a bare Fastify + pg endpoint answering `select 1` (what any HTTP
 * round trip to the database costs on this machine). At national scale the programmes list took
 * 3.3 s before its counts were kept by triggers (migration 0022): such a regression shows here.
 */
const TARGET_MS = 100;

async function heaviestRecords(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async (sql: string) => {
    const row = (await client.query(sql)).rows[0];
    if (!row?.id) throw new Error(`no record for: ${sql}`);
    return row.id as string;
  };
  try {
    const program = await one(
      "SELECT program_id AS id FROM program_stage_counts GROUP BY 1 ORDER BY sum(n) DESC, 1 LIMIT 1",
    );
    return {
      program,
      application: await one(
        `SELECT id FROM applications WHERE program_id = '${program}' AND status = 'pending' ORDER BY id LIMIT 1`,
      ),
      person: await one(
        "SELECT person_id AS id FROM applications GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
      ),
      household: await one(
        "SELECT household_id AS id FROM household_members GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
      ),
      establishment: await one(
        "SELECT establishment_id AS id FROM resident_stays GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
      ),
      day: await one("SELECT max(day)::text AS id FROM resident_attendance"),
      province: await one(
        "SELECT province_code AS id FROM persons GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
      ),
    };
  } finally {
    await client.end();
  }
}

export async function run(ctx: BenchContext): Promise<Result[]> {
  const { url, log, args } = ctx;
  const requests = args.scale === "small" ? 20 : 60;
  const r = await heaviestRecords(url);
  const pages: [string, string][] = [
    ["programmes list (pending and enrolled counts)", "/programs?limit=20"],
    ["programme with the most applications", `/programs/${r.program}`],
    ["its review queue", `/programs/${r.program}/queue?limit=20`],
    ["one of its applications", `/applications/${r.application}`],
    ["person with the most applications", `/persons/${r.person}`],
    ["their timeline", `/persons/${r.person}/timeline`],
    ["their audit trail", `/audit-events?limit=20&entityType=person&entityId=${r.person}`],
    ["largest household", `/households/${r.household}`],
    ["establishment with the most stays", `/establishments/${r.establishment}`],
    ["its residents", `/establishments/${r.establishment}/residents?limit=20`],
    ["its attendance register", `/establishments/${r.establishment}/attendance?date=${r.day}`],
    ["largest province's dashboard", `/dashboards/provinces/${r.province}`],
  ];
  const user = await benchUser(url, "administrator", "national", null);
  const jisr = await startServer("jisr", { BENCH_URL: url, BENCH_POOL: "10" });
  const bare = await startServer("bare", { BENCH_URL: url, BENCH_POOL: "10", BENCH_SQL: "[]" });
  const results: Result[] = [];
  try {
    const headers = await signInHttp(jisr.url, user.email);
    const floor = async () =>
      summary(
        (await runHttp({ origin: bare.url, paths: ["/floor/select1"], clients: 1, requests })).latencies,
      );
    await floor(); // warm-up
    const base = await floor();
    for (const [label, path] of pages) {
      const target = `/api/v1${path}`;
      await getOk(`${jisr.url}${target}`, headers); // 200 or throw; also the warm-up of this path
      const s = summary(
        (await runHttp({ origin: jisr.url, paths: [target], headers, clients: 1, requests })).latencies,
      );
      log(`  ${label}: p50 ${s.p50.toFixed(1)} / p95 ${s.p95.toFixed(1)} ms`);
      results.push({
        benchmark: "records (HTTP API, one client)",
        figure: `${label}, p95`,
        value: s.p95,
        unit: "ms",
        baseline: base.p95,
        baselineLabel: "bare Fastify + pg, select 1, p95",
        ratio: s.p95 / base.p95,
        target: `≤ ${TARGET_MS} ms`,
        met: s.p95 <= TARGET_MS,
        note: `GET ${path.replace(/[0-9a-f-]{36}/g, ":id")}; p50 ${s.p50.toFixed(1)} ms; ${s.n} requests`,
      });
    }
  } finally {
    await jisr.stop();
    await bare.stop();
  }
  return results;
}

if (isMain(import.meta.url)) await standalone(run);
