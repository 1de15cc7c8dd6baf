import type { FastifyRequest } from "fastify";
import type { Permission, ScopeType } from "../../contracts/access.ts";
import type { Locale } from "../../contracts/common.ts";
import { AppError } from "./errors.ts";

/** A role's reach: national, or one region/province/organisation/establishment. */
export interface Grant {
  scopeType: ScopeType;
  scopeRef: string | null;
}

/** Who is calling, resolved once per request from the session cookie or API token. */
export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  locale: Locale;
  /** For each permission the actor holds, the scopes it holds it on. */
  grants: ReadonlyMap<Permission, readonly Grant[]>;
  via: "session" | "token";
  sessionId: string | null;
  csrfToken: string | null;
}

/** What every service call receives: the actor and what the audit trail needs. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
}

export interface AuthenticatedContext extends RequestContext {
  actor: Actor;
}

declare module "fastify" {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
  }
}

export function contextOf(request: FastifyRequest): AuthenticatedContext {
  if (!request.actor) throw new AppError(401, "auth.unauthenticated");
  return { actor: request.actor, requestId: request.id, ip: request.ip };
}

/** Work done by Jisr itself (first start, demo data): audited as "system". */
export const systemContext = (requestId = "system"): RequestContext => ({ actor: null, requestId, ip: null });
