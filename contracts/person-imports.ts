import { z } from "zod";
import { Id } from "./common.ts";

/** Bulk import of persons from a CSV or XLSX file: the job, its progress and its outcome. */

/**
 * A job's phases: received, reading (rows checked and written), writing (households, commit),
 * indexing (a first load only: the registry's indexes built), then completed or failed.
 */
export const PERSON_IMPORT_STATUSES = [
  "received",
  "reading",
  "writing",
  "indexing",
  "completed",
  "failed",
] as const;
export const PersonImportStatus = z.enum(PERSON_IMPORT_STATUSES);
export type PersonImportStatus = z.infer<typeof PersonImportStatus>;
/** The statuses of a job still running (or that died running: its lock says which). */
export const PERSON_IMPORT_RUNNING = ["received", "reading", "writing", "indexing"] as const;

/** Largest file accepted: refused from its announced size, before it is read. */
export const PERSON_IMPORT_MAX_BYTES = 1024 * 1024 * 1024;

/** Encodings a CSV may come in; "auto" reads UTF-8 (with or without BOM) and UTF-16 with its BOM. */
export const PERSON_IMPORT_ENCODINGS = ["auto", "windows-1256"] as const;

/**
 * Columns of the file, by key (headers may also be their label in French, Arabic or English).
 * `householdRef` groups the rows of one household inside the file; `relationship` says each
 * member's link to its head (exactly one `head` per household).
 */
export const PERSON_IMPORT_KEYS = [
  "cin",
  "lastNameLatin",
  "firstNameLatin",
  "lastNameAr",
  "firstNameAr",
  "sex",
  "birthDate",
  "phone",
  "regionCode",
  "provinceCode",
  "commune",
  "address",
  "maritalStatus",
  "schoolingLevel",
  "disabilityType",
  "disabilityCardNumber",
  "situationNotes",
  "householdRef",
  "relationship",
] as const;
export type PersonImportKey = (typeof PERSON_IMPORT_KEYS)[number];
export const PERSON_IMPORT_REQUIRED: readonly PersonImportKey[] = [
  "lastNameLatin",
  "firstNameLatin",
  "sex",
  "birthDate",
  "provinceCode",
];

export const PersonImportQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(255).optional(),
  encoding: z.enum(PERSON_IMPORT_ENCODINGS).default("auto"),
});
export type PersonImportQuery = z.infer<typeof PersonImportQuery>;

export const PersonImport = z.object({
  id: Id,
  fileName: z.string(),
  format: z.enum(["csv", "xlsx"]),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  status: PersonImportStatus,
  /**
   * Progress of the current phase, 0 to 1 (the processing progress bar): the share of the file
   * read, then, while indexing, the share of the registry's indexes built (the one in progress
   * counted for the part PostgreSQL reports built).
   */
  progress: z.number(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  householdsImported: z.number().int(),
  /** Why it failed (nothing was written), in the reader's language. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type PersonImport = z.infer<typeof PersonImport>;

/** Answer to an upload: the job, and whether this very file had already been imported (then nothing changed). */
export const PersonImportReceipt = z.object({ job: PersonImport, alreadyImported: z.boolean() });
export type PersonImportReceipt = z.infer<typeof PersonImportReceipt>;

export const PersonImportList = z.object({ items: z.array(PersonImport) });
