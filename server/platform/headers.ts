import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/**
 * What every answer of the JSON API carries. Its answers are data, never documents: nothing in
 * them may load, run or be framed (CSP `default-src 'none'`), other sites may not read them as
 * resources, and no cache on the way (a proxy, the browser's disk) may keep them: they hold
 * personal data. Downloads (exports, PDFs, files) are attachments and set their own caching.
 * Helmet's headers for documents (CSP directives, opener and agent-cluster isolation, DNS
 * prefetch, legacy IE and Flash switches) mean nothing on a JSON answer; sending them cost a
 * tenth of the server's time on a CIN lookup, the API's most frequent request.
 */
export const API_HEADERS: readonly [string, string][] = [
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "no-referrer"],
  ["cross-origin-resource-policy", "same-origin"],
  ["cache-control", "no-store"],
];
const API_PREFIX = "/api/v1/";

/**
 * Security headers on every response: the JSON API's (above) under /api/v1/, Helmet's for
 * everything else (the web app, the API documentation). @fastify/helmet builds Helmet's
 * middleware again on every request, parsing the CSP directives each time; the headers depend
 * only on the options, so they are computed once here, by running Helmet against a response that
 * records them, and every request then sets that list.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions) {
  const documentHeaders = helmetHeaders(options);
  app.addHook("onRequest", (request, reply, done) => {
    const headers = request.url.startsWith(API_PREFIX) ? API_HEADERS : documentHeaders;
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

export function helmetHeaders(options: HelmetOptions): [string, string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let done = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  // Helmet's middleware is synchronous; if a version ever was not, headers would be missing.
  if (!done) throw new Error("helmet did not finish synchronously");
  return [...headers];
}
