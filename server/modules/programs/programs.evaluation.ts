import type { Locale } from "../../../contracts/common.ts";
import type {
  EligibilityProfileInput,
  EligibilityResult,
  RuleGroup,
} from "../../../contracts/eligibility.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import { type Queryable, readAll } from "../../platform/database.ts";
import { can } from "../../platform/scope.ts";
import { eligibilityProfile } from "../beneficiaries/index.ts";
import { territoryNames } from "../territories/index.ts";
import * as applicationsRepo from "./programs.applications.repository.ts";
import {
  ageOn,
  codesIn,
  EMPTY_PROFILE,
  evaluateResult,
  localize,
  type Names,
  type Profile,
} from "./programs.eligibility.ts";
import * as repo from "./programs.repository.ts";

/** Names of the territories and programmes a rule (or an explanation) mentions, in the reader's language. */
export async function namesFor(
  q: Queryable,
  locale: Locale,
  node: Parameters<typeof codesIn>[0],
): Promise<Names> {
  const codes = codesIn(node);
  const [territories, progs] = await readAll(q, [
    () => territoryNames(q, codes, locale),
    () => repo.programIdsByCode(q, codes.programs),
  ]);
  return {
    regions: territories.regions,
    provinces: new Map([...territories.provinces].map(([k, v]) => [k, v.name])),
    programs: new Map([...progs].map(([k, v]) => [k, locale === "ar" ? v.nameAr : v.nameFr])),
  };
}

/** What the registry knows about a person, as the rules read it. */
export async function personProfile(q: Queryable, personId: string): Promise<Profile> {
  const [facts, enrolled] = await readAll(q, [
    () => eligibilityProfile(q, personId),
    () => applicationsRepo.enrolledProgramCodes(q, personId),
  ]);
  if (!facts) return EMPTY_PROFILE;
  return {
    ageYears: facts.ageYears ?? (facts.birthDate ? ageOn(facts.birthDate) : null),
    sex: facts.sex ?? null,
    regionCode: facts.regionCode ?? null,
    provinceCode: facts.provinceCode ?? null,
    disability: facts.disability ?? null,
    householdScore: facts.householdScore ?? null,
    householdSize: facts.householdSize ?? null,
    enrolledPrograms: enrolled,
  };
}

/** Answers typed in (by an agent or a citizen), as the rules read them. */
export async function typedProfile(q: Queryable, input: EligibilityProfileInput): Promise<Profile> {
  let regionCode = input.regionCode ?? null;
  if (input.provinceCode && !regionCode) {
    const names = await territoryNames(q, { regions: [], provinces: [input.provinceCode] }, "fr");
    regionCode = names.provinces.get(input.provinceCode)?.regionCode ?? null;
  }
  return {
    ageYears: input.birthDate ? ageOn(input.birthDate) : (input.ageYears ?? null),
    sex: input.sex ?? null,
    regionCode,
    provinceCode: input.provinceCode ?? null,
    disability: input.disability ?? null,
    householdScore: input.householdScore ?? null,
    householdSize: input.householdSize ?? null,
    enrolledPrograms: input.enrolledPrograms ?? null,
  };
}

export async function evaluateFor(q: Queryable, locale: Locale, rule: RuleGroup, profile: Profile) {
  const names = await namesFor(q, locale, rule);
  // Names of what the person holds too (their province, their enrolments).
  const result = evaluateResult(locale, rule, profile, names);
  return localize(locale, result, await namesFor(q, locale, result.explanation));
}

/** A reader without persons.personal sees outcomes, not the person's values. */
export async function forReader(
  q: Queryable,
  ctx: AuthenticatedContext,
  locale: Locale,
  result: EligibilityResult,
) {
  const personal = can(ctx.actor, "persons.personal");
  const strip = (g: EligibilityResult["explanation"]): EligibilityResult["explanation"] => ({
    ...g,
    children: g.children.map((c) => (c.kind === "group" ? strip(c) : { ...c, actual: null })),
  });
  const explanation = personal ? result.explanation : strip(result.explanation);
  return localize(locale, { ...result, explanation }, await namesFor(q, locale, explanation));
}
