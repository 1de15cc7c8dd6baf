import { type AnyColumn, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Permission } from "../../contracts/access.ts";
import type { Actor } from "./context.ts";
import { AppError } from "./errors.ts";

/**
 * The one scope mechanism. `accessFor` turns the actor's grants for a
 * permission into the territories and organisations they reach; every
 * repository then calls `scopeFilter` with the columns its rows carry, so no
 * route ever builds its own filter.
 */
export interface Access {
  national: boolean;
  regions: readonly string[];
  provinces: readonly string[];
  organizations: readonly string[];
  establishments: readonly string[];
}

export function accessFor(actor: Actor, permission: Permission): Access {
  const grants = actor.grants.get(permission);
  if (!grants?.length) throw new AppError(403, "auth.forbidden");
  const refs = (type: string) =>
    grants.filter((g) => g.scopeType === type && g.scopeRef).map((g) => g.scopeRef as string);
  return {
    national: grants.some((g) => g.scopeType === "national"),
    regions: refs("region"),
    provinces: refs("province"),
    organizations: refs("organization"),
    establishments: refs("establishment"),
  };
}

export function can(actor: Actor | null, permission: Permission): boolean {
  return Boolean(actor?.grants.get(permission)?.length);
}

/** The columns through which a table's rows belong to a scope; give those the table has. */
export interface ScopeColumns {
  region?: AnyColumn | SQL;
  province?: AnyColumn | SQL;
  organization?: AnyColumn | SQL;
  establishment?: AnyColumn | SQL;
  /**
   * A uuid[] column of the organisations party to the row (a convention's
   * signatories, a project's funders): reached when it shares one with the access.
   */
  parties?: AnyColumn | SQL;
}

/** SQL condition restricting rows to the access; undefined means no restriction (national). */
export function scopeFilter(access: Access, cols: ScopeColumns): SQL | undefined {
  if (access.national) return undefined;
  const parts = [
    cols.region && access.regions.length ? inArray(cols.region as AnyColumn, [...access.regions]) : undefined,
    cols.province && access.provinces.length
      ? inArray(cols.province as AnyColumn, [...access.provinces])
      : undefined,
    cols.organization && access.organizations.length
      ? inArray(cols.organization as AnyColumn, [...access.organizations])
      : undefined,
    cols.establishment && access.establishments.length
      ? inArray(cols.establishment as AnyColumn, [...access.establishments])
      : undefined,
    cols.parties && access.organizations.length
      ? sql`${cols.parties} && ARRAY[${sql.join(
          access.organizations.map((o) => sql`${o}`),
          sql`, `,
        )}]::uuid[]`
      : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? or(...parts) : sql`false`;
}

/** The same rule for one record in memory: may this access place a record there? */
export interface ScopeValues {
  region?: string | null;
  province?: string | null;
  organization?: string | null;
  establishment?: string | null;
  parties?: readonly string[] | null;
}

export function reaches(access: Access, v: ScopeValues): boolean {
  if (access.national) return true;
  return (
    (!!v.region && access.regions.includes(v.region)) ||
    (!!v.province && access.provinces.includes(v.province)) ||
    (!!v.organization && access.organizations.includes(v.organization)) ||
    (!!v.establishment && access.establishments.includes(v.establishment)) ||
    (!!v.parties && v.parties.some((o) => access.organizations.includes(o)))
  );
}
