import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  CreateItemBody,
  CreateProjectBody,
  DiagnosticBody,
  DiagnosticParams,
  EstablishmentProject,
  ItemParams,
  MeetingBody,
  PhaseBody,
  UpdateItemBody,
  UpdateProjectBody,
} from "../../../contracts/establishment-projects.ts";
import { EstablishmentParams } from "../../../contracts/residents.ts";
import { contextOf } from "../../platform/context.ts";
import type { ProjectsService } from "./establishments.projects.service.ts";

/** The establishment project: phases, diagnostic, action items, governance meetings. */
export function projectsRoutes(service: ProjectsService) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["establishment projects"];
    const base = "/establishments/:id/project";
    const reply200 = { 200: EstablishmentProject };

    app.get(
      base,
      {
        schema: {
          tags,
          summary: "The establishment's project with its progress",
          params: EstablishmentParams,
          response: reply200,
        },
      },
      (r) => service.get(contextOf(r), r.params.id),
    );
    app.post(
      base,
      {
        schema: {
          tags,
          summary: "Start the establishment's project (phase diagnostic)",
          params: EstablishmentParams,
          body: CreateProjectBody,
          response: { 201: EstablishmentProject },
        },
      },
      async (r, reply) => reply.status(201).send(await service.create(contextOf(r), r.params.id, r.body)),
    );
    app.patch(
      base,
      {
        schema: {
          tags,
          summary: "Edit the project (accompanying partner, start, summary)",
          params: EstablishmentParams,
          body: UpdateProjectBody,
          response: reply200,
        },
      },
      (r) => service.update(contextOf(r), r.params.id, r.body),
    );
    app.post(
      `${base}/phase`,
      {
        schema: {
          tags,
          summary: "Move the project one phase forward or back",
          params: EstablishmentParams,
          body: PhaseBody,
          response: reply200,
        },
      },
      (r) => service.movePhase(contextOf(r), r.params.id, r.body),
    );
    app.put(
      `${base}/diagnostic/:domain`,
      {
        schema: {
          tags,
          summary: "Score a domain of the diagnostic (0–5) with notes",
          params: DiagnosticParams,
          body: DiagnosticBody,
          response: reply200,
        },
      },
      (r) => service.setDiagnostic(contextOf(r), r.params.id, r.params.domain, r.body),
    );
    app.post(
      `${base}/items`,
      {
        schema: {
          tags,
          summary: "Add an action item",
          params: EstablishmentParams,
          body: CreateItemBody,
          response: { 201: EstablishmentProject },
        },
      },
      async (r, reply) => reply.status(201).send(await service.addItem(contextOf(r), r.params.id, r.body)),
    );
    app.patch(
      `${base}/items/:itemId`,
      {
        schema: {
          tags,
          summary: "Edit an action item (status, evidence…)",
          params: ItemParams,
          body: UpdateItemBody,
          response: reply200,
        },
      },
      (r) => service.updateItem(contextOf(r), r.params.id, r.params.itemId, r.body),
    );
    app.post(
      `${base}/meetings`,
      {
        schema: {
          tags,
          summary: "Record a governance meeting of the managing association",
          params: EstablishmentParams,
          body: MeetingBody,
          response: { 201: EstablishmentProject },
        },
      },
      async (r, reply) => reply.status(201).send(await service.addMeeting(contextOf(r), r.params.id, r.body)),
    );
  };
}
