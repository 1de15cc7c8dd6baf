import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { today } from "../../../contracts/calendar.ts";
import { IdParams, Ok, VersionBody } from "../../../contracts/common.ts";
import {
  AddActionBody,
  Cohort,
  CohortDetail,
  CohortList,
  CohortMemberParams,
  CohortMembersBody,
  CreateCohortBody,
  CreateEstablishmentBody,
  CreateInspectionBody,
  CreateWorkBody,
  Establishment,
  EstablishmentExportQuery,
  EstablishmentList,
  EstablishmentListQuery,
  EstablishmentStats,
  EstablishmentStatsQuery,
  ImportResult,
  Inspection,
  InspectionList,
  UpdateActionBody,
  UpdateCohortBody,
  UpdateEstablishmentBody,
  UpdateInspectionBody,
  Work,
  WorkList,
  WorkParams,
} from "../../../contracts/establishments.ts";
import { contextOf } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { type ExportColumn, sendExport } from "../../platform/export.ts";
import { t } from "../../platform/i18n.ts";
import { IMPORT_BODY_LIMIT, IMPORT_CONTENT_TYPES, importFormatOf } from "../../platform/import.ts";
import type { CohortsService } from "./establishments.cohorts.service.ts";
import { IMPORT_KEYS, importEstablishments } from "./establishments.import.ts";
import type { InfrastructureService } from "./establishments.infrastructure.service.ts";
import type { InspectionsService } from "./establishments.inspections.service.ts";
import type { SummaryRow } from "./establishments.repository.ts";
import type { EstablishmentsService } from "./establishments.service.ts";
import { establishmentStats } from "./establishments.stats.service.ts";

export interface EstablishmentServices {
  db: Db;
  registry: EstablishmentsService;
  infrastructure: InfrastructureService;
  inspections: InspectionsService;
  cohorts: CohortsService;
}

export function establishmentsRoutes(s: EstablishmentServices) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["establishments"];
    // Import files arrive as raw bodies (text/csv or XLSX); the parser only applies inside this plugin.
    app.addContentTypeParser(
      IMPORT_CONTENT_TYPES,
      { parseAs: "buffer", bodyLimit: IMPORT_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );

    app.get(
      "/establishments",
      {
        schema: {
          tags,
          summary: "List establishments in the caller's scope, with overdue-action and expiry flags",
          querystring: EstablishmentListQuery,
          response: { 200: EstablishmentList },
        },
      },
      (request) => s.registry.list(contextOf(request), request.query),
    );
    app.get(
      "/establishments/stats",
      {
        schema: {
          tags,
          summary:
            "Counts of establishments by region and by category, with the list's filters, in the caller's scope",
          querystring: EstablishmentStatsQuery,
          response: { 200: EstablishmentStats },
        },
      },
      (request) => establishmentStats(s.db, contextOf(request), request.query),
    );
    app.get(
      "/establishments/export",
      {
        schema: {
          tags,
          summary:
            "Export the filtered list as CSV (UTF-8 with BOM) or XLSX (audited); its columns re-import as is",
          querystring: EstablishmentExportQuery,
        },
      },
      async (request, reply) => {
        const rows = await s.registry.exportRows(contextOf(request), request.query);
        const label = (k: string) => t(request.locale, `establishments.fields.${k}`);
        const value = (k: (typeof IMPORT_KEYS)[number]) => (r: SummaryRow) =>
          k === "managingOrganization"
            ? r.managingOrganizationName
            : ((r as unknown as Record<string, string | number | null>)[k] ?? null);
        const exported = IMPORT_KEYS.filter((k) => k === "managingOrganization" || k in rowKeys);
        const columns: ExportColumn<SummaryRow>[] = [
          ...exported.map((k) => ({ header: label(k), value: value(k) })),
          { header: label("overdueActions"), value: (r: SummaryRow) => r.overdueActions },
        ];
        return sendExport(reply, {
          format: request.query.format,
          filename: `${t(request.locale, "establishments.exportFile")}-${today()}`,
          columns,
          rows,
        });
      },
    );
    app.post(
      "/establishments/import",
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: "Import establishments from CSV or XLSX (raw body, Content-Type text/csv or XLSX)",
          description:
            "All-or-nothing: any broken row and nothing is written; the 422 problem lists every error with path `rows.<row>.<column>`. Rows are matched on `code`: an identical row changes nothing.",
          response: { 200: ImportResult },
        },
      },
      async (request) => {
        const format = importFormatOf(request.headers["content-type"]);
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.from(String(request.body ?? ""));
        return importEstablishments(s.db, contextOf(request), body, format);
      },
    );
    app.post(
      "/establishments",
      {
        schema: {
          tags,
          summary: "Create an establishment",
          body: CreateEstablishmentBody,
          response: { 201: Establishment },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await s.registry.create(contextOf(request), request.body)),
    );
    app.get(
      "/establishments/:id",
      {
        schema: {
          tags,
          summary: "Read an establishment",
          params: IdParams,
          response: { 200: Establishment },
        },
      },
      (request) => s.registry.get(contextOf(request), request.params.id),
    );
    app.patch(
      "/establishments/:id",
      {
        schema: {
          tags,
          summary: "Update an establishment, its infrastructure and staff (409 if `version` is stale)",
          params: IdParams,
          body: UpdateEstablishmentBody,
          response: { 200: Establishment },
        },
      },
      (request) => s.registry.update(contextOf(request), request.params.id, request.body),
    );
    for (const [action, archived] of [
      ["archive", true],
      ["restore", false],
    ] as const)
      app.post(
        `/establishments/:id/${action}`,
        {
          schema: {
            tags,
            summary: archived ? "Archive an establishment" : "Restore an archived establishment",
            params: IdParams,
            body: VersionBody,
            response: { 200: Establishment },
          },
        },
        (request) =>
          s.registry.setArchived(contextOf(request), request.params.id, request.body.version, archived),
      );

    // Works
    app.get(
      "/establishments/:id/works",
      {
        schema: {
          tags,
          summary: "Rehabilitation and equipment works",
          params: IdParams,
          response: { 200: WorkList },
        },
      },
      (request) => s.infrastructure.listWorks(contextOf(request), request.params.id),
    );
    app.post(
      "/establishments/:id/works",
      {
        schema: {
          tags,
          summary: "Record works",
          params: IdParams,
          body: CreateWorkBody,
          response: { 201: Work },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await s.infrastructure.addWork(contextOf(request), request.params.id, request.body)),
    );
    app.delete(
      "/establishments/:id/works/:workId",
      { schema: { tags, summary: "Delete a works record", params: WorkParams, response: { 200: Ok } } },
      (request) => s.infrastructure.removeWork(contextOf(request), request.params.id, request.params.workId),
    );

    // Inspections
    const itags = ["inspections"];
    app.get(
      "/establishments/:id/inspections",
      {
        schema: {
          tags: itags,
          summary: "Inspection visits of an establishment",
          params: IdParams,
          response: { 200: InspectionList },
        },
      },
      (request) => s.inspections.list(contextOf(request), request.params.id),
    );
    app.post(
      "/establishments/:id/inspections",
      {
        schema: {
          tags: itags,
          summary: "Record an inspection visit with its checklist, findings and corrective actions",
          params: IdParams,
          body: CreateInspectionBody,
          response: { 201: Inspection },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await s.inspections.create(contextOf(request), request.params.id, request.body)),
    );
    app.get(
      "/inspections/:id",
      {
        schema: {
          tags: itags,
          summary: "Read an inspection",
          params: IdParams,
          response: { 200: Inspection },
        },
      },
      (request) => s.inspections.get(contextOf(request), request.params.id),
    );
    app.patch(
      "/inspections/:id",
      {
        schema: {
          tags: itags,
          summary: "Update an inspection's checklist, findings or follow-up",
          params: IdParams,
          body: UpdateInspectionBody,
          response: { 200: Inspection },
        },
      },
      (request) => s.inspections.update(contextOf(request), request.params.id, request.body),
    );
    app.post(
      "/inspections/:id/actions",
      {
        schema: {
          tags: itags,
          summary: "Add a corrective action",
          params: IdParams,
          body: AddActionBody,
          response: { 201: Inspection },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await s.inspections.addAction(contextOf(request), request.params.id, request.body)),
    );
    app.patch(
      "/corrective-actions/:id",
      {
        schema: {
          tags: itags,
          summary: "Follow up a corrective action (status, done date, note)",
          params: IdParams,
          body: UpdateActionBody,
          response: { 200: Inspection },
        },
      },
      (request) => s.inspections.updateAction(contextOf(request), request.params.id, request.body),
    );

    // Cohorts
    const ctags = ["cohorts"];
    app.get(
      "/cohorts",
      { schema: { tags: ctags, summary: "Pilot cohorts", response: { 200: CohortList } } },
      (request) => s.cohorts.list(contextOf(request)),
    );
    app.post(
      "/cohorts",
      {
        schema: {
          tags: ctags,
          summary: "Create a cohort",
          body: CreateCohortBody,
          response: { 201: Cohort },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await s.cohorts.create(contextOf(request), request.body)),
    );
    app.get(
      "/cohorts/:id",
      {
        schema: {
          tags: ctags,
          summary:
            "A cohort: target vs actual, members in scope with infrastructure and project progress, rates",
          params: IdParams,
          response: { 200: CohortDetail },
        },
      },
      (request) => s.cohorts.get(contextOf(request), request.params.id),
    );
    app.patch(
      "/cohorts/:id",
      {
        schema: {
          tags: ctags,
          summary: "Update a cohort",
          params: IdParams,
          body: UpdateCohortBody,
          response: { 200: Cohort },
        },
      },
      (request) => s.cohorts.update(contextOf(request), request.params.id, request.body),
    );
    app.post(
      "/cohorts/:id/archive",
      {
        schema: {
          tags: ctags,
          summary: "Archive a cohort",
          params: IdParams,
          body: VersionBody,
          response: { 200: Ok },
        },
      },
      (request) => s.cohorts.archive(contextOf(request), request.params.id, request.body.version),
    );
    app.post(
      "/cohorts/:id/members",
      {
        schema: {
          tags: ctags,
          summary: "Add establishments to a cohort",
          params: IdParams,
          body: CohortMembersBody,
          response: { 200: CohortDetail },
        },
      },
      (request) => s.cohorts.addMembers(contextOf(request), request.params.id, request.body.establishmentIds),
    );
    app.delete(
      "/cohorts/:id/members/:establishmentId",
      {
        schema: {
          tags: ctags,
          summary: "Remove an establishment from a cohort",
          params: CohortMemberParams,
          response: { 200: CohortDetail },
        },
      },
      (request) =>
        s.cohorts.removeMember(contextOf(request), request.params.id, request.params.establishmentId),
    );
  };
}

/** Summary fields that the export writes under their import column names. */
const rowKeys: Record<string, true> = Object.fromEntries(
  [
    "code",
    "nameFr",
    "nameAr",
    "category",
    "regionCode",
    "provinceCode",
    "commune",
    "authorisationStatus",
    "authorisationExpiresOn",
    "capacityMale",
    "capacityFemale",
    "connectivity",
    "solarKwp",
    "hotWater",
  ].map((k) => [k, true]),
);
