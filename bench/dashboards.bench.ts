import pg from "pg";
import { type BenchContext, benchUser, isMain, type Result, signInHttp, standalone } from "./lib/harness.ts";
import { getOk, runHttp, summary } from "./lib/load.ts";
import { startServer } from "./lib/processes.ts";

/**
 * National and regional dashboards through the HTTP API (the indicators module's
 * /dashboards endpoints, which read pre-aggregated datasets) against the naive GROUP BY over
 * the base tables computing the same figures. The bench checks that both give exactly the same
 * numbers (applications by programme and stage, establishments, connectivity, solar,
 * capacity, admitted residents, establishments by territory) before it times anything.
 * Also timed: the first read after a write, when the dashboard recomputes what changed — after
 * every source changed (`indicator_sources_changed()`: all datasets recomputed), and after a real
 * committed write (an application moved to another stage: only the applications dataset, read
 * from the counts that migration 0015's triggers maintain). The figures are compared with the
 * naive query right after such a write.
 */
const REGION = "MA-06";
/** One reader at a time for both sides: a person opening the dashboard, the naive query run the same way. */
const CLIENTS = 1;

interface Dashboard {
  programs: { programId: string; stages: { stageId: string; count: number }[] }[];
  infrastructure: {
    establishments: number;
    connected: number;
    solar: number;
    solarHotWater: number;
    capacity: number;
    residents: number;
  };
  territories: { code: string; establishments: number }[];
}

/** The naive way: aggregate the base rows on every view. */
async function naive(client: pg.PoolClient | pg.Client, region: string | null) {
  const where = region ? "AND p.region_code = $1" : "";
  const args = region ? [region] : [];
  const stages = await client.query(
    `SELECT a.stage_id, count(*)::int AS n FROM applications a JOIN persons p ON p.id = a.person_id
      WHERE a.status NOT IN ('rejected', 'withdrawn') ${where} GROUP BY 1`,
    args,
  );
  const e = region ? "AND e.region_code = $1" : "";
  const infra = await client.query(
    `SELECT count(*)::int AS establishments,
            count(*) FILTER (WHERE connectivity <> 'none')::int AS connected,
            count(*) FILTER (WHERE coalesce(solar_kwp, 0) > 0)::int AS solar,
            count(*) FILTER (WHERE hot_water = 'solar')::int AS "solarHotWater",
            coalesce(sum(capacity_female + capacity_male), 0)::int AS capacity,
            (SELECT count(*)::int FROM resident_stays s JOIN establishments e ON e.id = s.establishment_id
              WHERE s.status = 'admitted' AND e.archived_at IS NULL ${e}) AS residents
       FROM establishments e WHERE archived_at IS NULL ${e}`,
    args,
  );
  const territories = await client.query(
    `SELECT ${region ? "province_code" : "region_code"} AS code, count(*)::int AS n FROM establishments e
      WHERE archived_at IS NULL ${e} GROUP BY 1`,
    args,
  );
  return {
    stages: new Map(stages.rows.map((r) => [r.stage_id as string, r.n as number])),
    infrastructure: infra.rows[0] as Dashboard["infrastructure"],
    territories: new Map(territories.rows.map((r) => [r.code as string, r.n as number])),
  };
}

/** Every figure both compute, compared; returns how many were compared, throws on the first difference. */
function compare(d: Dashboard, n: Awaited<ReturnType<typeof naive>>, label: string): number {
  let compared = 0;
  const fail = (what: string, a: unknown, b: unknown) => {
    throw new Error(`${label}: ${what} is ${a} on the dashboard but ${b} by the naive query`);
  };
  const seen = new Set<string>();
  for (const p of d.programs)
    for (const s of p.stages) {
      seen.add(s.stageId);
      compared++;
      if (s.count !== (n.stages.get(s.stageId) ?? 0))
        fail(`stage ${s.stageId}`, s.count, n.stages.get(s.stageId));
    }
  for (const [stage, count] of n.stages) if (!seen.has(stage) && count) fail(`stage ${stage}`, 0, count);
  for (const k of [
    "establishments",
    "connected",
    "solar",
    "solarHotWater",
    "capacity",
    "residents",
  ] as const) {
    compared++;
    if (d.infrastructure[k] !== n.infrastructure[k]) fail(k, d.infrastructure[k], n.infrastructure[k]);
  }
  for (const t of d.territories) {
    compared++;
    if (t.establishments !== (n.territories.get(t.code) ?? 0))
      fail(`territory ${t.code}`, t.establishments, n.territories.get(t.code));
  }
  return compared;
}

export async function run(ctx: BenchContext): Promise<Result[]> {
  const { url, log, args } = ctx;
  const requests = args.scale === "small" ? 40 : 100;
  const naiveRuns = args.scale === "national" ? 3 : 5;
  const user = await benchUser(url, "national_officer", "national", null);
  const server = await startServer("jisr", { BENCH_URL: url, BENCH_POOL: "10" });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const results: Result[] = [];
  try {
    const headers = await signInHttp(server.url, user.email);
    const probe = await fetch(`${server.url}/api/v1/dashboards/national`, { headers });
    if (probe.status === 404) throw new Error("no /api/v1/dashboards endpoints in this build");
    for (const [label, path, region] of [
      ["national dashboard", "/api/v1/dashboards/national", null],
      [`regional dashboard (${REGION})`, `/api/v1/dashboards/regions/${REGION}`, REGION],
    ] as const) {
      const get = () => getOk(`${server.url}${path}`, headers) as Promise<Dashboard>;
      // After a bulk load or any write, the first read recomputes the datasets.
      const client = await pool.connect();
      let afterWrite: number[] = [];
      try {
        for (let i = 0; i < 3; i++) {
          await client.query("SELECT indicator_sources_changed()");
          const t0 = performance.now();
          await get();
          afterWrite.push(performance.now() - t0);
        }
        afterWrite = afterWrite.sort((a, b) => a - b);
        // A real write: one active application moved to another stage of its programme, and back.
        const picked = await client.query(
          `SELECT a.id, a.stage_id AS "from",
                  (SELECT s.id FROM program_stages s WHERE s.program_id = a.program_id AND s.id <> a.stage_id
                    ORDER BY s.position LIMIT 1) AS "to"
             FROM applications a WHERE a.status NOT IN ('rejected', 'withdrawn') ORDER BY a.id LIMIT 1`,
        );
        const moved = picked.rows[0] as { id: string; from: string; to: string } | undefined;
        let afterStageMove: number[] = [];
        if (moved) {
          for (let i = 0; i < 4; i++) {
            await client.query(
              "UPDATE applications SET stage_id = $2, stage_changed_at = now() WHERE id = $1",
              [moved.id, i % 2 ? moved.from : moved.to],
            );
            const t0 = performance.now();
            await get();
            afterStageMove.push(performance.now() - t0);
          }
          afterStageMove = afterStageMove.sort((a, b) => a - b);
        }
        // Right after the last write (the application is back at its stage): still exact.
        await client.query("UPDATE applications SET stage_changed_at = now() WHERE id = $1", [moved?.id]);
        const dashboard = await get();
        const expected = await naive(client, region);
        const compared = compare(dashboard, expected, label);
        const naiveTimes: number[] = [];
        for (let i = 0; i < naiveRuns; i++) {
          const t0 = performance.now();
          await naive(client, region);
          naiveTimes.push(performance.now() - t0);
        }
        const warm = summary(
          (await runHttp({ origin: server.url, paths: [path], headers, clients: CLIENTS, requests }))
            .latencies,
        );
        const slow = summary(naiveTimes);
        log(
          `  ${label}: p95 ${warm.p95.toFixed(1)} ms (after every source changed ${afterWrite[1]?.toFixed(0)} ms, after a stage move ${afterStageMove[1]?.toFixed(1)} ms); naive p95 ${slow.p95.toFixed(1)} ms; ${compared} figures equal`,
        );
        results.push(
          {
            benchmark: "dashboards (HTTP API)",
            figure: `${label}, p95`,
            value: warm.p95,
            unit: "ms",
            baseline: slow.p95,
            baselineLabel: "naive GROUP BY over base tables, p95",
            ratio: slow.p95 / warm.p95,
            target: "≤ 100 ms and ≥ 20× faster",
            met: warm.p95 <= 100 && slow.p95 / warm.p95 >= 20,
            note: `${compared} figures equal to the naive query's; p50 ${warm.p50.toFixed(1)} ms`,
          },
          {
            benchmark: "dashboards (HTTP API)",
            figure: `${label}, first read after a write (recomputation), median of 3`,
            value: afterWrite[1] as number,
            unit: "ms",
            baseline: slow.p50,
            baselineLabel: "naive GROUP BY, p50",
            ratio: slow.p50 / (afterWrite[1] as number),
            target: "—",
            met: null,
            note: "every source changed (indicator_sources_changed): every dataset recomputed",
          },
          {
            benchmark: "dashboards (HTTP API)",
            figure: `${label}, first read after an application's stage move, 2nd of 4`,
            value: afterStageMove[1] ?? Number.NaN,
            unit: "ms",
            baseline: slow.p50,
            baselineLabel: "naive GROUP BY, p50",
            ratio: slow.p50 / (afterStageMove[1] ?? Number.NaN),
            target: "in the order of the cached read",
            met: afterStageMove.length ? (afterStageMove[1] as number) <= Math.max(4 * warm.p95, 50) : null,
            note: "a committed UPDATE of one application; figures compared with the naive query right after a write",
          },
        );
      } finally {
        client.release();
      }
    }
  } finally {
    await pool.end();
    await server.stop();
  }
  return results;
}

if (isMain(import.meta.url)) await standalone(run);
