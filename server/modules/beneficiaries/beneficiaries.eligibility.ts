import type { Queryable } from "../../platform/database.ts";
import * as personsRepo from "./beneficiaries.persons.repository.ts";

/** The facts a programme's eligibility rules are evaluated on; null if the person does not exist. */
export async function eligibilityProfile(db: Queryable, personId: string) {
  const row = await personsRepo.eligibilityFacts(db, personId);
  if (!row) return null;
  return {
    personId: row.personId,
    sex: row.sex,
    birthDate: row.birthDate,
    ageYears: Number(row.ageYears),
    regionCode: row.regionCode,
    provinceCode: row.provinceCode,
    disability: row.disabilityType !== null,
    disabilityType: row.disabilityType,
    householdScore: row.householdScore === null ? null : Number(row.householdScore),
    householdSize: Number(row.householdSize),
  };
}
export type EligibilityProfile = NonNullable<Awaited<ReturnType<typeof eligibilityProfile>>>;
