import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { AppError } from "../../platform/errors.ts";
import { csvOptions, type ImportFormat } from "../../platform/import.ts";

/**
 * Reads an import file as a stream of rows of text cells (header first), never holding
 * the file in memory: CSV through csv-parse, XLSX through exceljs's streaming reader.
 * `bytesRead` grows as the file is consumed (the progress bar).
 */
export interface RowSource {
  rows: AsyncIterable<{ row: number; cells: string[] }>;
  bytesRead(): number;
}

export type FileEncoding = "auto" | "windows-1256";

const SNIFF_BYTES = 64 * 1024;

/** Picks the decoder from the BOM; without one, UTF-8 unless the caller said Windows-1256. */
function chooseEncoding(head: Buffer, requested: FileEncoding): { label: string; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { label: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { label: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { label: "utf-16be", bom: 2 };
  return { label: requested === "windows-1256" ? "windows-1256" : "utf-8", bom: 0 };
}

/** Line (1-based) where the first byte that is not UTF-8 sits, to tell the person where to look. */
function lineOfBadByte(buf: Buffer): number {
  let lo = 0;
  let hi = buf.length;
  // Binary search for the longest prefix that decodes.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(buf.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  let line = 1;
  for (let i = 0; i < lo; i++) if (buf[i] === 0x0a) line++;
  return line;
}

export const notUtf8 = (line: number) => new AppError(422, "person_imports.encoding", { line });

/**
 * Decodes to UTF-8 for the CSV parser. UTF-8 input passes through untouched but is checked
 * (a fatal decoder), so a file saved as Windows-1256 or Latin-1 is reported, not imported
 * as mojibake; UTF-16 and Windows-1256 are converted.
 */
function decoder(label: string, bom: number, counter: { bytes: number; lines: number }) {
  const text = new TextDecoder(label, { fatal: true });
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      counter.bytes += chunk.length;
      let data = chunk;
      if (first && bom) data = chunk.subarray(bom);
      first = false;
      try {
        const decoded = text.decode(data, { stream: true });
        if (label === "utf-8") {
          counter.lines += countNewlines(data);
          done(null, data);
        } else done(null, Buffer.from(decoded, "utf8"));
      } catch {
        done(notUtf8(counter.lines + lineOfBadByte(data)));
      }
    },
  });
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  let i = buf.indexOf(0x0a);
  while (i !== -1) {
    n++;
    i = buf.indexOf(0x0a, i + 1);
  }
  return n;
}

async function csvSource(path: string, requested: FileEncoding): Promise<RowSource> {
  const handle = await open(path, "r");
  const head = Buffer.alloc(SNIFF_BYTES);
  const { bytesRead: headLength } = await handle.read(head, 0, SNIFF_BYTES, 0);
  await handle.close();
  const { label, bom } = chooseEncoding(head.subarray(0, headLength), requested);
  let sample: string;
  try {
    sample = new TextDecoder(label, { fatal: true }).decode(head.subarray(bom, headLength), { stream: true });
  } catch {
    throw notUtf8(lineOfBadByte(head.subarray(bom, headLength)));
  }
  const counter = { bytes: 0, lines: 0 };
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 })
    .pipe(decoder(label, bom, counter))
    .pipe(parse(csvOptions(sample))); // cells are trimmed by the row check
  async function* rows() {
    let row = 0;
    try {
      for await (const cells of stream as AsyncIterable<string[]>) {
        row++;
        yield { row, cells };
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError(422, "person_imports.unreadable", { row: row + 1 });
    }
  }
  return { rows: rows(), bytesRead: () => counter.bytes };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    return "";
  }
  return String(v).trim();
}

async function xlsxSource(path: string): Promise<RowSource> {
  const counter = { bytes: 0 };
  const input = createReadStream(path, { highWaterMark: 1024 * 1024 });
  input.on("data", (c) => {
    counter.bytes += c.length;
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  async function* rows() {
    try {
      for await (const sheet of reader) {
        for await (const r of sheet) {
          const values = r.values as ExcelJS.CellValue[];
          const cells: string[] = [];
          for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
          yield { row: r.number, cells };
        }
        break; // the first sheet only
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError(422, "person_imports.unreadable", { row: 0 });
    } finally {
      input.destroy();
    }
  }
  return { rows: rows(), bytesRead: () => counter.bytes };
}

export function openRows(path: string, format: ImportFormat, encoding: FileEncoding): Promise<RowSource> {
  return format === "csv" ? csvSource(path, encoding) : xlsxSource(path);
}
