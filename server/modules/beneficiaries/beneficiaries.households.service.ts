import {
  type AddMemberBody,
  type CreateHouseholdBody,
  type Household,
  type HouseholdListQuery,
  maskCin,
  type UpdateHouseholdBody,
} from "../../../contracts/beneficiaries.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { invalidField, notFound, unprocessable } from "../../platform/errors.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { type Access, accessFor } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import * as householdsRepo from "./beneficiaries.households.repository.ts";
import * as personsRepo from "./beneficiaries.persons.repository.ts";
import { placeWithinScope } from "./beneficiaries.registration.ts";
import { personalReach, seesPersonal } from "./beneficiaries.visibility.ts";

const editableHousehold = (h: NonNullable<Awaited<ReturnType<typeof householdsRepo.findHousehold>>>) => ({
  headPersonId: h.headPersonId,
  regionCode: h.regionCode,
  provinceCode: h.provinceCode,
  commune: h.commune,
  address: h.address,
  socioEconomicScore: h.socioEconomicScore,
  scoreDate: h.scoreDate,
});

/** Use cases on a household: list, read, create around a head, edit, add and remove members. */
export function createHouseholdsService(deps: { db: Db }) {
  const { db } = deps;

  async function foundHousehold(q: Queryable, access: Access, id: string, lock = false) {
    const row = await householdsRepo.findHousehold(q, access, id, { lock });
    if (!row) throw notFound("beneficiaries.household_not_found");
    return row;
  }

  async function householdOut(
    q: Queryable,
    ctx: AuthenticatedContext,
    access: Access,
    id: string,
  ): Promise<Household> {
    const h = await foundHousehold(q, access, id);
    const reach = personalReach(ctx);
    const members = await householdsRepo.householdMembersOf(q, access, id);
    return {
      ...h,
      socioEconomicScore: h.socioEconomicScore === null ? null : Number(h.socioEconomicScore),
      members: members.map((m) => ({
        personId: m.personId,
        relationship: m.relationship,
        firstNameLatin: m.firstNameLatin,
        lastNameLatin: m.lastNameLatin,
        firstNameAr: m.firstNameAr,
        lastNameAr: m.lastNameAr,
        cinMasked: maskCin(m.cin),
        sex: m.sex,
        birthDate: seesPersonal(reach, h) ? m.birthDate : null,
      })),
    };
  }

  return {
    async listHouseholds(ctx: AuthenticatedContext, query: HouseholdListQuery) {
      const access = accessFor(ctx.actor, "persons.read");
      let memberIds: string[] | undefined;
      if (query.q) {
        const rows = await personsRepo.listPersons(db, access, {
          terms: await personsRepo.searchTerms(db, query.q),
          includeMerged: false,
          limit: 200,
        });
        memberIds = rows.map((r) => r.id);
      }
      const rows = await householdsRepo.listHouseholds(db, access, {
        region: query.region,
        province: query.province,
        memberIds,
        limit: query.limit,
        cursorKey: decodeCursor(query.cursor, 1),
      });
      const page = toPage(rows, query.limit, (r) => [r.id]);
      return {
        items: page.items.map((h) => ({
          ...h,
          socioEconomicScore: h.socioEconomicScore === null ? null : Number(h.socioEconomicScore),
        })),
        nextCursor: page.nextCursor,
      };
    },

    async getHousehold(ctx: AuthenticatedContext, id: string): Promise<Household> {
      return householdOut(db, ctx, accessFor(ctx.actor, "persons.read"), id);
    },

    async createHousehold(ctx: AuthenticatedContext, input: CreateHouseholdBody): Promise<Household> {
      const access = accessFor(ctx.actor, "persons.write");
      return db.transaction(async (tx) => {
        const head = await personsRepo.findPerson(tx, access, input.headPersonId, { lock: true });
        if (!head || head.mergedIntoId) throw invalidField("headPersonId", "beneficiaries.person_not_found");
        if (await householdsRepo.membershipOf(tx, head.id))
          throw invalidField("headPersonId", "beneficiaries.already_in_household");
        const place = await placeWithinScope(tx, access, {
          provinceCode: input.provinceCode ?? head.provinceCode,
        });
        const id = await householdsRepo.insertHousehold(tx, {
          headPersonId: head.id,
          ...place,
          commune: input.commune === undefined ? head.commune : input.commune,
          address: input.address === undefined ? head.address : input.address,
          socioEconomicScore: input.socioEconomicScore ?? null,
          scoreDate: input.scoreDate ?? null,
        });
        await householdsRepo.insertMember(tx, { householdId: id, personId: head.id, relationship: "head" });
        const created = await foundHousehold(tx, access, id);
        await recordAudit(tx, ctx, {
          action: "household.create",
          entityType: "household",
          entityId: id,
          after: editableHousehold(created),
        });
        return householdOut(tx, ctx, access, id);
      });
    },

    async updateHousehold(
      ctx: AuthenticatedContext,
      id: string,
      input: UpdateHouseholdBody,
    ): Promise<Household> {
      const access = accessFor(ctx.actor, "persons.write");
      return db.transaction(async (tx) => {
        const current = await foundHousehold(tx, access, id, true);
        assertVersion(current.version, input.version);
        const { version: _, ...changes } = input;
        const place = changes.provinceCode
          ? await placeWithinScope(tx, access, { provinceCode: changes.provinceCode })
          : {};
        await householdsRepo.updateHousehold(tx, id, { ...changes, ...place });
        const updated = await foundHousehold(tx, access, id);
        await recordAudit(tx, ctx, {
          action: "household.update",
          entityType: "household",
          entityId: id,
          before: editableHousehold(current),
          after: editableHousehold(updated),
        });
        return householdOut(tx, ctx, access, id);
      });
    },

    async addMember(ctx: AuthenticatedContext, id: string, input: AddMemberBody): Promise<Household> {
      const access = accessFor(ctx.actor, "persons.write");
      return db.transaction(async (tx) => {
        const current = await foundHousehold(tx, access, id, true);
        assertVersion(current.version, input.version);
        const person = await personsRepo.findPerson(tx, access, input.personId, { lock: true });
        if (!person || person.mergedIntoId) throw invalidField("personId", "beneficiaries.person_not_found");
        if (await householdsRepo.membershipOf(tx, person.id))
          throw invalidField("personId", "beneficiaries.already_in_household");
        await householdsRepo.insertMember(tx, {
          householdId: id,
          personId: person.id,
          relationship: input.relationship,
        });
        await householdsRepo.updateHousehold(tx, id, {});
        await recordAudit(tx, ctx, {
          action: "household.member_add",
          entityType: "household",
          entityId: id,
          after: { personId: person.id, relationship: input.relationship },
        });
        return householdOut(tx, ctx, access, id);
      });
    },

    async removeMember(
      ctx: AuthenticatedContext,
      id: string,
      personId: string,
      version: number,
    ): Promise<Household> {
      const access = accessFor(ctx.actor, "persons.write");
      return db.transaction(async (tx) => {
        const current = await foundHousehold(tx, access, id, true);
        assertVersion(current.version, version);
        if (current.headPersonId === personId) throw unprocessable("beneficiaries.head_required");
        const member = await householdsRepo.membershipOf(tx, personId);
        if (!member || member.householdId !== id) throw notFound("beneficiaries.member_not_found");
        await householdsRepo.deleteMember(tx, id, personId);
        await householdsRepo.updateHousehold(tx, id, {});
        await recordAudit(tx, ctx, {
          action: "household.member_remove",
          entityType: "household",
          entityId: id,
          before: { personId, relationship: member.relationship },
        });
        return householdOut(tx, ctx, access, id);
      });
    },
  };
}
