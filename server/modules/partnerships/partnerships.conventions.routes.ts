import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { today } from "../../../contracts/calendar.ts";
import { IdParams, Ok, VersionBody } from "../../../contracts/common.ts";
import {
  AxisBody,
  AxisParams,
  Convention,
  ConventionDocument,
  ConventionExportQuery,
  ConventionList,
  ConventionListQuery,
  type ConventionSummary,
  CreateConventionBody,
  DocumentParams,
  PartyBody,
  PartyParams,
  TargetBody,
  TargetParams,
  UpdateAxisBody,
  UpdateConventionBody,
  UpdatePartyBody,
  UpdateTargetBody,
} from "../../../contracts/conventions.ts";
import { contextOf } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { type ExportColumn, sendExport } from "../../platform/export.ts";
import { readUpload, registerUploads, sendStoredFile, uploadBodySchema } from "../../platform/files.ts";
import { t } from "../../platform/i18n.ts";
import { sendPdf } from "../../platform/pdf.ts";
import { territoryNames } from "../territories/index.ts";
import { conventionPdf } from "./partnerships.conventions.pdf.ts";
import type { ConventionsService } from "./partnerships.conventions.service.ts";

/** HTTP mapping of partnership conventions (/conventions); every write answers the whole convention. */
export function conventionsRoutes(deps: { db: Db; conventions: ConventionsService }) {
  const s = deps.conventions;
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    await registerUploads(plain);
    const tags = ["conventions"];
    const one = { 200: Convention };

    app.get(
      "/conventions",
      {
        schema: {
          tags,
          summary: "List conventions in the caller's scope (filters: type, status, region, party, text)",
          querystring: ConventionListQuery,
          response: { 200: ConventionList },
        },
      },
      (request) => s.list(contextOf(request), request.query),
    );
    app.get(
      "/conventions/export",
      {
        schema: {
          tags,
          summary: "Export the filtered list of conventions as CSV (UTF-8 with BOM) or XLSX (audited)",
          querystring: ConventionExportQuery,
          produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        },
      },
      async (request, reply) => {
        const rows = await s.exportRows(contextOf(request), request.query);
        const locale = request.locale;
        const regions = [...new Set(rows.map((r) => r.regionCode).filter((r): r is string => !!r))];
        const names = await territoryNames(deps.db, { regions, provinces: [] }, locale);
        const f = (k: string) => t(locale, `conventions.fields.${k}`);
        const columns: ExportColumn<ConventionSummary>[] = [
          { header: f("reference"), value: (r) => r.reference, width: 16 },
          { header: f("title"), value: (r) => (locale === "ar" && r.titleAr) || r.titleFr, width: 50 },
          { header: f("type"), value: (r) => t(locale, `conventions.types.${r.type}`), width: 20 },
          { header: f("status"), value: (r) => t(locale, `conventions.statuses.${r.status}`), width: 16 },
          { header: f("parent"), value: (r) => r.parentReference, width: 16 },
          {
            header: f("region"),
            value: (r) =>
              r.regionCode
                ? (names.regions.get(r.regionCode) ?? r.regionCode)
                : t(locale, "conventions.national"),
            width: 24,
          },
          { header: f("signedOn"), value: (r) => r.signedOn, width: 12 },
          { header: f("signedPlace"), value: (r) => r.signedPlace },
          { header: f("startDate"), value: (r) => r.startDate, width: 12 },
          { header: f("endDate"), value: (r) => r.endDate, width: 12 },
          {
            header: f("parties"),
            value: (r) => r.parties.map((p) => (locale === "ar" && p.nameAr) || p.nameFr).join(" ; "),
            width: 60,
          },
          { header: f("committedMad"), value: (r) => r.committedCentimes / 100, width: 18 },
        ];
        return sendExport(reply, {
          format: request.query.format,
          filename: `${t(locale, "conventions.exportFile")}-${today()}`,
          columns,
          rows,
        });
      },
    );
    app.post(
      "/conventions",
      {
        schema: {
          tags,
          summary: "Create a convention, with its parties and axes if given",
          body: CreateConventionBody,
          response: { 201: Convention },
        },
      },
      async (request, reply) => reply.status(201).send(await s.create(contextOf(request), request.body)),
    );
    app.get(
      "/conventions/:id",
      {
        schema: {
          tags,
          summary:
            "Read a convention: parties and commitments, axes and targets, documents, projects and their money",
          params: IdParams,
          response: one,
        },
      },
      (request) => s.get(contextOf(request), request.params.id),
    );
    app.get(
      "/conventions/:id/pdf",
      {
        schema: {
          tags,
          summary: "Printable A4 summary of a convention (PDF, in the request's language)",
          params: IdParams,
          produces: ["application/pdf"],
        },
      },
      async (request, reply) => {
        const convention = await s.get(contextOf(request), request.params.id);
        const pdf = await conventionPdf(deps.db, convention, request.locale);
        return sendPdf(reply, convention.reference, pdf);
      },
    );
    app.patch(
      "/conventions/:id",
      {
        schema: {
          tags,
          summary: "Update a convention (409 if `version` is not the current one)",
          params: IdParams,
          body: UpdateConventionBody,
          response: one,
        },
      },
      (request) => s.update(contextOf(request), request.params.id, request.body),
    );
    for (const [path, archived] of [
      ["archive", true],
      ["restore", false],
    ] as const) {
      app.post(
        `/conventions/:id/${path}`,
        {
          schema: {
            tags,
            summary: archived
              ? "Archive a convention (refused while it has projects)"
              : "Restore a convention",
            params: IdParams,
            body: VersionBody,
            response: one,
          },
        },
        (request) => s.setArchived(contextOf(request), request.params.id, request.body.version, archived),
      );
    }

    // Parties
    app.post(
      "/conventions/:id/parties",
      {
        schema: {
          tags,
          summary: "Add a party with its role and commitments",
          params: IdParams,
          body: PartyBody,
          response: one,
        },
      },
      (request) => s.addParty(contextOf(request), request.params.id, request.body),
    );
    app.patch(
      "/conventions/:id/parties/:partyId",
      {
        schema: {
          tags,
          summary: "Change a party's role or commitments",
          params: PartyParams,
          body: UpdatePartyBody,
          response: one,
        },
      },
      (request) => s.updateParty(contextOf(request), request.params.id, request.params.partyId, request.body),
    );
    app.delete(
      "/conventions/:id/parties/:partyId",
      { schema: { tags, summary: "Remove a party", params: PartyParams, response: one } },
      (request) => s.removeParty(contextOf(request), request.params.id, request.params.partyId),
    );

    // Axes and targets
    app.post(
      "/conventions/:id/axes",
      {
        schema: {
          tags,
          summary: "Add an axis (with targets)",
          params: IdParams,
          body: AxisBody,
          response: one,
        },
      },
      (request) => s.addAxis(contextOf(request), request.params.id, request.body),
    );
    app.patch(
      "/conventions/:id/axes/:axisId",
      {
        schema: {
          tags,
          summary: "Rename or describe an axis",
          params: AxisParams,
          body: UpdateAxisBody,
          response: one,
        },
      },
      (request) => s.updateAxis(contextOf(request), request.params.id, request.params.axisId, request.body),
    );
    app.delete(
      "/conventions/:id/axes/:axisId",
      {
        schema: {
          tags,
          summary: "Remove an axis (refused while projects are declined from it)",
          params: AxisParams,
          response: one,
        },
      },
      (request) => s.removeAxis(contextOf(request), request.params.id, request.params.axisId),
    );
    app.post(
      "/conventions/:id/axes/:axisId/targets",
      {
        schema: {
          tags,
          summary: "Add a target to an axis",
          params: AxisParams,
          body: TargetBody,
          response: one,
        },
      },
      (request) => s.addTarget(contextOf(request), request.params.id, request.params.axisId, request.body),
    );
    app.patch(
      "/conventions/:id/targets/:targetId",
      {
        schema: {
          tags,
          summary: "Change a target",
          params: TargetParams,
          body: UpdateTargetBody,
          response: one,
        },
      },
      (request) =>
        s.updateTarget(contextOf(request), request.params.id, request.params.targetId, request.body),
    );
    app.delete(
      "/conventions/:id/targets/:targetId",
      { schema: { tags, summary: "Remove a target", params: TargetParams, response: one } },
      (request) => s.removeTarget(contextOf(request), request.params.id, request.params.targetId),
    );

    // Documents
    app.get(
      "/conventions/:id/documents",
      {
        schema: {
          tags,
          summary: "List the convention's documents",
          params: IdParams,
          response: { 200: z.array(ConventionDocument) },
        },
      },
      async (request) =>
        (await s.listDocuments(contextOf(request), request.params.id)).map(
          ({ id, fileName, mediaType, sizeBytes, sha256, createdAt }) => ({
            id,
            fileName,
            mediaType,
            sizeBytes,
            sha256,
            createdAt,
          }),
        ),
    );
    app.post(
      "/conventions/:id/documents",
      {
        schema: {
          tags,
          summary:
            "Upload a document (multipart, one `file` part; 413 over the size limit, 415 for other types)",
          params: IdParams,
          ...uploadBodySchema,
          response: { 201: ConventionDocument },
        },
      },
      async (request, reply) => {
        const stored = await s.uploadDocument(contextOf(request), request.params.id, () =>
          readUpload(request),
        );
        const { id, fileName, mediaType, sizeBytes, sha256, createdAt } = stored;
        return reply.status(201).send({ id, fileName, mediaType, sizeBytes, sha256, createdAt });
      },
    );
    app.get(
      "/conventions/:id/documents/:documentId",
      { schema: { tags, summary: "Download a document with its name and type", params: DocumentParams } },
      async (request, reply) =>
        sendStoredFile(
          reply,
          await s.document(contextOf(request), request.params.id, request.params.documentId),
        ),
    );
    app.delete(
      "/conventions/:id/documents/:documentId",
      { schema: { tags, summary: "Delete a document", params: DocumentParams, response: { 200: Ok } } },
      async (request) => {
        await s.deleteDocument(contextOf(request), request.params.id, request.params.documentId);
        return { ok: true as const };
      },
    );
  };
}
