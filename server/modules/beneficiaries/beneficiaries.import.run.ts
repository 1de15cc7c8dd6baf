import { and, eq, inArray, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { PERSON_IMPORT_RUNNING } from "../../../contracts/person-imports.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import type { ImportFormat } from "../../platform/import.ts";
import type { Access } from "../../platform/scope.ts";
import { ImportBatch } from "./beneficiaries.import.batch.ts";
import { deferRegistryIndexes } from "./beneficiaries.import.first-load.ts";
import { type FileEncoding, openRows } from "./beneficiaries.import.reader.ts";
import { checkRow, columnIndexes, MissingColumns, type Province } from "./beneficiaries.import.rows.ts";
import {
  CREATE_IMPORT_TABLES,
  countRejected,
  finishHouseholds,
  writeBatch,
} from "./beneficiaries.import.sql.ts";
import { personImports } from "./beneficiaries.import.table.ts";
import { NAME_WORDS_INSERT, NameWordSet } from "./beneficiaries.search-keys.ts";

/**
 * Runs one import job, all or nothing: on one connection and in one transaction, the rows are
 * read and checked in batches, given their search keys (TypeScript); each batch's CINs are
 * checked against the registry and the file's earlier rows (SQL), then its persons are
 * COPY'd into the registry and its rejected rows into the report. PostgreSQL writes a batch
 * while the next one is read and checked, so the two cores work at once. At the end, the
 * households, the name words of the search dictionary, one audit event, and the job marked
 * completed; once committed, the tables written are vacuumed and analysed. A crash anywhere
 * rolls everything back; the transaction-scoped advisory lock tells a reader that a job still
 * "running" has in fact died. A registry's first load builds the registry's indexes once, at
 * the end (beneficiaries.import.first-load.ts).
 */

export const JOB_LOCK_CLASS = 7013;

export interface ImportFile {
  path: string;
  format: ImportFormat;
  encoding: FileEncoding;
}

export interface Progress {
  status: "reading" | "writing" | "indexing";
  bytesRead: number;
  rowsRead: number;
  /** A first load's indexes built so far, of indexesTotal (0 of 0 otherwise). */
  indexesBuilt: number;
  indexesTotal: number;
  /** How far the index being built has got, 0 to 1. */
  indexShare: number;
}

/**
 * Progress of a job's current phase, 0 to 1: the share of the file read, then, while a first load
 * builds the registry's indexes (minutes at national scale), the share of them built, counting
 * the part built of the one in progress.
 */
export function phaseProgress(
  p: Omit<Progress, "status" | "rowsRead"> & { status: string },
  sizeBytes: number,
) {
  if (p.status === "completed") return 1;
  if (p.status === "indexing")
    return p.indexesTotal ? Math.min(1, (p.indexesBuilt + p.indexShare) / p.indexesTotal) : 0;
  return sizeBytes ? Math.min(1, p.bytesRead / sizeBytes) : 0;
}

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  /** Test hook: a crash after this many data rows. */
  failAfterRows?: number;
  /** Rows per batch (tests use tiny batches to cross their boundaries). */
  batchRows?: number;
  /** The registry's first load: its indexes built once at the end (beneficiaries.import.first-load.ts). */
  firstLoad?: boolean;
}

/** Enough rows per batch that its statements cost little beside its rows (~5 MB of COPY text). */
const BATCH_ROWS = 20_000;

export async function runImport(
  deps: { db: Db; pool: pg.Pool },
  ctx: RequestContext,
  access: Access,
  jobId: string,
  file: ImportFile,
  opts: RunOptions = {},
): Promise<void> {
  const { db, pool } = deps;
  const progress: Progress = {
    status: "reading",
    bytesRead: 0,
    rowsRead: 0,
    indexesBuilt: 0,
    indexesTotal: 0,
    indexShare: 0,
  };
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
          indexesBuilt: progress.indexesBuilt,
          indexesTotal: progress.indexesTotal,
          indexShare: progress.indexShare,
          updatedAt: sql`now()`,
        })
        .where(and(eq(personImports.id, jobId), inArray(personImports.status, [...PERSON_IMPORT_RUNNING])))
        .catch(() => {}),
    );
    opts.onProgress?.({ ...progress });
  };
  const client = await pool.connect();
  const timer = setInterval(save, 500);
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [JOB_LOCK_CLASS, jobId]);
    const rebuildIndexes = opts.firstLoad ? await deferRegistryIndexes(client, db) : undefined;
    save();
    const provinces = new Map<string, Province>(
      (
        await client.query<{ code: string; region_code: string }>("SELECT code, region_code FROM provinces")
      ).rows.map((r) => [r.code, { regionCode: r.region_code }]),
    );
    await client.query(CREATE_IMPORT_TABLES);
    const source = await openRows(file.path, file.format, file.encoding);
    // Search keys and name words are computed here, while PostgreSQL writes the previous batch.
    const nameWords = new NameWordSet();
    const batchRows = opts.batchRows ?? BATCH_ROWS;

    async function* batches(): AsyncGenerator<ImportBatch> {
      let indexes: Map<string, number> | undefined;
      let batch = new ImportBatch(jobId, nameWords);
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
        batch.add(outcome);
        // Parsing a buffered chunk of the file runs on microtasks only: let the connection's
        // replies in now and then, or PostgreSQL would wait for the whole chunk between two steps of a write.
        if (progress.rowsRead % 256 === 0) await new Promise(setImmediate);
        if (batch.size === batchRows) {
          progress.bytesRead = source.bytesRead();
          yield batch;
          batch = new ImportBatch(jobId, nameWords);
        }
      }
      if (!indexes) throw new AppError(422, "person_imports.empty_file");
      if (batch.size) yield batch;
      progress.bytesRead = source.bytesRead();
    }

    let imported = 0;
    let rejectedInFile = 0;
    await writeWhileReading(batches(), async (batch) => {
      imported += await writeBatch(client, batch);
      rejectedInFile += batch.rejectedByChecks;
    });
    await client.query(NAME_WORDS_INSERT, nameWords.params());

    progress.status = "writing";
    save();
    await saving;
    const households = await finishHouseholds(client, jobId);
    if (rebuildIndexes) {
      progress.status = "indexing";
      await rebuildIndexes((built, total, share) => {
        progress.indexesBuilt = built;
        progress.indexesTotal = total;
        progress.indexShare = share;
        save();
      });
    }
    const counts = {
      imported: imported - households.removed,
      rejected: await countRejected(client, jobId),
      households: households.households,
    };
    await recordAudit(drizzle({ client }), ctx, {
      action: "person.import",
      entityType: "person_import",
      entityId: jobId,
      after: { rowsRead: progress.rowsRead, ...counts, rejectedInFile, firstLoad: Boolean(rebuildIndexes) },
    });
    clearInterval(timer);
    await client.query(
      `UPDATE person_imports SET status = 'completed', bytes_read = size_bytes, rows_read = $2, rows_imported = $3,
         rows_rejected = $4, households_imported = $5, finished_at = now(), updated_at = now() WHERE id = $1`,
      [jobId, progress.rowsRead, counts.imported, counts.rejected, counts.households],
    );
    await client.query("COMMIT");
    await refreshTableFacts(client);
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

/**
 * Once an import has committed: VACUUM (ANALYZE) of the tables it wrote, so that the planner knows
 * the registry's new size and names, and the name search's index-only scans need not visit the
 * table for the new rows. Autovacuum gets there only once a fifth of a table has changed (a
 * million persons at national scale). Measured after 400,000 persons were imported into the
 * national registry: the name search's statements p95 42.6 ms, 30.9 ms once vacuumed (3.5 s).
 * Nothing fails here: the import is committed.
 */
async function refreshTableFacts(client: pg.PoolClient) {
  await client.query("VACUUM (ANALYZE) persons, households, household_members").catch(() => {});
}

/** Writes each batch while the next one is read and checked: at most one write in flight. */
async function writeWhileReading<T>(items: AsyncIterable<T>, write: (item: T) => Promise<void>) {
  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const item of items) {
      await writing;
      writing = write(item);
      // A failed write surfaces at the next await; until then it must not count as unhandled.
      writing.catch(() => {});
    }
  } finally {
    // Never leave a write running on the connection the caller is about to roll back.
    await writing.catch(() => {});
  }
  await writing;
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

/** What the job row says about a failure: the error's code, or "interrupted" for anything unexpected. */
function failure(err: unknown): { code: string; params: Record<string, unknown> } {
  if (err instanceof AppError) return { code: err.code, params: err.params };
  const pgCode =
    (err as { code?: string; cause?: { code?: string } }).code ??
    (err as { cause?: { code?: string } }).cause?.code;
  if (pgCode === "23505") return { code: "person_imports.conflict", params: {} };
  return { code: "person_imports.interrupted", params: {} };
}
