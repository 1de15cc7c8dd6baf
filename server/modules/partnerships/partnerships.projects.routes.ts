import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { today } from "../../../contracts/calendar.ts";
import { IdParams, VersionBody } from "../../../contracts/common.ts";
import {
  BudgetLineBody,
  CreateProjectBody,
  DisbursementBody,
  MilestoneBody,
  Project,
  ProjectChildParams,
  ProjectExportQuery,
  ProjectList,
  ProjectListQuery,
  type ProjectSummary,
  TrancheBody,
  UpdateBudgetLineBody,
  UpdateMilestoneBody,
  UpdateProjectBody,
  UpdateTrancheBody,
  VersionQuery,
} from "../../../contracts/projects.ts";
import { contextOf } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { type ExportColumn, sendExport } from "../../platform/export.ts";
import { t } from "../../platform/i18n.ts";
import { renderPdf, sendPdf } from "../../platform/pdf.ts";
import { territoryNames } from "../territories/index.ts";
import type { MoneyService } from "./partnerships.money.service.ts";
import { projectPdf } from "./partnerships.projects.pdf.ts";
import type { ProjectsService } from "./partnerships.projects.service.ts";

export interface ProjectServices {
  db: Db;
  projects: ProjectsService;
  money: MoneyService;
}

/** HTTP mapping of social projects (/projects) and their money; every write answers the whole project. */
export function socialProjectsRoutes(s: ProjectServices) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["projects"];
    const one = { 200: Project };

    app.get(
      "/projects",
      {
        schema: {
          tags,
          summary: "List social projects in the caller's scope, with budget, disbursed and late milestones",
          querystring: ProjectListQuery,
          response: { 200: ProjectList },
        },
      },
      (request) => s.projects.list(contextOf(request), request.query),
    );
    app.get(
      "/projects/export",
      {
        schema: {
          tags,
          summary: "Export the filtered list of projects as CSV (UTF-8 with BOM) or XLSX (audited)",
          querystring: ProjectExportQuery,
        },
      },
      async (request, reply) => {
        const rows = await s.projects.exportRows(contextOf(request), request.query);
        const locale = request.locale;
        const names = await territoryNames(
          s.db,
          { regions: [...new Set(rows.map((r) => r.regionCode))], provinces: [] },
          locale,
        );
        const f = (k: string) => t(locale, `socialProjects.fields.${k}`);
        const mad = (c: number) => c / 100;
        const columns: ExportColumn<ProjectSummary>[] = [
          { header: f("code"), value: (r) => r.code, width: 14 },
          { header: f("title"), value: (r) => (locale === "ar" && r.titleAr) || r.titleFr, width: 40 },
          { header: f("convention"), value: (r) => r.conventionReference, width: 16 },
          { header: f("region"), value: (r) => names.regions.get(r.regionCode) ?? r.regionCode, width: 24 },
          { header: f("province"), value: (r) => r.provinceCode },
          { header: f("sector"), value: (r) => t(locale, `socialProjects.sectors.${r.sector}`), width: 24 },
          { header: f("status"), value: (r) => t(locale, `socialProjects.statuses.${r.status}`) },
          { header: f("startDate"), value: (r) => r.startDate, width: 12 },
          { header: f("endDate"), value: (r) => r.endDate, width: 12 },
          { header: f("responsibleOrg"), value: (r) => r.responsibleOrgName, width: 30 },
          { header: f("budgetMad"), value: (r) => mad(r.budgetCentimes) },
          { header: f("disbursedMad"), value: (r) => mad(r.disbursedCentimes) },
          { header: f("financialProgress"), value: (r) => r.financialProgress },
          { header: f("physicalProgress"), value: (r) => r.physicalProgress },
          { header: f("lateMilestones"), value: (r) => r.lateMilestones },
        ];
        return sendExport(reply, {
          format: request.query.format,
          filename: `${t(locale, "socialProjects.exportFile")}-${today()}`,
          columns,
          rows,
        });
      },
    );
    app.post(
      "/projects",
      {
        schema: {
          tags,
          summary: "Create a social project (from a convention axis or standalone)",
          body: CreateProjectBody,
          response: { 201: Project },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await s.projects.create(contextOf(request), request.body)),
    );
    app.get(
      "/projects/:id",
      {
        schema: {
          tags,
          summary: "Read a project with its money per funder, milestones, tranche states and disbursements",
          params: IdParams,
          response: one,
        },
      },
      (request) => s.projects.get(contextOf(request), request.params.id),
    );
    app.get(
      "/projects/:id/pdf",
      {
        schema: {
          tags,
          summary: "The project as a printable PDF summary, in the request's language",
          params: IdParams,
        },
      },
      async (request, reply) => {
        const project = await s.projects.get(contextOf(request), request.params.id);
        const summary = await projectPdf(s.db, project, request.locale, s.projects.today());
        return sendPdf(reply, project.code, await renderPdf(summary));
      },
    );
    app.patch(
      "/projects/:id",
      {
        schema: {
          tags,
          summary: "Update a project (409 if `version` is not the current one)",
          params: IdParams,
          body: UpdateProjectBody,
          response: one,
        },
      },
      (request) => s.projects.update(contextOf(request), request.params.id, request.body),
    );
    for (const archived of [true, false])
      app.post(
        `/projects/:id/${archived ? "archive" : "restore"}`,
        {
          schema: {
            tags,
            summary: archived ? "Archive a project" : "Restore an archived project",
            params: IdParams,
            body: VersionBody,
            response: one,
          },
        },
        (request) =>
          s.projects.setArchived(contextOf(request), request.params.id, request.body.version, archived),
      );

    // Budget lines, milestones and tranches: add, update with version, delete with ?version=.
    const children = [
      {
        path: "budget-lines",
        what: "budget line (by funder; never below what that funder already disbursed)",
        body: BudgetLineBody,
        update: UpdateBudgetLineBody,
        add: s.money.addBudgetLine,
        change: s.money.updateBudgetLine,
        remove: s.money.deleteBudgetLine,
      },
      {
        path: "milestones",
        what: "milestone (planned date within the project's dates)",
        body: MilestoneBody,
        update: UpdateMilestoneBody,
        add: s.money.addMilestone,
        change: s.money.updateMilestone,
        remove: s.money.deleteMilestone,
      },
      {
        path: "tranches",
        what: "tranche of a funder, tied to a milestone",
        body: TrancheBody,
        update: UpdateTrancheBody,
        add: s.money.addTranche,
        change: s.money.updateTranche,
        remove: s.money.deleteTranche,
      },
    ] as const;
    for (const c of children) {
      app.post(
        `/projects/:id/${c.path}`,
        {
          schema: {
            tags,
            summary: `Add a ${c.what}`,
            params: IdParams,
            body: c.body,
            response: { 201: Project },
          },
        },
        async (request, reply) =>
          reply
            .status(201)
            // biome-ignore lint/suspicious/noExplicitAny: each entry pairs its own body schema and service call
            .send(await (c.add as any)(contextOf(request), request.params.id, request.body)),
      );
      app.patch(
        `/projects/:id/${c.path}/:childId`,
        {
          schema: {
            tags,
            summary: `Update a ${c.what} (409 on a stale version)`,
            params: ProjectChildParams,
            body: c.update,
            response: one,
          },
        },
        (request) =>
          // biome-ignore lint/suspicious/noExplicitAny: as above
          (c.change as any)(contextOf(request), request.params.id, request.params.childId, request.body),
      );
      app.delete(
        `/projects/:id/${c.path}/:childId`,
        {
          schema: {
            tags,
            summary: `Delete a ${c.what}`,
            params: ProjectChildParams,
            querystring: VersionQuery,
            response: one,
          },
        },
        (request) =>
          c.remove(contextOf(request), request.params.id, request.params.childId, request.query.version),
      );
    }

    app.post(
      "/projects/:id/disbursements",
      {
        schema: {
          tags,
          summary:
            "Record a disbursement: never above what the funder committed to the project, nor above its tranche",
          params: IdParams,
          body: DisbursementBody,
          response: { 201: Project },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await s.money.addDisbursement(contextOf(request), request.params.id, request.body)),
    );
    app.delete(
      "/projects/:id/disbursements/:childId",
      {
        schema: {
          tags,
          summary: "Delete a disbursement recorded in error",
          params: ProjectChildParams,
          response: one,
        },
      },
      (request) => s.money.deleteDisbursement(contextOf(request), request.params.id, request.params.childId),
    );
  };
}
