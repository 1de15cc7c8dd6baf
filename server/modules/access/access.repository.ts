import { and, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/access.ts";
import { auditEvents } from "../../platform/audit.table.ts";
import { type Db, preparedOnce, type Queryable } from "../../platform/database.ts";
import { after, before } from "../../platform/pagination.ts";
import { escapeLike } from "../../platform/text.ts";
import type { Assignment } from "./access.permissions.ts";
import { apiTokens, roleAssignments, sessions, users } from "./access.table.ts";

export type UserRow = typeof users.$inferSelect;
export type UserInsert = typeof users.$inferInsert;

export async function findUserByEmail(db: Queryable, email: string) {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUser(db: Queryable, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(users).where(eq(users.id, id));
  const [row] = opts.lock ? await q.for("update") : await q;
  return row;
}

export async function assignmentsOf(
  db: Queryable,
  userIds: readonly string[],
): Promise<Map<string, Assignment[]>> {
  const map = new Map<string, Assignment[]>();
  if (!userIds.length) return map;
  const rows = await db
    .select()
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, [...userIds]))
    .orderBy(roleAssignments.role, roleAssignments.scopeRef);
  for (const r of rows) {
    const list = map.get(r.userId) ?? [];
    list.push({ role: r.role, scopeType: r.scopeType, scopeRef: r.scopeRef });
    map.set(r.userId, list);
  }
  return map;
}

export async function replaceAssignments(db: Queryable, userId: string, assignments: readonly Assignment[]) {
  await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (assignments.length) await db.insert(roleAssignments).values(assignments.map((a) => ({ ...a, userId })));
}

export interface UserFilter {
  q?: string;
  role?: Role;
  includeDisabled: boolean;
  limit: number;
  cursorKey?: unknown[];
}

export async function listUsers(db: Queryable, f: UserFilter) {
  const conditions: (SQL | undefined)[] = [
    f.includeDisabled ? undefined : isNull(users.disabledAt),
    f.q
      ? or(ilike(users.fullName, `%${escapeLike(f.q)}%`), ilike(users.email, `%${escapeLike(f.q)}%`))
      : undefined,
    f.role
      ? sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${users.id} and ${roleAssignments.role} = ${f.role})`
      : undefined,
    f.cursorKey ? after([users.fullName, users.id], f.cursorKey) : undefined,
  ];
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(users.fullName, users.id)
    .limit(f.limit + 1);
}

export async function insertSession(db: Queryable, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

/**
 * The user's role assignments as JSON text, read in the same statement as the session or token.
 * Text, not parsed JSON: the same text always yields the same grants, so the caller can keep the
 * grants it built from it instead of rebuilding them on every request.
 */
const assignmentsOfUser = sql<string>`coalesce((select json_agg(json_build_object('role', ra.role, 'scopeType', ra.scope_type, 'scopeRef', ra.scope_ref) order by ra.role, ra.scope_ref) from ${roleAssignments} ra where ra.user_id = ${users.id}), '[]'::json)::text`;

/** Only what a request's Actor needs of the user (never the password hash). */
const actorUser = { id: users.id, email: users.email, fullName: users.fullName, locale: users.locale };
export type ActorUser = { id: string; email: string; fullName: string; locale: string };

/**
 * These two lookups run on every authenticated request: each is prepared once per database
 * handle (preparedOnce) and reads one row by a unique index.
 */
const liveSession = preparedOnce("jisr_live_session", (db, name) =>
  db
    .select({
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      user: actorUser,
      assignments: assignmentsOfUser,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("id")),
        isNull(sessions.revokedAt),
        sql`${sessions.expiresAt} > now()`,
        isNull(users.disabledAt),
      ),
    )
    .prepare(name),
);

const liveToken = preparedOnce("jisr_live_token", (db, name) =>
  db
    .select({
      id: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      user: actorUser,
      assignments: assignmentsOfUser,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.secretHash, sql.placeholder("hash")),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), sql`${apiTokens.expiresAt} > now()`),
        isNull(users.disabledAt),
      ),
    )
    .prepare(name),
);

/** The session, its user and role assignments in one round trip. */
export async function findLiveSession(db: Db, id: string) {
  const [row] = await liveSession(db).execute({ id });
  return row;
}

/** The API token, its user and role assignments in one round trip. */
export async function findLiveToken(db: Db, secretHash: string) {
  const [row] = await liveToken(db).execute({ hash: secretHash });
  return row;
}

export async function touchSession(db: Queryable, id: string, expiresAt: string) {
  await db.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt }).where(eq(sessions.id, id));
}

export async function revokeSession(db: Queryable, id: string) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: Queryable, userId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function touchToken(db: Queryable, id: string) {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, id));
}

export async function listTokens(db: Queryable, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function insertToken(db: Queryable, values: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row as typeof apiTokens.$inferSelect;
}

export async function revokeToken(db: Queryable, userId: string, id: string) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  cursorKey?: unknown[];
}

/** Newest first; the UUIDv7 id orders events in time, so it is the whole keyset. */
export async function listAuditEvents(db: Queryable, f: AuditFilter) {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
        f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
        f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
        f.action ? eq(auditEvents.action, f.action) : undefined,
        f.from ? gte(auditEvents.occurredAt, f.from) : undefined,
        f.to ? lte(auditEvents.occurredAt, endOfDayIfDate(f.to)) : undefined,
        f.cursorKey ? before([auditEvents.id], f.cursorKey) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(f.limit + 1);
}

/** `to=2026-11-23` means until the end of that day. */
const endOfDayIfDate = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59.999Z` : v);

export async function insertUser(db: Queryable, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  return row as UserRow;
}

/** Every change to a user bumps its version, so concurrent admin edits conflict instead of overwriting. */
export async function updateUser(db: Queryable, id: string, values: Partial<typeof users.$inferInsert>) {
  const [row] = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row as UserRow;
}

export async function recordFailedLogin(db: Queryable, id: string) {
  await db
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1`, lastFailedLoginAt: sql`now()` })
    .where(eq(users.id, id));
}

export async function recordLogin(db: Queryable, id: string) {
  await db
    .update(users)
    .set({ failedLoginCount: 0, lastFailedLoginAt: null, lastLoginAt: sql`now()` })
    .where(eq(users.id, id));
}
