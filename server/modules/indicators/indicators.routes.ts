import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "../../../contracts/common.ts";
import {
  ComputedValues,
  CreateIndicatorBody,
  CreateMeasurementBody,
  Indicator,
  IndicatorExportQuery,
  IndicatorList,
  IndicatorListQuery,
  Measurement,
  MeasurementExportQuery,
  MeasurementList,
  MeasurementListQuery,
  Progress,
  ProgressExportQuery,
  ProgressQuery,
  type ProgressRow,
  PutTargetBody,
  Target,
  UpdateIndicatorBody,
} from "../../../contracts/indicators.ts";
import { contextOf } from "../../platform/context.ts";
import { type ExportColumn, sendExport } from "../../platform/export.ts";
import { t } from "../../platform/i18n.ts";
import type { IndicatorsService } from "./indicators.service.ts";

export function indicatorsRoutes(service: IndicatorsService) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["indicators"];

    app.get(
      "/indicators",
      {
        schema: {
          tags,
          summary: "List indicator definitions",
          querystring: IndicatorListQuery,
          response: { 200: IndicatorList },
        },
      },
      (request) => service.list(contextOf(request), request.query),
    );
    app.get(
      "/indicators/export",
      {
        schema: {
          tags,
          summary: "Export the indicator definitions as CSV or XLSX",
          querystring: IndicatorExportQuery,
        },
      },
      async (request, reply) => {
        const rows = await service.all(contextOf(request));
        const l = (k: string) => t(request.locale, `indicators.fields.${k}`);
        const columns: ExportColumn<Indicator>[] = [
          { header: l("code"), value: (r) => r.code },
          { header: l("nameFr"), value: (r) => r.nameFr, width: 40 },
          { header: l("nameAr"), value: (r) => r.nameAr, width: 40 },
          { header: l("unit"), value: (r) => t(request.locale, `indicators.units.${r.unit}`) },
          { header: l("direction"), value: (r) => t(request.locale, `indicators.directions.${r.direction}`) },
          {
            header: l("aggregation"),
            value: (r) => t(request.locale, `indicators.aggregations.${r.aggregation}`),
          },
          { header: l("kind"), value: (r) => t(request.locale, `indicators.kinds.${r.kind}`) },
          { header: l("computation"), value: (r) => r.computation },
        ];
        return sendExport(reply, { format: request.query.format, filename: "indicators", columns, rows });
      },
    );
    app.post(
      "/indicators",
      {
        schema: {
          tags,
          summary: "Define an indicator (national writers)",
          body: CreateIndicatorBody,
          response: { 201: Indicator },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.create(contextOf(request), request.body)),
    );
    app.get(
      "/indicators/:id",
      {
        schema: {
          tags,
          summary: "Read an indicator definition",
          params: IdParams,
          response: { 200: Indicator },
        },
      },
      (request) => service.get(contextOf(request), request.params.id),
    );
    app.patch(
      "/indicators/:id",
      {
        schema: {
          tags,
          summary: "Update an indicator definition (409 if `version` is not the current one)",
          params: IdParams,
          body: UpdateIndicatorBody,
          response: { 200: Indicator },
        },
      },
      (request) => service.update(contextOf(request), request.params.id, request.body),
    );
    app.get(
      "/indicators/:id/targets",
      {
        schema: {
          tags,
          summary: "Targets by period and territory",
          params: IdParams,
          response: { 200: z.array(Target) },
        },
      },
      (request) => service.targets(contextOf(request), request.params.id),
    );
    app.put(
      "/indicators/:id/targets",
      {
        schema: {
          tags,
          summary: "Set the target of one period and territory (an unknown territory is refused)",
          params: IdParams,
          body: PutTargetBody,
          response: { 200: Target },
        },
      },
      (request) => service.putTarget(contextOf(request), request.params.id, request.body),
    );
    app.get(
      "/indicators/:id/measurements",
      {
        schema: {
          tags,
          summary: "Entered measurements, newest first",
          params: IdParams,
          querystring: MeasurementListQuery,
          response: { 200: MeasurementList },
        },
      },
      (request) => service.measurements(contextOf(request), request.params.id, request.query),
    );
    app.get(
      "/indicators/:id/measurements/export",
      {
        schema: {
          tags,
          summary: "Export the entered measurements (newest first) as CSV or XLSX",
          params: IdParams,
          querystring: MeasurementExportQuery,
        },
      },
      async (request, reply) => {
        const { format, period } = request.query;
        const ctx = contextOf(request);
        // The same scoped, paged read as the list, followed to its end.
        const rows: Measurement[] = [];
        let cursor: string | undefined;
        do {
          const page = await service.measurements(ctx, request.params.id, { period, limit: 500, cursor });
          rows.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const l = (k: string) => t(request.locale, `indicators.${k}`);
        const columns: ExportColumn<Measurement>[] = [
          { header: l("progress.period"), value: (r) => r.period },
          { header: l("progress.level"), value: (r) => r.territoryLevel },
          { header: l("progress.code"), value: (r) => r.territoryCode },
          { header: l("measurements.sex"), value: (r) => r.sex },
          { header: l("measurements.ageBand"), value: (r) => r.ageBand },
          { header: l("measurements.value"), value: (r) => r.value },
          { header: l("measurements.numerator"), value: (r) => r.numerator },
          { header: l("measurements.denominator"), value: (r) => r.denominator },
          { header: l("measurements.source"), value: (r) => r.source, width: 30 },
          { header: l("measurements.evidenceNote"), value: (r) => r.evidenceNote, width: 30 },
          { header: l("measurements.date"), value: (r) => r.createdAt },
        ];
        return sendExport(reply, { format, filename: "indicator-measurements", columns, rows });
      },
    );
    app.post(
      "/indicators/:id/measurements",
      {
        schema: {
          tags,
          summary: "Enter a measurement with its source and evidence",
          params: IdParams,
          body: CreateMeasurementBody,
          response: { 201: Measurement },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.addMeasurement(contextOf(request), request.params.id, request.body)),
    );
    app.get(
      "/indicators/:id/computed",
      {
        schema: {
          tags,
          summary:
            "Current values of a computed indicator, by territory (cached until its source data changes)",
          params: IdParams,
          response: { 200: ComputedValues },
        },
      },
      (request) => service.computed(contextOf(request), request.params.id),
    );
    app.get(
      "/indicators/:id/progress",
      {
        schema: {
          tags,
          summary: "Targets vs actuals by period and territory, with the gap",
          params: IdParams,
          querystring: ProgressQuery,
          response: { 200: Progress },
        },
      },
      (request) => service.progress(contextOf(request), request.params.id, request.query, request.locale),
    );
    app.get(
      "/indicators/:id/progress/export",
      {
        schema: {
          tags,
          summary: "Export targets vs actuals as CSV or XLSX",
          params: IdParams,
          querystring: ProgressExportQuery,
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const progress = await service.progress(contextOf(request), request.params.id, query, request.locale);
        const l = (k: string) => t(request.locale, `indicators.progress.${k}`);
        const columns: ExportColumn<ProgressRow>[] = [
          { header: l("period"), value: (r) => r.period },
          { header: l("territory"), value: (r) => r.territoryName, width: 30 },
          { header: l("code"), value: (r) => r.territoryCode },
          { header: l("target"), value: (r) => r.target },
          { header: l("actual"), value: (r) => r.actual },
          { header: l("gap"), value: (r) => r.gap },
          { header: l("achievement"), value: (r) => r.achievement },
        ];
        return sendExport(reply, {
          format,
          filename: `${progress.indicator.code}-progress`,
          columns,
          rows: progress.rows,
        });
      },
    );
  };
}
