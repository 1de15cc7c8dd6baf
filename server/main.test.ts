import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { adminQuery, withDatabase } from "./platform/testing.global.ts";

/** The real entry point as a newcomer runs it: a separate process, its own embedded PostgreSQL. */

const ROOT = path.resolve(import.meta.dirname, "..");
const PASSWORD = "main-test-password-1";
const running: ChildProcess[] = [];

afterAll(() => {
  for (const p of running) if (p.exitCode === null) p.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: "",
      JISR_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: "warn",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 90 s:\n${output}`)), 90_000);
    child.stdout?.on("data", () => {
      if (!output.includes("is running at")) return;
      clearTimeout(timer);
      resolve();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${output}`));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  return { child, base, output: () => output };
}

async function login(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@jisr.local", password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

const exited = (p: ChildProcess) =>
  new Promise<number | null>((r) => (p.exitCode !== null ? r(p.exitCode) : p.on("exit", r)));

describe("npm start", () => {
  it("runs on its embedded PostgreSQL, survives kill -9 without losing data, and stops cleanly on SIGTERM", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "jisr-main-"));
    try {
      const first = await start({ JISR_DATA_DIR: dataDir, JISR_DEMO: "1" });
      expect(first.output()).toContain("demo dataset loaded");
      const health = await (await fetch(`${first.base}/api/v1/health`)).json();
      expect(health).toMatchObject({ status: "ok", database: "embedded" });
      const { cookie, csrfToken } = await login(first.base);
      const created = await fetch(`${first.base}/api/v1/organizations`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
        body: JSON.stringify({ type: "association", nameFr: "Survivante du kill -9", regionCode: "MA-06" }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };

      first.child.kill("SIGKILL");
      await exited(first.child);

      const second = await start({ JISR_DATA_DIR: dataDir, JISR_DEMO: "1" });
      expect(second.output()).not.toContain("demo dataset loaded");
      const again = await login(second.base);
      const read = await fetch(`${second.base}/api/v1/organizations/${id}`, {
        headers: { cookie: again.cookie },
      });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ nameFr: "Survivante du kill -9" });

      second.child.kill("SIGTERM");
      expect(await exited(second.child)).toBe(0);
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it("uses the server named by DATABASE_URL and starts nothing", async () => {
    const name = `jisr_main_${randomBytes(4).toString("hex")}`;
    const adminUrl = inject("adminUrl");
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const dataDir = await mkdtemp(path.join(tmpdir(), "jisr-ext-"));
    try {
      const app = await start({
        JISR_DATA_DIR: dataDir,
        DATABASE_URL: withDatabase(adminUrl, name),
        JISR_DEMO: "0",
      });
      const health = await (await fetch(`${app.base}/api/v1/health`)).json();
      expect(health).toMatchObject({ database: "external" });
      expect(existsSync(path.join(dataDir, "pg"))).toBe(false);
      const { rows } = await adminQuery(
        withDatabase(adminUrl, name),
        "select count(*)::int n from organizations",
      );
      expect(rows[0].n).toBe(0);
      app.child.kill("SIGTERM");
      expect(await exited(app.child)).toBe(0);
    } finally {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses an invalid configuration with a clear message", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "eighty" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr?.on("data", (d) => (err += d));
    expect(await exited(child)).toBe(1);
    expect(err).toContain("Invalid configuration");
    expect(err).toContain("PORT");
  }, 60_000);
});
