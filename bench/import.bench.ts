/**
 * Bulk import of persons: Jisr's import (the service the API and the CLI use: streaming parse,
 * row checks, CINs checked per batch, batches COPY'd into the indexed registry while the next
 * is read) against a raw COPY of the same CSV into a bare table, on a fresh database, in the
 * same run; and against raw COPYs of the same rows into the registry table itself, with all its
 * indexes and with its primary key and foreign keys only (what the table costs before Jisr).
 * Then the same file as the registry's first load (--first-load: indexes built at the end),
 * against the table's own best bulk load: the COPY without secondary indexes, then their builds.
 *
 *   npx tsx bench/import.bench.ts --rows 1000000      (default 20000, for CI)
 *
 * Uses BENCH_DATABASE_URL or DATABASE_URL (a server; a database jisr_bench_import_<pid> is
 * created on it and dropped at the end), else an embedded PostgreSQL in data/bench. Prints figures; never fails on
 * a missed target. `npm run bench` copies its output into its scale's section of docs/benchmarks.md.
 */
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { rename, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { personKeys } from "../server/modules/beneficiaries/beneficiaries.search-keys.ts";
import { createPersonImportService } from "../server/modules/beneficiaries/index.ts";
import { PROVINCES, seedTerritories } from "../server/modules/territories/index.ts";
import { systemContext } from "../server/platform/context.ts";
import { connect, runMigrations } from "../server/platform/database.ts";
import { startEmbeddedPostgres } from "../server/platform/embedded-postgres.ts";
import { newId } from "../server/platform/ids.ts";
import { adminQuery, withDatabase } from "../server/platform/testing.global.ts";

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i] as string;
  return a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[i + 1];
};
// `npm run bench` passes its --scale: small (CI) imports 20,000 rows, agency and national the 1,000,000 of the issue.
const SCALE_ROWS: Record<string, string> = { small: "20000", agency: "1000000", national: "1000000" };
const ROWS = Number.parseInt(opt("rows") ?? SCALE_ROWS[opt("scale") ?? "small"] ?? "20000", 10);
// One database per run: two runs at once (CI, `npm run bench`) must not drop each other's.
const DB_NAME = `jisr_bench_import_${process.pid}`;

// ---- a deterministic CSV of persons (mulberry32, fixed seed) -------------------------------
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const FIRST_F = [
  ["Fatima", "فاطمة"],
  ["Khadija", "خديجة"],
  ["Aicha", "عائشة"],
  ["Meriem", "مريم"],
  ["Salma", "سلمى"],
  ["Nadia", "نادية"],
  ["Zineb", "زينب"],
  ["Hafsa", "حفصة"],
];
const FIRST_M = [
  ["Mohamed", "محمد"],
  ["Mohammed", "محمد"],
  ["Youssef", "يوسف"],
  ["Ahmed", "أحمد"],
  ["Omar", "عمر"],
  ["Hamza", "حمزة"],
  ["Said", "سعيد"],
  ["Rachid", "رشيد"],
];
const LAST = [
  ["Alaoui", "العلوي"],
  ["Bennani", "بناني"],
  ["Tazi", "التازي"],
  ["Idrissi", "الإدريسي"],
  ["Chraibi", "الشرايبي"],
  ["El Amrani", "العمراني"],
  ["Berrada", "برادة"],
  ["Ouazzani", "الوزاني"],
  ["Fassi Fihri", "الفاسي الفهري"],
  ["Naciri", "الناصري"],
];

async function generateCsv(rows: number): Promise<string> {
  const file = path.join(os.tmpdir(), `jisr-import-bench-${rows}.csv`);
  if (existsSync(file)) return file;
  const random = rng(20261202);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const out = createWriteStream(`${file}.part`);
  const header = "cin,lastNameLatin,firstNameLatin,lastNameAr,firstNameAr,sex,birthDate,phone,provinceCode\n";
  async function* lines() {
    yield header;
    let chunk = "";
    for (let i = 0; i < rows; i++) {
      const female = random() < 0.5;
      const [first, firstAr] = pick(female ? FIRST_F : FIRST_M) as string[];
      const [last, lastAr] = pick(LAST) as string[];
      const year = 1940 + Math.floor(random() * 80);
      const birth = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
      // Unique CINs: two letters from the row number's high part, six digits from its low part.
      const letters = String.fromCharCode(65 + Math.floor(i / 1e6 / 26), 65 + (Math.floor(i / 1e6) % 26));
      const cin = `${letters}${String(i % 1e6).padStart(6, "0")}`;
      const phone = random() < 0.7 ? `06${String(Math.floor(random() * 1e8)).padStart(8, "0")}` : "";
      const province = pick(PROVINCES).code;
      chunk += `${cin},${last},${first},${lastAr},${firstAr},${female ? "female" : "male"},${birth},${phone},${province}\n`;
      if (chunk.length > 256 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    yield chunk;
  }
  await pipeline(lines(), out);
  await rename(`${file}.part`, file);
  return file;
}

/**
 * The same rows with the columns the registry needs and the file lacks: an id, the region and the
 * search keys (computed here the way every writer computes them, so the baseline measures the
 * table's own write cost — B-tree and GIN indexes, foreign keys — not the SQL fallback trigger).
 */
async function registryShapedCsv(file: string): Promise<string> {
  const out = `${file}.persons.csv`;
  const region = new Map(PROVINCES.map((p) => [p.code, p.regionCode]));
  const { createInterface } = await import("node:readline");
  async function* lines() {
    let first = true;
    let chunk = "";
    for await (const line of createInterface({ input: createReadStream(file) })) {
      if (!line) continue;
      if (first) chunk += `${line},id,regionCode,searchLatin,searchLatinKey,searchArabicKey,phoneKey\n`;
      else {
        const [, lastNameLatin, firstNameLatin, lastNameAr, firstNameAr, , , phone, province] =
          line.split(",");
        const k = personKeys({
          firstNameLatin: firstNameLatin ?? "",
          lastNameLatin: lastNameLatin ?? "",
          firstNameAr,
          lastNameAr,
          phone,
        });
        chunk += `${line},${newId()},${region.get(province ?? "")},${k.searchLatin},${k.searchLatinKey},${k.searchArabicKey},${k.phoneKey ?? ""}\n`;
      }
      first = false;
      if (chunk.length > 256 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    yield chunk;
  }
  await pipeline(lines(), createWriteStream(out));
  return out;
}

const COPY_SHAPED = `COPY persons (cin, last_name_latin, first_name_latin, last_name_ar, first_name_ar, sex,
  birth_date, phone, province_code, id, region_code, search_latin, search_latin_key, search_arabic_key, phone_key)
  FROM STDIN (FORMAT csv, HEADER true)`;

// ---- a fresh database -----------------------------------------------------------------------
async function freshDatabase() {
  const given = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  let base = given;
  let stop = async () => {};
  if (!base) {
    const server = await startEmbeddedPostgres(path.resolve("data/bench"), () => {});
    base = server.url;
    stop = server.stop;
  }
  const adminUrl = withDatabase(base, "postgres");
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${DB_NAME}`);
  const database = connect(withDatabase(base, DB_NAME), "external");
  await runMigrations(database.db);
  await seedTerritories(database.db);
  return {
    database,
    async close() {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      await stop();
    },
  };
}

const mb = (kb: number) => Math.round(kb / 1024);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function main() {
  console.log(`import benchmark: ${fmt(ROWS)} persons`);
  const file = await generateCsv(ROWS);
  const { size } = await stat(file);
  console.log(`CSV ${file}: ${(size / 1024 ** 2).toFixed(1)} MiB`);
  const env = await freshDatabase();
  const { db, pool } = env.database;
  try {
    // Jisr: the same service the API uses, as the system (national scope), into the empty
    // registry of a fresh database: first as any import runs, then as a first load.
    const service = createPersonImportService({ db });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const rssBefore = process.memoryUsage().rss;
    const phases: Record<string, number> = {};
    const timed = async (firstLoad: boolean) => {
      const t0 = performance.now();
      const received = await service.fromPath(file);
      const hashed = performance.now();
      const { done } = await service.start(
        systemContext("bench"),
        { ...received, fileName: path.basename(file), encoding: "auto", keepFile: true },
        "en",
        {
          firstLoad,
          onProgress: (p) => {
            if (!firstLoad) phases[p.status] ??= performance.now();
            if (process.stderr.isTTY)
              process.stderr.write(
                `\r  ${p.status} ${fmt(p.rowsRead)} rows, ${((100 * p.bytesRead) / size).toFixed(0)} %   `,
              );
          },
        },
      );
      const job = await done;
      if (process.stderr.isTTY) process.stderr.write("\n");
      if (job.status !== "completed") throw new Error(`import failed: ${job.error?.message}`);
      return { job, t0, hashed, seconds: (performance.now() - t0) / 1000 };
    };
    const { job, t0, hashed, seconds: jisrSeconds } = await timed(false);
    clearInterval(sampler);
    // The same file again, as the registry's first load: the registry emptied, the job forgotten.
    await pool.query("TRUNCATE persons, person_imports CASCADE");
    const firstLoad = await timed(true);

    // Baseline: raw COPY of the same file into a bare table (no index, no check).
    const client = await pool.connect();
    await client.query(`CREATE TABLE bare_persons (cin text, last_name_latin text, first_name_latin text,
      last_name_ar text, first_name_ar text, sex text, birth_date date, phone text, province_code text)`);
    const c0 = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(copyFrom("COPY bare_persons FROM STDIN (FORMAT csv, HEADER true)")),
    );
    const copySeconds = (performance.now() - c0) / 1000;

    // Second baseline: raw COPY of the same rows, keys included, into the registry table itself
    // (its B-tree and word GIN indexes, foreign keys): what any write path into persons pays.
    await client.query("TRUNCATE persons CASCADE");
    const shaped = await registryShapedCsv(file);
    const p0 = performance.now();
    await pipeline(createReadStream(shaped), client.query(copyFrom(COPY_SHAPED)));
    const copyPersonsSeconds = (performance.now() - p0) / 1000;

    // Third baseline: the same COPY into persons without its secondary indexes (primary key and
    // foreign keys kept), in a transaction rolled back: the share of the indexes in the cost above.
    await client.query("BEGIN");
    await client.query("TRUNCATE persons CASCADE");
    const secondary = await client.query<{ name: string; definition: string }>(
      `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index
       WHERE indrelid = 'persons'::regclass AND NOT indisprimary`,
    );
    for (const { name } of secondary.rows) await client.query(`DROP INDEX ${name}`);
    const k0 = performance.now();
    await pipeline(createReadStream(shaped), client.query(copyFrom(COPY_SHAPED)));
    const copyKeysOnlySeconds = (performance.now() - k0) / 1000;
    // ... then the same indexes built, sorted, as a first load builds them (same sort memory).
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    const b0 = performance.now();
    for (const { definition } of secondary.rows) await client.query(definition);
    const buildSeconds = (performance.now() - b0) / 1000;
    await client.query("ROLLBACK");
    client.release();

    const ratio = jisrSeconds / copySeconds;
    const reading = ((phases.writing ?? performance.now()) - (phases.reading ?? t0)) / 1000;
    const finishing = jisrSeconds - reading - (hashed - t0) / 1000;
    const result = {
      rows: ROWS,
      imported: job.rowsImported,
      jisrSeconds: +jisrSeconds.toFixed(2),
      jisrRowsPerSecond: Math.round(ROWS / jisrSeconds),
      phases: {
        hashSeconds: +((hashed - t0) / 1000).toFixed(2),
        readCheckWriteSeconds: +reading.toFixed(2),
        finishSeconds: +finishing.toFixed(2),
      },
      copySeconds: +copySeconds.toFixed(2),
      copyRowsPerSecond: Math.round(ROWS / copySeconds),
      ratio: +ratio.toFixed(2),
      copyIntoPersonsSeconds: +copyPersonsSeconds.toFixed(2),
      ratioToCopyIntoPersons: +(jisrSeconds / copyPersonsSeconds).toFixed(2),
      copyIntoPersonsKeysOnlySeconds: +copyKeysOnlySeconds.toFixed(2),
      firstLoadSeconds: +firstLoad.seconds.toFixed(2),
      firstLoadRatio: +(firstLoad.seconds / copySeconds).toFixed(2),
      copyThenBuildSeconds: +(copyKeysOnlySeconds + buildSeconds).toFixed(2),
      ratioFirstLoadToCopyThenBuild: +(firstLoad.seconds / (copyKeysOnlySeconds + buildSeconds)).toFixed(2),
      peakRssMb: mb(peakRss / 1024),
      rssBeforeMb: mb(rssBefore / 1024),
      cpus: os.cpus().length,
    };
    console.log(
      `Jisr import : ${result.jisrSeconds} s, ${fmt(result.jisrRowsPerSecond)} rows/s (${fmt(job.rowsImported)} imported)`,
    );
    console.log(
      `  of which  : hash ${result.phases.hashSeconds} s, read+check+write in batches ${result.phases.readCheckWriteSeconds} s, households, commit and vacuum ${result.phases.finishSeconds} s`,
    );
    console.log(`raw COPY    : ${result.copySeconds} s, ${fmt(result.copyRowsPerSecond)} rows/s`);
    console.log(`ratio       : ${result.ratio}x raw COPY (target ≤ 2x) ${ratio <= 2 ? "MET" : "MISSED"}`);
    console.log(
      `raw COPY into the persons table (same search keys and indexes): ${result.copyIntoPersonsSeconds} s → Jisr ${result.ratioToCopyIntoPersons}x`,
    );
    console.log(
      `raw COPY into persons with its primary key and foreign keys only (no secondary index): ${result.copyIntoPersonsKeysOnlySeconds} s (${(result.copyIntoPersonsKeysOnlySeconds / result.copySeconds).toFixed(1)}x the bare COPY)`,
    );
    console.log(
      `first load  : ${result.firstLoadSeconds} s (${fmt(ROWS / firstLoad.seconds)} rows/s, ${fmt(firstLoad.job.rowsImported)} imported; --first-load, the same file into the empty registry, indexes built at the end): ${result.firstLoadRatio}x raw COPY`,
    );
    console.log(
      `raw COPY into persons without its secondary indexes, then building them: ${result.copyThenBuildSeconds} s (${copyKeysOnlySeconds.toFixed(2)} + ${buildSeconds.toFixed(2)}) → first load ${result.ratioFirstLoadToCopyThenBuild}x`,
    );
    console.log(`memory      : peak RSS ${result.peakRssMb} MB (before the import ${result.rssBeforeMb} MB)`);
    console.log(`BENCH_RESULT import ${JSON.stringify(result)}`);
  } finally {
    await env.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
