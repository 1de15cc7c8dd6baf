import type { SQL } from "drizzle-orm";
import { type Access, scopeFilter } from "../../platform/scope.ts";
import { establishments } from "./establishments.table.ts";

/** The scope condition on establishments: region, province, managing organisation, establishment id. */
export function establishmentsScope(access: Access): SQL | undefined {
  return scopeFilter(access, {
    region: establishments.regionCode,
    province: establishments.provinceCode,
    organization: establishments.managingOrganizationId,
    establishment: establishments.id,
  });
}

/** The same rule in memory, for a record about to be placed. */
export const establishmentScopeValues = (e: {
  id?: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  managingOrganizationId: string | null;
}) => ({
  region: e.regionCode,
  province: e.provinceCode,
  organization: e.managingOrganizationId,
  establishment: e.id ?? null,
});
