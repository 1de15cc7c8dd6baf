import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../platform/context.ts";
import { t } from "../../platform/i18n.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { buildShare, indexBuildShare } from "./beneficiaries.import.first-load.ts";
import { phaseProgress } from "./beneficiaries.import.run.ts";
import { createPersonImportService } from "./beneficiaries.import.service.ts";

/**
 * A registry's first load (--first-load): indexes dropped inside the import's transaction and
 * built at its end. Whatever happens, the registry keeps every index it had, valid; it is refused
 * on a registry that holds anyone, and gives up when readers hold the registry.
 * This file's database starts with an empty registry (the template holds territories only).
 */

const env = setupTestEnv();
let national: Client;

const csv = (prefix: string, n: number, extra: string[] = []) =>
  [
    "cin,lastNameLatin,firstNameLatin,lastNameAr,firstNameAr,sex,birthDate,provinceCode",
    ...Array.from(
      { length: n },
      (_, i) => `${prefix}${100000 + i},Ouazzani,Salma${i},الوزاني,سلمى,female,1990-01-01,MA-CAS`,
    ),
    ...extra,
  ].join("\n");

const count = async () =>
  (await env.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM persons`)).rows[0]?.n ?? 0;

/** Every index of persons: its definition and whether PostgreSQL can use it. */
const indexes = async () =>
  (
    await env.db.execute<{ definition: string; valid: boolean }>(
      sql`SELECT pg_get_indexdef(indexrelid) AS definition, indisvalid AND indisready AS valid
            FROM pg_index WHERE indrelid = 'persons'::regclass ORDER BY 1`,
    )
  ).rows;

const service = () => createPersonImportService({ db: env.db });
const firstLoad = async (body: string, opts: { failAfterRows?: number } = {}) => {
  const s = service();
  const received = await s.receive(Readable.from([body]));
  const started = await s.start(
    systemContext("test"),
    { ...received, fileName: "first.csv", encoding: "auto" },
    "fr",
    { ...opts, firstLoad: true },
  );
  return started.done;
};

let before: Awaited<ReturnType<typeof indexes>>;
beforeAll(async () => {
  national = await env.userWith("national_officer", "national");
  before = await indexes();
  expect(before.length).toBeGreaterThan(10);
  expect(await count()).toBe(0);
});

describe("a registry's first load", () => {
  it("a crash half-way leaves the registry empty and every index in place", async () => {
    const job = await firstLoad(csv("FC", 40), { failAfterRows: 25 });
    expect(job).toMatchObject({ status: "failed", error: { code: "person_imports.interrupted" } });
    expect(await count()).toBe(0);
    expect(await indexes()).toEqual(before);
  });

  it("from the CLI: imports the rows, rejects the bad ones, and builds the same indexes, searchable at once", async () => {
    const file = path.join(os.tmpdir(), `jisr-first-load-${process.pid}.csv`);
    const bad = [
      "FL100003,Ouazzani,Again,,,female,1990-01-01,MA-CAS",
      "FL999999,Tazi,Omar,,,male,1990-13-01,MA-CAS",
    ];
    writeFileSync(file, csv("FL", 300, bad));
    const url = (env.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/import.ts", "persons", file, "--first-load", "--report", `${file}.rej`],
      { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "pipe"] },
    );
    let log = "";
    child.stderr.on("data", (chunk) => {
      log += chunk;
    });
    const code = await new Promise((r) => child.once("exit", r));
    rmSync(file, { force: true });
    rmSync(`${file}.rej`, { force: true });
    expect(code).toBe(0);
    expect(await count()).toBe(300);
    expect(await indexes()).toEqual(before);
    // The index builds are a phase of their own, with a progress bar that counts them.
    const rebuilt = before.filter((i) => !i.definition.startsWith("CREATE UNIQUE")).length;
    const indexing = t("fr", "personImports.statuses.indexing");
    expect(log).toContain(`  0 %  ${indexing}  0 / ${rebuilt}`);
    expect(log).toContain(`100 %  ${indexing}  ${rebuilt} / ${rebuilt}`);
    const { rows: jobs } = await env.db.execute(
      sql`SELECT rows_imported, rows_rejected, indexes_built, indexes_total FROM person_imports WHERE status = 'completed'`,
    );
    expect(jobs).toEqual([
      { rows_imported: 300, rows_rejected: 2, indexes_built: rebuilt, indexes_total: rebuilt },
    ]);
    const { rows: trail } = await env.db.execute<{ first_load: unknown }>(
      sql`SELECT changes -> 'firstLoad' -> 'after' AS first_load FROM audit_events WHERE action = 'person.import'`,
    );
    expect(trail).toEqual([{ first_load: true }]);
    // The rebuilt indexes serve searches: by name (Latin, Arabic) and by CIN.
    for (const q of ["Salma42 Ouazzani", "سلمى الوزاني", "FL100042"]) {
      const found = national.get(`/api/v1/persons?q=${encodeURIComponent(q)}&limit=5`);
      expect((await found).statusCode).toBe(200);
      expect((await found).json().items.length, q).toBeGreaterThan(0);
    }
  }, 60_000);

  it("is refused once the registry holds anyone: nothing written, the reason in the caller's language", async () => {
    const job = await firstLoad(csv("FR", 10));
    expect(job).toMatchObject({
      status: "failed",
      rowsImported: 0,
      error: { code: "person_imports.registry_not_empty" },
    });
    expect(job.error?.message).toContain("registre vide");
    expect(await count()).toBe(300);
    expect(await indexes()).toEqual(before);
  });

  it("gives up when readers hold the registry, rather than waiting behind them", async () => {
    const reader = await env.pool.connect();
    try {
      await reader.query("BEGIN");
      await reader.query("SELECT count(*) FROM persons");
      const job = await firstLoad(csv("FB", 10));
      expect(job).toMatchObject({ status: "failed", error: { code: "person_imports.registry_busy" } });
    } finally {
      await reader.query("ROLLBACK");
      reader.release();
    }
    expect(await count()).toBe(300);
    expect(await indexes()).toEqual(before);
  });

  it("its progress bar moves while an index is being built, as PostgreSQL reports the build", async () => {
    // A build slow enough to be watched: one row per block, 20 ms a row.
    await env.db.execute(sql`CREATE TABLE slow_build (i int, pad text) WITH (fillfactor = 10)`);
    await env.db.execute(sql`CREATE FUNCTION slow_key(i int) RETURNS int LANGUAGE plpgsql IMMUTABLE
      AS $$ BEGIN PERFORM pg_sleep(0.02); RETURN i; END $$`);
    await env.db.execute(
      sql`INSERT INTO slow_build SELECT i, string_agg(md5(i::text || j::text), '') FROM generate_series(1, 60) i,
            generate_series(1, 40) j GROUP BY i`,
    );
    const builder = await env.pool.connect();
    try {
      const { rows } = await builder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const pid = rows[0]?.pid ?? 0;
      expect(await indexBuildShare(env.db, pid)).toBe(0);
      let building = true;
      const build = builder.query("CREATE INDEX slow_build_idx ON slow_build (slow_key(i))").finally(() => {
        building = false;
      });
      const seen: number[] = [];
      while (building) {
        seen.push(await indexBuildShare(env.db, pid));
        await new Promise((r) => setTimeout(r, 50));
      }
      await build;
      // Seen part-way through its scan of the table, moving on.
      const scanning = seen.filter((s) => s > 0 && s < 0.3);
      expect(scanning.length, seen.join(" ")).toBeGreaterThan(2);
      expect(scanning).toEqual([...scanning].sort((a, b) => a - b));
      expect(scanning.at(-1)).toBeGreaterThan(scanning[0] ?? 1);
    } finally {
      builder.release();
      await env.db.execute(sql`DROP TABLE slow_build; DROP FUNCTION slow_key`);
    }
  });

  it("counts a build's phases, and the indexes built, in the share of the phase done", () => {
    const report = { blocksDone: 30, blocksTotal: 120, tuplesDone: 0, tuplesTotal: 0 };
    expect(buildShare({ ...report, phase: "building index: scanning table" })).toBeCloseTo(0.075);
    expect(buildShare({ ...report, phase: "building index: sorting live tuples" })).toBe(0.3);
    expect(
      buildShare({
        ...report,
        phase: "building index: loading tuples in tree",
        tuplesDone: 1,
        tuplesTotal: 4,
      }),
    ).toBeCloseTo(0.7375);
    expect(buildShare({ ...report, phase: "building index" })).toBeCloseTo(0.25);
    expect(buildShare({ ...report, phase: "initializing", blocksTotal: 0 })).toBe(0);
    // While the first block is read, PostgreSQL counts every block as done.
    expect(buildShare({ ...report, phase: "building index", blocksDone: 120 })).toBe(0);
    const indexing = {
      status: "indexing",
      bytesRead: 100,
      indexesBuilt: 3,
      indexesTotal: 12,
      indexShare: 0.6,
    };
    expect(phaseProgress(indexing, 100)).toBeCloseTo(0.3);
    expect(phaseProgress({ ...indexing, indexesBuilt: 12, indexShare: 0 }, 100)).toBe(1);
  });
});
