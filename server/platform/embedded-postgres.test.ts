import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("the embedded PostgreSQL server", () => {
  it("leaves the process its exit code once stopped (a failed Vitest run must fail npm test)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "jisr-embedded-"));
    dirs.push(dir);
    // As Vitest does: start and stop the server, set the exit code, let the event loop empty.
    const code = `import("./server/platform/embedded-postgres.ts").then(async (m) => {
      const server = await m.startEmbeddedPostgres(${JSON.stringify(dir)}, () => {});
      await server.stop();
      process.exitCode = 3;
    });`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "-e", code], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(3);
  }, 60_000);
});
