import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { Queue, QueueQuery } from "../../../contracts/applications.ts";
import { IdParams } from "../../../contracts/common.ts";
import {
  EligibilityCheckBody,
  EligibilityResult,
  PersonEligibilityBody,
} from "../../../contracts/eligibility.ts";
import {
  CreateProgramBody,
  Program,
  ProgramList,
  ProgramListQuery,
  SetProgramStatusBody,
  SetStagesBody,
  UpdateProgramBody,
} from "../../../contracts/programs.ts";
import { contextOf } from "../../platform/context.ts";
import { applicationsRoutes } from "./programs.applications.routes.ts";
import { publicRoutes } from "./programs.public.routes.ts";
import type { ProgramsService } from "./programs.service.ts";

export function programsRoutes(service: ProgramsService) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["programs"];

    /* ------------------------------------------------------------ catalogue */

    app.get(
      "/programs",
      {
        schema: {
          tags,
          summary: "The programme catalogue",
          querystring: ProgramListQuery,
          response: { 200: ProgramList },
        },
      },
      (request) => service.list(contextOf(request), request.query),
    );
    app.post(
      "/programs",
      {
        schema: {
          tags,
          summary: "Design a programme (created as draft)",
          body: CreateProgramBody,
          response: { 201: Program },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.create(contextOf(request), request.body)),
    );
    app.get(
      "/programs/:id",
      {
        schema: {
          tags,
          summary: "Read a programme with its workflow and rules",
          params: IdParams,
          response: { 200: Program },
        },
      },
      (request) => service.get(contextOf(request), request.params.id),
    );
    app.patch(
      "/programs/:id",
      {
        schema: {
          tags,
          summary: "Update a programme (409 if `version` is not the current one)",
          params: IdParams,
          body: UpdateProgramBody,
          response: { 200: Program },
        },
      },
      (request) => service.update(contextOf(request), request.params.id, request.body),
    );
    app.put(
      "/programs/:id/stages",
      {
        schema: {
          tags,
          summary:
            "Replace the programme's workflow (ordered stages); a stage holding applications cannot be removed",
          params: IdParams,
          body: SetStagesBody,
          response: { 200: Program },
        },
      },
      (request) => service.setStages(contextOf(request), request.params.id, request.body),
    );
    app.post(
      "/programs/:id/status",
      {
        schema: {
          tags,
          summary: "Open (draft → active) or close a programme",
          params: IdParams,
          body: SetProgramStatusBody,
          response: { 200: Program },
        },
      },
      (request) =>
        service.setStatus(contextOf(request), request.params.id, request.body.version, request.body.status),
    );
    app.post(
      "/programs/:id/eligibility",
      {
        schema: {
          tags,
          summary:
            "Evaluate the programme's eligibility rules for a registered person, with an explanation per condition",
          params: IdParams,
          body: PersonEligibilityBody,
          response: { 200: EligibilityResult },
        },
      },
      (request) =>
        service.personEligibility(
          contextOf(request),
          request.locale,
          request.params.id,
          request.body.personId,
        ),
    );
    app.post(
      "/programs/:id/eligibility/check",
      {
        schema: {
          tags,
          summary: "Evaluate the rules against a profile typed in (nothing is stored)",
          params: IdParams,
          body: EligibilityCheckBody,
          response: { 200: EligibilityResult },
        },
      },
      (request) =>
        service.checkEligibility(contextOf(request), request.locale, request.params.id, request.body.profile),
    );
    app.get(
      "/programs/:id/queue",
      {
        schema: {
          tags,
          summary: "Review queue: pending applications in the caller's scope, longest waiting first",
          params: IdParams,
          querystring: QueueQuery,
          response: { 200: Queue },
        },
      },
      (request) => service.queue(contextOf(request), request.params.id, request.query),
    );

    applicationsRoutes(plain, service);
    publicRoutes(plain, service);
  };
}
