import { maskCin, type Person, type PersonSummary } from "../../../contracts/beneficiaries.ts";
import type { Locale } from "../../../contracts/common.ts";
import type { RequestContext } from "../../platform/context.ts";
import type { Queryable } from "../../platform/database.ts";
import { notFound } from "../../platform/errors.ts";
import { type Access, accessFor, can, reaches } from "../../platform/scope.ts";
import * as personsRepo from "./beneficiaries.persons.repository.ts";

/**
 * What a caller sees of a person: out of scope is not found (404, like a missing record);
 * in scope, the personal fields (whole CIN, birth date, disability, notes) only with
 * `persons.personal` reaching the person's place.
 */

/** The person in the caller's scope, or 404. */
export async function foundPerson(q: Queryable, access: Access, id: string, lock = false) {
  const row = await personsRepo.findPerson(q, access, id, { lock });
  if (!row) throw notFound("beneficiaries.person_not_found");
  return row;
}

/** May this caller see the personal fields of a record placed there? */
export function personalReach(ctx: RequestContext): Access | null {
  if (!ctx.actor || !can(ctx.actor, "persons.personal")) return null;
  return accessFor(ctx.actor, "persons.personal");
}
export const seesPersonal = (
  reach: Access | null,
  p: { regionCode: string | null; provinceCode: string | null },
) => !!reach && reaches(reach, { region: p.regionCode, province: p.provinceCode });

export function toSummary(row: personsRepo.PersonSummaryRow, reach: Access | null): PersonSummary {
  const personal = seesPersonal(reach, row);
  return {
    id: row.id,
    cinMasked: maskCin(row.cin),
    firstNameLatin: row.firstNameLatin,
    lastNameLatin: row.lastNameLatin,
    firstNameAr: row.firstNameAr,
    lastNameAr: row.lastNameAr,
    sex: row.sex,
    birthDate: personal ? row.birthDate : null,
    phone: row.phone,
    regionCode: row.regionCode,
    provinceCode: row.provinceCode,
    commune: row.commune,
    mergedIntoId: row.mergedIntoId,
    score: row.score,
  };
}

export function toPerson(row: personsRepo.PersonRow, reach: Access | null, locale: Locale): Person {
  const personal = seesPersonal(reach, row);
  const name = (fr: string, ar: string, en: string) => (locale === "ar" ? ar : locale === "en" ? en : fr);
  return {
    id: row.id,
    cin: personal ? row.cin : maskCin(row.cin),
    cinMasked: maskCin(row.cin),
    firstNameLatin: row.firstNameLatin,
    lastNameLatin: row.lastNameLatin,
    firstNameAr: row.firstNameAr,
    lastNameAr: row.lastNameAr,
    sex: row.sex,
    birthDate: personal ? row.birthDate : null,
    phone: row.phone,
    regionCode: row.regionCode,
    provinceCode: row.provinceCode,
    regionName: name(row.regionNameFr, row.regionNameAr, row.regionNameEn),
    provinceName: name(row.provinceNameFr, row.provinceNameAr, row.provinceNameEn),
    commune: row.commune,
    address: row.address,
    maritalStatus: row.maritalStatus,
    schoolingLevel: row.schoolingLevel,
    disabilityType: personal ? row.disabilityType : null,
    disabilityCardNumber: personal ? row.disabilityCardNumber : null,
    situationNotes: personal ? row.situationNotes : null,
    mergedIntoId: row.mergedIntoId,
    household: row.household ? { ...row.household, memberCount: Number(row.household.memberCount) } : null,
    personal,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
