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
});
