import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { adminQuery, withDatabase } from "../server/platform/testing.global.ts";

/**
 * The app as Playwright sees it: the real server on E2E_PORT with a fresh
 * database and the demo dataset. On TEST_DATABASE_URL's server when set (a new
 * database, dropped by the next run), else on its own embedded PostgreSQL.
 */
// Playwright run on its own (not through npm test) still tests the current web sources.
const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-web-if-stale.ts"], {
  stdio: "inherit",
});
if (build.status !== 0) process.exit(build.status ?? 1);

process.env.PORT = process.env.E2E_PORT ?? "8791";
process.env.HOST = "127.0.0.1";
process.env.JISR_ADMIN_EMAIL = "admin@jisr.local";
process.env.JISR_ADMIN_PASSWORD = "e2e-admin-password-123";
process.env.JISR_DEMO = "1";
process.env.LOG_LEVEL = "warn";

const dataDir = mkdtempSync(path.join(tmpdir(), "jisr-e2e-"));
process.env.JISR_DATA_DIR = dataDir;
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));

const testServer = process.env.TEST_DATABASE_URL;
if (testServer) {
  // Drop what earlier runs left behind, but never the database of a run still going
  // (its server's pid is in the name): parallel runs must not kill each other.
  const old = await adminQuery(
    testServer,
    "SELECT datname FROM pg_database WHERE datname LIKE 'jisr\\_e2e\\_%'",
  );
  for (const row of old.rows) {
    const pid = Number(/^jisr_e2e_(\d+)_/.exec(row.datname)?.[1]);
    if (pid && isRunning(pid)) continue;
    await adminQuery(testServer, `DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  }
  const name = `jisr_e2e_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(testServer, `CREATE DATABASE ${name}`);
  process.env.DATABASE_URL = withDatabase(testServer, name);
} else {
  delete process.env.DATABASE_URL;
}

await import("../server/main.ts");

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
