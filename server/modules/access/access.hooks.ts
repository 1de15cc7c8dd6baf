import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/database.ts";
import { AppError } from "../../platform/errors.ts";
import { localeFromHeader } from "../../platform/i18n.ts";
import { SESSION_COOKIE, type SessionKeys, sameSecret } from "./access.sessions.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Runs before every API route: who is calling (Bearer token or session
 * cookie), which language to answer in, and the CSRF check that a
 * cookie-authenticated write must pass (the browser sends the session cookie
 * by itself; only our own page knows the CSRF token).
 */
export function registerAccessHooks(app: FastifyInstance, deps: { db: Db; keys: SessionKeys }) {
  app.decorateRequest("actor", null);
  app.decorateRequest("locale", "fr");

  app.addHook("onRequest", async (request) => {
    const headerLocale = localeFromHeader(request.headers["accept-language"]);
    request.locale = headerLocale ?? "fr";
    if (!request.url.startsWith("/api/")) return;

    const auth = request.headers.authorization;
    if (auth?.startsWith("Bearer ")) {
      request.actor = await deps.keys.actorFromToken(deps.db, auth.slice(7).trim());
      if (!request.actor) throw new AppError(401, "auth.unauthenticated");
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) request.actor = await deps.keys.actorFromSession(deps.db, token);
    }
    if (request.actor && !headerLocale) request.locale = request.actor.locale;

    const actor = request.actor;
    if (actor?.via === "session" && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !actor.csrfToken || !sameSecret(sent, actor.csrfToken))
        throw new AppError(403, "auth.csrf");
    }
  });
}
