import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * The request log: one line per answered request (its id, method, route, status and time), never
 * a query string or a path's values. A search's `q` is a CIN, a phone number or a name, and a log
 * file is read by more people than the registry is (operators, log collectors); Fastify's own
 * request lines carried the full URL. They were also two per request (incoming, completed): with
 * the default level, logging cost a lookup by CIN about as much CPU as the lookup itself.
 * A refusal (4xx) and an error (5xx) add their own line (platform/problem.ts: the reason's code,
 * the error), their request shown the same way (serializers.req).
 */
export interface LogOptions {
  level: string;
  /** Where the lines go (tests); standard output when absent. */
  stream?: NodeJS.WritableStream;
}

/** Fastify's logger options: the level, and requests shown without their query string. */
export const loggerOptions = (options: LogOptions) => ({
  ...options,
  serializers: {
    req: (request: FastifyRequest) => ({
      method: request.method,
      url: routeOf(request),
      remoteAddress: request.ip,
    }),
  },
});

export function registerRequestLog(app: FastifyInstance) {
  app.addHook("onResponse", (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: routeOf(request),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      "request",
    );
    done();
  });
}

/** The route's pattern (/api/v1/persons/:id); without a route, the path without its query string. */
const routeOf = (request: FastifyRequest) => request.routeOptions?.url ?? request.url.split("?", 1)[0];
