import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { PERSON_IMPORT_STATUSES } from "../../../contracts/person-imports.ts";
import { idColumn, now, tz } from "../../platform/columns.ts";
import { users } from "../access/access.table.ts";

export const personImportStatusEnum = pgEnum("person_import_status", PERSON_IMPORT_STATUSES);

/**
 * One bulk import of persons (a CSV or XLSX file): its progress while it runs, its counts
 * when done. A file (by sha256) is completed at most once, enforced by a partial unique
 * index, so re-sending a file already imported changes nothing. The job row turns
 * "completed" in the same transaction that writes the persons: both or neither.
 */
export const personImports = pgTable(
  "person_imports",
  {
    id: idColumn(),
    fileName: text("file_name").notNull(),
    format: text("format").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    status: personImportStatusEnum("status").notNull().default("received"),
    bytesRead: bigint("bytes_read", { mode: "number" }).notNull().default(0),
    rowsRead: integer("rows_read").notNull().default(0),
    rowsImported: integer("rows_imported").notNull().default(0),
    rowsRejected: integer("rows_rejected").notNull().default(0),
    householdsImported: integer("households_imported").notNull().default(0),
    /** A first load's progress once every row is in: its indexes built, of how many. */
    indexesBuilt: integer("indexes_built").notNull().default(0),
    indexesTotal: integer("indexes_total").notNull().default(0),
    /** How far the index being built is, 0 to 1 (the largest take tens of seconds at national scale). */
    indexShare: real("index_share").notNull().default(0),
    /** Why a failed import stopped (a key under errors.), with its message parameters. */
    errorCode: text("error_code"),
    errorParams: jsonb("error_params"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: tz("created_at").notNull().default(now),
    updatedAt: tz("updated_at").notNull().default(now),
    finishedAt: tz("finished_at"),
  },
  (t) => [
    uniqueIndex("person_imports_completed_sha_idx").on(t.sha256).where(sql`${t.status} = 'completed'`),
    index("person_imports_sha_idx").on(t.sha256),
    index("person_imports_created_by_idx").on(t.createdBy, t.createdAt),
  ],
);

/** The rows an import left out, with the reasons, for the downloadable report. */
export const personImportRejections = pgTable(
  "person_import_rejections",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => personImports.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    /** The row as read, by column key. */
    cells: jsonb("cells").notNull(),
    /** [{ column, code, params }]: translated when the report is downloaded. */
    errors: jsonb("errors").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);
