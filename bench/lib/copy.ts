import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * COPY … FROM STDIN in PostgreSQL's text format, fed by a generator of rows. Rows are joined
 * into ~256 KB chunks (one write per chunk, not per row), and progress with rows per second is
 * printed every few seconds, so a national-scale load shows it is alive.
 */
export type Cell = string | number | boolean | null | undefined;

/** Text-format escaping: backslash, tab, newline and carriage return; null is \N. */
export function cell(v: Cell): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v !== "string") return String(v);
  if (!/[\\\t\n\r]/.test(v)) return v;
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

export interface CopyReport {
  table: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export async function copyRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
  opts: { total?: number; log?: (m: string) => void } = {},
): Promise<CopyReport> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const started = performance.now();
  let count = 0;
  let lastPrint = started;
  function* chunks() {
    let buf: string[] = [];
    let size = 0;
    for (const row of rows) {
      const line = `${row.map(cell).join("\t")}\n`;
      buf.push(line);
      size += line.length;
      count++;
      if (size >= 256 * 1024) {
        yield buf.join("");
        buf = [];
        size = 0;
        const now = performance.now();
        if (now - lastPrint > 5000) {
          lastPrint = now;
          const rate = Math.round(count / ((now - started) / 1000));
          const of = opts.total ? ` / ${opts.total.toLocaleString("en")}` : "";
          log(`  ${table}: ${count.toLocaleString("en")}${of} rows, ${rate.toLocaleString("en")} rows/s`);
        }
      }
    }
    if (buf.length) yield buf.join("");
  }
  const sink = client.query(
    copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`),
  );
  await pipeline(Readable.from(chunks()), sink);
  const seconds = (performance.now() - started) / 1000;
  const report = { table, rows: count, seconds, rowsPerSecond: Math.round(count / Math.max(seconds, 1e-3)) };
  log(
    `  ${table}: ${count.toLocaleString("en")} rows in ${seconds.toFixed(1)} s (${report.rowsPerSecond.toLocaleString("en")} rows/s)`,
  );
  return report;
}
