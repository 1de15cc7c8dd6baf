import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { Db } from "../../platform/database.ts";
import type { Client } from "../../platform/testing.ts";
import { organizations } from "../organizations/index.ts";

/** Shared set-up of the conventions tests: organisations, conventions, multipart uploads. */

export async function org(
  db: Db,
  nameFr: string,
  type: "partner" | "local_authority" | "agency" = "partner",
) {
  const [row] = await db.insert(organizations).values({ type, nameFr }).returning({ id: organizations.id });
  return row?.id as string;
}

let seq = 0;
export const ref = () => `CONV-T-${++seq}-${randomBytes(3).toString("hex")}`;

export async function createConvention(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post("/api/v1/conventions", {
    reference: ref(),
    titleFr: `Convention test ${seq}`,
    type: "framework",
    status: "signed",
    signedOn: "2024-03-05",
    startDate: "2024-01-01",
    endDate: "2027-12-31",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A multipart/form-data body with one `file` part, as a browser sends it (raw UTF-8 name). */
export function multipart(fileName: string, mediaType: string, content: Buffer) {
  const boundary = `----jisr${randomBytes(8).toString("hex")}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
      "utf8",
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export function upload(
  client: Client,
  conventionId: string,
  fileName: string,
  mediaType: string,
  content: Buffer,
) {
  const { payload, headers } = multipart(fileName, mediaType, content);
  return client.request("POST", `/api/v1/conventions/${conventionId}/documents`, payload, headers);
}

/** The first bytes of a real PDF are enough for the type check. */
export const PDF_BYTES = Buffer.from("%PDF-1.4\n% test document\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
