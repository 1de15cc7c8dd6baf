import { CIN_LETTERS, FEMALE, MALE, QUARTERS } from "../../server/demo/persons.demo.ts";
import {
  NameWordSet,
  type PersonKeys,
  personKeys,
  phoneKey,
} from "../../server/modules/beneficiaries/beneficiaries.search-keys.ts";
import { PROVINCES, REGIONS } from "../../server/modules/territories/index.ts";
import type { Cell } from "../lib/copy.ts";
import { dayOf, isoDay, prng, type Rand, uuid7 } from "../lib/random.ts";
import { FAMILY_NAMES, pickFamily } from "./names.ts";
import type { Scale } from "./scales.ts";

/**
 * The registry at scale: households drawn region by region in proportion to the 2024 census
 * (territories module), heads, spouses, children and elderly parents with the ages, sexes and
 * names (Arabic and Latin, with spelling variants) of the demo registry, and a few probable
 * duplicates (a head registered again without CIN, another spelling). The walk is replayed once
 * per table with the same seed, so the three COPYs agree and only a few bytes per person stay
 * in memory (the facts the programmes and residents need).
 */

export const TAG = { person: 1, household: 2, member: 3 } as const;
export const TODAY = "2026-11-01";
export const TODAY_DAY = dayOf(TODAY);

export const REGION_CODES = REGIONS.map((r) => r.code);
const provincesOf = REGIONS.map((r) =>
  PROVINCES.map((p, i) => ({ p, i })).filter((x) => x.p.regionCode === r.code),
);
/** Cumulative census shares, to draw a region in proportion to its population. */
export const REGION_CUMULATIVE = (() => {
  const total = REGIONS.reduce((s, r) => s + r.population2024, 0);
  let acc = 0;
  return REGIONS.map((r) => {
    acc += r.population2024 / total;
    return acc;
  });
})();
export function regionIndex(u: number): number {
  let i = 0;
  while ((REGION_CUMULATIVE[i] as number) < u && i < REGION_CUMULATIVE.length - 1) i++;
  return i;
}

/** A few bytes per person, kept for the programmes and residents generated after. */
export interface Facts {
  region: Uint8Array;
  province: Uint8Array;
  sex: Uint8Array; // 0 female, 1 male
  birthDay: Int32Array;
  disability: Uint8Array;
  householdSize: Uint8Array;
  householdScore: Float32Array; // NaN when the household has none
}

export function newFacts(n: number): Facts {
  return {
    region: new Uint8Array(n),
    province: new Uint8Array(n),
    sex: new Uint8Array(n),
    birthDay: new Int32Array(n),
    disability: new Uint8Array(n),
    householdSize: new Uint8Array(n),
    householdScore: new Float32Array(n),
  };
}

export const personId = (seed: number, k: number) => uuid7(seed, TAG.person, k);
export const ageOf = (facts: Facts, k: number) =>
  Math.floor((TODAY_DAY - (facts.birthDay[k] as number)) / 365.25);

export const PERSON_COLUMNS = [
  "id",
  "cin",
  "first_name_latin",
  "last_name_latin",
  "first_name_ar",
  "last_name_ar",
  "sex",
  "birth_date",
  "phone",
  "region_code",
  "province_code",
  "commune",
  "address",
  "marital_status",
  "schooling_level",
  "disability_type",
  "disability_card_number",
  "search_latin",
  "search_latin_key",
  "search_arabic_key",
  "phone_key",
] as const;
export const HOUSEHOLD_COLUMNS = [
  "id",
  "head_person_id",
  "region_code",
  "province_code",
  "commune",
  "address",
  "socio_economic_score",
  "score_date",
] as const;
export const MEMBER_COLUMNS = ["id", "household_id", "person_id", "relationship"] as const;

const SCHOOLING = [
  "none",
  "literacy",
  "primary",
  "lower_secondary",
  "upper_secondary",
  "vocational",
  "higher",
];
const DISABILITY = ["motor", "visual", "hearing", "intellectual", "psychic", "multiple"];
const MARITAL_ADULT = ["married", "married", "single", "divorced", "widowed"];

const spell = (r: Rand, latin: readonly string[]) =>
  latin.length > 1 && r.chance(0.25) ? r.pick(latin.slice(1)) : (latin[0] as string);

/** Unique CINs without a Set: letters cycle, the number is a bijection of 0..899,999 (7919 is prime). */
const cinOf = (n: number) =>
  `${CIN_LETTERS[n % CIN_LETTERS.length]}${100000 + ((Math.floor(n / CIN_LETTERS.length) * 7919) % 900000)}`;

/**
 * Search keys as the application writes them (the COPY runs without triggers, so the SQL fallback
 * would not fill them). Names come from short lists: keys are computed once per name pair.
 */
const keysByName = new Map<string, PersonKeys>();
function namesKeys(first: string, last: string, firstAr: string, lastAr: string): PersonKeys {
  const id = `${first}|${last}|${firstAr}|${lastAr}`;
  let keys = keysByName.get(id);
  if (!keys) {
    keys = personKeys({
      firstNameLatin: first,
      lastNameLatin: last,
      firstNameAr: firstAr,
      lastNameAr: lastAr,
    });
    keysByName.set(id, keys);
  }
  return keys;
}

/** The name-word dictionary of the generated registry: every spelling the walk can draw. */
export const NAME_WORD_COLUMNS = ["script", "word", "key"] as const;
export function* nameWordRows(): Generator<Cell[]> {
  const words = new NameWordSet();
  for (const [latin, arabic] of [...MALE, ...FEMALE, ...FAMILY_NAMES])
    for (const spelling of latin)
      words.add(personKeys({ firstNameLatin: spelling, lastNameLatin: "", firstNameAr: arabic }));
  for (const w of words.words()) yield [w.script, w.word, w.key];
}

export type RegistryTable = "persons" | "households" | "members";

/**
 * Rows of one table of the registry. Every random draw happens whatever the table, so the three
 * replays stay in step. `facts` is filled on the persons replay.
 */
export function* registryRows(
  scale: Scale,
  seed: number,
  table: RegistryTable,
  facts?: Facts,
): Generator<Cell[]> {
  const r = prng(seed);
  let k = 0;
  let cinSeq = 0;
  for (let h = 0; k < scale.persons; h++) {
    const reg = regionIndex(r.next());
    const prov = r.pick(provincesOf[reg] as { p: (typeof PROVINCES)[number]; i: number }[]);
    const family = pickFamily(r);
    const familyLatin = spell(r, family[0]);
    const address = `${r.pick(QUARTERS)}, rue ${r.int(1, 60)}, n° ${r.int(1, 200)}`;
    const hid = uuid7(seed, TAG.household, h);
    const score = r.chance(0.9) ? Math.round((3 + r.next() * 11) * 1e7) / 1e7 : null;
    const scoreDate = `2025-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
    const persons: Cell[][] = [];
    const members: { k: number; rel: string }[] = [];

    const person = (sex: 0 | 1, age: number, marital: string | null, rel: string | null, cin = true) => {
      const [latin, arabic] = r.pick(sex ? MALE : FEMALE);
      const adult = age >= 18;
      const birth = TODAY_DAY - Math.round(age * 365.25) - r.int(0, 364);
      const disability = r.chance(0.04) ? r.pick(DISABILITY) : null;
      const hasCin = adult && r.chance(0.92) && cin;
      const hasPhone = adult && r.chance(0.7) && cin;
      const phone = `0${r.chance(0.5) ? "6" : "7"}${r.int(10000000, 99999999)}`;
      const maritalStatus = adult ? (marital ?? r.pick(MARITAL_ADULT)) : "single";
      const schooling = r.pick(SCHOOLING);
      const card = r.int(100000, 999999);
      const first = rel ? spell(r, latin) : (latin[latin.length - 1] as string);
      if (table === "persons") {
        const keys = namesKeys(first, familyLatin, arabic, family[1]);
        persons.push([
          personId(seed, k),
          hasCin ? cinOf(cinSeq) : null,
          first,
          familyLatin,
          arabic,
          family[1],
          sex ? "male" : "female",
          isoDay(birth),
          hasPhone ? phone : null,
          REGION_CODES[reg],
          prov.p.code,
          prov.p.nameFr,
          rel ? address : null,
          maritalStatus,
          age < 6 ? null : schooling,
          disability,
          disability ? `CH-${card}` : null,
          keys.searchLatin,
          keys.searchLatinKey,
          keys.searchArabicKey,
          hasPhone ? phoneKey(phone) : null,
        ]);
      }
      if (hasCin) cinSeq++;
      if (facts) {
        facts.region[k] = reg;
        facts.province[k] = prov.i;
        facts.sex[k] = sex;
        facts.birthDay[k] = birth;
        facts.disability[k] = disability ? 1 : 0;
        facts.householdScore[k] = score ?? Number.NaN;
      }
      if (rel) members.push({ k, rel });
      k++;
    };

    const headSex = r.chance(0.78) ? 1 : 0;
    const headAge = r.int(24, 72);
    const headMarital = headSex ? "married" : r.pick(["widowed", "divorced", "married"]);
    const headK = k;
    person(headSex, headAge, headMarital, "head");
    if (headMarital === "married" && k < scale.persons)
      person(headSex ? 0 : 1, Math.max(18, headAge + r.int(-8, 3)), "married", "spouse");
    const children = headAge < 30 ? r.int(0, 2) : r.int(0, 3);
    for (let c = 0; c < children && k < scale.persons; c++)
      person(r.chance(0.5) ? 1 : 0, Math.max(0, Math.min(headAge - 18, r.int(0, 28))), null, "child");
    if (r.chance(0.12) && k < scale.persons)
      person(r.chance(0.6) ? 0 : 1, Math.min(95, headAge + r.int(20, 30)), "widowed", "parent");
    // A probable duplicate now and then: someone registered again, no CIN, outside any household.
    if (h % 300 === 7 && k < scale.persons) person(headSex, headAge, headMarital, null, false);
    if (facts) for (const m of members) facts.householdSize[m.k] = Math.min(255, members.length);

    if (table === "persons") yield* persons;
    else if (table === "households")
      yield [
        hid,
        personId(seed, headK),
        REGION_CODES[reg],
        prov.p.code,
        prov.p.nameFr,
        address,
        score,
        scoreDate,
      ];
    else for (const m of members) yield [uuid7(seed, TAG.member, m.k), hid, personId(seed, m.k), m.rel];
  }
}
