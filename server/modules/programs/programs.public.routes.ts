import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams } from "../../../contracts/common.ts";
import {
  PublicApplyBody,
  PublicApplyResult,
  PublicEligibility,
  PublicEligibilityBody,
  PublicPlaces,
  PublicProgram,
  PublicProgramList,
  PublicStatus,
  PublicStatusBody,
} from "../../../contracts/public.ts";
import { PROVINCES, REGIONS } from "../territories/index.ts";
import type { PublicService } from "./programs.public.service.ts";

/** Public access, without an account. */
export function publicRoutes(plain: FastifyInstance, service: PublicService) {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const publicTags = ["public"];
  const open = { security: [] };
  const publicCtx = (request: { id: string; ip: string }) => ({
    actor: null,
    requestId: request.id,
    ip: request.ip,
  });

  app.get(
    "/public/programs",
    {
      schema: {
        ...open,
        tags: publicTags,
        summary: "Active programmes, in plain words, with who can apply (no sign-in)",
        response: { 200: PublicProgramList },
      },
      config: { rateLimit: { max: 120, timeWindow: "1 minute" } },
    },
    async (request) => ({ items: await service.publicList(request.locale) }),
  );
  app.get(
    "/public/places",
    {
      schema: {
        ...open,
        tags: publicTags,
        summary: "Regions and provinces, for the public forms (no sign-in)",
        response: { 200: PublicPlaces },
      },
      config: { rateLimit: { max: 120, timeWindow: "1 minute" } },
    },
    async () => ({
      regions: REGIONS.map(({ code, nameFr, nameAr, nameEn }) => ({ code, nameFr, nameAr, nameEn })),
      provinces: PROVINCES.map(({ code, regionCode, nameFr, nameAr, nameEn }) => ({
        code,
        regionCode,
        nameFr,
        nameAr,
        nameEn,
      })),
    }),
  );
  app.get(
    "/public/programs/:id",
    {
      schema: {
        ...open,
        tags: publicTags,
        summary: "One active programme (no sign-in)",
        params: IdParams,
        response: { 200: PublicProgram },
      },
      config: { rateLimit: { max: 120, timeWindow: "1 minute" } },
    },
    (request) => service.publicGet(request.locale, request.params.id),
  );
  app.post(
    "/public/programs/:id/eligibility",
    {
      schema: {
        ...open,
        tags: publicTags,
        summary: "Check eligibility from a few answers; nothing is stored",
        params: IdParams,
        body: PublicEligibilityBody,
        response: { 200: PublicEligibility },
      },
      config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    (request) => service.publicCheck(request.locale, request.params.id, request.body.answers),
  );
  app.post(
    "/public/applications",
    {
      schema: {
        ...open,
        tags: publicTags,
        summary: "Apply online; answers a tracking code (shown once)",
        body: PublicApplyBody,
        response: { 201: PublicApplyResult },
      },
      config: { rateLimit: { max: 5, timeWindow: "1 minute" } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.publicApply(publicCtx(request), request.locale, request.body)),
  );
  app.post(
    "/public/applications/status",
    {
      schema: {
        ...open,
        tags: publicTags,
        summary:
          "Status of an application from its tracking code and the applicant's birth date; a wrong code or date is the same 404",
        body: PublicStatusBody,
        response: { 200: PublicStatus },
      },
      config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    (request) => service.publicStatus(request.body.trackingCode, request.body.birthDate),
  );
}
