import { createHmac, createSecretKey, randomBytes, timingSafeEqual } from "node:crypto";
import type { Permission } from "../../../contracts/access.ts";
import type { Locale } from "../../../contracts/common.ts";
import { boundedCache } from "../../platform/bounded-cache.ts";
import type { Actor, Grant } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { forgetCredential, rememberedCredential } from "./access.cache.ts";
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
const TOKEN_TOUCH_EVERY_MS = 60_000;
/** Session secrets are 43 characters, API tokens 46 (`jisr_` + 8 + `_` + 32). */
const CREDENTIAL_MAX_LENGTH = 64;

export function createSessionKeys(secret: string) {
  // The key imported once: every authenticated request digests its credential.
  const key = createSecretKey(Buffer.from(secret, "utf8"));
  const digest = (value: string) => createHmac("sha256", key).update(value).digest("base64url");
  // A client sends the same credential with every request, and creating an HMAC costs more than
  // the rest of the session check: the digest of a credential already seen is reused. Only
  // credentials of the length Jisr issues are kept (memory stays bounded whatever is sent).
  const seen = boundedCache<string, string>(10_000);
  const digestOfCredential = (value: string) =>
    value.length <= CREDENTIAL_MAX_LENGTH ? seen(value, () => digest(value)) : digest(value);

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

  async function actorFromSession(db: Db, token: string): Promise<Actor | null> {
    const id = digestOfCredential(token);
    const key = `session:${id}`;
    const found = await rememberedCredential(key, () => repo.findLiveSession(db, id));
    if (!found) return null;
    const now = Date.now();
    // Expiry is checked here too: a remembered session may have reached it since it was read.
    if (Date.parse(found.expiresAt) <= now) return null;
    if (now - Date.parse(found.lastSeenAt) > TOUCH_EVERY_MS) {
      const cap = Date.parse(found.createdAt) + ABSOLUTE_TTL_MS;
      await repo.touchSession(db, id, new Date(Math.min(now + IDLE_TTL_MS, cap)).toISOString());
      forgetCredential(key);
    }
    return actorOf(found.user, found.assignments, {
      via: "session",
      sessionId: id,
      csrfToken: found.csrfToken,
    });
  }

  /** API tokens look like `jisr_<prefix>_<secret>`; the prefix lets people recognise them in lists. */
  function newToken() {
    const prefix = randomBytes(4).toString("hex");
    const full = `jisr_${prefix}_${randomBytes(24).toString("base64url")}`;
    return { full, prefix, hash: digest(full) };
  }

  async function actorFromToken(db: Db, token: string): Promise<Actor | null> {
    const hash = digestOfCredential(token);
    const key = `token:${hash}`;
    const found = await rememberedCredential(key, () => repo.findLiveToken(db, hash));
    if (!found) return null;
    if (found.expiresAt && Date.parse(found.expiresAt) <= Date.now()) return null;
    // "Last used" is for people reviewing their tokens: a minute's precision is enough, and a
    // script calling the API does not write a row on every request.
    if (!found.lastUsedAt || Date.now() - Date.parse(found.lastUsedAt) > TOKEN_TOUCH_EVERY_MS) {
      await repo.touchToken(db, found.id);
      forgetCredential(key);
    }
    return actorOf(found.user, found.assignments, { via: "token", sessionId: null, csrfToken: null });
  }

  return { digest, startSession, actorFromSession, newToken, actorFromToken };
}

export type SessionKeys = ReturnType<typeof createSessionKeys>;

function actorOf(
  user: repo.ActorUser,
  assignments: string,
  how: Pick<Actor, "via" | "sessionId" | "csrfToken">,
): Actor {
  return {
    userId: user.id,
    email: user.email,
    fullName: user.fullName,
    locale: user.locale as Locale,
    grants: grantsFromJson(assignments),
    ...how,
  };
}

/**
 * Grants by the text of the role assignments: a few distinct role sets serve every request, so
 * each is built once. Grants are read-only.
 */
const grantsByJson = boundedCache<string, ReadonlyMap<Permission, readonly Grant[]>>(1000);
const grantsFromJson = (json: string) => grantsByJson(json, () => grantsOf(JSON.parse(json) as Assignment[]));

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
