import { PERMISSIONS, type Permission, type Role } from "../../../contracts/access.ts";
import type { Grant } from "../../platform/context.ts";

/**
 * What each role may do. The scope a role is held on limits where; this map
 * says what. Partners get no permission that exposes personal data.
 */
const ESTABLISHMENT_WORK: readonly Permission[] = [
  "establishments.read",
  "establishments.write",
  "residents.read",
  "residents.write",
];

const FIELD_WORK: readonly Permission[] = [
  "persons.read",
  "persons.personal",
  "persons.write",
  "programs.read",
  "applications.read",
  "applications.write",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  national_officer: [
    "territories.read",
    "organizations.read",
    "organizations.write",
    ...FIELD_WORK,
    "persons.merge",
    "programs.design",
    "applications.review",
    ...ESTABLISHMENT_WORK,
    "inspections.write",
    "cohorts.manage",
  ],
  regional_officer: [
    "territories.read",
    "organizations.read",
    "organizations.write",
    ...FIELD_WORK,
    "persons.merge",
    "applications.review",
    ...ESTABLISHMENT_WORK,
    "inspections.write",
  ],
  establishment_manager: ["territories.read", "organizations.read", ...FIELD_WORK, ...ESTABLISHMENT_WORK],
  social_worker: [
    "territories.read",
    "organizations.read",
    ...FIELD_WORK,
    "establishments.read",
    "residents.read",
  ],
  trainer: ["territories.read", "organizations.read", "programs.read", "establishments.read"],
  partner: ["territories.read", "organizations.read", "programs.read", "establishments.read"],
  auditor: ["territories.read", "organizations.read", "programs.read", "establishments.read", "audit.read"],
};

export interface Assignment extends Grant {
  role: Role;
}

export function grantsOf(assignments: readonly Assignment[]): Map<Permission, Grant[]> {
  const grants = new Map<Permission, Grant[]>();
  for (const a of assignments) {
    for (const p of ROLE_PERMISSIONS[a.role]) {
      const list = grants.get(p) ?? [];
      list.push({ scopeType: a.scopeType, scopeRef: a.scopeRef });
      grants.set(p, list);
    }
  }
  return grants;
}
