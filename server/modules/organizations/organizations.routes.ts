import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams, VersionBody } from "../../../contracts/common.ts";
import {
  CreateOrganizationBody,
  Organization,
  OrganizationList,
  OrganizationListQuery,
  UpdateOrganizationBody,
} from "../../../contracts/organizations.ts";
import { contextOf } from "../../platform/context.ts";
import type { OrganizationsService } from "./organizations.service.ts";

export function organizationsRoutes(service: OrganizationsService) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["organizations"];

    app.get(
      "/organizations",
      {
        schema: {
          tags,
          summary: "List organisations in the caller's scope",
          querystring: OrganizationListQuery,
          response: { 200: OrganizationList },
        },
      },
      (request) => service.list(contextOf(request), request.query),
    );
    app.post(
      "/organizations",
      {
        schema: {
          tags,
          summary: "Create an organisation",
          body: CreateOrganizationBody,
          response: { 201: Organization },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.create(contextOf(request), request.body)),
    );
    app.get(
      "/organizations/:id",
      {
        schema: { tags, summary: "Read an organisation", params: IdParams, response: { 200: Organization } },
      },
      (request) => service.get(contextOf(request), request.params.id),
    );
    app.patch(
      "/organizations/:id",
      {
        schema: {
          tags,
          summary: "Update an organisation (409 if `version` is not the current one)",
          params: IdParams,
          body: UpdateOrganizationBody,
          response: { 200: Organization },
        },
      },
      (request) => service.update(contextOf(request), request.params.id, request.body),
    );
    app.post(
      "/organizations/:id/archive",
      {
        schema: {
          tags,
          summary: "Archive an organisation",
          params: IdParams,
          body: VersionBody,
          response: { 200: Organization },
        },
      },
      (request) => service.setArchived(contextOf(request), request.params.id, request.body.version, true),
    );
    app.post(
      "/organizations/:id/restore",
      {
        schema: {
          tags,
          summary: "Restore an archived organisation",
          params: IdParams,
          body: VersionBody,
          response: { 200: Organization },
        },
      },
      (request) => service.setArchived(contextOf(request), request.params.id, request.body.version, false),
    );
  };
}
