import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { isMain, type Result } from "./lib/harness.ts";

/**
 * What a first visit downloads: the entry script, the modules index.html preloads and its
 * stylesheets, gzip-compressed (as a reverse proxy or CDN serves them). The baseline is every
 * JS and CSS file of the build, what the first visit would cost without route splitting.
 * Uses dist/web when it is newer than the sources, else builds into data/bench-web (so it never
 * rewrites dist/web under someone else's feet).
 */
const root = path.resolve(import.meta.dirname, "..");
const TARGET_KB = 300;

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

export function builtWeb(log: (m: string) => void): string {
  const dist = path.join(root, "dist/web");
  const sources = Math.max(...["web", "locales", "contracts"].map((d) => newest(path.join(root, d))));
  const index = path.join(dist, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return dist;
  const out = path.join(root, "data/bench-web");
  log(`  building the web app into ${path.relative(root, out)}`);
  const built = spawnSync(
    "npx",
    [
      "vite",
      "build",
      "--config",
      "web/vite.config.ts",
      "--outDir",
      out,
      "--emptyOutDir",
      "--logLevel",
      "warn",
    ],
    { cwd: root, stdio: "inherit", timeout: 300_000 },
  );
  if (built.status !== 0) throw new Error("vite build failed");
  return out;
}

export async function run(ctx: { log: (m: string) => void }): Promise<Result[]> {
  const dir = builtWeb(ctx.log);
  const html = readFileSync(path.join(dir, "index.html"), "utf8");
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref="([^"]+)"/g))
    refs.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]*\bhref="([^"]+)"[^>]*\brel="(?:modulepreload|stylesheet)"/g))
    refs.add(m[1] as string);
  const local = [...refs].filter((r) => r.startsWith("/") && /\.(js|css)$/.test(r));
  const size = (file: string) => {
    const body = readFileSync(file);
    return { raw: body.length, gzip: gzipSync(body).length };
  };
  let first = { raw: 0, gzip: 0 };
  for (const ref of local) {
    const s = size(path.join(dir, ref));
    first = { raw: first.raw + s.raw, gzip: first.gzip + s.gzip };
  }
  const assets = path.join(dir, "assets");
  const all = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  let whole = { raw: 0, gzip: 0 };
  for (const f of all) {
    const s = size(path.join(assets, f));
    whole = { raw: whole.raw + s.raw, gzip: whole.gzip + s.gzip };
  }
  const kb = (n: number) => n / 1024;
  ctx.log(
    `  first visit: ${local.length} files, ${kb(first.gzip).toFixed(1)} KB gzip (${kb(first.raw).toFixed(0)} KB raw); whole app ${all.length} files, ${kb(whole.gzip).toFixed(1)} KB gzip`,
  );
  return [
    {
      benchmark: "web first visit (gzip)",
      figure: `entry + preloaded JS and CSS (${local.length} files)`,
      value: kb(first.gzip),
      unit: "KB",
      baseline: kb(whole.gzip),
      baselineLabel: `all JS and CSS of the build (${all.length} files)`,
      ratio: first.gzip / whole.gzip,
      target: `≤ ${TARGET_KB} KB`,
      met: kb(first.gzip) <= TARGET_KB,
      note: `${kb(first.raw).toFixed(0)} KB before compression`,
    },
  ];
}

if (isMain(import.meta.url)) {
  const { printResults } = await import("./lib/harness.ts");
  printResults(await run({ log: console.log }));
}
