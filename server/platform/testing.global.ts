import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { seedTerritories } from "../modules/territories/index.ts";
import { connect, runMigrations } from "./database.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

/**
 * Once per run: a PostgreSQL server (TEST_DATABASE_URL, or an embedded one in
 * a temporary directory) and a template database, migrated and seeded with
 * the reference territories. Each test file clones it (CREATE DATABASE …
 * TEMPLATE), which takes milliseconds and isolates files from each other.
 */
export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  let adminUrl: string;
  let stopServer: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), "jisr-test-"));
    const server = await startEmbeddedPostgres(dataDir, () => {});
    adminUrl = server.url.replace(/\/jisr$/, "/postgres");
    stopServer = server.stop;
  }
  const templateDb = `jisr_template_${runId}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${templateDb}`);
  const template = connect(withDatabase(adminUrl, templateDb), "external");
  await runMigrations(template.db);
  await seedTerritories(template.db);
  await template.close();

  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", templateDb);

  return async () => {
    const leftovers = await adminQuery(
      adminUrl,
      `SELECT datname FROM pg_database WHERE datname LIKE 'jisr_%${runId}%'`,
    );
    for (const row of leftovers.rows)
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await stopServer?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}
