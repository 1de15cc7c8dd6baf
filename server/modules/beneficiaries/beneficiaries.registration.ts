import {
  type ConsentPurpose,
  CreatePersonBody,
  type CreatePersonInput,
} from "../../../contracts/beneficiaries.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/context.ts";
import type { Queryable } from "../../platform/database.ts";
import { AppError, invalidField } from "../../platform/errors.ts";
import { type Access, accessFor, reaches } from "../../platform/scope.ts";
import { territoryNames } from "../territories/index.ts";
import * as personsRepo from "./beneficiaries.persons.repository.ts";

/**
 * Registering a person, the rules every writer of a person shares (place within scope, CIN
 * unique) and the fields the audit trail compares; used by the persons and merge use cases
 * and, through `createPerson`, by other modules.
 */

export const NATIONAL: Access = {
  national: true,
  regions: [],
  provinces: [],
  organizations: [],
  establishments: [],
};

/** Fields a person edits; what the audit trail compares (the CIN is stored, not its mask). */
export const editablePerson = (p: personsRepo.PersonRow) => ({
  cin: p.cin,
  firstNameLatin: p.firstNameLatin,
  lastNameLatin: p.lastNameLatin,
  firstNameAr: p.firstNameAr,
  lastNameAr: p.lastNameAr,
  sex: p.sex,
  birthDate: p.birthDate,
  phone: p.phone,
  regionCode: p.regionCode,
  provinceCode: p.provinceCode,
  commune: p.commune,
  address: p.address,
  maritalStatus: p.maritalStatus,
  schoolingLevel: p.schoolingLevel,
  disabilityType: p.disabilityType,
  disabilityCardNumber: p.disabilityCardNumber,
  situationNotes: p.situationNotes,
  mergedIntoId: p.mergedIntoId,
});

/**
 * A province fixes its region; the place must be within the writer's scope
 * (a social worker of Settat cannot register a person living in Rabat).
 */
export async function placeWithinScope(
  q: Queryable,
  access: Access,
  place: { regionCode?: string | null; provinceCode: string },
) {
  const names = await territoryNames(q, { regions: [], provinces: [place.provinceCode] }, "fr");
  const province = names.provinces.get(place.provinceCode);
  if (!province) throw invalidField("provinceCode", "validation.province_code");
  if (place.regionCode && place.regionCode !== province.regionCode)
    throw invalidField("provinceCode", "beneficiaries.province_region_mismatch");
  if (!reaches(access, { region: province.regionCode, province: place.provinceCode }))
    throw invalidField("provinceCode", "beneficiaries.out_of_scope");
  return { regionCode: province.regionCode, provinceCode: place.provinceCode };
}

export const cinTaken = () =>
  new AppError(409, "beneficiaries.cin_taken", {}, [{ path: "cin", code: "beneficiaries.cin_taken" }]);

function parseInput(raw: CreatePersonInput): CreatePersonBody {
  const parsed = CreatePersonBody.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError(
    400,
    "validation.failed",
    {},
    parsed.error.issues.map((i) => ({
      path: i.path.join("."),
      code: i.message.startsWith("validation.") ? i.message : `validation.${i.code}`,
    })),
  );
}

/**
 * Registers a person inside the caller's transaction: input validated, place within scope,
 * CIN unique. With `reuseExisting` (the public application path), a CIN already registered
 * with the same birth date gives back that person (the survivor if merged) instead of an error.
 * `ctx` without an actor (system, public) is not scope-limited.
 */
export async function createPerson(
  tx: Queryable,
  ctx: RequestContext,
  raw: CreatePersonInput,
  opts: { reuseExisting?: boolean } = {},
): Promise<{ id: string; created: boolean }> {
  const input = parseInput(raw);
  const access = ctx.actor ? accessFor(ctx.actor, "persons.write") : NATIONAL;
  if (input.cin) {
    const existing = await personsRepo.findByCin(tx, input.cin);
    if (existing) {
      if (opts.reuseExisting && existing.birthDate === input.birthDate)
        return { id: existing.mergedIntoId ?? existing.id, created: false };
      throw cinTaken();
    }
  }
  const place = await placeWithinScope(tx, access, input);
  const id = await personsRepo.insertPerson(tx, { ...input, ...place });
  const created = await personsRepo.findPerson(tx, NATIONAL, id);
  if (!created) throw new Error("person vanished after insert");
  await recordAudit(tx, ctx, {
    action: "person.create",
    entityType: "person",
    entityId: id,
    after: editablePerson(created),
  });
  return { id, created: true };
}

/**
 * Records a consent given outside the person's page (a citizen ticking the box when applying
 * online): same table and audit event as a consent entered by a social worker.
 */
export async function recordConsent(
  tx: Queryable,
  ctx: RequestContext,
  consent: { personId: string; purpose: ConsentPurpose; givenOn: string; note: string | null },
) {
  const id = await personsRepo.insertConsent(tx, {
    ...consent,
    granted: true,
    recordedById: ctx.actor?.userId ?? null,
  });
  await recordAudit(tx, ctx, {
    action: "consent.create",
    entityType: "person",
    entityId: consent.personId,
    after: { consentId: id, purpose: consent.purpose, granted: true, givenOn: consent.givenOn },
  });
  return id;
}
