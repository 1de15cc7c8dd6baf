import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Locale } from "../../../contracts/common.ts";
import {
  CodeParams,
  Dashboard,
  type DashboardProject,
  DashboardProjectList,
  ExportFormatQuery,
  MapData,
  MapExportQuery,
  MapQuery,
  type MapRegion,
} from "../../../contracts/dashboards.ts";
import { contextOf } from "../../platform/context.ts";
import { type ExportColumn, type ExportFormat, sendExport } from "../../platform/export.ts";
import { t } from "../../platform/i18n.ts";
import type { DashboardsService } from "./dashboards.service.ts";

interface Line {
  section: string;
  item: string;
  measure: string;
  value: number | string | null;
}

/** A dashboard as one table (section, item, measure, value): every figure it shows, in one sheet. */
export function dashboardLines(d: Dashboard, locale: Locale): Line[] {
  const l = (k: string) => t(locale, `dashboards.${k}`);
  const ar = locale === "ar";
  const lines: Line[] = [];
  const push = (section: string, item: string, measure: string, value: Line["value"]) =>
    lines.push({ section: l(`sections.${section}`), item, measure: l(`measures.${measure}`), value });
  push("money", d.scope.name, "committed", d.money.committedCentimes / 100);
  push("money", d.scope.name, "disbursed", d.money.disbursedCentimes / 100);
  for (const p of d.money.byPartner) {
    push("moneyByPartner", (ar && p.nameAr) || p.name, "committed", p.committedCentimes / 100);
    push("moneyByPartner", (ar && p.nameAr) || p.name, "disbursed", p.disbursedCentimes / 100);
  }
  for (const r of d.money.byRegion) {
    push("moneyByRegion", r.name, "committed", r.committedCentimes / 100);
    push("moneyByRegion", r.name, "disbursed", r.disbursedCentimes / 100);
  }
  for (const s of d.projects.byStatus)
    push("projects", t(locale, `dashboards.statuses.${s.status}`), "count", s.count);
  push("projects", d.scope.name, "withLateMilestones", d.projects.withLateMilestones);
  push("projects", d.scope.name, "lateMilestones", d.projects.lateMilestones);
  for (const [k, v] of Object.entries(d.infrastructure)) push("infrastructure", d.scope.name, k, v);
  for (const p of d.programs)
    for (const s of p.stages)
      push("programs", `${ar ? p.nameAr : p.nameFr} — ${ar ? s.nameAr : s.nameFr}`, "count", s.count);
  for (const i of d.indicators) {
    const name = ar ? i.nameAr : i.nameFr;
    push("indicators", name, "target", i.target);
    push("indicators", name, "actual", i.actual);
    push("indicators", name, "gap", i.gap);
  }
  for (const c of d.territories) {
    push("territories", c.name, "establishments", c.establishments);
    push("territories", c.name, "connectedRate", c.connectedRate);
    push("territories", c.name, "projects", c.projects);
    push("territories", c.name, "committed", c.committedCentimes / 100);
    push("territories", c.name, "disbursed", c.disbursedCentimes / 100);
  }
  return lines;
}

function sendDashboard(
  reply: FastifyReply,
  d: Dashboard,
  format: ExportFormat,
  locale: Locale,
  filename: string,
) {
  const l = (k: string) => t(locale, `dashboards.columns.${k}`);
  const columns: ExportColumn<Line>[] = [
    { header: l("section"), value: (r) => r.section, width: 28 },
    { header: l("item"), value: (r) => r.item, width: 40 },
    { header: l("measure"), value: (r) => r.measure, width: 28 },
    { header: l("value"), value: (r) => r.value },
  ];
  return sendExport(reply, { format, filename, columns, rows: dashboardLines(d, locale) });
}

export function dashboardsRoutes(service: DashboardsService) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["dashboards"];

    app.get(
      "/dashboards/national",
      {
        schema: {
          tags,
          summary: "National dashboard (limited to the reader's scope)",
          response: { 200: Dashboard },
        },
      },
      (request) => service.national(contextOf(request), request.locale),
    );
    app.get(
      "/dashboards/national/export",
      {
        schema: {
          tags,
          summary: "Export the national dashboard as CSV or XLSX",
          querystring: ExportFormatQuery,
        },
      },
      async (request, reply) =>
        sendDashboard(
          reply,
          await service.national(contextOf(request), request.locale),
          request.query.format,
          request.locale,
          "dashboard-national",
        ),
    );
    app.get(
      "/dashboards/regions/:code",
      {
        schema: {
          tags,
          summary: "Dashboard of a region (404 outside the reader's scope)",
          params: CodeParams,
          response: { 200: Dashboard },
        },
      },
      (request) => service.region(contextOf(request), request.params.code, request.locale),
    );
    app.get(
      "/dashboards/regions/:code/export",
      {
        schema: {
          tags,
          summary: "Export a region's dashboard",
          params: CodeParams,
          querystring: ExportFormatQuery,
        },
      },
      async (request, reply) =>
        sendDashboard(
          reply,
          await service.region(contextOf(request), request.params.code, request.locale),
          request.query.format,
          request.locale,
          `dashboard-${request.params.code}`,
        ),
    );
    app.get(
      "/dashboards/regions/:code/projects",
      {
        schema: {
          tags,
          summary: "A region's projects (drill-down)",
          params: CodeParams,
          response: { 200: DashboardProjectList },
        },
      },
      async (request) => ({ items: await service.regionProjects(contextOf(request), request.params.code) }),
    );
    app.get(
      "/dashboards/regions/:code/projects/export",
      {
        schema: {
          tags,
          summary: "Export a region's projects",
          params: CodeParams,
          querystring: ExportFormatQuery,
        },
      },
      async (request, reply) => {
        const rows = await service.regionProjects(contextOf(request), request.params.code);
        const l = (k: string) => t(request.locale, `dashboards.columns.${k}`);
        const columns: ExportColumn<DashboardProject>[] = [
          { header: l("code"), value: (r) => r.code },
          {
            header: l("title"),
            value: (r) => (request.locale === "ar" && r.titleAr) || r.titleFr,
            width: 40,
          },
          { header: l("province"), value: (r) => r.provinceCode },
          { header: l("status"), value: (r) => t(request.locale, `dashboards.statuses.${r.status}`) },
          { header: l("committed"), value: (r) => r.committedCentimes / 100 },
          { header: l("disbursed"), value: (r) => r.disbursedCentimes / 100 },
          { header: l("lateMilestones"), value: (r) => r.lateMilestones },
        ];
        return sendExport(reply, {
          format: request.query.format,
          filename: `projects-${request.params.code}`,
          columns,
          rows,
        });
      },
    );
    app.get(
      "/dashboards/provinces/:code",
      {
        schema: {
          tags,
          summary: "Dashboard of a province (404 outside the reader's scope)",
          params: CodeParams,
          response: { 200: Dashboard },
        },
      },
      (request) => service.province(contextOf(request), request.params.code, request.locale),
    );
    app.get(
      "/dashboards/provinces/:code/export",
      {
        schema: {
          tags,
          summary: "Export a province's dashboard",
          params: CodeParams,
          querystring: ExportFormatQuery,
        },
      },
      async (request, reply) =>
        sendDashboard(
          reply,
          await service.province(contextOf(request), request.params.code, request.locale),
          request.query.format,
          request.locale,
          `dashboard-${request.params.code}`,
        ),
    );
    app.get(
      "/dashboards/map",
      {
        schema: {
          tags,
          summary: "An indicator by region, absolute and per 10,000 inhabitants (reference population)",
          querystring: MapQuery,
          response: { 200: MapData },
        },
      },
      (request) => service.map(contextOf(request), request.query, request.locale),
    );
    app.get(
      "/dashboards/map/export",
      { schema: { tags, summary: "Export the map's figures by region", querystring: MapExportQuery } },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const data = await service.map(contextOf(request), query, request.locale);
        const l = (k: string) => t(request.locale, `dashboards.columns.${k}`);
        const columns: ExportColumn<MapRegion>[] = [
          { header: l("code"), value: (r) => r.code },
          { header: l("region"), value: (r) => r.name, width: 30 },
          { header: l("population"), value: (r) => r.population },
          { header: l("value"), value: (r) => r.value },
          { header: l("per10k"), value: (r) => r.per10k },
        ];
        return sendExport(reply, {
          format,
          filename: `map-${data.code}-${data.period}`,
          columns,
          rows: data.regions,
        });
      },
    );
  };
}
