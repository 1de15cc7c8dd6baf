import type pg from "pg";
import { ESTABLISHMENT_CATEGORIES } from "../../contracts/establishments.ts";
import { NATIONAL_ORGANIZATIONS, REGIONAL_ORGANIZATIONS } from "../../server/demo/demo.data.ts";
import { NAMES } from "../../server/demo/establishments.demo.ts";
import { PUBLIC } from "../../server/demo/residents.demo.ts";
import { PROVINCES, REGIONS } from "../../server/modules/territories/index.ts";
import type { Cell } from "../lib/copy.ts";
import { isoDay, permutation, prng, uuid7 } from "../lib/random.ts";
import { ageOf, type Facts, personId, REGION_CODES, regionIndex, TODAY_DAY } from "./registry.ts";
import type { Scale } from "./scales.ts";

/**
 * Organisations (the demo's national bodies and regional associations, plus managing
 * associations at scale), establishments spread over the regions by population, their residents
 * drawn from the registry by the public each category receives (the demo's PUBLIC table), and
 * the daily attendance of the residents currently admitted.
 */

const TAG = { organization: 20, establishment: 21, stay: 22 } as const;
const provincesOf = REGIONS.map((r) => PROVINCES.filter((p) => p.regionCode === r.code));

/** Inserts the demo organisations; returns their ids by acronym and by key (upper case). */
export async function insertOrganizations(client: pg.Client, seed: number): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const all = [...NATIONAL_ORGANIZATIONS, ...REGIONAL_ORGANIZATIONS];
  for (const [i, o] of all.entries()) {
    const id = uuid7(seed, TAG.organization, i);
    ids.set(o.key, id);
    await client.query(
      `INSERT INTO organizations (id, type, name_fr, name_ar, acronym, region_code, province_code, parent_id, website)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [
        id,
        o.type,
        o.nameFr,
        o.nameAr,
        o.acronym ?? null,
        o.regionCode ?? null,
        o.provinceCode ?? null,
        o.parentKey ? (ids.get(o.parentKey) ?? null) : null,
        o.website ?? null,
      ],
    );
  }
  const byAcronym = new Map<string, string>();
  for (const o of all) {
    const id = ids.get(o.key) as string;
    byAcronym.set(o.key.toUpperCase(), id);
    if (o.acronym) byAcronym.set(o.acronym, id);
  }
  return byAcronym;
}

export const ORGANIZATION_COLUMNS = [
  "id",
  "type",
  "name_fr",
  "name_ar",
  "region_code",
  "province_code",
] as const;
const ASSOCIATION_OFFSET = 10_000;
const associationId = (seed: number, a: number) => uuid7(seed, TAG.organization, ASSOCIATION_OFFSET + a);
/** Associations a region holds: a = region + 12·j, so the managing one is found without a lookup. */
const associationOf = (reg: number, j: number, scale: Scale) => {
  const perRegion = Math.max(1, Math.floor(scale.associations / REGIONS.length));
  return reg + REGIONS.length * (j % perRegion);
};

export function* associationRows(scale: Scale, seed: number): Generator<Cell[]> {
  const r = prng(seed ^ 0xa550);
  const perRegion = Math.max(1, Math.floor(scale.associations / REGIONS.length));
  for (let a = 0; a < perRegion * REGIONS.length; a++) {
    const reg = a % REGIONS.length;
    const province = r.pick(provincesOf[reg] as (typeof PROVINCES)[number][]);
    yield [
      associationId(seed, a),
      "association",
      `Association de bienfaisance ${province.nameFr} n° ${Math.floor(a / REGIONS.length) + 1}`,
      `جمعية الإحسان ${province.nameAr} رقم ${Math.floor(a / REGIONS.length) + 1}`,
      REGION_CODES[reg],
      province.code,
    ];
  }
}

export const ESTABLISHMENT_COLUMNS = [
  "id",
  "code",
  "name_fr",
  "name_ar",
  "category",
  "managing_organization_id",
  "region_code",
  "province_code",
  "commune",
  "latitude",
  "longitude",
  "opening_date",
  "authorisation_status",
  "authorisation_number",
  "authorisation_issued_on",
  "capacity_male",
  "capacity_female",
  "connectivity",
  "hot_water",
  "solar_kwp",
] as const;

/** Category shares of the national network (student houses and social centres are the most numerous). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  children_in_difficulty: 0.12,
  elderly: 0.08,
  disability: 0.12,
  women_in_difficulty: 0.06,
  homeless: 0.03,
  student_house_boys: 0.2,
  student_house_girls: 0.2,
  multipurpose_social_centre: 0.15,
  other: 0.04,
};

export interface EstablishmentFacts {
  category: string[];
  region: Uint8Array;
  capacityMale: Int32Array;
  capacityFemale: Int32Array;
}

export const establishmentId = (seed: number, e: number) => uuid7(seed, TAG.establishment, e);

export function* establishmentRows(scale: Scale, seed: number, out: EstablishmentFacts): Generator<Cell[]> {
  const r = prng(seed ^ 0xe57);
  const perRegion = new Array(REGIONS.length).fill(0);
  for (let e = 0; e < scale.establishments; e++) {
    const reg = regionIndex(r.next());
    const province = r.pick(provincesOf[reg] as (typeof PROVINCES)[number][]);
    let u = r.next();
    let category = "other";
    for (const c of ESTABLISHMENT_CATEGORIES) {
      u -= CATEGORY_WEIGHTS[c] ?? 0;
      if (u <= 0) {
        category = c;
        break;
      }
    }
    const capacity = category.startsWith("student") ? r.int(60, 160) : r.int(20, 90);
    const male =
      category === "student_house_girls" || category === "women_in_difficulty"
        ? 0
        : category === "student_house_boys"
          ? capacity
          : Math.round(capacity / 2);
    const status = r.chance(0.75) ? "authorised" : r.pick(["pending", "suspended", "withdrawn"]);
    const connectivity = r.chance(0.35) ? "none" : r.pick(["mobile", "adsl", "fibre", "satellite"]);
    const solar = r.chance(0.3);
    const n = ++perRegion[reg];
    const [fr, ar] = NAMES[category as keyof typeof NAMES];
    out.category[e] = category;
    out.region[e] = reg;
    out.capacityMale[e] = male;
    out.capacityFemale[e] = capacity - male;
    yield [
      establishmentId(seed, e),
      `EPS-${REGION_CODES[reg]?.slice(3)}-${String(n).padStart(4, "0")}`,
      `${fr} — ${province.nameFr} ${n}`,
      `${ar} - ${province.nameAr} ${n}`,
      category,
      associationId(seed, associationOf(reg, e, scale)),
      REGION_CODES[reg],
      province.code,
      province.nameFr,
      27.5 + r.next() * 8,
      -13 + r.next() * 11,
      isoDay(TODAY_DAY - r.int(1500, 12000)),
      status,
      status === "pending" ? null : `AUT-${REGION_CODES[reg]?.slice(3)}-${n}`,
      status === "pending" ? null : isoDay(TODAY_DAY - r.int(400, 3000)),
      male,
      capacity - male,
      connectivity,
      solar ? "solar" : r.chance(0.6) ? "electric" : "none",
      solar ? r.int(3, 30) : null,
    ];
  }
}

export const STAY_COLUMNS = [
  "id",
  "establishment_id",
  "person_id",
  "sex",
  "status",
  "referral_source",
  "request_reason",
  "requested_on",
  "decided_on",
  "admitted_on",
  "discharged_on",
  "discharge_reason",
] as const;
const REFERRALS = ["family", "social_services", "court", "hospital", "association", "self", "other"];
const REASONS = [
  "Rupture familiale",
  "Précarité du logement",
  "Éloignement de l'établissement scolaire",
  "Isolement et perte d'autonomie",
];

/** Stays currently admitted, for the attendance pass: stay index and establishment. */
export interface Admitted {
  stay: Int32Array;
  establishment: Int32Array;
  count: number;
}

/**
 * Resident stays: each establishment fills 55–95% of its places with persons of the public it
 * receives, plus a few discharged and pending requests. Persons are taken along a permutation of
 * the registry, so nobody has two open stays (a unique index says so).
 */
export function* stayRows(
  scale: Scale,
  seed: number,
  facts: Facts,
  est: EstablishmentFacts,
  admitted: Admitted,
): Generator<Cell[]> {
  const r = prng(seed ^ 0x57a7);
  const perm = permutation(scale.persons, seed ^ 0x1234);
  let cursor = 0;
  let s = 0;
  // Persons looked at along the permutation (most do not fit a category's public): half the registry.
  const budget = Math.floor(scale.persons / 2);
  for (let e = 0; e < scale.establishments && cursor < budget; e++) {
    const pub = PUBLIC[est.category[e] as string] ?? (PUBLIC.other as (typeof PUBLIC)[string]);
    for (const sex of pub.sexes) {
      const capacity = sex === "male" ? (est.capacityMale[e] as number) : (est.capacityFemale[e] as number);
      if (capacity <= 0) continue;
      const current = Math.round(capacity * (0.55 + r.next() * 0.4));
      const total = current + Math.round(current / 6) + r.int(0, 2);
      for (let i = 0; i < total && cursor < budget; i++) {
        let k = -1;
        for (let tries = 0; tries < 60 && cursor < budget; tries++) {
          const c = perm(cursor++);
          const age = ageOf(facts, c);
          if ((facts.sex[c] === 1) === (sex === "male") && age >= pub.ages[0] && age <= pub.ages[1]) {
            k = c;
            break;
          }
        }
        if (k < 0) break;
        const requested = TODAY_DAY - r.int(20, 720);
        const decided = requested + r.int(1, 10);
        const kind =
          i < current ? "admitted" : i < total - 2 ? "discharged" : r.chance(0.5) ? "requested" : "refused";
        const discharged = kind === "discharged" ? Math.min(TODAY_DAY - 1, decided + r.int(10, 300)) : 0;
        if (kind === "admitted") {
          admitted.stay[admitted.count] = s;
          admitted.establishment[admitted.count++] = e;
        }
        yield [
          uuid7(seed, TAG.stay, s++),
          establishmentId(seed, e),
          personId(seed, k),
          sex,
          kind,
          r.pick(REFERRALS),
          r.pick(REASONS),
          isoDay(requested),
          kind === "requested" ? null : isoDay(decided),
          kind === "admitted" || kind === "discharged" ? isoDay(decided) : null,
          discharged ? isoDay(discharged) : null,
          discharged ? "Retour en famille" : null,
        ];
      }
    }
  }
}

export const ATTENDANCE_COLUMNS = ["stay_id", "day", "establishment_id", "status"] as const;

export function* attendanceRows(scale: Scale, seed: number, admitted: Admitted): Generator<Cell[]> {
  const r = prng(seed ^ 0xa77);
  for (let d = scale.attendanceDays; d >= 1; d--) {
    const day = isoDay(TODAY_DAY - d);
    for (let i = 0; i < admitted.count; i++) {
      const x = r.next();
      yield [
        uuid7(seed, TAG.stay, admitted.stay[i] as number),
        day,
        establishmentId(seed, admitted.establishment[i] as number),
        x < 0.9 ? "present" : x < 0.97 ? "absent" : "excused",
      ];
    }
  }
}
