import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type pg from "pg";
import type { Locale } from "../../../contracts/common.ts";
import {
  PERSON_IMPORT_MAX_BYTES,
  PERSON_IMPORT_RUNNING,
  type PersonImport,
} from "../../../contracts/person-imports.ts";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, systemContext } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { AppError } from "../../platform/errors.ts";
import { t } from "../../platform/i18n.ts";
import { newId } from "../../platform/ids.ts";
import type { ImportFormat } from "../../platform/import.ts";
import { accessFor } from "../../platform/scope.ts";
import type { FileEncoding } from "./beneficiaries.import.reader.ts";
import { columnLabel } from "./beneficiaries.import.rows.ts";
import { JOB_LOCK_CLASS, phaseProgress, type RunOptions, runImport } from "./beneficiaries.import.run.ts";
import { personImportRejections, personImports } from "./beneficiaries.import.table.ts";
import { NATIONAL } from "./beneficiaries.registration.ts";

/**
 * Bulk import of persons, the one path the API, the CLI and the benchmark share: the file is
 * first saved to a work file while its sha256 is computed (a file already imported changes
 * nothing), then a job runs it (beneficiaries.import.run.ts) and reports its progress.
 */

type JobRow = typeof personImports.$inferSelect;

export const tooLarge = (max = PERSON_IMPORT_MAX_BYTES) =>
  new AppError(413, "person_imports.too_large", { max: Math.round(max / 1024 ** 2) });

export interface ReceivedFile {
  path: string;
  sha256: string;
  sizeBytes: number;
  format: ImportFormat;
}

export function createPersonImportService(deps: { db: Db; workDir?: string; maxBytes?: number }) {
  const { db } = deps;
  const maxBytes = deps.maxBytes ?? PERSON_IMPORT_MAX_BYTES;
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const workDir = deps.workDir ?? path.join(os.tmpdir(), "jisr-imports");
  const running = new Map<string, Promise<void>>();

  /** Who may see a job: its author, or whoever holds persons.import nationally. */
  function visible(ctx: RequestContext, job: JobRow) {
    if (!ctx.actor) return true;
    return accessFor(ctx.actor, "persons.import").national || job.createdBy === ctx.actor.userId;
  }

  /** A job still "running" whose transaction lock is free has died with its process: say so. */
  async function settle(job: JobRow): Promise<JobRow> {
    if (!(PERSON_IMPORT_RUNNING as readonly string[]).includes(job.status) || running.has(job.id)) return job;
    if (job.status === "received" && Date.now() - Date.parse(job.createdAt) < 60_000) return job;
    const dead = await db.transaction(async (tx) => {
      const r = await tx.execute<{ free: boolean }>(
        sql`SELECT pg_try_advisory_xact_lock(${JOB_LOCK_CLASS}, hashtext(${job.id})) AS free`,
      );
      return Boolean(r.rows[0]?.free);
    });
    if (!dead) return job;
    const [updated] = await db
      .update(personImports)
      .set({
        status: "failed",
        errorCode: "person_imports.interrupted",
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(personImports.id, job.id), inArray(personImports.status, [...PERSON_IMPORT_RUNNING])))
      .returning();
    if (updated)
      await recordAudit(db, systemContext(), {
        action: "person.import_failed",
        entityType: "person_import",
        entityId: job.id,
        after: { error: "person_imports.interrupted", rowsRead: job.rowsRead },
      });
    return updated ?? job;
  }

  function view(job: JobRow, locale: Locale): PersonImport {
    const params = { ...((job.errorParams as Record<string, unknown> | null) ?? {}) };
    if (Array.isArray(params.columns))
      params.columns = (params.columns as string[]).map((k) => columnLabel(locale, k)).join(", ");
    return {
      id: job.id,
      fileName: job.fileName,
      format: job.format as ImportFormat,
      sizeBytes: job.sizeBytes,
      sha256: job.sha256,
      status: job.status,
      progress: phaseProgress(job, job.sizeBytes),
      rowsRead: job.rowsRead,
      rowsImported: job.rowsImported,
      rowsRejected: job.rowsRejected,
      householdsImported: job.householdsImported,
      error: job.errorCode
        ? { code: job.errorCode, message: t(locale, `errors.${job.errorCode}`, params) }
        : null,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
    };
  }

  async function find(ctx: RequestContext, id: string): Promise<JobRow> {
    const [job] = await db.select().from(personImports).where(eq(personImports.id, id));
    if (!job || !visible(ctx, job)) throw new AppError(404, "person_imports.not_found");
    return settle(job);
  }

  return {
    workDir,
    maxBytes,

    /** A file already on disk (the CLI): hashed in place, not copied; refused from its size before reading. */
    async fromPath(file: string): Promise<ReceivedFile> {
      const { size } = await stat(file);
      if (size > maxBytes) throw tooLarge(maxBytes);
      if (!size) throw new AppError(422, "person_imports.empty_file");
      const hash = createHash("sha256");
      let head: Buffer | undefined;
      for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
        head ??= (chunk as Buffer).subarray(0, 4);
        hash.update(chunk as Buffer);
      }
      return { path: file, sha256: hash.digest("hex"), sizeBytes: size, format: formatOf(head) };
    },

    /** Checks the caller may import at all (before an upload is read). */
    authorize(ctx: RequestContext) {
      if (ctx.actor) accessFor(ctx.actor, "persons.import");
    },

    /** Saves an upload to a work file while hashing it; past the size limit it stops and refuses. */
    async receive(stream: NodeJS.ReadableStream): Promise<ReceivedFile> {
      await mkdir(workDir, { recursive: true });
      const file = path.join(workDir, `${newId()}.upload`);
      const hash = createHash("sha256");
      let size = 0;
      let head: Buffer | undefined;
      const meter = new Transform({
        transform(chunk: Buffer, _e, done) {
          size += chunk.length;
          if (size > maxBytes) return done(tooLarge(maxBytes));
          head ??= chunk.subarray(0, 4);
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(stream, meter, createWriteStream(file));
      } catch (err) {
        await rm(file, { force: true });
        if (err instanceof AppError) throw err;
        throw new AppError(400, "person_imports.upload_interrupted");
      }
      if (!size) {
        await rm(file, { force: true });
        throw new AppError(422, "person_imports.empty_file");
      }
      return { path: file, sha256: hash.digest("hex"), sizeBytes: size, format: formatOf(head) };
    },

    /**
     * Starts an import of a received file. The same file already imported answers the earlier
     * job (nothing changes); the same file still being imported answers 409; else a new job runs
     * and `done` settles when it ends. The work file is removed in every case.
     */
    async start(
      ctx: RequestContext,
      file: ReceivedFile & { fileName: string; encoding: FileEncoding; keepFile?: boolean },
      locale: Locale,
      opts: RunOptions = {},
    ): Promise<{ job: PersonImport; alreadyImported: boolean; done: Promise<PersonImport> }> {
      const access = ctx.actor ? accessFor(ctx.actor, "persons.import") : NATIONAL;
      const cleanup = () => (file.keepFile ? Promise.resolve() : rm(file.path, { force: true }));
      try {
        const earlier = await db
          .select()
          .from(personImports)
          .where(
            and(
              eq(personImports.sha256, file.sha256),
              inArray(personImports.status, ["completed", ...PERSON_IMPORT_RUNNING]),
            ),
          );
        const completed = earlier.find((j) => j.status === "completed");
        if (completed) {
          await cleanup();
          const job = view(completed, locale);
          return { job, alreadyImported: true, done: Promise.resolve(job) };
        }
        for (const j of earlier)
          if ((PERSON_IMPORT_RUNNING as readonly string[]).includes((await settle(j)).status))
            throw new AppError(409, "person_imports.in_progress");
      } catch (err) {
        await cleanup();
        throw err;
      }
      const [job] = await db
        .insert(personImports)
        .values({
          fileName: file.fileName,
          format: file.format,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          createdBy: ctx.actor?.userId ?? null,
        })
        .returning();
      if (!job) throw new Error("import job not created");
      const run = runImport({ db, pool }, ctx, access, job.id, file, opts)
        .catch(() => {})
        .finally(() => {
          running.delete(job.id);
          return cleanup();
        });
      running.set(job.id, run);
      const done = run.then(async () => view(await find(ctx, job.id), locale));
      return { job: view(job, locale), alreadyImported: false, done };
    },

    async get(ctx: RequestContext, id: string, locale: Locale) {
      return view(await find(ctx, id), locale);
    },

    /** The caller's latest imports (all of them for national importers). */
    async list(ctx: RequestContext, locale: Locale) {
      const own = ctx.actor && !accessFor(ctx.actor, "persons.import").national;
      const rows = await db
        .select()
        .from(personImports)
        .where(own && ctx.actor ? eq(personImports.createdBy, ctx.actor.userId) : undefined)
        .orderBy(desc(personImports.createdAt))
        .limit(20);
      return { items: await Promise.all(rows.map(async (r) => view(await settle(r), locale))) };
    },

    /** The rejected rows of a job, in file order, read in pages so a large report streams. */
    async *rejections(ctx: RequestContext, id: string) {
      await find(ctx, id);
      let after = 0;
      for (;;) {
        const page = await db
          .select()
          .from(personImportRejections)
          .where(and(eq(personImportRejections.importId, id), gt(personImportRejections.rowNumber, after)))
          .orderBy(asc(personImportRejections.rowNumber))
          .limit(1000);
        for (const r of page)
          yield {
            row: r.rowNumber,
            cells: r.cells as Record<string, string>,
            errors: r.errors as { column: string; code: string; params: Record<string, unknown> }[],
          };
        if (page.length < 1000) return;
        after = page[page.length - 1]?.rowNumber ?? after;
      }
    },

    /** Resolves when no import of this process is running (shutdown, tests). */
    async whenIdle() {
      await Promise.all([...running.values()]);
    },
  };
}

/** An XLSX file is a zip ("PK\x03\x04"); anything else is read as CSV. */
function formatOf(head: Buffer | undefined): ImportFormat {
  return head && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04
    ? "xlsx"
    : "csv";
}

export type PersonImportService = ReturnType<typeof createPersonImportService>;
