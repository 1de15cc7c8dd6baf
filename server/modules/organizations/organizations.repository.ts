import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Organization, OrganizationType } from "../../../contracts/organizations.ts";
import type { Queryable } from "../../platform/database.ts";
import { after } from "../../platform/pagination.ts";
import { type Access, scopeFilter } from "../../platform/scope.ts";
import { escapeLike } from "../../platform/text.ts";
import { organizations } from "./organizations.table.ts";

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationInsert = typeof organizations.$inferInsert;

const parent = alias(organizations, "parent");

/** The one place that says which organisations a caller's scope reaches. */
const inScope = (access: Access) =>
  scopeFilter(access, {
    region: organizations.regionCode,
    province: organizations.provinceCode,
    organization: organizations.id,
  });

const searchable = sql`f_unaccent(${organizations.nameFr} || ' ' || coalesce(${organizations.nameAr}, '') || ' ' || coalesce(${organizations.acronym}, ''))`;

const columns = {
  id: organizations.id,
  type: organizations.type,
  nameFr: organizations.nameFr,
  nameAr: organizations.nameAr,
  acronym: organizations.acronym,
  regionCode: organizations.regionCode,
  provinceCode: organizations.provinceCode,
  parentId: organizations.parentId,
  parentName: parent.nameFr,
  email: organizations.email,
  phone: organizations.phone,
  address: organizations.address,
  website: organizations.website,
  archivedAt: organizations.archivedAt,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
  version: organizations.version,
};

export interface OrganizationFilter {
  q?: string;
  type?: OrganizationType;
  region?: string;
  includeArchived: boolean;
  limit: number;
  cursorKey?: unknown[];
}

export async function list(db: Queryable, access: Access, f: OrganizationFilter): Promise<Organization[]> {
  const where: (SQL | undefined)[] = [
    inScope(access),
    f.includeArchived ? undefined : isNull(organizations.archivedAt),
    f.type ? eq(organizations.type, f.type) : undefined,
    f.region ? eq(organizations.regionCode, f.region) : undefined,
    f.q ? sql`${searchable} like '%' || f_unaccent(${escapeLike(f.q)}) || '%'` : undefined,
    f.cursorKey ? after([organizations.nameFr, organizations.id], f.cursorKey) : undefined,
  ];
  return db
    .select(columns)
    .from(organizations)
    .leftJoin(parent, eq(parent.id, organizations.parentId))
    .where(and(...where))
    .orderBy(organizations.nameFr, organizations.id)
    .limit(f.limit + 1);
}

export async function find(db: Queryable, access: Access, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select(columns)
    .from(organizations)
    .leftJoin(parent, eq(parent.id, organizations.parentId))
    .where(and(eq(organizations.id, id), inScope(access)));
  const [row] = opts.lock ? await q.for("update", { of: organizations }) : await q;
  return row;
}

export async function insert(db: Queryable, values: OrganizationInsert) {
  const [row] = await db.insert(organizations).values(values).returning({ id: organizations.id });
  return row?.id as string;
}

export async function update(db: Queryable, id: string, values: Partial<OrganizationInsert>) {
  await db
    .update(organizations)
    .set({ ...values, version: sql`${organizations.version} + 1`, updatedAt: sql`now()` })
    .where(eq(organizations.id, id));
}

/** True when `candidate` is `id` or one of its descendants: making it the parent would close a loop. */
export async function isSelfOrDescendant(db: Queryable, id: string, candidate: string): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    with recursive chain(id) as (
      select ${candidate}::uuid
      union
      select o.parent_id from ${organizations} o join chain c on o.id = c.id where o.parent_id is not null
    )
    select exists (select 1 from chain where id = ${id}::uuid) as found`);
  return Boolean(result.rows[0]?.found);
}

export async function namesOf(
  db: Queryable,
  ids: string[],
): Promise<Map<string, { nameFr: string; nameAr: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: organizations.id, nameFr: organizations.nameFr, nameAr: organizations.nameAr })
    .from(organizations)
    .where(sql`${organizations.id} = any(${sql.param(ids)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r]));
}
