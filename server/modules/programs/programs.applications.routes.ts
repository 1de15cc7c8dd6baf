import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  Application,
  ApplicationExportQuery,
  ApplicationList,
  ApplicationListQuery,
  type ApplicationSummary,
  CreateApplicationBody,
  CreateServiceBody,
  TransitionBody,
} from "../../../contracts/applications.ts";
import { IdParams } from "../../../contracts/common.ts";
import { contextOf } from "../../platform/context.ts";
import { type ExportColumn, sendExport } from "../../platform/export.ts";
import { t } from "../../platform/i18n.ts";
import type { ApplicationsService } from "./programs.applications.service.ts";

/** Applications: list, export, filing, reading, transitions, services. */
export function applicationsRoutes(plain: FastifyInstance, service: ApplicationsService) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const appTags = ["applications"];

  app.get(
    "/applications",
    {
      schema: {
        tags: appTags,
        summary: "Applications of persons in the caller's scope, newest first",
        querystring: ApplicationListQuery,
        response: { 200: ApplicationList },
      },
    },
    (request) => service.listApplications(contextOf(request), request.query),
  );
  app.get(
    "/applications/export",
    {
      schema: {
        tags: appTags,
        summary: "Export the applications in the caller's scope (CSV or XLSX)",
        querystring: ApplicationExportQuery,
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, ...filter } = request.query;
      const rows = service.exportApplications(ctx, filter);
      // Fetch the first page before sending headers, so a refusal (403) is still a problem response.
      const first = await rows.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* rows;
      }
      const l = request.locale;
      const h = (k: string) => t(l, `programs.export.${k}`);
      const columns: ExportColumn<ApplicationSummary>[] = [
        { header: h("program"), value: (r) => r.programCode },
        { header: h("person"), value: (r) => r.personName, width: 28 },
        { header: h("personAr"), value: (r) => r.personNameAr, width: 28 },
        { header: h("province"), value: (r) => r.provinceCode },
        { header: h("channel"), value: (r) => t(l, `programs.channels.${r.channel}`) },
        { header: h("status"), value: (r) => t(l, `programs.applicationStatuses.${r.status}`) },
        { header: h("stage"), value: (r) => (l === "ar" ? r.stage.nameAr : r.stage.nameFr), width: 24 },
        {
          header: h("eligibility"),
          value: (r) => (r.eligibility ? t(l, `programs.outcomes.${r.eligibility}`) : ""),
        },
        { header: h("filedAt"), value: (r) => r.filedAt.slice(0, 10) },
        { header: h("stageChangedAt"), value: (r) => r.stageChangedAt.slice(0, 10) },
      ];
      return sendExport(reply, { format, filename: "applications", columns, rows: all() });
    },
  );
  app.post(
    "/applications",
    {
      schema: {
        tags: appTags,
        summary:
          "File an application for a person (eligibility evaluated and kept); one open application per person and programme",
        body: CreateApplicationBody,
        response: { 201: Application },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createApplication(contextOf(request), request.locale, request.body)),
  );
  app.get(
    "/applications/:id",
    {
      schema: {
        tags: appTags,
        summary: "Read an application: eligibility explanation, stage history, services (read is audited)",
        params: IdParams,
        response: { 200: Application },
      },
    },
    (request) => service.getApplication(contextOf(request), request.locale, request.params.id),
  );
  app.post(
    "/applications/:id/transitions",
    {
      schema: {
        tags: appTags,
        summary:
          "Move an application: advance to the next stage, reject (reason required), withdraw, complete",
        params: IdParams,
        body: TransitionBody,
        response: { 200: Application },
      },
    },
    (request) => service.transition(contextOf(request), request.locale, request.params.id, request.body),
  );
  app.post(
    "/applications/:id/services",
    {
      schema: {
        tags: appTags,
        summary: "Log a service or benefit delivered to an enrolled person",
        params: IdParams,
        body: CreateServiceBody,
        response: { 201: Application },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addService(contextOf(request), request.locale, request.params.id, request.body)),
  );
}
