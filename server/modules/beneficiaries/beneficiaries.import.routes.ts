import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, Locale } from "../../../contracts/common.ts";
import {
  PERSON_IMPORT_KEYS,
  PERSON_IMPORT_MAX_BYTES,
  PersonImport,
  PersonImportList,
  PersonImportQuery,
  PersonImportReceipt,
} from "../../../contracts/person-imports.ts";
import { contextOf } from "../../platform/context.ts";
import { sendExport } from "../../platform/export.ts";
import { XLSX_TYPE } from "../../platform/import.ts";
import { rejectedColumns, rejectedFileName } from "./beneficiaries.import.report.ts";
import { type PersonImportService, tooLarge } from "./beneficiaries.import.service.ts";

/** Content types an upload may carry (browsers label .csv files in several ways); the bytes decide CSV or XLSX. */
const UPLOAD_TYPES = [
  "text/csv",
  "application/csv",
  "text/plain",
  "application/vnd.ms-excel",
  "application/octet-stream",
  XLSX_TYPE,
];

const UploadQuery = PersonImportQuery.extend({
  /** "true": answer when the import has ended rather than as soon as it has started. */
  wait: z.enum(["true", "false"]).optional(),
});

export function personImportRoutes(service: PersonImportService) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["person-imports"];
    // The body stays a stream: it is written to a work file as it arrives, never held in memory.
    app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    app.addHook("onClose", () => service.whenIdle());

    app.post(
      "/person-imports",
      {
        schema: {
          tags,
          summary:
            "Import persons from a CSV (UTF-8, UTF-16 or Windows-1256) or XLSX file sent as the request body",
          description: `Streams the file, checks every row against the person rules, rejects CINs already registered or repeated in the file, and writes everything in one transaction or nothing. Answers 202 with the job (poll GET /person-imports/{id}), or 200 with \`alreadyImported\` when this exact file (same SHA-256) was imported before. Files over ${PERSON_IMPORT_MAX_BYTES / 1024 ** 2} MiB are refused (413) from their Content-Length, before being read. Columns: ${PERSON_IMPORT_KEYS.join(", ")} (or their labels in French, Arabic or English).`,
          querystring: UploadQuery,
          response: { 200: PersonImportReceipt, 202: PersonImportReceipt },
        },
        // Refuse early: permission and announced size are known before a byte of the body is read.
        onRequest: async (request: FastifyRequest) => {
          service.authorize(contextOf(request));
          const declared = Number(request.headers["content-length"] ?? 0);
          if (declared > service.maxBytes) throw tooLarge(service.maxBytes);
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const received = await service.receive(request.body as NodeJS.ReadableStream);
        const { job, alreadyImported, done } = await service.start(
          ctx,
          {
            ...received,
            fileName: request.query.fileName ?? `import.${received.format}`,
            encoding: request.query.encoding,
          },
          request.locale,
        );
        if (alreadyImported) return reply.status(200).send({ job, alreadyImported });
        if (request.query.wait === "true")
          return reply.status(200).send({ job: await done, alreadyImported });
        return reply.status(202).send({ job, alreadyImported });
      },
    );

    app.get(
      "/person-imports",
      {
        schema: { tags, summary: "The caller's latest person imports", response: { 200: PersonImportList } },
      },
      (request) => service.list(contextOf(request), request.locale),
    );

    app.get(
      "/person-imports/:id",
      {
        schema: {
          tags,
          summary: "Status, progress and counts of a person import",
          params: IdParams,
          response: { 200: PersonImport },
        },
      },
      (request) => service.get(contextOf(request), request.params.id, request.locale),
    );

    app.get(
      "/person-imports/:id/rejected.csv",
      {
        schema: {
          tags,
          summary:
            "The rejected rows with their reasons, as CSV (UTF-8 with BOM); once corrected, the file imports as is",
          params: IdParams,
          // A download link cannot set Accept-Language: the page names its language here.
          querystring: z.strictObject({ lang: Locale.optional() }),
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const locale = request.query.lang ?? request.locale;
        const rows = service.rejections(ctx, request.params.id);
        const first = await rows.next(); // 404 before any byte is sent
        async function* all() {
          if (!first.done) yield first.value;
          yield* rows;
        }
        return sendExport(reply, {
          format: "csv",
          filename: rejectedFileName(locale),
          columns: rejectedColumns(locale),
          rows: all(),
        });
      },
    );
  };
}
