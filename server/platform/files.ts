import { createHash } from "node:crypto";
import multipart from "@fastify/multipart";
import { and, desc, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Queryable } from "./database.ts";
import { AppError } from "./errors.ts";
import { storedFiles } from "./files.table.ts";

/**
 * Uploaded documents, kept in PostgreSQL (stored_files) so every instance serves them and
 * backups hold them. Generic: the owner is a type and an id (a convention, a proposal…);
 * the owning module checks that the caller reaches the owner, writes the audit event and
 * calls these functions inside its transaction.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Documents people exchange about partnerships: PDF, images, office files, plain text. */
export const ALLOWED_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/webp": ["webp"],
  "application/msword": ["doc"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.ms-excel": ["xls"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.ms-powerpoint": ["ppt"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
  "text/plain": ["txt"],
  "text/csv": ["csv"],
};

const EXTENSION_TYPES = new Map(
  Object.entries(ALLOWED_MEDIA_TYPES).flatMap(([type, exts]) => exts.map((e) => [e, type] as const)),
);

/**
 * The first bytes of the formats that have a signature: a file named .pdf that is not a PDF
 * is refused, so a download never serves something else under a trusted type.
 */
const SIGNATURES: Record<string, readonly number[][]> = {
  "application/pdf": [[0x25, 0x50, 0x44, 0x46]],
  "image/png": [[0x89, 0x50, 0x4e, 0x47]],
  "image/jpeg": [[0xff, 0xd8, 0xff]],
  "image/webp": [[0x52, 0x49, 0x46, 0x46]],
  // OOXML and OpenDocument files are ZIP archives; the old Office formats are OLE compound files.
  zip: [[0x50, 0x4b, 0x03, 0x04]],
  ole: [[0xd0, 0xcf, 0x11, 0xe0]],
};
const signatureOf = (type: string) =>
  SIGNATURES[type] ??
  (type.includes("openxmlformats") || type.includes("opendocument")
    ? SIGNATURES.zip
    : type.startsWith("application/vnd.ms-") || type === "application/msword"
      ? SIGNATURES.ole
      : undefined);

export interface Upload {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

export interface StoredFileInfo {
  id: string;
  ownerType: string;
  ownerId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: string;
}

const tooLarge = () => new AppError(413, "files.too_large", { max: MAX_FILE_BYTES / 1024 ** 2 });
const unsupported = () =>
  new AppError(415, "files.unsupported_media_type", {
    allowed: [...new Set(Object.values(ALLOWED_MEDIA_TYPES).flat())].join(", "),
  });

/** Call inside the owning module's routes plugin: multipart bodies are parsed there only. */
export async function registerUploads(app: FastifyInstance) {
  await app.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    // Passed on to busboy (not in the plugin's types): browsers send the file name as raw
    // UTF-8, which busboy would read as Latin-1 and garble an Arabic name.
    ...({ defParamCharset: "utf8" } as object),
  });
}

/** The OpenAPI description of an upload body (one `file` part). */
export const uploadBodySchema = {
  consumes: ["multipart/form-data"],
  description: `One part named \`file\`, at most ${MAX_FILE_BYTES / 1024 ** 2} MB: PDF, image (PNG, JPEG, WebP), Word, Excel, PowerPoint, OpenDocument, text or CSV.`,
} as const;

/** Reads the one file of a multipart request, checking its size and type; nothing is stored yet. */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError(415, "files.multipart_expected");
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await request.file();
  } catch (err) {
    throw uploadError(err);
  }
  if (!part) throw new AppError(400, "files.missing");
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (err) {
    throw uploadError(err);
  }
  if (part.file.truncated) throw tooLarge();
  const fileName = cleanFileName(part.filename);
  if (!fileName) throw new AppError(400, "files.missing");
  if (!content.length) throw new AppError(400, "files.empty");
  return { fileName, mediaType: mediaTypeOf(fileName, part.mimetype, content), content };
}

function uploadError(err: unknown): AppError {
  const code = (err as { code?: string }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_PARTS_LIMIT" || code === "FST_FILES_LIMIT")
    return code === "FST_REQ_FILE_TOO_LARGE" ? tooLarge() : new AppError(400, "files.one_file");
  if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") return new AppError(415, "files.multipart_expected");
  return new AppError(400, "files.unreadable");
}

/** The type a file is stored with: decided by its extension, matching what the browser said and its first bytes. */
export function mediaTypeOf(fileName: string, declared: string, content: Buffer): string {
  const ext = fileName.includes(".") ? fileName.split(".").pop()?.toLowerCase() : undefined;
  const type = ext ? EXTENSION_TYPES.get(ext) : undefined;
  if (!type) throw unsupported();
  // Browsers send application/octet-stream for types they do not know (.odt on some systems).
  const declaredType = declared.split(";")[0]?.trim().toLowerCase() ?? "";
  if (declaredType && declaredType !== "application/octet-stream" && declaredType !== type) {
    const sameFamily =
      type === "text/csv" && ["text/plain", "application/vnd.ms-excel"].includes(declaredType);
    if (!sameFamily) throw unsupported();
  }
  const signatures = signatureOf(type);
  if (signatures && !signatures.some((sig) => sig.every((b, i) => content[i] === b))) throw unsupported();
  return type;
}

/** Keeps the name a person gave (Arabic included), without a path or control characters. */
export function cleanFileName(name: string | undefined): string {
  return (
    (name ?? "")
      .split(/[\\/]/)
      .pop()
      ?.replace(/\p{Cc}/gu, "")
      .trim()
      .slice(-200) ?? ""
  );
}

const infoColumns = {
  id: storedFiles.id,
  ownerType: storedFiles.ownerType,
  ownerId: storedFiles.ownerId,
  fileName: storedFiles.fileName,
  mediaType: storedFiles.mediaType,
  sizeBytes: storedFiles.sizeBytes,
  sha256: storedFiles.sha256,
  uploadedBy: storedFiles.uploadedBy,
  createdAt: storedFiles.createdAt,
};

export interface Owner {
  type: string;
  id: string;
}

export async function storeFile(
  tx: Queryable,
  owner: Owner,
  upload: Upload,
  uploadedBy: string | null,
): Promise<StoredFileInfo> {
  const [row] = await tx
    .insert(storedFiles)
    .values({
      ownerType: owner.type,
      ownerId: owner.id,
      fileName: upload.fileName,
      mediaType: upload.mediaType,
      sizeBytes: upload.content.length,
      sha256: createHash("sha256").update(upload.content).digest("hex"),
      content: upload.content,
      uploadedBy,
    })
    .returning(infoColumns);
  return row as StoredFileInfo;
}

/** The owner's files, newest first, without their content. */
export function listFiles(q: Queryable, owner: Owner): Promise<StoredFileInfo[]> {
  return q
    .select(infoColumns)
    .from(storedFiles)
    .where(and(eq(storedFiles.ownerType, owner.type), eq(storedFiles.ownerId, owner.id)))
    .orderBy(desc(storedFiles.createdAt), desc(storedFiles.id));
}

/** One file of the owner with its content; undefined if it belongs to another owner. */
export async function findFile(q: Queryable, owner: Owner, fileId: string) {
  const [row] = await q
    .select({ ...infoColumns, content: storedFiles.content })
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.id, fileId),
        eq(storedFiles.ownerType, owner.type),
        eq(storedFiles.ownerId, owner.id),
      ),
    );
  return row;
}

export async function deleteFile(tx: Queryable, owner: Owner, fileId: string) {
  const [row] = await tx
    .delete(storedFiles)
    .where(
      and(
        eq(storedFiles.id, fileId),
        eq(storedFiles.ownerType, owner.type),
        eq(storedFiles.ownerId, owner.id),
      ),
    )
    .returning(infoColumns);
  return row;
}

/** Deletes every file of an owner (when the owner itself is deleted). */
export async function deleteOwnerFiles(tx: Queryable, owner: Owner) {
  await tx
    .delete(storedFiles)
    .where(and(eq(storedFiles.ownerType, owner.type), eq(storedFiles.ownerId, owner.id)));
}

/** `attachment; filename="ascii"; filename*=UTF-8''…`: browsers keep the real (Arabic) name. */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment") {
  const ascii = fileName.normalize("NFKD").replace(/[^\w.() -]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Sends a stored file as a download with its type and name. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { fileName: string; mediaType: string; content: Buffer; sha256: string },
) {
  return reply
    .header(
      "content-type",
      file.mediaType.startsWith("text/") ? `${file.mediaType}; charset=utf-8` : file.mediaType,
    )
    .header("content-disposition", contentDisposition(file.fileName))
    .header("cache-control", "private, no-store")
    .header("etag", `"${file.sha256}"`)
    .send(file.content);
}
