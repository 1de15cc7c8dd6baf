import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  AdmissionCandidateList,
  AdmissionCandidateQuery,
  AdmissionRequestBody,
  AdmitBody,
  AttendanceBody,
  AttendanceDay,
  AttendanceQuery,
  DecisionBody,
  DischargeBody,
  EstablishmentParams,
  Occupancy,
  OccupancyQuery,
  Resident,
  ResidentFile,
  ResidentList,
  ResidentListQuery,
  ResidentParams,
  ResidentService,
  ResidentServiceBody,
} from "../../../contracts/residents.ts";
import { contextOf } from "../../platform/context.ts";
import type { ResidentsService } from "./establishments.residents.service.ts";

/** Residents, admissions, attendance and occupancy of an establishment. */
export function residentsRoutes(service: ResidentsService) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["residents"];
    const base = "/establishments/:id";

    app.get(
      `${base}/residents`,
      {
        schema: {
          tags,
          summary: "Stays (admission requests, residents, former residents) of an establishment",
          params: EstablishmentParams,
          querystring: ResidentListQuery,
          response: { 200: ResidentList },
        },
      },
      (r) => service.list(contextOf(r), r.params.id, r.query),
    );
    app.get(
      `${base}/admission-candidates`,
      {
        schema: {
          tags,
          summary:
            "Persons of the establishment's province who may be admitted: exact `cin`, or `name` with `birthDate` (at most 5; audited)",
          params: EstablishmentParams,
          querystring: AdmissionCandidateQuery,
          response: { 200: AdmissionCandidateList },
        },
      },
      (r) => service.candidates(contextOf(r), r.params.id, r.query),
    );
    app.post(
      `${base}/admissions`,
      {
        schema: {
          tags,
          summary:
            "Request the admission of a registry person (`personId`) or of a new person registered in the establishment's province (`person`); 409 if the person already has an open stay",
          params: EstablishmentParams,
          body: AdmissionRequestBody,
          response: { 201: Resident },
        },
      },
      async (r, reply) => reply.status(201).send(await service.request(contextOf(r), r.params.id, r.body)),
    );
    app.get(
      `${base}/residents/:residentId`,
      {
        schema: {
          tags,
          summary: "A resident's file with the services received",
          params: ResidentParams,
          response: { 200: ResidentFile },
        },
      },
      (r) => service.get(contextOf(r), r.params.id, r.params.residentId),
    );
    app.post(
      `${base}/residents/:residentId/decision`,
      {
        schema: {
          tags,
          summary: "Accept or refuse an admission request",
          params: ResidentParams,
          body: DecisionBody,
          response: { 200: Resident },
        },
      },
      (r) => service.decide(contextOf(r), r.params.id, r.params.residentId, r.body),
    );
    app.post(
      `${base}/residents/:residentId/admission`,
      {
        schema: {
          tags,
          summary:
            "Admit an accepted person (409 beyond the capacity for their sex unless `overCapacityReason` is given)",
          params: ResidentParams,
          body: AdmitBody,
          response: { 200: Resident },
        },
      },
      (r) => service.admit(contextOf(r), r.params.id, r.params.residentId, r.body),
    );
    app.post(
      `${base}/residents/:residentId/discharge`,
      {
        schema: {
          tags,
          summary: "Discharge a resident",
          params: ResidentParams,
          body: DischargeBody,
          response: { 200: Resident },
        },
      },
      (r) => service.discharge(contextOf(r), r.params.id, r.params.residentId, r.body),
    );
    app.post(
      `${base}/residents/:residentId/services`,
      {
        schema: {
          tags,
          summary: "Record a service received by a resident",
          params: ResidentParams,
          body: ResidentServiceBody,
          response: { 201: ResidentService },
        },
      },
      async (r, reply) =>
        reply
          .status(201)
          .send(await service.addService(contextOf(r), r.params.id, r.params.residentId, r.body)),
    );
    app.get(
      `${base}/attendance`,
      {
        schema: {
          tags,
          summary: "The attendance register of a day: every resident of that day with their status",
          params: EstablishmentParams,
          querystring: AttendanceQuery,
          response: { 200: AttendanceDay },
        },
      },
      (r) => service.attendance(contextOf(r), r.params.id, r.query.date),
    );
    app.put(
      `${base}/attendance`,
      {
        schema: {
          tags,
          summary: "Save a day's register in one request (upsert, idempotent)",
          params: EstablishmentParams,
          body: AttendanceBody,
          response: { 200: AttendanceDay },
        },
      },
      (r) => service.saveAttendance(contextOf(r), r.params.id, r.body),
    );
    app.get(
      `${base}/occupancy`,
      {
        schema: {
          tags,
          summary: "Occupied places and occupancy rate by sex, per day or month, computed from the stays",
          params: EstablishmentParams,
          querystring: OccupancyQuery,
          response: { 200: Occupancy },
        },
      },
      (r) => service.occupancy(contextOf(r), r.params.id, r.query),
    );
  };
}
