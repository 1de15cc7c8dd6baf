import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, now, tz } from "./columns.ts";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * Uploaded documents (convention documents, proposal attachments…), kept in
 * the database so every instance serves them and backups hold them. The owner
 * is named by type and id; the owning module checks access before serving.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: idColumn(),
    ownerType: text("owner_type").notNull(),
    ownerId: uuid("owner_id").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by"),
    createdAt: tz("created_at").notNull().default(now),
  },
  (t) => [
    index("stored_files_owner_idx").on(t.ownerType, t.ownerId, t.createdAt),
    check("stored_files_size_check", sql`${t.sizeBytes} >= 0`),
  ],
);
