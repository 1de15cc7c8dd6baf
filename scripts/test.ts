import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * `npm test`: every test. API and unit tests (Vitest, real PostgreSQL), then
 * the browser tests (Playwright driving Debian's Chromium on the built app).
 */
const CHROMIUM = "/usr/bin/chromium";

function run(label: string, cmd: string, args: string[]) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`\n✖ ${label} failed`);
    process.exit(r.status ?? 1);
  }
}

run("API and unit tests (Vitest)", "npx", ["vitest", "run"]);

if (!existsSync(CHROMIUM)) {
  console.error(
    `\n✖ Browser tests need Debian's Chromium at ${CHROMIUM}, which is not installed.\n` +
      "  Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "  then run npm test again.",
  );
  process.exit(1);
}
run("web build", "npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
run("browser tests (Playwright + Chromium)", "npx", [
  "playwright",
  "test",
  "--config",
  "e2e/playwright.config.ts",
]);
console.log("\n✔ all tests passed");
