import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  AddMemberBody,
  Consent,
  ConsentList,
  CreateConsentBody,
  CreateHouseholdBody,
  CreatePersonBody,
  DuplicateCheckBody,
  DuplicateList,
  Household,
  HouseholdList,
  HouseholdListQuery,
  MemberParams,
  MergeBody,
  Person,
  PersonExportQuery,
  PersonList,
  PersonListQuery,
  type PersonSummary,
  RemoveMemberBody,
  Timeline,
  UpdateHouseholdBody,
  UpdatePersonBody,
} from "../../../contracts/beneficiaries.ts";
import { today } from "../../../contracts/calendar.ts";
import { IdParams } from "../../../contracts/common.ts";
import { contextOf } from "../../platform/context.ts";
import { type ExportColumn, sendExport } from "../../platform/export.ts";
import { t } from "../../platform/i18n.ts";
import type { BeneficiariesService } from "./beneficiaries.service.ts";

export function beneficiariesRoutes(service: BeneficiariesService) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["persons"];

    app.get(
      "/persons",
      {
        schema: {
          tags,
          summary: "Search and list persons in the caller's scope (CIN masked)",
          description:
            "`q` finds by CIN, phone, or a name in Latin or Arabic script, tolerant of spelling variants (Mohamed, Mohammed, Mhamed, محمد); results are then ranked by relevance (`score`).",
          querystring: PersonListQuery,
          response: { 200: PersonList },
        },
      },
      (request) => service.list(contextOf(request), request.query),
    );
    app.get(
      "/persons/export",
      {
        schema: {
          tags,
          summary:
            "Export the filtered list of persons as CSV (UTF-8 with BOM) or XLSX (CIN masked; audited); a search matching more persons than a search gathers is refused (422)",
          querystring: PersonExportQuery,
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const rows = await service.exportRows(ctx, request.query);
        const label = (k: string) => t(request.locale, `beneficiaries.fields.${k}`);
        const columns: ExportColumn<PersonSummary>[] = [
          { header: label("cin"), value: (p) => p.cinMasked, width: 12 },
          { header: label("lastNameLatin"), value: (p) => p.lastNameLatin },
          { header: label("firstNameLatin"), value: (p) => p.firstNameLatin },
          { header: label("lastNameAr"), value: (p) => p.lastNameAr },
          { header: label("firstNameAr"), value: (p) => p.firstNameAr },
          {
            header: label("sex"),
            value: (p) => t(request.locale, `beneficiaries.sexes.${p.sex}`),
            width: 10,
          },
          { header: label("birthDate"), value: (p) => p.birthDate, width: 12 },
          { header: label("phone"), value: (p) => p.phone },
          { header: label("regionCode"), value: (p) => p.regionCode, width: 10 },
          { header: label("provinceCode"), value: (p) => p.provinceCode, width: 10 },
          { header: label("commune"), value: (p) => p.commune },
        ];
        return sendExport(reply, {
          format: request.query.format,
          filename: `${t(request.locale, "beneficiaries.exportFile")}-${today()}`,
          columns,
          rows,
        });
      },
    );
    app.post(
      "/persons/duplicates",
      {
        schema: {
          tags,
          summary:
            "Probable duplicates of a person about to be saved: same CIN, same phone, or similar name born the same day in the same province or commune",
          body: DuplicateCheckBody,
          response: { 200: DuplicateList },
        },
      },
      (request) => service.duplicates(contextOf(request), request.body),
    );
    app.post(
      "/persons",
      {
        schema: {
          tags,
          summary: "Register a person (409 on `cin` if the CIN is already registered)",
          body: CreatePersonBody,
          response: { 201: Person },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.create(contextOf(request), request.body)),
    );
    app.get(
      "/persons/:id",
      {
        schema: {
          tags,
          summary:
            "Read a person's record (writes a person.read audit event; personal fields need persons.personal)",
          params: IdParams,
          response: { 200: Person },
        },
      },
      (request) => service.get(contextOf(request), request.params.id),
    );
    app.patch(
      "/persons/:id",
      {
        schema: {
          tags,
          summary: "Update a person (409 if `version` is not the current one)",
          params: IdParams,
          body: UpdatePersonBody,
          response: { 200: Person },
        },
      },
      (request) => service.update(contextOf(request), request.params.id, request.body),
    );
    app.post(
      "/persons/:id/merge",
      {
        schema: {
          tags,
          summary:
            "Merge this person into another (`intoId`): memberships, consents and applications move; both are audited",
          params: IdParams,
          body: MergeBody,
          response: { 200: Person },
        },
      },
      (request) => service.merge(contextOf(request), request.params.id, request.body),
    );
    app.get(
      "/persons/:id/consents",
      {
        schema: {
          tags,
          summary: "A person's consent records",
          params: IdParams,
          response: { 200: ConsentList },
        },
      },
      (request) => service.consents(contextOf(request), request.params.id),
    );
    app.post(
      "/persons/:id/consents",
      {
        schema: {
          tags,
          summary: "Record a consent (purpose, date; the recorder is the caller)",
          params: IdParams,
          body: CreateConsentBody,
          response: { 201: Consent },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.addConsent(contextOf(request), request.params.id, request.body)),
    );
    app.get(
      "/persons/:id/timeline",
      {
        schema: {
          tags,
          summary:
            "A person's history, newest first: record, consents, household, applications, enrolments, services, stays",
          params: IdParams,
          response: { 200: Timeline },
        },
      },
      (request) => service.timeline(contextOf(request), request.params.id, request.locale),
    );

    const htags = ["households"];
    app.get(
      "/households",
      {
        schema: {
          tags: htags,
          summary: "List households in the caller's scope",
          querystring: HouseholdListQuery,
          response: { 200: HouseholdList },
        },
      },
      (request) => service.listHouseholds(contextOf(request), request.query),
    );
    app.post(
      "/households",
      {
        schema: {
          tags: htags,
          summary: "Create a household around its head",
          body: CreateHouseholdBody,
          response: { 201: Household },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createHousehold(contextOf(request), request.body)),
    );
    app.get(
      "/households/:id",
      {
        schema: {
          tags: htags,
          summary: "Read a household with its members",
          params: IdParams,
          response: { 200: Household },
        },
      },
      (request) => service.getHousehold(contextOf(request), request.params.id),
    );
    app.patch(
      "/households/:id",
      {
        schema: {
          tags: htags,
          summary:
            "Update a household: place, address, socio-economic score imported from the national social registry",
          params: IdParams,
          body: UpdateHouseholdBody,
          response: { 200: Household },
        },
      },
      (request) => service.updateHousehold(contextOf(request), request.params.id, request.body),
    );
    app.post(
      "/households/:id/members",
      {
        schema: {
          tags: htags,
          summary: "Add a member with their relationship to the head",
          params: IdParams,
          body: AddMemberBody,
          response: { 200: Household },
        },
      },
      (request) => service.addMember(contextOf(request), request.params.id, request.body),
    );
    app.post(
      "/households/:id/members/:personId/remove",
      {
        schema: {
          tags: htags,
          summary: "Remove a member (not the head)",
          params: MemberParams,
          body: RemoveMemberBody,
          response: { 200: Household },
        },
      },
      (request) =>
        service.removeMember(
          contextOf(request),
          request.params.id,
          request.params.personId,
          request.body.version,
        ),
    );
  };
}
