import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";

/**
 * The one export mechanism: a list becomes a CSV (UTF-8 with BOM, so Excel opens Arabic
 * correctly) or an XLSX workbook, streamed row by row so a large list never sits in memory.
 * Modules give columns (header already translated) and an async iterable of rows.
 */
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type CellValue = string | number | boolean | null | undefined;

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => CellValue;
  /** Column width in characters (XLSX only). */
  width?: number;
}

export interface ExportSpec<T> {
  format: ExportFormat;
  /** File name without extension; a date is not added. */
  filename: string;
  sheetName?: string;
  columns: readonly ExportColumn<T>[];
  rows: AsyncIterable<T> | Iterable<T>;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @ then not a number) is prefixed
 * with an apostrophe: exported data must not execute in the reader's Excel (CSV injection).
 */
export function safeCell(v: CellValue): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") return v;
  if (/^[=@\t\r]/.test(v) || /^[+-][^0-9\s]/.test(v)) return `'${v}`;
  return v;
}

async function* cells<T>(spec: ExportSpec<T>) {
  for await (const row of spec.rows) yield spec.columns.map((c) => safeCell(c.value(row)));
}

/** A readable stream of the file's bytes. */
export function exportStream<T>(spec: ExportSpec<T>): Readable {
  return spec.format === "csv" ? csvStream(spec) : xlsxStream(spec);
}

function csvStream<T>(spec: ExportSpec<T>): Readable {
  const out = stringify({
    bom: true,
    header: true,
    columns: spec.columns.map((c, i) => ({ key: String(i), header: c.header })),
    cast: { boolean: (b) => (b ? "1" : "0") },
    record_delimiter: "windows",
  });
  const source = Readable.from(cells(spec));
  source.on("error", (err) => out.destroy(err));
  return source.pipe(out);
}

function xlsxStream<T>(spec: ExportSpec<T>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet((spec.sheetName ?? spec.filename).slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = spec.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const values of cells(spec)) sheet.addRow(values).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((err) => out.destroy(err));
  return out;
}

/** Sends the export as a download: content type, attachment name, the stream. */
export function sendExport<T>(reply: FastifyReply, spec: ExportSpec<T>) {
  const name = `${spec.filename}.${spec.format}`;
  return reply
    .header("content-type", CONTENT_TYPES[spec.format])
    .header(
      "content-disposition",
      `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .header("cache-control", "no-store")
    .send(exportStream(spec));
}
