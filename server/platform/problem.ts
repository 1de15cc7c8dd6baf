import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { FieldError, Locale, Problem } from "../../contracts/common.ts";
import { AppError, type FieldIssue } from "./errors.ts";
import { hasKey, t } from "./i18n.ts";

/**
 * One error handler for the whole API: every failure leaves as RFC 9457
 * problem+json in the caller's language, and nothing about SQL or stack
 * traces ever reaches the client.
 */
export function registerProblemHandler(app: FastifyInstance, opts: { singlePageApp: boolean }) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err, request);
    if (appError.status >= 500) request.log.error({ err }, "unhandled error");
    else request.log.info({ code: appError.code, status: appError.status }, "request refused");
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => {
    // Deep links of the web app (/organizations/…) belong to the app, which routes them itself.
    if (opts.singlePageApp && request.method === "GET" && !request.url.startsWith("/api"))
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    return sendProblem(request, reply, new AppError(404, "request.not_found"));
  });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, e: AppError) {
  const locale: Locale = request.locale ?? "fr";
  const params = { ...e.params, requestId: request.id };
  const errors: FieldError[] = e.fieldErrors.map((f) => ({
    path: f.path,
    code: f.code,
    message: t(locale, messageKey(f.code), f.params),
  }));
  const body: Problem = {
    type: `https://jisr.ma/problems/${e.code}`,
    title: t(locale, `errors.titles.${e.status}`),
    status: e.status,
    detail: t(locale, `errors.${e.code}`, params),
    code: e.code,
    ...(errors.length ? { errors } : {}),
    requestId: request.id,
  };
  return reply.status(e.status).type("application/problem+json").send(body);
}

const messageKey = (code: string) => (code.startsWith("validation.") ? code : `errors.${code}`);

function toAppError(err: FastifyError, request: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const source = err.validationContext === "body" ? request.body : request.query;
    return new AppError(
      400,
      "validation.failed",
      {},
      err.validation.map((v) => zodIssue(v, source)),
    );
  }
  const pg = postgresError(err);
  if (pg) return pg;
  switch (err.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError(400, "request.invalid_json");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError(413, "request.too_large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError(415, "request.unsupported_media_type");
  }
  if (err.statusCode === 429) return new AppError(429, "request.rate_limited");
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new AppError(err.statusCode, "request.invalid");
  return new AppError(500, "internal");
}

interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function zodIssue(v: ZodIssueLike, source: unknown): FieldIssue {
  const segments = v.instancePath.split("/").filter(Boolean);
  const params = { ...v.params } as Record<string, unknown>;
  let path = segments.join(".");
  // A contract may name its own message ({ message: "indicators.period_format" }): any code with a text.
  let code = v.message && hasKey(messageKey(v.message)) ? v.message : `validation.${v.keyword}`;
  if (v.keyword === "unrecognized_keys") {
    const keys = (params.keys as string[] | undefined) ?? [];
    params.keys = keys.join(", ");
    path = [...segments, keys[0] ?? ""].filter(Boolean).join(".");
  } else if (v.keyword === "invalid_type" && valueAt(source, segments) === undefined) {
    code = "validation.required";
  } else if (v.keyword === "invalid_value" && Array.isArray(params.values)) {
    params.values = params.values.join(", ");
  }
  if (!hasKey(messageKey(code))) code = "validation.custom";
  return { path, code, params };
}

function valueAt(source: unknown, segments: string[]): unknown {
  let node = source;
  for (const s of segments) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

/** Database errors caused by input become 4xx; the SQL stays in the log. Drizzle puts the pg error on `cause`. */
function postgresError(err: unknown): AppError | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code =
    typeof e.cause?.code === "string" ? e.cause.code : typeof e.code === "string" ? e.code : undefined;
  if (!code || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code === "23505") return new AppError(409, "conflict.duplicate");
  if (code === "23503") return new AppError(422, "reference.invalid");
  if (code === "40001" || code === "40P01") return new AppError(409, "conflict.version");
  if (code.startsWith("22") || code.startsWith("23")) return new AppError(400, "request.invalid");
  return undefined;
}
