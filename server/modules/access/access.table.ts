import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ROLES, SCOPE_TYPES } from "../../../contracts/access.ts";
import { idColumn, now, tz, versioned } from "../../platform/columns.ts";

export const roleEnum = pgEnum("role", ROLES);
export const scopeTypeEnum = pgEnum("scope_type", SCOPE_TYPES);

export const users = pgTable(
  "users",
  {
    id: idColumn(),
    email: text("email").notNull(),
    fullName: text("full_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("fr"),
    disabledAt: tz("disabled_at"),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lastFailedLoginAt: tz("last_failed_login_at"),
    lastLoginAt: tz("last_login_at"),
    ...versioned(),
  },
  (t) => [
    uniqueIndex("users_email_idx").on(sql`lower(${t.email})`),
    index("users_name_idx").on(t.fullName, t.id),
  ],
);

export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    scopeType: scopeTypeEnum("scope_type").notNull(),
    scopeRef: text("scope_ref"),
  },
  (t) => [unique("role_assignments_unique").on(t.userId, t.role, t.scopeType, t.scopeRef).nullsNotDistinct()],
);

/** The cookie holds a random token; only its SHA-256 is stored, so a database leak yields no live session. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: tz("created_at").notNull().default(now),
    lastSeenAt: tz("last_seen_at").notNull().default(now),
    expiresAt: tz("expires_at").notNull(),
    revokedAt: tz("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    createdAt: tz("created_at").notNull().default(now),
    expiresAt: tz("expires_at"),
    lastUsedAt: tz("last_used_at"),
    revokedAt: tz("revoked_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);
