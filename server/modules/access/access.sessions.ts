import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Locale } from "../../../contracts/common.ts";
import type { Actor } from "../../platform/context.ts";
import type { Queryable } from "../../platform/database.ts";
import { type Assignment, grantsOf } from "./access.permissions.ts";
import * as repo from "./access.repository.ts";

/**
 * Sessions and API tokens. Clients hold a random secret; the database holds
 * only its HMAC under the session secret, so neither a database dump nor a
 * stolen secret alone yields a working credential.
 */
export const SESSION_COOKIE = "jisr_session";
const IDLE_TTL_MS = 8 * 3600_000;
const ABSOLUTE_TTL_MS = 7 * 24 * 3600_000;
const TOUCH_EVERY_MS = 5 * 60_000;

export function createSessionKeys(secret: string) {
  const digest = (value: string) => createHmac("sha256", secret).update(value).digest("base64url");

  async function startSession(
    db: Queryable,
    userId: string,
    meta: { ip: string | null; userAgent: string | null },
  ) {
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const expiresAt = new Date(Date.now() + IDLE_TTL_MS).toISOString();
    await repo.insertSession(db, { id: digest(token), userId, csrfToken, expiresAt, ...meta });
    return { token, csrfToken, expiresAt };
  }

  async function actorFromSession(db: Queryable, token: string): Promise<Actor | null> {
    const id = digest(token);
    const found = await repo.findLiveSession(db, id);
    if (!found) return null;
    const now = Date.now();
    if (now - Date.parse(found.session.lastSeenAt) > TOUCH_EVERY_MS) {
      const cap = Date.parse(found.session.createdAt) + ABSOLUTE_TTL_MS;
      await repo.touchSession(db, id, new Date(Math.min(now + IDLE_TTL_MS, cap)).toISOString());
    }
    return buildActor(
      db,
      found.user,
      { via: "session", sessionId: id, csrfToken: found.session.csrfToken },
      found.assignments,
    );
  }

  /** API tokens look like `jisr_<prefix>_<secret>`; the prefix lets people recognise them in lists. */
  function newToken() {
    const prefix = randomBytes(4).toString("hex");
    const full = `jisr_${prefix}_${randomBytes(24).toString("base64url")}`;
    return { full, prefix, hash: digest(full) };
  }

  async function actorFromToken(db: Queryable, token: string): Promise<Actor | null> {
    const found = await repo.findLiveToken(db, digest(token));
    if (!found) return null;
    await repo.touchToken(db, found.token.id);
    return buildActor(db, found.user, { via: "token", sessionId: null, csrfToken: null }, found.assignments);
  }

  return { digest, startSession, actorFromSession, newToken, actorFromToken };
}

export type SessionKeys = ReturnType<typeof createSessionKeys>;

async function buildActor(
  db: Queryable,
  user: repo.UserRow,
  how: Pick<Actor, "via" | "sessionId" | "csrfToken">,
  known?: readonly Assignment[],
): Promise<Actor> {
  const assignments = known ?? (await repo.assignmentsOf(db, [user.id])).get(user.id) ?? [];
  return {
    userId: user.id,
    email: user.email,
    fullName: user.fullName,
    locale: user.locale as Locale,
    grants: grantsOf(assignments),
    ...how,
  };
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
