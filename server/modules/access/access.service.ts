import type { z } from "zod";
import type {
  ApiToken,
  AuditEventQuery,
  CreateApiTokenBody,
  CreateUserBody,
  Me,
  RoleAssignment,
  RoleAssignmentInput,
  User,
  UserListQuery,
} from "../../../contracts/access.ts";
import type { Locale } from "../../../contracts/common.ts";
import { actorLabel, recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext, Grant, RequestContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { AppError, invalidField, notFound } from "../../platform/errors.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { accessFor } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import { committedThenForget } from "./access.cache.ts";
import { DUMMY_HASH, generatePassword, hashPassword, verifyPassword } from "./access.passwords.ts";
import { type Assignment, grantsOf } from "./access.permissions.ts";
import * as repo from "./access.repository.ts";
import type { SessionKeys } from "./access.sessions.ts";

/** Names scope references for people ("Casablanca-Settat") and tells unknown ones; wired in app.ts. */
export interface ScopeDirectory {
  labels(grants: readonly Grant[], locale: Locale): Promise<Map<string, string>>;
}
export const scopeKey = (g: Grant) => `${g.scopeType}:${g.scopeRef ?? ""}`;

const LOCK_AFTER_FAILURES = 5;
/** Locked for 30 s after 5 failures, doubling each further failure, at most 15 minutes. */
export const lockSeconds = (failures: number) =>
  failures < LOCK_AFTER_FAILURES ? 0 : Math.min(30 * 2 ** (failures - LOCK_AFTER_FAILURES), 900);

export function createAccessService(deps: { db: Db; keys: SessionKeys; directory: ScopeDirectory }) {
  // The writes below change what credentials say (sign-out, revocations, roles, users, passwords,
  // languages): remembered ones are forgotten after they commit. Signing in does not.
  const transaction: Db["transaction"] = (run, config) =>
    committedThenForget(() => deps.db.transaction(run, config));
  const { db, keys, directory } = deps;

  async function describeRoles(
    assignments: readonly Assignment[],
    locale: Locale,
  ): Promise<RoleAssignment[]> {
    const labels = await directory.labels(assignments, locale);
    return assignments.map((a) => ({ ...a, scopeLabel: labels.get(scopeKey(a)) ?? null }));
  }

  async function toUsers(q: Queryable, rows: repo.UserRow[], locale: Locale): Promise<User[]> {
    const byUser = await repo.assignmentsOf(
      q,
      rows.map((r) => r.id),
    );
    const labels = await directory.labels([...byUser.values()].flat(), locale);
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      fullName: r.fullName,
      locale: r.locale as Locale,
      disabled: r.disabledAt !== null,
      roles: (byUser.get(r.id) ?? []).map((a) => ({ ...a, scopeLabel: labels.get(scopeKey(a)) ?? null })),
      lastLoginAt: r.lastLoginAt,
      createdAt: r.createdAt,
      version: r.version,
    }));
  }

  const toUser = async (q: Queryable, row: repo.UserRow, locale: Locale) =>
    (await toUsers(q, [row], locale))[0] as User;

  /** What the audit trail keeps of a user: never the password hash. */
  const auditShape = (u: User) => ({
    email: u.email,
    fullName: u.fullName,
    locale: u.locale,
    disabled: u.disabled,
    roles: u.roles.map((r) => `${r.role}@${r.scopeType}${r.scopeRef ? `:${r.scopeRef}` : ""}`),
  });

  async function checkAssignments(
    input: readonly RoleAssignmentInput[],
    locale: Locale,
  ): Promise<Assignment[]> {
    const assignments = input.map((a) => ({
      role: a.role,
      scopeType: a.scopeType,
      scopeRef: a.scopeRef ?? null,
    }));
    const labels = await directory.labels(assignments, locale);
    assignments.forEach((a, i) => {
      if (a.scopeType !== "national" && !labels.has(scopeKey(a)))
        throw invalidField(`roles.${i}.scopeRef`, "users.scope_ref_unknown", {
          ref: a.scopeRef,
          scopeType: a.scopeType,
        });
    });
    const unique = new Map(assignments.map((a) => [`${a.role}|${scopeKey(a)}`, a]));
    return [...unique.values()];
  }

  async function lockedUser(tx: Queryable, ctx: AuthenticatedContext, id: string, version: number) {
    accessFor(ctx.actor, "users.manage");
    const row = await repo.findUser(tx, id, { lock: true });
    if (!row) throw notFound("users.not_found");
    assertVersion(row.version, version);
    return row;
  }

  /** Common shape of every admin edit of a user: lock, check version, change, bump, audit. */
  async function editUser(
    ctx: AuthenticatedContext,
    locale: Locale,
    id: string,
    version: number,
    action: string,
    change: (tx: Queryable) => Promise<Partial<repo.UserInsert>>,
  ) {
    return transaction(async (tx) => {
      const row = await lockedUser(tx, ctx, id, version);
      const before = await toUser(tx, row, locale);
      const updated = await repo.updateUser(tx, id, await change(tx));
      const after = await toUser(tx, updated, locale);
      await recordAudit(tx, ctx, {
        action,
        entityType: "user",
        entityId: id,
        before: auditShape(before),
        after: auditShape(after),
      });
      return after;
    });
  }

  return {
    async login(
      input: { email: string; password: string },
      meta: RequestContext & { userAgent: string | null },
    ): Promise<{ token: string; me: Me }> {
      const user = await repo.findUserByEmail(db, input.email);
      if (user?.lastFailedLoginAt) {
        const wait =
          Date.parse(user.lastFailedLoginAt) + lockSeconds(user.failedLoginCount) * 1000 - Date.now();
        if (wait > 0) throw new AppError(429, "auth.too_many_attempts", { seconds: Math.ceil(wait / 1000) });
      }
      const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), input.password);
      if (!user || !ok) {
        if (user)
          await db.transaction(async (tx) => {
            await repo.recordFailedLogin(tx, user.id);
            await recordAudit(tx, meta, {
              action: "auth.login_failed",
              entityType: "user",
              entityId: user.id,
              actor: selfActor(user),
            });
          });
        throw new AppError(401, "auth.invalid_credentials");
      }
      if (user.disabledAt) throw new AppError(403, "auth.account_disabled");
      // A new session changes no credential already remembered: nothing to forget.
      const session = await db.transaction(async (tx) => {
        await repo.recordLogin(tx, user.id);
        const s = await keys.startSession(tx, user.id, { ip: meta.ip, userAgent: meta.userAgent });
        await recordAudit(tx, meta, {
          action: "auth.login",
          entityType: "user",
          entityId: user.id,
          actor: selfActor(user),
        });
        return s;
      });
      const assignments = (await repo.assignmentsOf(db, [user.id])).get(user.id) ?? [];
      const locale = user.locale as Locale;
      return {
        token: session.token,
        me: {
          user: { id: user.id, email: user.email, fullName: user.fullName, locale },
          roles: await describeRoles(assignments, locale),
          permissions: [...grantsOf(assignments).keys()],
          csrfToken: session.csrfToken,
        },
      };
    },

    async logout(ctx: AuthenticatedContext) {
      const sessionId = ctx.actor.sessionId;
      if (!sessionId) return;
      await transaction(async (tx) => {
        await repo.revokeSession(tx, sessionId);
        await recordAudit(tx, ctx, { action: "auth.logout", entityType: "user", entityId: ctx.actor.userId });
      });
    },

    async me(ctx: AuthenticatedContext): Promise<Me> {
      const a = ctx.actor;
      const assignments = (await repo.assignmentsOf(db, [a.userId])).get(a.userId) ?? [];
      return {
        user: { id: a.userId, email: a.email, fullName: a.fullName, locale: a.locale },
        roles: await describeRoles(assignments, a.locale),
        permissions: [...a.grants.keys()],
        csrfToken: a.csrfToken,
      };
    },

    async setMyLocale(ctx: AuthenticatedContext, locale: Locale) {
      await transaction(async (tx) => {
        await repo.updateUser(tx, ctx.actor.userId, { locale });
        await recordAudit(tx, ctx, {
          action: "user.set_locale",
          entityType: "user",
          entityId: ctx.actor.userId,
          before: { locale: ctx.actor.locale },
          after: { locale },
        });
      });
      return this.me({ ...ctx, actor: { ...ctx.actor, locale } });
    },

    async changeMyPassword(
      ctx: AuthenticatedContext,
      input: { currentPassword: string; newPassword: string },
    ) {
      const user = await repo.findUser(db, ctx.actor.userId);
      if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword)))
        throw invalidField("currentPassword", "auth.wrong_password");
      const passwordHash = await hashPassword(input.newPassword);
      await transaction(async (tx) => {
        await repo.updateUser(tx, user.id, { passwordHash });
        await recordAudit(tx, ctx, { action: "user.change_password", entityType: "user", entityId: user.id });
      });
    },

    async listUsers(ctx: AuthenticatedContext, q: z.infer<typeof UserListQuery>, locale: Locale) {
      accessFor(ctx.actor, "users.manage");
      const rows = await repo.listUsers(db, {
        q: q.q,
        role: q.role,
        includeDisabled: q.includeDisabled === "true",
        limit: q.limit,
        cursorKey: decodeCursor(q.cursor, 2),
      });
      const page = toPage(rows, q.limit, (r) => [r.fullName, r.id]);
      return { items: await toUsers(db, page.items, locale), nextCursor: page.nextCursor };
    },

    async getUser(ctx: AuthenticatedContext, id: string, locale: Locale) {
      accessFor(ctx.actor, "users.manage");
      const row = await repo.findUser(db, id);
      if (!row) throw notFound("users.not_found");
      return toUser(db, row, locale);
    },

    async createUser(ctx: AuthenticatedContext, input: z.infer<typeof CreateUserBody>, locale: Locale) {
      accessFor(ctx.actor, "users.manage");
      const assignments = await checkAssignments(input.roles, locale);
      if (await repo.findUserByEmail(db, input.email)) throw invalidField("email", "users.email_taken");
      const temporaryPassword = input.password ? null : generatePassword();
      const passwordHash = await hashPassword(input.password ?? (temporaryPassword as string));
      const user = await transaction(async (tx) => {
        const row = await repo.insertUser(tx, {
          email: input.email,
          fullName: input.fullName,
          locale: input.locale,
          passwordHash,
        });
        await repo.replaceAssignments(tx, row.id, assignments);
        const created = await toUser(tx, row, locale);
        await recordAudit(tx, ctx, {
          action: "user.create",
          entityType: "user",
          entityId: row.id,
          after: auditShape(created),
        });
        return created;
      });
      return { user, temporaryPassword };
    },

    updateUser(
      ctx: AuthenticatedContext,
      id: string,
      input: { version: number; fullName?: string; locale?: Locale },
      locale: Locale,
    ) {
      return editUser(ctx, locale, id, input.version, "user.update", async () => ({
        fullName: input.fullName,
        locale: input.locale,
      }));
    },

    async setRoles(
      ctx: AuthenticatedContext,
      id: string,
      input: { version: number; roles: RoleAssignmentInput[] },
      locale: Locale,
    ) {
      const assignments = await checkAssignments(input.roles, locale);
      return editUser(ctx, locale, id, input.version, "user.set_roles", async (tx) => {
        await repo.replaceAssignments(tx, id, assignments);
        return {};
      });
    },

    setDisabled(ctx: AuthenticatedContext, id: string, version: number, disabled: boolean, locale: Locale) {
      if (disabled && id === ctx.actor.userId) throw new AppError(422, "users.cannot_disable_self");
      return editUser(ctx, locale, id, version, disabled ? "user.disable" : "user.enable", async (tx) => {
        if (disabled) await repo.revokeUserSessions(tx, id);
        return { disabledAt: disabled ? new Date().toISOString() : null };
      });
    },

    async resetPassword(ctx: AuthenticatedContext, id: string, version: number, locale: Locale) {
      const temporaryPassword = generatePassword();
      const passwordHash = await hashPassword(temporaryPassword);
      const user = await editUser(ctx, locale, id, version, "user.reset_password", async (tx) => {
        await repo.revokeUserSessions(tx, id);
        return { passwordHash, failedLoginCount: 0, lastFailedLoginAt: null };
      });
      return { user, temporaryPassword };
    },

    async listTokens(ctx: AuthenticatedContext): Promise<ApiToken[]> {
      return (await repo.listTokens(db, ctx.actor.userId)).map(toApiToken);
    },

    async createToken(ctx: AuthenticatedContext, input: z.infer<typeof CreateApiTokenBody>) {
      const t = keys.newToken();
      const expiresAt = input.expiresInDays
        ? new Date(Date.now() + input.expiresInDays * 86400_000).toISOString()
        : null;
      return transaction(async (tx) => {
        const row = await repo.insertToken(tx, {
          userId: ctx.actor.userId,
          name: input.name,
          prefix: t.prefix,
          secretHash: t.hash,
          expiresAt,
        });
        await recordAudit(tx, ctx, {
          action: "api_token.create",
          entityType: "api_token",
          entityId: row.id,
          after: { name: row.name, prefix: row.prefix, expiresAt },
        });
        return { token: toApiToken(row), secret: t.full };
      });
    },

    async revokeToken(ctx: AuthenticatedContext, id: string) {
      await transaction(async (tx) => {
        const row = await repo.revokeToken(tx, ctx.actor.userId, id);
        if (!row) throw notFound("tokens.not_found");
        await recordAudit(tx, ctx, {
          action: "api_token.revoke",
          entityType: "api_token",
          entityId: id,
          before: { name: row.name },
        });
      });
    },

    async listAuditEvents(ctx: AuthenticatedContext, q: z.infer<typeof AuditEventQuery>) {
      accessFor(ctx.actor, "audit.read");
      const rows = await repo.listAuditEvents(db, { ...q, cursorKey: decodeCursor(q.cursor, 1) });
      return toPage(rows, q.limit, (r) => [r.id]);
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;

const selfActor = (u: repo.UserRow) => ({ id: u.id, label: actorLabel(u) });

function toApiToken(r: {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    expiresAt: r.expiresAt,
  };
}
