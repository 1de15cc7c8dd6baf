import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { z } from "zod";
import { AppError, type FieldIssue } from "./errors.ts";
import { hasKey } from "./i18n.ts";

/**
 * The one import mechanism: a CSV or XLSX file becomes rows of text cells keyed
 * by column, each row is checked against the module's Zod schema, and every
 * problem is reported by row and column. Modules then write all rows in one
 * transaction, or nothing (`importFailed` → 422 with the row-by-row report).
 */
export const IMPORT_FORMATS = ["csv", "xlsx"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Content types the import routes accept as raw bodies. */
export const IMPORT_CONTENT_TYPES = ["text/csv", "application/csv", XLSX_TYPE];
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export function importFormatOf(contentType: string | undefined): ImportFormat {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === XLSX_TYPE) return "xlsx";
  if (type === "text/csv" || type === "application/csv") return "csv";
  throw new AppError(415, "request.unsupported_media_type");
}

export interface ImportColumn {
  key: string;
  /** Header spellings accepted besides the key (e.g. the column titles of the export in each language). */
  aliases?: readonly string[];
  type?: "text" | "number";
  required?: boolean;
  /** A column the export writes but the import does not read (a computed figure). */
  ignored?: boolean;
}

/** One data row: its number as a spreadsheet shows it (the header is row 1) and its cells by column key. */
export interface ImportRow {
  row: number;
  cells: Record<string, string>;
}

export interface ParsedRow<T> {
  row: number;
  data: T;
}

/** A problem on one cell: path `rows.<row>.<column>`, with row and column as message params. */
export const rowIssue = (
  row: number,
  column: string,
  code: string,
  params: Record<string, unknown> = {},
): FieldIssue => ({ path: `rows.${row}.${column}`, code, params: { row, column, ...params } });

export const importFailed = (issues: FieldIssue[]) =>
  new AppError(422, "import.failed", { count: issues.length }, issues);

const normalise = (h: string) =>
  h
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

/** Reads the file into header + rows of trimmed text; a file that cannot be read is itself an error. */
export async function readTable(body: Buffer, format: ImportFormat): Promise<string[][]> {
  try {
    return format === "csv" ? await readCsv(body) : await readXlsx(body);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(422, "import.unreadable");
  }
}

/** The separator a header line uses most: comma, semicolon (French Excel) or tab; comma when none. */
function delimiterOf(headerLine: string): string {
  const count = (c: string) => headerLine.split(c).length - 1;
  const candidates = [",", ";", "\t"].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]?.[1] ? (candidates[0][0] as string) : ",";
}

/**
 * How every CSV of Jisr is read (csv-parse), from the file's first line: its separator; rows may
 * have fewer or more cells than the header (reported by the row checks, not refused whole), and
 * lines may end in CRLF, LF or CR, mixed (files pasted together from several sources).
 */
export const csvOptions = (text: string) => ({
  delimiter: delimiterOf(text.slice(0, text.indexOf("\n") >>> 0)),
  relax_column_count: true,
  record_delimiter: ["\r\n", "\n", "\r"],
});

async function readCsv(body: Buffer): Promise<string[][]> {
  const text = body.toString("utf8").replace(/^\uFEFF/, "");
  return parse(text, { ...csvOptions(text), trim: true }) as string[][];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("error" in v) return "";
  }
  return String(v);
}

async function readXlsx(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(sheet.columnCount, row.cellCount); c++)
      cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return rows;
}

/**
 * Maps headers to column keys (by key or alias, ignoring case, accents and
 * punctuation) and returns the non-empty data rows. Unknown or missing columns
 * are reported on row 1.
 */
export function toRows(table: string[][], columns: readonly ImportColumn[]): ImportRow[] {
  const [header = [], ...data] = table;
  const byName = new Map<string, string>();
  for (const c of columns)
    for (const name of [c.key, ...(c.aliases ?? [])]) byName.set(normalise(name), c.key);
  const issues: FieldIssue[] = [];
  const keys = header.map((h) => {
    if (!h.trim()) return undefined;
    const key = byName.get(normalise(h));
    if (!key) issues.push(rowIssue(1, h, "validation.unknown_column", { name: h }));
    return key;
  });
  for (const c of columns)
    if (c.required && !keys.includes(c.key)) issues.push(rowIssue(1, c.key, "validation.missing_column"));
  if (!table.length) issues.push(rowIssue(1, "", "validation.empty_file"));
  if (issues.length) throw importFailed(issues);
  if (data.length > MAX_IMPORT_ROWS)
    throw new AppError(422, "import.too_many_rows", { max: MAX_IMPORT_ROWS });
  const ignoredKeys = new Set(columns.filter((c) => c.ignored).map((c) => c.key));
  const rows: ImportRow[] = [];
  data.forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return;
    const record: Record<string, string> = {};
    keys.forEach((k, j) => {
      if (k && !ignoredKeys.has(k)) record[k] = (cells[j] ?? "").trim();
    });
    rows.push({ row: i + 2, cells: record });
  });
  return rows;
}

function typed(cells: Record<string, string>, columns: readonly ImportColumn[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = cells[c.key];
    if (v === undefined || v === "") continue;
    if (c.type === "number") {
      const n = Number(v.replace(/\s/g, "").replace(",", "."));
      out[c.key] = Number.isFinite(n) ? n : v;
    } else out[c.key] = v;
  }
  return out;
}

function issueCode(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const column = String(issue.path[0] ?? "");
  if (issue.message?.startsWith("validation.") && hasKey(issue.message)) return issue.message;
  if (issue.code === "invalid_type" && input[column] === undefined) return "validation.required";
  const code = `validation.${issue.code}`;
  return hasKey(code) ? code : "validation.custom";
}

/** Runs the row schema on every row; collects all issues rather than stopping at the first. */
export function validateRows<T>(
  rows: readonly ImportRow[],
  columns: readonly ImportColumn[],
  schema: z.ZodType<T>,
): { valid: ParsedRow<T>[]; issues: FieldIssue[] } {
  const valid: ParsedRow<T>[] = [];
  const issues: FieldIssue[] = [];
  for (const r of rows) {
    const input = typed(r.cells, columns);
    const result = schema.safeParse(input);
    if (result.success) {
      valid.push({ row: r.row, data: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      const params: Record<string, unknown> = {};
      const i = issue as unknown as Record<string, unknown>;
      if (Array.isArray(i.values)) params.values = (i.values as unknown[]).join(", ");
      for (const k of ["minimum", "maximum", "expected", "keys"]) if (i[k] !== undefined) params[k] = i[k];
      issues.push(rowIssue(r.row, String(issue.path[0] ?? ""), issueCode(issue, input), params));
    }
  }
  return { valid, issues };
}
