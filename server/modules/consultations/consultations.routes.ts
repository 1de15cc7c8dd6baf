import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { today } from "../../../contracts/calendar.ts";
import { IdParams, PageQuery } from "../../../contracts/common.ts";
import {
  AttachmentParams,
  ConvertProposalBody,
  CreateCommentBody,
  CreateProposalBody,
  type Proposal,
  ProposalAttachment,
  ProposalComment,
  ProposalCommentList,
  ProposalDetail,
  ProposalExportQuery,
  ProposalFilter,
  ProposalList,
  ProposalListQuery,
  ProposalStats,
  SupportBody,
  SupportParams,
  TransitionProposalBody,
} from "../../../contracts/proposals.ts";
import { contextOf } from "../../platform/context.ts";
import { type ExportColumn, sendExport } from "../../platform/export.ts";
import { readUpload, registerUploads, sendStoredFile, uploadBodySchema } from "../../platform/files.ts";
import { t } from "../../platform/i18n.ts";
import type { ConsultationsService } from "./consultations.service.ts";

/** Stakeholder proposals: list, export, submit, read, review, comments, supports, conversion to a project. */
export function consultationsRoutes(service: ConsultationsService) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    await registerUploads(plain);
    const tags = ["proposals"];

    app.get(
      "/proposals",
      {
        schema: {
          tags,
          summary:
            "Proposals the caller may see, newest first (own organisation's, and the other organisations' of its region unless not retained; a region's for regional officers; all for national ones)",
          querystring: ProposalListQuery,
          response: { 200: ProposalList },
        },
      },
      (request) => service.list(contextOf(request), request.query),
    );
    app.get(
      "/proposals/export",
      {
        schema: {
          tags,
          summary: "Export the filtered list of proposals the caller may see (CSV or XLSX)",
          querystring: ProposalExportQuery,
          produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        },
      },
      async (request, reply) => {
        const { format, ...filter } = request.query;
        const rows = service.exportRows(contextOf(request), filter);
        // The first row is fetched before headers go out, so a refusal is still a problem response.
        const first = await rows.next();
        async function* all() {
          if (!first.done) yield first.value;
          yield* rows;
        }
        const l = request.locale;
        const h = (k: string) => t(l, `proposals.fields.${k}`);
        const columns: ExportColumn<Proposal>[] = [
          { header: h("createdAt"), value: (r) => r.createdAt.slice(0, 10) },
          { header: h("title"), value: (r) => r.title, width: 40 },
          {
            header: h("organization"),
            value: (r) => (l === "ar" && r.organizationNameAr) || r.organizationName,
            width: 36,
          },
          { header: h("theme"), value: (r) => t(l, `proposals.themes.${r.theme}`), width: 24 },
          { header: h("region"), value: (r) => r.regionCode },
          { header: h("province"), value: (r) => r.provinceCode },
          {
            header: h("estimatedCostMad"),
            value: (r) => (r.estimatedCostCentimes === null ? null : r.estimatedCostCentimes / 100),
          },
          { header: h("targetGroup"), value: (r) => r.targetGroup, width: 28 },
          { header: h("status"), value: (r) => t(l, `proposals.statuses.${r.status}`) },
          { header: h("decisionNote"), value: (r) => r.decisionNote, width: 40 },
          { header: h("supportCount"), value: (r) => r.supportCount },
          { header: h("commentCount"), value: (r) => r.commentCount },
          { header: h("project"), value: (r) => r.projectId },
        ];
        return sendExport(reply, {
          format,
          filename: `${t(l, "proposals.exportFile")}-${today()}`,
          columns,
          rows: all(),
        });
      },
    );
    app.get(
      "/proposals/stats",
      {
        schema: {
          tags,
          summary:
            "Counts by region and status of the proposals the caller may see (the list's filters, status aside)",
          querystring: ProposalFilter,
          response: { 200: ProposalStats },
        },
      },
      (request) => service.stats(contextOf(request), request.query),
    );
    app.post(
      "/proposals",
      {
        schema: {
          tags,
          summary: "Submit a proposal for one's organisation (national and regional officers name it)",
          body: CreateProposalBody,
          response: { 201: ProposalDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.submit(contextOf(request), request.body)),
    );
    app.get(
      "/proposals/:id",
      {
        schema: {
          tags,
          summary: "Read a proposal with its supports, attachments and what the caller may do",
          params: IdParams,
          response: { 200: ProposalDetail },
        },
      },
      (request) => service.get(contextOf(request), request.params.id),
    );
    app.post(
      "/proposals/:id/transitions",
      {
        schema: {
          tags,
          summary:
            "Review: study (received → under_study), retain (note required), reject (reason required), reopen a decision (reason required; not once a project exists). 409 on a stale version",
          params: IdParams,
          body: TransitionProposalBody,
          response: { 200: ProposalDetail },
        },
      },
      (request) => service.transition(contextOf(request), request.params.id, request.body),
    );
    app.get(
      "/proposals/:id/comments",
      {
        schema: {
          tags,
          summary: "Comments on a proposal, oldest first",
          params: IdParams,
          querystring: PageQuery,
          response: { 200: ProposalCommentList },
        },
      },
      (request) => service.comments(contextOf(request), request.params.id, request.query),
    );
    app.post(
      "/proposals/:id/comments",
      {
        schema: {
          tags,
          summary: "Comment on a proposal one can read",
          params: IdParams,
          body: CreateCommentBody,
          response: { 201: ProposalComment },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.comment(contextOf(request), request.params.id, request.body)),
    );
    app.post(
      "/proposals/:id/supports",
      {
        schema: {
          tags,
          summary:
            "Support a proposal for one's organisation (once per organisation, never one's own, while received or under study)",
          params: IdParams,
          body: SupportBody,
          response: { 200: ProposalDetail },
        },
      },
      (request) => service.support(contextOf(request), request.params.id, request.body),
    );
    app.delete(
      "/proposals/:id/supports/:organizationId",
      {
        schema: {
          tags,
          summary: "Withdraw an organisation's support",
          params: SupportParams,
          response: { 200: ProposalDetail },
        },
      },
      (request) =>
        service.withdrawSupport(contextOf(request), request.params.id, request.params.organizationId),
    );
    app.post(
      "/proposals/:id/attachments",
      {
        schema: {
          tags,
          summary:
            "Attach a document (multipart, one `file` part; the author's organisation and the reviewers; 413 over the size limit, 415 for other types)",
          params: IdParams,
          ...uploadBodySchema,
          response: { 201: ProposalAttachment },
        },
      },
      async (request, reply) => {
        const stored = await service.attach(contextOf(request), request.params.id, () => readUpload(request));
        const { id, fileName, mediaType, sizeBytes, createdAt } = stored;
        return reply.status(201).send({ id, fileName, mediaType, sizeBytes, createdAt });
      },
    );
    app.get(
      "/proposals/:id/attachments/:fileId",
      {
        schema: { tags, summary: "Download an attachment with its name and type", params: AttachmentParams },
      },
      async (request, reply) =>
        sendStoredFile(
          reply,
          await service.attachment(contextOf(request), request.params.id, request.params.fileId),
        ),
    );
    app.post(
      "/proposals/:id/project",
      {
        schema: {
          tags,
          summary:
            "Turn a retained proposal into a project (title, territory, description and target group come from the proposal); the proposal keeps the project's id",
          params: IdParams,
          body: ConvertProposalBody,
          response: { 201: ProposalDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.convert(contextOf(request), request.params.id, request.body)),
    );
  };
}
