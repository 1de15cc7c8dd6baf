import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { run as dashboards } from "./dashboards.bench.ts";
import { parseArgs } from "./lib/args.ts";
import { type BenchContext, ensureDataset, machine, printResults, type Result } from "./lib/harness.ts";
import { datasetReport, writeReport } from "./lib/report.ts";
import { run as list } from "./list.bench.ts";
import { run as lookup } from "./lookup.bench.ts";
import { run as records } from "./records.bench.ts";
import { run as web } from "./web.bench.ts";

/**
 * `npm run bench [-- --scale small|agency|national] [--seed N] [--fresh] [--no-write] [--only lookup,list]`:
 * makes sure the dataset is there (generates it if not), runs every benchmark, prints the
 * figures and rewrites this scale's section of docs/benchmarks.md (unless --no-write).
 * A benchmark that fails is reported and makes the command exit non-zero after the others ran.
 */
const BENCHES: Record<string, (ctx: BenchContext) => Promise<Result[]>> = {
  lookup,
  dashboards,
  list,
  records,
  web,
};
const IMPORT_BENCH = path.resolve(import.meta.dirname, "import.bench.ts");

async function main() {
  // `npm run bench` alone measures the agency scale; --scale picks another.
  const args = parseArgs(
    process.argv.slice(2).some((a) => a.startsWith("--scale"))
      ? undefined
      : ["--scale", "agency", ...process.argv.slice(2)],
  );
  const log = (m: string) => console.log(m);
  const load = os.loadavg()[0]?.toFixed(1);
  const server = await ensureDataset(args, log);
  const results: Result[] = [];
  const failures: string[] = [];
  const extra: string[] = [];
  try {
    const ctx: BenchContext = { args, url: server.url, log };
    for (const [name, bench] of Object.entries(BENCHES)) {
      if (args.only.length && !args.only.includes(name)) continue;
      log(`\n== ${name}`);
      try {
        results.push(...(await bench(ctx)));
      } catch (err) {
        failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
        log(`  FAILED: ${failures.at(-1)}`);
      }
    }
    // The person-import benchmark lives in its own file (another work item); run it when it is there.
    if (existsSync(IMPORT_BENCH) && (!args.only.length || args.only.includes("import"))) {
      log("\n== import (bench/import.bench.ts)");
      const out = await runChild(
        IMPORT_BENCH,
        process.argv.slice(2).filter((a) => a !== "--fresh"),
        server.url,
      );
      if (out.code !== 0) failures.push(`import: exited with ${out.code}`);
      extra.push(out.text);
    }
    printResults(results, log);
    if (args.write) {
      const file = await writeReport({
        scale: args.scale,
        seed: args.seed,
        machine: await machine(server.url),
        load: `${load} (1-minute load average when the run started, ${os.cpus().length} cores)`,
        dataset: await datasetReport(server.url),
        results,
        failures,
        extra,
      });
      log(`\nwritten to ${file}`);
    }
  } finally {
    await server.stop();
  }
  if (failures.length) {
    console.error(`\n${failures.length} benchmark(s) failed:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
}

/** Runs a benchmark script as its own process on the same database; its output goes to the report as is. */
function runChild(file: string, argv: string[], url: string): Promise<{ code: number; text: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", file, ...argv], {
      env: { ...process.env, BENCH_DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let text = "";
    child.stdout?.on("data", (d) => {
      process.stdout.write(d);
      text += d;
    });
    // Bounded in time like every loop here: an hour at most.
    const timer = setTimeout(() => child.kill("SIGTERM"), 3_600_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, text });
    });
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
