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

/** Following conventions, projects and their money, and the indicators that measure them. */
const MONITORING: readonly Permission[] = [
  "conventions.read",
  "conventions.write",
  "projects.read",
  "projects.write",
  "disbursements.write",
  "indicators.read",
  "indicators.write",
  "dashboards.read",
  "proposals.read",
  "proposals.submit",
  "proposals.review",
];

/** Read-only view of the monitoring data: aggregates, no personal data. */
const MONITORING_READ: readonly Permission[] = [
  "conventions.read",
  "projects.read",
  "indicators.read",
  "dashboards.read",
  "proposals.read",
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
    "persons.import",
    ...MONITORING,
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
    "persons.import",
    ...MONITORING,
  ],
  establishment_manager: [
    "territories.read",
    "organizations.read",
    ...FIELD_WORK,
    ...ESTABLISHMENT_WORK,
    "dashboards.read",
    "proposals.read",
    "proposals.submit",
  ],
  social_worker: [
    "territories.read",
    "organizations.read",
    ...FIELD_WORK,
    "establishments.read",
    "residents.read",
    "dashboards.read",
  ],
  trainer: [
    "territories.read",
    "organizations.read",
    "programs.read",
    "establishments.read",
    "dashboards.read",
  ],
  partner: [
    "territories.read",
    "organizations.read",
    "programs.read",
    "establishments.read",
    ...MONITORING_READ,
    "proposals.submit",
  ],
  auditor: [
    "territories.read",
    "organizations.read",
    "programs.read",
    "establishments.read",
    "audit.read",
    ...MONITORING_READ,
  ],
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
