import { and, asc, count, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  AuthorisationStatus,
  Connectivity,
  EstablishmentCategory,
  StaffLine,
} from "../../../contracts/establishments.ts";
import type { Queryable } from "../../platform/database.ts";
import { after } from "../../platform/pagination.ts";
import type { Access } from "../../platform/scope.ts";
import { escapeLike } from "../../platform/text.ts";
import { organizations } from "../organizations/index.ts";
import { establishmentsScope } from "./establishments.scope.ts";
import { cohortMembers, cohorts, establishmentStaff, establishments } from "./establishments.table.ts";

export type EstablishmentRow = typeof establishments.$inferSelect;
export type EstablishmentInsert = typeof establishments.$inferInsert;

/** Days before expiry from which an authorisation is flagged. */
export const EXPIRY_WARNING_DAYS = 90;

const manager = alias(organizations, "manager");
const connectivityFunder = alias(organizations, "connectivity_funder");
const solarFunder = alias(organizations, "solar_funder");

const searchable = sql`f_unaccent(${establishments.code} || ' ' || ${establishments.nameFr} || ' ' || coalesce(${establishments.nameAr}, ''))`;

export const overdueCount = sql<number>`(select count(*)::int from corrective_actions ca where ca.establishment_id = ${establishments.id} and ca.status = 'open' and ca.due_date < current_date)`;
const expiring = sql<boolean>`(${establishments.authorisationStatus} = 'authorised' and ${establishments.authorisationExpiresOn} is not null and ${establishments.authorisationExpiresOn} < current_date + ${EXPIRY_WARNING_DAYS}::int)`;

const summaryColumns = {
  id: establishments.id,
  code: establishments.code,
  nameFr: establishments.nameFr,
  nameAr: establishments.nameAr,
  category: establishments.category,
  regionCode: establishments.regionCode,
  provinceCode: establishments.provinceCode,
  commune: establishments.commune,
  managingOrganizationId: establishments.managingOrganizationId,
  managingOrganizationName: manager.nameFr,
  authorisationStatus: establishments.authorisationStatus,
  authorisationExpiresOn: establishments.authorisationExpiresOn,
  authorisationExpiring: expiring,
  capacityMale: establishments.capacityMale,
  capacityFemale: establishments.capacityFemale,
  connectivity: establishments.connectivity,
  solarKwp: establishments.solarKwp,
  hotWater: establishments.hotWater,
  overdueActions: overdueCount,
  archivedAt: establishments.archivedAt,
  version: establishments.version,
};

const detailColumns = {
  ...summaryColumns,
  address: establishments.address,
  latitude: establishments.latitude,
  longitude: establishments.longitude,
  openingDate: establishments.openingDate,
  phone: establishments.phone,
  email: establishments.email,
  directorName: establishments.directorName,
  authorisationNumber: establishments.authorisationNumber,
  authorisationIssuedOn: establishments.authorisationIssuedOn,
  connectivitySince: establishments.connectivitySince,
  connectivityFunderId: establishments.connectivityFunderId,
  connectivityFunderName: connectivityFunder.nameFr,
  solarInstalledOn: establishments.solarInstalledOn,
  solarFunderId: establishments.solarFunderId,
  solarFunderName: solarFunder.nameFr,
  createdAt: establishments.createdAt,
  updatedAt: establishments.updatedAt,
};

export interface EstablishmentFilter {
  q?: string;
  region?: string;
  province?: string;
  category?: EstablishmentCategory;
  authorisation?: AuthorisationStatus;
  connectivity?: Connectivity;
  cohort?: string;
  overdue?: boolean;
  includeArchived: boolean;
}

/** The list's conditions (scope, archive, filters), shared with the aggregates. */
export function conditions(access: Access, f: EstablishmentFilter): (SQL | undefined)[] {
  return [
    establishmentsScope(access),
    f.includeArchived ? undefined : isNull(establishments.archivedAt),
    f.region ? eq(establishments.regionCode, f.region) : undefined,
    f.province ? eq(establishments.provinceCode, f.province) : undefined,
    f.category ? eq(establishments.category, f.category) : undefined,
    f.authorisation ? eq(establishments.authorisationStatus, f.authorisation) : undefined,
    f.connectivity ? eq(establishments.connectivity, f.connectivity) : undefined,
    f.cohort
      ? sql`exists (select 1 from ${cohortMembers} cm where cm.establishment_id = ${establishments.id} and cm.cohort_id = ${f.cohort})`
      : undefined,
    f.overdue === true ? sql`${overdueCount} > 0` : undefined,
    f.q ? sql`${searchable} like '%' || f_unaccent(${escapeLike(f.q)}) || '%'` : undefined,
  ];
}

export async function list(
  db: Queryable,
  access: Access,
  f: EstablishmentFilter & { limit: number; cursorKey?: unknown[] },
) {
  return db
    .select(summaryColumns)
    .from(establishments)
    .leftJoin(manager, eq(manager.id, establishments.managingOrganizationId))
    .where(
      and(
        ...conditions(access, f),
        f.cursorKey ? after([establishments.nameFr, establishments.id], f.cursorKey) : undefined,
      ),
    )
    .orderBy(establishments.nameFr, establishments.id)
    .limit(f.limit + 1);
}

export type SummaryRow = Awaited<ReturnType<typeof list>>[number];

/** Every row of a filtered list, fetched page by page (for exports). */
export async function* all(db: Queryable, access: Access, f: EstablishmentFilter, size = 1000) {
  let cursorKey: unknown[] | undefined;
  for (;;) {
    const rows = await list(db, access, { ...f, limit: size, cursorKey });
    const page = rows.slice(0, size);
    for (const r of page) yield r;
    const last = page.at(-1);
    if (rows.length <= size || !last) return;
    cursorKey = [last.nameFr, last.id];
  }
}

export async function find(db: Queryable, access: Access, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select(detailColumns)
    .from(establishments)
    .leftJoin(manager, eq(manager.id, establishments.managingOrganizationId))
    .leftJoin(connectivityFunder, eq(connectivityFunder.id, establishments.connectivityFunderId))
    .leftJoin(solarFunder, eq(solarFunder.id, establishments.solarFunderId))
    .where(and(eq(establishments.id, id), establishmentsScope(access)));
  const [row] = opts.lock ? await q.for("update", { of: establishments }) : await q;
  return row;
}

export type DetailRow = NonNullable<Awaited<ReturnType<typeof find>>>;

export async function staffOf(db: Queryable, id: string): Promise<StaffLine[]> {
  return db
    .select({
      function: establishmentStaff.function,
      male: establishmentStaff.male,
      female: establishmentStaff.female,
    })
    .from(establishmentStaff)
    .where(eq(establishmentStaff.establishmentId, id))
    .orderBy(asc(establishmentStaff.function));
}

export async function replaceStaff(db: Queryable, id: string, staff: readonly StaffLine[]) {
  await db.delete(establishmentStaff).where(eq(establishmentStaff.establishmentId, id));
  if (staff.length)
    await db.insert(establishmentStaff).values(staff.map((s) => ({ ...s, establishmentId: id })));
}

export async function cohortsOf(db: Queryable, id: string) {
  return db
    .select({ id: cohorts.id, code: cohorts.code, nameFr: cohorts.nameFr, nameAr: cohorts.nameAr })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(eq(cohortMembers.establishmentId, id))
    .orderBy(cohorts.nameFr);
}

export async function insert(db: Queryable, values: EstablishmentInsert) {
  const [row] = await db.insert(establishments).values(values).returning({ id: establishments.id });
  return row?.id as string;
}

export async function update(db: Queryable, id: string, values: Partial<EstablishmentInsert>) {
  await db
    .update(establishments)
    .set({ ...values, version: sql`${establishments.version} + 1`, updatedAt: sql`now()` })
    .where(eq(establishments.id, id));
}

/**
 * Existing establishments by code, whatever the caller's scope: an import must
 * know that a code is taken even where the caller cannot see it. Callers check
 * `reaches` before using a row.
 */
export async function byCodes(db: Queryable, codes: string[]) {
  if (!codes.length) return [];
  return db
    .select({
      id: establishments.id,
      code: establishments.code,
      regionCode: establishments.regionCode,
      provinceCode: establishments.provinceCode,
      managingOrganizationId: establishments.managingOrganizationId,
      capacityMale: establishments.capacityMale,
      capacityFemale: establishments.capacityFemale,
    })
    .from(establishments)
    .where(inArray(establishments.code, codes));
}

export async function namesOf(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, { nameFr: string; nameAr: string | null }>();
  const rows = await db
    .select({ id: establishments.id, nameFr: establishments.nameFr, nameAr: establishments.nameAr })
    .from(establishments)
    .where(sql`${establishments.id} = any(${sql.param(ids)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, { nameFr: r.nameFr, nameAr: r.nameAr }]));
}

/** Organisations by id or exact French name (case-insensitive), for import columns naming an organisation. */
export async function organizationsByRef(db: Queryable, refs: string[]) {
  if (!refs.length) return [];
  return db
    .select({ id: organizations.id, nameFr: organizations.nameFr })
    .from(organizations)
    .where(
      sql`${organizations.id}::text = any(${sql.param(refs)}::text[]) or lower(${organizations.nameFr}) = any(${sql.param(refs.map((r) => r.toLowerCase()))}::text[])`,
    );
}

export async function countIn(db: Queryable, access: Access, f: EstablishmentFilter) {
  const [row] = await db
    .select({ n: count() })
    .from(establishments)
    .where(and(...conditions(access, f)));
  return row?.n ?? 0;
}
