import { existsSync } from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Locale } from "../contracts/common.ts";
import { Health } from "../contracts/health.ts";
import {
  accessRoutes,
  createAccessService,
  createSessionKeys,
  registerAccessHooks,
  type ScopeDirectory,
  scopeKey,
} from "./modules/access/index.ts";
import {
  beneficiariesRoutes,
  createBeneficiariesService,
  createPersonImportService,
  personImportRoutes,
} from "./modules/beneficiaries/index.ts";
import { consultationsRoutes, createConsultationsService } from "./modules/consultations/index.ts";
import {
  createCohortsService,
  createEstablishmentsService,
  createInfrastructureService,
  createInspectionsService,
  createProjectsService,
  createResidentsService,
  currentResidents,
  establishmentNames,
  establishmentsRoutes,
  projectProgress,
  projectsRoutes,
  residentsRoutes,
  residentsTimeline,
} from "./modules/establishments/index.ts";
import {
  createDashboardsService,
  createIndicatorsService,
  dashboardsRoutes,
  establishmentComputations,
  indicatorsRoutes,
  partnershipComputations,
  programComputations,
} from "./modules/indicators/index.ts";
import {
  createOrganizationsService,
  organizationNames,
  organizationsRoutes,
} from "./modules/organizations/index.ts";
import {
  conventionsRoutes,
  createConventionsService,
  createProjectMoneyService,
  createSocialProjectsService,
  socialProjectsRoutes,
} from "./modules/partnerships/index.ts";
import {
  createProgramsService,
  moveApplications,
  programsRoutes,
  programsTimeline,
} from "./modules/programs/index.ts";
import { territoriesRoutes, territoryNames } from "./modules/territories/index.ts";
import type { Db } from "./platform/database.ts";
import { registerSecurityHeaders } from "./platform/headers.ts";
import { type LogOptions, loggerOptions, registerRequestLog } from "./platform/logging.ts";
import { registerProblemHandler } from "./platform/problem.ts";
import { serializerCompiler } from "./platform/serializer.ts";
import { isUuid } from "./platform/text.ts";

export interface AppDeps {
  db: Db;
  databaseKind: "embedded" | "external";
  sessionSecret: string;
  version: string;
  /** The request log (platform/logging.ts); none when absent. */
  logger?: LogOptions;
  /** Built web app to serve (dist/web); absent in API-only tests. */
  webRoot?: string;
}

export const WEB_ROOT = path.resolve(import.meta.dirname, "../dist/web");

/** Assembles the HTTP application from its modules; main.ts and the tests both call it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ? loggerOptions(deps.logger) : false,
    // One line per request instead, without query strings (registerRequestLog).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: "loopback,uniquelocal",
    genReqId: (req) =>
      (req.headers["x-request-id"] as string | undefined)?.slice(0, 64) || crypto.randomUUID(),
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  if (deps.logger) registerRequestLog(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Set when the request arrives, so every answer carries it, errors included (a synchronous
  // hook: an async one costs a promise and a turn of the event loop on every request).
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });

  const serveWeb = Boolean(deps.webRoot && existsSync(path.join(deps.webRoot, "index.html")));
  registerProblemHandler(app, { singlePageApp: serveWeb });
  await app.register(cookie);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      // Jisr is often served over plain HTTP on a LAN: never force https upgrades.
      directives: { upgradeInsecureRequests: null, "img-src": ["'self'", "data:", "blob:"] },
    },
    strictTransportSecurity: false,
  });
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app, deps.version);

  const keys = createSessionKeys(deps.sessionSecret);
  registerAccessHooks(app, { db: deps.db, keys });

  const access = createAccessService({ db: deps.db, keys, directory: scopeDirectory(deps.db) });
  const organizations = createOrganizationsService({ db: deps.db });
  // Other modules give the registry their merge step (move what they hold about a person) and timeline events.
  const beneficiaries = createBeneficiariesService({ db: deps.db });
  beneficiaries.addMergeHook(moveApplications);
  beneficiaries.addTimelineSource(programsTimeline);
  const programs = createProgramsService({ db: deps.db });
  beneficiaries.addTimelineSource(residentsTimeline);
  const residents = createResidentsService({ db: deps.db });
  const establishmentProjects = createProjectsService({ db: deps.db });
  // Social projects of the partnerships module (/projects), distinct from establishment projects.
  const socialProjects = {
    db: deps.db,
    projects: createSocialProjectsService({ db: deps.db }),
    money: createProjectMoneyService({ db: deps.db }),
  };
  // Stakeholder proposals; a retained one becomes a project through the partnerships module, in one transaction.
  const proposals = createConsultationsService({
    db: deps.db,
    createProject: (tx, ctx, input) => socialProjects.projects.createIn(tx, ctx, input),
  });
  // Computed indicators and dashboards read other modules' data through the computations they provide.
  const indicators = createIndicatorsService({ db: deps.db });
  indicators.addComputations(establishmentComputations);
  indicators.addComputations(programComputations);
  indicators.addComputations(partnershipComputations);
  const dashboards = createDashboardsService({ db: deps.db, indicators });
  const establishments = {
    db: deps.db,
    registry: createEstablishmentsService({ db: deps.db, occupancy: currentResidents }),
    infrastructure: createInfrastructureService({ db: deps.db }),
    inspections: createInspectionsService({ db: deps.db }),
    cohorts: createCohortsService({ db: deps.db, progress: projectProgress }),
  };

  await app.register(
    async (api) => {
      api.withTypeProvider<ZodTypeProvider>().get(
        "/health",
        {
          schema: { tags: ["platform"], summary: "Liveness and database kind", response: { 200: Health } },
        },
        async () => {
          await deps.db.execute("select 1");
          return { status: "ok" as const, database: deps.databaseKind, version: deps.version };
        },
      );
      await api.register(accessRoutes(access));
      await api.register(territoriesRoutes(deps.db));
      await api.register(organizationsRoutes(organizations));
      await api.register(beneficiariesRoutes(beneficiaries));
      await api.register(personImportRoutes(createPersonImportService({ db: deps.db })));
      await api.register(programsRoutes(programs));
      await api.register(establishmentsRoutes(establishments));
      await api.register(residentsRoutes(residents));
      await api.register(projectsRoutes(establishmentProjects));
      await api.register(
        conventionsRoutes({ db: deps.db, conventions: createConventionsService({ db: deps.db }) }),
      );
      await api.register(socialProjectsRoutes(socialProjects));
      await api.register(consultationsRoutes(proposals));
      await api.register(indicatorsRoutes(indicators));
      await api.register(dashboardsRoutes(dashboards));
    },
    { prefix: "/api/v1" },
  );

  if (serveWeb && deps.webRoot) await registerWeb(app, deps.webRoot);
  return app;
}

async function registerOpenApi(app: FastifyInstance, version: string) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Jisr API",
        version,
        description:
          "API of Jisr, the platform of the national social pole. Errors are application/problem+json (RFC 9457) with a stable `code` and per-field `errors`, in the language of Accept-Language. Authenticate with the session cookie (writes then need the X-CSRF-Token header from /auth/me) or a personal token: `Authorization: Bearer jisr_…`.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "jisr_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    // Same reason as above: the docs must load over plain HTTP too.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ""),
  });
}

/**
 * The built single-page app. Vite names assets by content hash, so they are
 * cached for a year; index.html is always revalidated, so a deploy is seen at
 * once and never points to chunks that are gone.
 */
async function registerWeb(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header(
        "cache-control",
        file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
}

/** Names a role's scope for people, from the module that owns it; a missing name means an unknown reference. */
function scopeDirectory(db: Db): ScopeDirectory {
  return {
    async labels(grants, locale: Locale) {
      const refs = (type: string) => [
        ...new Set(grants.filter((g) => g.scopeType === type && g.scopeRef).map((g) => g.scopeRef as string)),
      ];
      const [territories, orgs] = await Promise.all([
        territoryNames(db, { regions: refs("region"), provinces: refs("province") }, locale),
        organizationNames(db, refs("organization").filter(isUuid)),
      ]);
      const labels = new Map<string, string>();
      for (const [code, name] of territories.regions)
        labels.set(scopeKey({ scopeType: "region", scopeRef: code }), name);
      for (const [code, p] of territories.provinces)
        labels.set(scopeKey({ scopeType: "province", scopeRef: code }), p.name);
      for (const [id, o] of orgs)
        labels.set(
          scopeKey({ scopeType: "organization", scopeRef: id }),
          (locale === "ar" && o.nameAr) || o.nameFr,
        );
      for (const [id, e] of await establishmentNames(db, refs("establishment").filter(isUuid)))
        labels.set(
          scopeKey({ scopeType: "establishment", scopeRef: id }),
          (locale === "ar" && e.nameAr) || e.nameFr,
        );
      return labels;
    },
  };
}
