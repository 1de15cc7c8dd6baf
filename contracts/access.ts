import { z } from "zod";
import { Email, Id, Locale, PageQuery, page, requiredText, Version } from "./common.ts";

export const ROLES = [
  "administrator",
  "national_officer",
  "regional_officer",
  "establishment_manager",
  "social_worker",
  "trainer",
  "partner",
  "auditor",
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const SCOPE_TYPES = ["national", "region", "province", "organization", "establishment"] as const;
export const ScopeType = z.enum(SCOPE_TYPES);
export type ScopeType = z.infer<typeof ScopeType>;

export const PERMISSIONS = [
  "territories.read",
  "organizations.read",
  "organizations.write",
  "users.manage",
  "audit.read",
  /** See persons and households of one's scope (CIN masked in lists). */
  "persons.read",
  /** See personal data: full CIN, birth date, disability, situation notes. */
  "persons.personal",
  "persons.write",
  "persons.merge",
  "programs.read",
  "programs.design",
  "applications.read",
  "applications.write",
  "applications.review",
  /** Establishment data (registry, infrastructure, projects): no personal data. */
  "establishments.read",
  "establishments.write",
  /** Residents' files, admissions, attendance: personal data. */
  "residents.read",
  "residents.write",
  "inspections.write",
  "cohorts.manage",
  /** Bulk import of persons (CSV/XLSX files through the API or the CLI). */
  "persons.import",
  /** Conventions and projects of one's scope; partners see those they are party to. */
  "conventions.read",
  "conventions.write",
  "projects.read",
  "projects.write",
  "disbursements.write",
  /** Indicator definitions, targets, measurements: aggregates only, no personal data. */
  "indicators.read",
  "indicators.write",
  "dashboards.read",
  /** Stakeholder proposals: submit on behalf of one's organisation, read, review. */
  "proposals.read",
  "proposals.submit",
  "proposals.review",
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

/** A role held on a scope: national (no ref), a region/province code, an organisation/establishment id. */
export const RoleAssignmentInput = z
  .strictObject({
    role: Role,
    scopeType: ScopeType,
    scopeRef: z.string().trim().max(64).nullable().optional(),
  })
  .refine((a) => (a.scopeType === "national") === !a.scopeRef, {
    message: "validation.scope_ref",
    path: ["scopeRef"],
  });
export type RoleAssignmentInput = z.infer<typeof RoleAssignmentInput>;

export const RoleAssignment = z.object({
  role: Role,
  scopeType: ScopeType,
  scopeRef: z.string().nullable(),
  scopeLabel: z.string().nullable(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const LoginBody = z.strictObject({
  email: z.string().trim().min(1, { message: "validation.required" }).max(254),
  password: z.string().min(1, { message: "validation.required" }).max(256),
});

export const Me = z.object({
  user: z.object({ id: Id, email: z.string(), fullName: z.string(), locale: Locale }),
  roles: z.array(RoleAssignment),
  permissions: z.array(Permission),
  /** Sent back in the X-CSRF-Token header on every cookie-authenticated write. */
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.strictObject({ locale: Locale });

export const NewPassword = z.string().min(12, { message: "validation.password_length" }).max(256);
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPassword,
});

export const User = z.object({
  id: Id,
  email: z.string(),
  fullName: z.string(),
  locale: Locale,
  disabled: z.boolean(),
  roles: z.array(RoleAssignment),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: Version,
});
export type User = z.infer<typeof User>;

export const UserList = page(User);
export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  includeDisabled: z.enum(["true", "false"]).optional(),
});

export const CreateUserBody = z.strictObject({
  email: Email,
  fullName: requiredText(200),
  locale: Locale.default("fr"),
  /** Leave empty to have a temporary password generated and shown once. */
  password: NewPassword.optional(),
  roles: z.array(RoleAssignmentInput).max(20).default([]),
});
export const UpdateUserBody = z.strictObject({
  version: Version,
  fullName: requiredText(200).optional(),
  locale: Locale.optional(),
});
export const SetRolesBody = z.strictObject({ version: Version, roles: z.array(RoleAssignmentInput).max(20) });
export const UserWithPassword = z.object({ user: User, temporaryPassword: z.string().nullable() });

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateApiTokenBody = z.strictObject({
  name: requiredText(100),
  expiresInDays: z.number().int().min(1).max(730).nullable().optional(),
});
export const CreatedApiToken = z.object({ token: ApiToken, secret: z.string() });
export const ApiTokenList = z.object({ items: z.array(ApiToken) });

export const AuditEvent = z.object({
  id: Id,
  occurredAt: z.string(),
  actorId: Id.nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
export const AuditEventList = page(AuditEvent);
export const AuditEventQuery = PageQuery.extend({
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  actorId: Id.optional(),
  action: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true, message: "validation.datetime" }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true, message: "validation.datetime" }).or(z.iso.date()).optional(),
});
