import type {
  CreateOrganizationBody,
  Organization,
  OrganizationListQuery,
  UpdateOrganizationBody,
} from "../../../contracts/organizations.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { AppError, invalidField, notFound } from "../../platform/errors.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { type Access, accessFor, reaches } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import { territoryNames } from "../territories/index.ts";
import * as repo from "./organizations.repository.ts";

const ENTITY = "organization";

/** Fields a person edits; what the audit trail compares. */
const editable = (o: Organization) => ({
  type: o.type,
  nameFr: o.nameFr,
  nameAr: o.nameAr,
  acronym: o.acronym,
  regionCode: o.regionCode,
  provinceCode: o.provinceCode,
  parentId: o.parentId,
  email: o.email,
  phone: o.phone,
  address: o.address,
  website: o.website,
  archivedAt: o.archivedAt,
});

export function createOrganizationsService(deps: { db: Db }) {
  const { db } = deps;

  async function found(q: Queryable, access: Access, id: string, lock = false) {
    const row = await repo.find(q, access, id, { lock });
    if (!row) throw notFound("organizations.not_found");
    return row;
  }

  /**
   * A province fixes its region; the place must be within the writer's scope
   * (a regional officer cannot create or move an organisation out of their region).
   */
  async function placeWithinScope(
    q: Queryable,
    access: Access,
    place: { regionCode: string | null; provinceCode: string | null },
  ) {
    let { regionCode } = place;
    if (place.provinceCode) {
      const names = await territoryNames(q, { regions: [], provinces: [place.provinceCode] }, "fr");
      const province = names.provinces.get(place.provinceCode);
      if (!province) throw invalidField("provinceCode", "validation.province_code");
      if (regionCode && regionCode !== province.regionCode)
        throw invalidField("provinceCode", "organizations.province_region_mismatch");
      regionCode = province.regionCode;
    }
    if (!reaches(access, { region: regionCode, province: place.provinceCode }))
      throw invalidField("regionCode", "organizations.out_of_scope");
    return { regionCode, provinceCode: place.provinceCode };
  }

  async function checkParent(
    q: Queryable,
    access: Access,
    id: string | null,
    parentId: string | null | undefined,
  ) {
    if (!parentId) return;
    if (!(await repo.find(q, access, parentId)))
      throw invalidField("parentId", "organizations.parent_not_found");
    if (id && (await repo.isSelfOrDescendant(q, id, parentId)))
      throw invalidField("parentId", "organizations.parent_cycle");
  }

  return {
    async list(ctx: AuthenticatedContext, query: OrganizationListQuery) {
      const access = accessFor(ctx.actor, "organizations.read");
      const rows = await repo.list(db, access, {
        q: query.q,
        type: query.type,
        region: query.region,
        includeArchived: query.includeArchived === "true",
        limit: query.limit,
        cursorKey: decodeCursor(query.cursor, 2),
      });
      return toPage(rows, query.limit, (r) => [r.nameFr, r.id]);
    },

    async get(ctx: AuthenticatedContext, id: string): Promise<Organization> {
      return found(db, accessFor(ctx.actor, "organizations.read"), id);
    },

    async create(ctx: AuthenticatedContext, input: CreateOrganizationBody): Promise<Organization> {
      const access = accessFor(ctx.actor, "organizations.write");
      return db.transaction(async (tx) => {
        const place = await placeWithinScope(tx, access, {
          regionCode: input.regionCode ?? null,
          provinceCode: input.provinceCode ?? null,
        });
        await checkParent(tx, access, null, input.parentId);
        const id = await repo.insert(tx, { ...input, ...place });
        const created = await found(tx, access, id);
        await recordAudit(tx, ctx, {
          action: "organization.create",
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
      input: UpdateOrganizationBody,
    ): Promise<Organization> {
      const access = accessFor(ctx.actor, "organizations.write");
      return db.transaction(async (tx) => {
        const current = await found(tx, access, id, true);
        assertVersion(current.version, input.version);
        if (current.archivedAt) throw new AppError(422, "organizations.archived");
        const { version: _, ...changes } = input;
        const place = await placeWithinScope(tx, access, {
          regionCode: changes.regionCode !== undefined ? changes.regionCode : current.regionCode,
          provinceCode: changes.provinceCode !== undefined ? changes.provinceCode : current.provinceCode,
        });
        if (changes.parentId !== undefined) await checkParent(tx, access, id, changes.parentId);
        await repo.update(tx, id, { ...changes, ...place });
        const updated = await found(tx, access, id);
        await recordAudit(tx, ctx, {
          action: "organization.update",
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
    ): Promise<Organization> {
      const access = accessFor(ctx.actor, "organizations.write");
      return db.transaction(async (tx) => {
        const current = await found(tx, access, id, true);
        assertVersion(current.version, version);
        await repo.update(tx, id, { archivedAt: archived ? new Date().toISOString() : null });
        const updated = await found(tx, access, id);
        await recordAudit(tx, ctx, {
          action: archived ? "organization.archive" : "organization.restore",
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

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
