import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * `npm start` serves the built web app. Build it when it is missing or older
 * than its sources, so a newcomer's first start (and every start after a pull)
 * serves what is in the tree, while later starts skip the build.
 */
const root = path.resolve(import.meta.dirname, "..");
const built = path.join(root, "dist/web/index.html");

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const sources = ["web", "locales", "contracts"].map((d) => newest(path.join(root, d)));
if (!existsSync(built) || Math.max(...sources) > statSync(built).mtimeMs) {
  console.log("[jisr] building the web app…");
  const result = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
}
