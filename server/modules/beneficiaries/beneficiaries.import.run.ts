import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, eq, inArray, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { ImportFormat } from "../../platform/import.ts";
import type { Access } from "../../platform/scope.ts";
import { type FileEncoding, openRows } from "./beneficiaries.import.reader.ts";
import { checkRow, columnIndexes, MissingColumns, type Province } from "./beneficiaries.import.rows.ts";
import { finishImport } from "./beneficiaries.import.sql.ts";
import { personImports } from "./beneficiaries.import.table.ts";
import { NAME_WORDS_INSERT, NameWordSet, personKeys } from "./beneficiaries.search-keys.ts";

/**
 * Runs one import job, all or nothing: on one connection and in one transaction, every row
 * is read, checked, given its search keys (TypeScript) and COPY'd into a temporary staging
 * table (rejected rows too, with their reasons), its name words added to the dictionary; then set-based SQL rejects CINs already registered or repeated in the file,
 * moves the rest into the registry with one INSERT … SELECT, writes one audit event and
 * marks the job completed. A crash anywhere rolls everything back; the transaction-scoped
 * advisory lock tells a reader that a job still "running" has in fact died.
 */

export const JOB_LOCK_CLASS = 7013;

export interface ImportFile {
  path: string;
  format: ImportFormat;
  encoding: FileEncoding;
}

export interface Progress {
  status: "reading" | "writing";
  bytesRead: number;
  rowsRead: number;
}

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  /** Test hook: a crash after this many data rows. */
  failAfterRows?: number;
}

/** Columns of the staging table, in COPY order. */
const STAGING_COLUMNS = [
  "row_number",
  "id",
  "cin",
  "first_name_latin",
  "last_name_latin",
  "first_name_ar",
  "last_name_ar",
  "sex",
  "birth_date",
  "phone",
  "region_code",
  "province_code",
  "commune",
  "address",
  "marital_status",
  "schooling_level",
  "disability_type",
  "disability_card_number",
  "situation_notes",
  "household_ref",
  "relationship",
  "search_latin",
  "search_latin_key",
  "search_arabic_key",
  "phone_key",
  "cells",
  "errors",
] as const;

const CREATE_STAGING = `CREATE TEMP TABLE person_import_staging (
  row_number integer NOT NULL, id uuid, ${STAGING_COLUMNS.slice(2, -2)
    .map((c) => `${c} text`)
    .join(", ")}, cells jsonb, errors jsonb) ON COMMIT DROP`;

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const NEEDS_ESCAPE = /[\\\t\n\r]/;
/** A value in COPY's text format. */
const copyValue = (v: string | number | null | undefined): string => {
  if (v === null || v === undefined) return "\\N";
  const s = String(v);
  return NEEDS_ESCAPE.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : s;
};

export async function runImport(
  deps: { db: Db; pool: pg.Pool },
  ctx: RequestContext,
  access: Access,
  jobId: string,
  file: ImportFile,
  opts: RunOptions = {},
): Promise<void> {
  const { db, pool } = deps;
  const progress: Progress = { status: "reading", bytesRead: 0, rowsRead: 0 };
  let saving: Promise<unknown> = Promise.resolve();
  // Progress goes through another connection: the import's own transaction is invisible until it commits.
  const save = () => {
    saving = saving.then(() =>
      db
        .update(personImports)
        .set({
          status: progress.status,
          bytesRead: progress.bytesRead,
          rowsRead: progress.rowsRead,
          updatedAt: sql`now()`,
        })
        .where(
          and(eq(personImports.id, jobId), inArray(personImports.status, ["received", "reading", "writing"])),
        )
        .catch(() => {}),
    );
    opts.onProgress?.({ ...progress });
  };
  const client = await pool.connect();
  const timer = setInterval(save, 500);
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [JOB_LOCK_CLASS, jobId]);
    save();
    const provinces = new Map<string, Province>(
      (
        await client.query<{ code: string; region_code: string }>("SELECT code, region_code FROM provinces")
      ).rows.map((r) => [r.code, { regionCode: r.region_code }]),
    );
    await client.query(CREATE_STAGING);
    const source = await openRows(file.path, file.format, file.encoding);
    let rejectedInFile = 0;
    // Search keys and name words are computed here, while PostgreSQL is busy with the COPY.
    const nameWords = new NameWordSet();

    async function* lines(): AsyncGenerator<string> {
      let indexes: Map<string, number> | undefined;
      let chunk = "";
      let inChunk = 0;
      for await (const { row, cells } of source.rows) {
        if (!indexes) {
          indexes = header(cells);
          continue;
        }
        const outcome = checkRow(row, cells, indexes, provinces, access);
        if (!outcome) continue;
        progress.rowsRead++;
        if (opts.failAfterRows !== undefined && progress.rowsRead > opts.failAfterRows)
          throw new Error(`test hook: crash after ${opts.failAfterRows} rows`);
        chunk += outcome.ok
          ? validLine(outcome.row, outcome.data, nameWords)
          : rejectedLine(outcome.row, outcome.cells, outcome.errors);
        if (!outcome.ok) rejectedInFile++;
        if (++inChunk === 500) {
          progress.bytesRead = source.bytesRead();
          yield chunk;
          chunk = "";
          inChunk = 0;
        }
      }
      if (!indexes) throw new AppError(422, "person_imports.empty_file");
      if (chunk) yield chunk;
      progress.bytesRead = source.bytesRead();
    }
    const copy = client.query(
      copyFrom(`COPY person_import_staging (${STAGING_COLUMNS.join(", ")}) FROM STDIN`),
    );
    await pipeline(Readable.from(lines()), copy);
    await client.query(NAME_WORDS_INSERT, nameWords.params());

    progress.status = "writing";
    save();
    await saving;
    const counts = await finishImport(client, jobId);
    await recordAudit(drizzle({ client }), ctx, {
      action: "person.import",
      entityType: "person_import",
      entityId: jobId,
      after: { rowsRead: progress.rowsRead, ...counts, rejectedInFile },
    });
    clearInterval(timer);
    await client.query(
      `UPDATE person_imports SET status = 'completed', bytes_read = size_bytes, rows_read = $2, rows_imported = $3,
         rows_rejected = $4, households_imported = $5, finished_at = now(), updated_at = now() WHERE id = $1`,
      [jobId, progress.rowsRead, counts.imported, counts.rejected, counts.households],
    );
    await client.query("COMMIT");
  } catch (err) {
    clearInterval(timer);
    await client.query("ROLLBACK").catch(() => {});
    await saving;
    const { code, params } = failure(err);
    await db
      .update(personImports)
      .set({
        status: "failed",
        errorCode: code,
        errorParams: params,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(personImports.id, jobId));
    // Nothing was written, but the attempt is part of the trail.
    await recordAudit(db, ctx, {
      action: "person.import_failed",
      entityType: "person_import",
      entityId: jobId,
      after: { error: code, rowsRead: progress.rowsRead },
    }).catch(() => {});
    throw err;
  } finally {
    clearInterval(timer);
    client.release();
  }
}

function header(cells: string[]): Map<string, number> {
  try {
    return columnIndexes(cells);
  } catch (err) {
    if (err instanceof MissingColumns)
      throw new AppError(422, "person_imports.missing_columns", { columns: err.keys });
    const issues = (err as { fieldErrors?: FieldIssue[] }).fieldErrors ?? [];
    const unknown = issues
      .filter((i) => i.code === "validation.unknown_column")
      .map((i) => String(i.params?.name));
    if (unknown.length)
      throw new AppError(422, "person_imports.unknown_columns", { names: unknown.join(", ") });
    throw err;
  }
}

function validLine(
  row: number,
  p: import("./beneficiaries.import.rows.ts").ImportedPerson & { regionCode: string },
  nameWords: NameWordSet,
) {
  const keys = personKeys(p);
  nameWords.add(keys);
  return `${[
    row,
    newId(),
    p.cin,
    p.firstNameLatin,
    p.lastNameLatin,
    p.firstNameAr,
    p.lastNameAr,
    p.sex,
    p.birthDate,
    p.phone,
    p.regionCode,
    p.provinceCode,
    p.commune,
    p.address,
    p.maritalStatus,
    p.schoolingLevel,
    p.disabilityType,
    p.disabilityCardNumber,
    p.situationNotes,
    p.householdRef,
    p.relationship,
    keys.searchLatin,
    keys.searchLatinKey,
    keys.searchArabicKey,
    keys.phoneKey,
    null,
    null,
  ]
    .map(copyValue)
    .join("\t")}\n`;
}

function rejectedLine(row: number, cells: Record<string, string>, errors: FieldIssue[]) {
  const reasons = errors.map((e) => ({
    column: e.path.split(".")[2] ?? "",
    code: e.code,
    params: e.params ?? {},
  }));
  const values: (string | number | null)[] = new Array(STAGING_COLUMNS.length).fill(null);
  values[0] = row;
  values[STAGING_COLUMNS.length - 2] = JSON.stringify(cells);
  values[STAGING_COLUMNS.length - 1] = JSON.stringify(reasons);
  return `${values.map(copyValue).join("\t")}\n`;
}

/** What the job row says about a failure: the error's code, or "interrupted" for anything unexpected. */
function failure(err: unknown): { code: string; params: Record<string, unknown> } {
  if (err instanceof AppError) return { code: err.code, params: err.params };
  const pgCode =
    (err as { code?: string; cause?: { code?: string } }).code ??
    (err as { cause?: { code?: string } }).cause?.code;
  if (pgCode === "23505") return { code: "person_imports.conflict", params: {} };
  return { code: "person_imports.interrupted", params: {} };
}
