import type {
  CreateEstablishmentBody,
  Establishment,
  EstablishmentExportQuery,
  EstablishmentFilters,
  EstablishmentListQuery,
  UpdateEstablishmentBody,
} from "../../../contracts/establishments.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import { type Db, type Queryable, readAll } from "../../platform/database.ts";
import { AppError, invalidField, notFound } from "../../platform/errors.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { type Access, accessFor, reaches } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import { organizationNames } from "../organizations/index.ts";
import { territoryNames } from "../territories/index.ts";
import * as repo from "./establishments.repository.ts";
import { establishmentScopeValues } from "./establishments.scope.ts";

export const ENTITY = "establishment";

/** Fields a person edits; what the audit trail compares. */
export const editable = (e: Establishment) => ({
  code: e.code,
  nameFr: e.nameFr,
  nameAr: e.nameAr,
  category: e.category,
  managingOrganizationId: e.managingOrganizationId,
  regionCode: e.regionCode,
  provinceCode: e.provinceCode,
  commune: e.commune,
  address: e.address,
  latitude: e.latitude,
  longitude: e.longitude,
  openingDate: e.openingDate,
  phone: e.phone,
  email: e.email,
  directorName: e.directorName,
  authorisationStatus: e.authorisationStatus,
  authorisationNumber: e.authorisationNumber,
  authorisationIssuedOn: e.authorisationIssuedOn,
  authorisationExpiresOn: e.authorisationExpiresOn,
  capacityMale: e.capacityMale,
  capacityFemale: e.capacityFemale,
  connectivity: e.connectivity,
  connectivitySince: e.connectivitySince,
  connectivityFunderId: e.connectivityFunderId,
  solarKwp: e.solarKwp,
  solarInstalledOn: e.solarInstalledOn,
  solarFunderId: e.solarFunderId,
  hotWater: e.hotWater,
  staff: e.staff,
  archivedAt: e.archivedAt,
});

export const filterOf = (q: EstablishmentFilters): repo.EstablishmentFilter => ({
  q: q.q,
  region: q.region,
  province: q.province,
  category: q.category,
  authorisation: q.authorisation,
  connectivity: q.connectivity,
  cohort: q.cohort,
  overdue: q.overdue === "true" ? true : undefined,
  includeArchived: q.includeArchived === "true",
});

export interface Place {
  regionCode?: string | null;
  provinceCode?: string | null;
  managingOrganizationId?: string | null;
}

/** A province fixes its region; the result must be a place the writer's scope reaches. Returns field issues. */
export async function resolvePlace(
  q: Queryable,
  access: Access,
  place: Place,
  id: string | null,
): Promise<{ regionCode: string; provinceCode: string | null } | { path: string; code: string }> {
  let regionCode = place.regionCode ?? null;
  const provinceCode = place.provinceCode ?? null;
  if (provinceCode) {
    const names = await territoryNames(q, { regions: [], provinces: [provinceCode] }, "fr");
    const province = names.provinces.get(provinceCode);
    if (!province) return { path: "provinceCode", code: "validation.province_code" };
    if (regionCode && regionCode !== province.regionCode)
      return { path: "provinceCode", code: "establishments.province_region_mismatch" };
    regionCode = province.regionCode;
  }
  if (!regionCode) return { path: "regionCode", code: "validation.required" };
  if (
    !reaches(
      access,
      establishmentScopeValues({
        id,
        regionCode,
        provinceCode,
        managingOrganizationId: place.managingOrganizationId ?? null,
      }),
    )
  )
    return { path: "regionCode", code: "establishments.out_of_scope" };
  return { regionCode, provinceCode };
}

/** Residents currently admitted by sex (the residents part answers; app.ts wires it). */
export type OccupancySource = (
  q: Queryable,
  establishmentId: string,
) => Promise<{ male: number; female: number }>;

export function createEstablishmentsService(deps: { db: Db; occupancy?: OccupancySource }) {
  const { db, occupancy } = deps;

  /**
   * A capacity being changed cannot go below the residents admitted now (an unchanged one may:
   * admissions beyond capacity are allowed with a reason, and must not block other edits).
   */
  async function checkCapacity(
    q: Queryable,
    id: string,
    capacity: { male: number; female: number },
    stored: { male: number; female: number },
  ) {
    if (!occupancy) return;
    const current = await occupancy(q, id);
    if (capacity.male !== stored.male && capacity.male < current.male)
      throw invalidField("capacityMale", "establishments.capacity_below_residents", { count: current.male });
    if (capacity.female !== stored.female && capacity.female < current.female)
      throw invalidField("capacityFemale", "establishments.capacity_below_residents", {
        count: current.female,
      });
  }

  async function detail(q: Queryable, access: Access, id: string, lock = false): Promise<Establishment> {
    const row = await repo.find(q, access, id, { lock });
    if (!row) throw notFound("establishments.not_found");
    const [staff, cohorts] = await readAll(q, [() => repo.staffOf(q, id), () => repo.cohortsOf(q, id)]);
    return { ...row, staff, cohorts };
  }

  async function placeOrThrow(q: Queryable, access: Access, place: Place, id: string | null) {
    const r = await resolvePlace(q, access, place, id);
    if ("path" in r) throw invalidField(r.path, r.code);
    return r;
  }

  async function checkOrganizations(q: Queryable, refs: { path: string; id: string | null | undefined }[]) {
    const ids = refs.map((r) => r.id).filter((x): x is string => !!x);
    const found = await organizationNames(q, ids);
    for (const r of refs)
      if (r.id && !found.has(r.id)) throw invalidField(r.path, "establishments.organization_not_found");
  }

  async function uniqueCode(q: Queryable, code: string, id: string | null) {
    const [existing] = await repo.byCodes(q, [code]);
    if (existing && existing.id !== id) throw invalidField("code", "establishments.code_taken");
  }

  return {
    detail,

    async list(ctx: AuthenticatedContext, query: EstablishmentListQuery) {
      const access = accessFor(ctx.actor, "establishments.read");
      const rows = await repo.list(db, access, {
        ...filterOf(query),
        limit: query.limit,
        cursorKey: decodeCursor(query.cursor, 2),
      });
      return toPage(rows, query.limit, (r) => [r.nameFr, r.id]);
    },

    /** The filtered list as rows to export; the export itself is audited. */
    async exportRows(ctx: AuthenticatedContext, query: EstablishmentExportQuery) {
      const access = accessFor(ctx.actor, "establishments.read");
      const { format, ...filters } = query;
      await recordAudit(db, ctx, {
        action: "establishment.export",
        entityType: ENTITY,
        entityId: null,
        after: { format, filters },
      });
      return repo.all(db, access, filterOf(filters));
    },

    async get(ctx: AuthenticatedContext, id: string): Promise<Establishment> {
      return detail(db, accessFor(ctx.actor, "establishments.read"), id);
    },

    async create(ctx: AuthenticatedContext, input: CreateEstablishmentBody): Promise<Establishment> {
      const access = accessFor(ctx.actor, "establishments.write");
      return db.transaction(async (tx) => {
        const { staff = [], ...fields } = input;
        const place = await placeOrThrow(tx, access, fields, null);
        await checkOrganizations(tx, [
          { path: "managingOrganizationId", id: fields.managingOrganizationId },
          { path: "connectivityFunderId", id: fields.connectivityFunderId },
          { path: "solarFunderId", id: fields.solarFunderId },
        ]);
        await uniqueCode(tx, fields.code, null);
        const id = await repo.insert(tx, { ...fields, ...place });
        await repo.replaceStaff(tx, id, staff);
        const created = await detail(tx, access, id);
        await recordAudit(tx, ctx, {
          action: "establishment.create",
          entityType: ENTITY,
          entityId: id,
          after: editable(created),
        });
        return created;
      });
    },

    async update(
      ctx: AuthenticatedContext,
      id: string,
      input: UpdateEstablishmentBody,
    ): Promise<Establishment> {
      const access = accessFor(ctx.actor, "establishments.write");
      return db.transaction(async (tx) => {
        const current = await detail(tx, access, id, true);
        assertVersion(current.version, input.version);
        if (current.archivedAt) throw new AppError(422, "establishments.archived");
        const { version: _, staff, ...changes } = input;
        const place = await placeOrThrow(
          tx,
          access,
          {
            regionCode:
              changes.provinceCode !== undefined && changes.regionCode === undefined
                ? null
                : changes.regionCode !== undefined
                  ? changes.regionCode
                  : current.regionCode,
            provinceCode: changes.provinceCode !== undefined ? changes.provinceCode : current.provinceCode,
            managingOrganizationId:
              changes.managingOrganizationId !== undefined
                ? changes.managingOrganizationId
                : current.managingOrganizationId,
          },
          id,
        );
        await checkOrganizations(tx, [
          { path: "managingOrganizationId", id: changes.managingOrganizationId },
          { path: "connectivityFunderId", id: changes.connectivityFunderId },
          { path: "solarFunderId", id: changes.solarFunderId },
        ]);
        if (changes.code !== undefined) await uniqueCode(tx, changes.code, id);
        await checkCapacity(
          tx,
          id,
          {
            male: changes.capacityMale ?? current.capacityMale,
            female: changes.capacityFemale ?? current.capacityFemale,
          },
          { male: current.capacityMale, female: current.capacityFemale },
        );
        await repo.update(tx, id, { ...changes, ...place });
        if (staff) await repo.replaceStaff(tx, id, staff);
        const updated = await detail(tx, access, id);
        await recordAudit(tx, ctx, {
          action: "establishment.update",
          entityType: ENTITY,
          entityId: id,
          before: editable(current),
          after: editable(updated),
        });
        return updated;
      });
    },

    async setArchived(
      ctx: AuthenticatedContext,
      id: string,
      version: number,
      archived: boolean,
    ): Promise<Establishment> {
      const access = accessFor(ctx.actor, "establishments.write");
      return db.transaction(async (tx) => {
        const current = await detail(tx, access, id, true);
        assertVersion(current.version, version);
        await repo.update(tx, id, { archivedAt: archived ? new Date().toISOString() : null });
        const updated = await detail(tx, access, id);
        await recordAudit(tx, ctx, {
          action: archived ? "establishment.archive" : "establishment.restore",
          entityType: ENTITY,
          entityId: id,
          before: editable(current),
          after: editable(updated),
        });
        return updated;
      });
    },
  };
}

export type EstablishmentsService = ReturnType<typeof createEstablishmentsService>;
