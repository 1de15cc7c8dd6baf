import { randomId } from "@mantine/hooks";
import type { Role, RoleAssignment, RoleAssignmentInput, ScopeType } from "../../../contracts/access.ts";

/** One line of the role editor; `key` keeps React rows stable while lines are added and removed. */
export interface RoleRow {
  key: string;
  role: Role | null;
  scopeType: ScopeType | null;
  scopeRef: string | null;
  /** Name of the scope as the server knows it (e.g. the organisation's name). */
  scopeLabel: string | null;
}

export const emptyRoleRow = (): RoleRow => ({
  key: randomId(),
  role: null,
  scopeType: null,
  scopeRef: null,
  scopeLabel: null,
});

export const toRoleRows = (roles: RoleAssignment[]): RoleRow[] =>
  roles.map((role) => ({ key: randomId(), ...role }));

export const toRoleInputs = (rows: RoleRow[]): RoleAssignmentInput[] =>
  rows.map((row) => ({
    role: row.role as Role,
    scopeType: row.scopeType as ScopeType,
    scopeRef: row.scopeType === "national" ? null : row.scopeRef?.trim() || null,
  }));

/** Mantine form rules for the `roles` list: both selects are required on every line. */
export const roleRowRules = (required: string) => ({
  role: (value: Role | null) => (value ? null : required),
  scopeType: (value: ScopeType | null) => (value ? null : required),
});
