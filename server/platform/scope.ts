import { type AnyColumn, inArray, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Permission } from "../../contracts/access.ts";
import type { Actor, Grant } from "./context.ts";
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
  return {
    national: grants.some((g) => g.scopeType === "national"),
    regions: scopeRefs(grants, "region"),
    provinces: scopeRefs(grants, "province"),
    organizations: scopeRefs(grants, "organization"),
    establishments: scopeRefs(grants, "establishment"),
  };
}

const scopeRefs = (grants: readonly Grant[], type: string) =>
  grants.filter((g) => g.scopeType === type && g.scopeRef).map((g) => g.scopeRef as string);

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
  return scopeCondition(access, cols, (_name, value) => value);
}

/**
 * The same condition for a prepared statement: each value a placeholder (region0, region1…,
 * province0…), so one statement serves every access of the same shape (national, or so many
 * regions, provinces…). `shape` names that statement; `values` fill its placeholders. Values
 * stay one placeholder each (`in ($1, $2)`), not one array (`= any($1)`): the planner keeps the
 * per-region index order as with literal values.
 */
export function preparedScopeFilter(access: Access, cols: ScopeColumns) {
  const values: Record<string, string> = {};
  const filter = scopeCondition(access, cols, (name, value) => {
    values[name] = value;
    return sql.placeholder(name);
  });
  const shape = access.national
    ? "national"
    : `r${access.regions.length}p${access.provinces.length}o${access.organizations.length}e${access.establishments.length}`;
  return { filter, shape, values };
}

type ScopeValue = (name: string, value: string) => string | Placeholder;

function scopeCondition(access: Access, cols: ScopeColumns, value: ScopeValue): SQL | undefined {
  if (access.national) return undefined;
  const list = (kind: string, values: readonly string[]) => values.map((v, i) => value(`${kind}${i}`, v));
  const parts = [
    cols.region && access.regions.length
      ? inArray(cols.region as AnyColumn, list("region", access.regions))
      : undefined,
    cols.province && access.provinces.length
      ? inArray(cols.province as AnyColumn, list("province", access.provinces))
      : undefined,
    cols.organization && access.organizations.length
      ? inArray(cols.organization as AnyColumn, list("organization", access.organizations))
      : undefined,
    cols.establishment && access.establishments.length
      ? inArray(cols.establishment as AnyColumn, list("establishment", access.establishments))
      : undefined,
    cols.parties && access.organizations.length
      ? sql`${cols.parties} && ARRAY[${sql.join(
          list("organization", access.organizations).map((o) => sql`${o}`),
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
