import { sql } from "drizzle-orm";
import {
  consents,
  householdMembers,
  households,
  personKeys,
  persons,
  rememberNameWords,
} from "../modules/beneficiaries/index.ts";
import { PROVINCES, REGIONS } from "../modules/territories/index.ts";
import { recordAudit } from "../platform/audit.ts";
import { systemContext } from "../platform/context.ts";
import type { Db } from "../platform/database.ts";
import { newId } from "../platform/ids.ts";
import { insertMany } from "./demo.insert.ts";

/**
 * Demo registry: about 20,000 persons in 6,000 households across the twelve regions (weighted by
 * the 2024 census), with Moroccan names in Arabic and Latin script and the spelling variants real
 * registers hold (Mohamed / Mohammed / Mhamed), a few probable duplicates to merge, CINs for
 * adults, household scores as imported from the national social registry. A seeded generator
 * makes every run produce the same data; rows go in by batched multi-row INSERTs.
 */

export type Name = readonly [latin: readonly string[], arabic: string];

export const MALE: readonly Name[] = [
  [["Mohamed", "Mohammed", "Mhamed", "Muhammad"], "محمد"],
  [["Ahmed", "Ahmad", "Hmad"], "أحمد"],
  [["Youssef", "Youcef", "Yousef"], "يوسف"],
  [["Abdellah", "Abdallah", "Abdelah"], "عبد الله"],
  [["Omar", "Oumar", "Umar"], "عمر"],
  [["Hassan", "Hasan"], "حسن"],
  [["Hamza", "Hamzah"], "حمزة"],
  [["Mustapha", "Mostafa", "Moustafa"], "مصطفى"],
  [["Rachid", "Rashid"], "رشيد"],
  [["Khalid", "Khaled"], "خالد"],
  [["Said", "Saïd"], "سعيد"],
  [["Brahim", "Ibrahim"], "إبراهيم"],
  [["Abdelaziz"], "عبد العزيز"],
  [["Karim", "Kareem"], "كريم"],
  [["Younes", "Younès", "Yunus"], "يونس"],
  [["Ayoub", "Ayyoub"], "أيوب"],
  [["Anas"], "أنس"],
  [["Mehdi", "Mahdi"], "مهدي"],
  [["Ilyas", "Ilias"], "إلياس"],
  [["Soufiane", "Sofiane"], "سفيان"],
  [["Adil", "Adel"], "عادل"],
  [["Nabil"], "نبيل"],
  [["Jamal", "Jamel"], "جمال"],
  [["Driss", "Idriss"], "إدريس"],
  [["Lahcen", "Lahsen"], "لحسن"],
  [["Mbarek", "Mubarak"], "امبارك"],
  [["Abderrahim", "Abdelrahim"], "عبد الرحيم"],
  [["Hicham", "Hisham"], "هشام"],
  [["Zakaria", "Zakariya"], "زكرياء"],
  [["Othmane", "Otmane"], "عثمان"],
];

export const FEMALE: readonly Name[] = [
  [["Fatima", "Fatema", "Fatimah", "Fadma"], "فاطمة"],
  [["Khadija", "Khadidja"], "خديجة"],
  [["Aicha", "Aïcha", "Aisha"], "عائشة"],
  [["Zineb", "Zaynab", "Zainab"], "زينب"],
  [["Meryem", "Maryam", "Mariam"], "مريم"],
  [["Salma"], "سلمى"],
  [["Hanane", "Hanan"], "حنان"],
  [["Naima", "Naïma"], "نعيمة"],
  [["Samira"], "سميرة"],
  [["Latifa"], "لطيفة"],
  [["Amina", "Aminah"], "أمينة"],
  [["Imane", "Iman"], "إيمان"],
  [["Oumaima", "Umaima"], "أميمة"],
  [["Chaimae", "Chaima", "Shaimaa"], "شيماء"],
  [["Hajar"], "هاجر"],
  [["Kawtar", "Kaoutar", "Kawthar"], "كوثر"],
  [["Soukaina", "Soukayna"], "سكينة"],
  [["Malika"], "مليكة"],
  [["Rachida", "Rashida"], "رشيدة"],
  [["Nadia"], "نادية"],
  [["Asmae", "Asmaa", "Asma"], "أسماء"],
  [["Hayat"], "حياة"],
  [["Ilham"], "إلهام"],
  [["Najat"], "نجاة"],
  [["Houda", "Huda"], "هدى"],
  [["Sanae", "Sanaa"], "سناء"],
  [["Ghizlane", "Ghizlan"], "غزلان"],
  [["Yasmine", "Yasmina"], "ياسمين"],
  [["Widad", "Ouidad"], "وداد"],
  [["Rkia", "Rokaya"], "رقية"],
];

export const FAMILY: readonly Name[] = [
  [["Alaoui", "El Alaoui"], "العلوي"],
  [["Idrissi", "El Idrissi"], "الإدريسي"],
  [["Benali", "Ben Ali"], "بنعلي"],
  [["Bennani"], "بناني"],
  [["Tazi"], "التازي"],
  [["Berrada"], "برادة"],
  [["Amrani", "El Amrani"], "العمراني"],
  [["Fassi", "El Fassi"], "الفاسي"],
  [["Ouazzani", "Wazzani"], "الوزاني"],
  [["Cherkaoui", "Charkaoui"], "الشرقاوي"],
  [["Chraibi", "Chraïbi"], "الشرايبي"],
  [["Benjelloun", "Benjeloun"], "بنجلون"],
  [["Lahlou"], "لحلو"],
  [["Ziani"], "الزياني"],
  [["Mansouri", "El Mansouri"], "المنصوري"],
  [["Hajji", "Hadji"], "الحجي"],
  [["Bouzid"], "بوزيد"],
  [["Naciri", "Nassiri"], "الناصري"],
  [["Ait Ali", "Aït Ali"], "آيت علي"],
  [["Ait Lahcen"], "آيت لحسن"],
  [["Ouahbi", "Wahbi"], "الوهبي"],
  [["Bakkali", "Baqali"], "البقالي"],
  [["Sefrioui"], "الصفريوي"],
  [["Kettani", "Kattani"], "الكتاني"],
  [["Slaoui"], "السلاوي"],
  [["Filali"], "الفيلالي"],
  [["Zerhouni"], "الزرهوني"],
  [["Belhaj", "Belhadj"], "بلحاج"],
  [["Boukhari"], "البخاري"],
  [["Rahmouni"], "الرحموني"],
  [["Amzil"], "أمزيل"],
  [["Ouchen"], "أوشن"],
  [["Akhiat"], "أخياط"],
  [["Benkirane"], "بنكيران"],
  [["Moussaoui", "Moussawi"], "الموساوي"],
  [["Haddad", "Hadad"], "الحداد"],
  [["Sbai", "Sebai"], "السباعي"],
  [["Jabri", "El Jabri"], "الجابري"],
  [["Kabbaj"], "القباج"],
  [["Ouardi", "El Ouardi"], "الوردي"],
];

export const QUARTERS = [
  "Hay Mohammadi",
  "Hay Salam",
  "Hay Al Amal",
  "Douar Jdid",
  "Hay Nahda",
  "Derb Sultan",
  "Hay Al Wahda",
  "Lotissement Al Massira",
];
export const CIN_LETTERS = [
  "A",
  "AB",
  "BE",
  "BH",
  "BK",
  "C",
  "CD",
  "D",
  "EE",
  "F",
  "G",
  "H",
  "I",
  "J",
  "JC",
  "K",
  "L",
  "M",
  "N",
  "P",
  "Q",
  "R",
  "S",
  "T",
  "U",
  "V",
  "W",
  "X",
  "Y",
  "Z",
];

/** mulberry32: a small, fast, seeded generator; same seed, same dataset. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

type PersonRow = typeof persons.$inferInsert;
type Rand = ReturnType<typeof prng>;

const TODAY = new Date("2026-11-01T00:00:00Z");
function birthDateFor(r: Rand, age: number) {
  const d = new Date(TODAY);
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCDate(d.getUTCDate() - r.int(0, 364));
  return d.toISOString().slice(0, 10);
}

/** A spelling: mostly the usual one, sometimes a variant, as civil registers and field workers write. */
const spell = (r: Rand, latin: readonly string[]) =>
  latin.length > 1 && r.chance(0.25) ? r.pick(latin.slice(1)) : (latin[0] as string);

export async function loadDemoPersons(
  db: Db,
  opts: { households?: number; seed?: number } = {},
): Promise<{ persons: number; households: number }> {
  const r = prng(opts.seed ?? 20261123);
  const householdCount = opts.households ?? 6000;
  const totalPopulation = REGIONS.reduce((s, x) => s + x.population2024, 0);
  const provincesOf = new Map(REGIONS.map((x) => [x.code, PROVINCES.filter((p) => p.regionCode === x.code)]));
  const pickRegion = () => {
    let n = r.next() * totalPopulation;
    for (const x of REGIONS) {
      n -= x.population2024;
      if (n <= 0) return x;
    }
    return REGIONS[0] as (typeof REGIONS)[number];
  };

  let cinSeq = 0;
  const cin = () => `${r.pick(CIN_LETTERS)}${String(100000 + ((cinSeq++ * 7919) % 900000)).padStart(6, "0")}`;
  const phone = () => `0${r.pick(["6", "7"])}${String(r.int(10000000, 99999999))}`;

  const personRows: PersonRow[] = [];
  const householdRows: (typeof households.$inferInsert)[] = [];
  const memberRows: (typeof householdMembers.$inferInsert)[] = [];
  const consentRows: (typeof consents.$inferInsert)[] = [];

  for (let h = 0; h < householdCount; h++) {
    const region = pickRegion();
    const province = r.pick(provincesOf.get(region.code) ?? []);
    const family = r.pick(FAMILY);
    const familyLatin = spell(r, family[0]);
    const place = {
      regionCode: region.code,
      provinceCode: province.code,
      commune: province.nameFr,
      address: `${r.pick(QUARTERS)}, rue ${r.int(1, 60)}, n° ${r.int(1, 200)}`,
    };
    const newPerson = (sex: "female" | "male", age: number, extra: Partial<PersonRow> = {}): PersonRow => {
      const [latin, arabic] = r.pick(sex === "male" ? MALE : FEMALE);
      const adult = age >= 18;
      const row: PersonRow = {
        id: newId(),
        cin: adult && r.chance(0.92) ? cin() : null,
        firstNameLatin: spell(r, latin),
        lastNameLatin: familyLatin,
        firstNameAr: arabic,
        lastNameAr: family[1],
        sex,
        birthDate: birthDateFor(r, age),
        phone: adult && r.chance(0.7) ? phone() : null,
        ...place,
        maritalStatus: adult
          ? r.pick(["married", "married", "single", "divorced", "widowed"] as const)
          : "single",
        schoolingLevel:
          age < 6
            ? null
            : r.pick([
                "none",
                "literacy",
                "primary",
                "lower_secondary",
                "upper_secondary",
                "vocational",
                "higher",
              ] as const),
        disabilityType: r.chance(0.04)
          ? r.pick(["motor", "visual", "hearing", "intellectual", "psychic", "multiple"] as const)
          : null,
        ...extra,
      };
      if (row.disabilityType) row.disabilityCardNumber = `CH-${r.int(100000, 999999)}`;
      personRows.push(row);
      return row;
    };

    const headSex = r.chance(0.78) ? "male" : "female";
    const headAge = r.int(24, 72);
    const head = newPerson(headSex, headAge, {
      maritalStatus: headSex === "male" ? "married" : r.pick(["widowed", "divorced", "married"] as const),
    });
    const householdId = newId();
    const score = Math.round((3 + r.next() * 11) * 1e7) / 1e7;
    householdRows.push({
      id: householdId,
      headPersonId: head.id as string,
      ...place,
      socioEconomicScore: r.chance(0.9) ? score : null,
      scoreDate: `2025-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`,
    });
    memberRows.push({ householdId, personId: head.id as string, relationship: "head" });
    consentRows.push({
      personId: head.id as string,
      purpose: "registry",
      granted: true,
      givenOn: "2025-09-15",
      note: null,
    });

    if (head.maritalStatus === "married") {
      const spouse = newPerson(headSex === "male" ? "female" : "male", Math.max(18, headAge + r.int(-8, 3)), {
        maritalStatus: "married",
      });
      memberRows.push({ householdId, personId: spouse.id as string, relationship: "spouse" });
    }
    const children = headAge < 30 ? r.int(0, 2) : r.int(0, 3);
    for (let c = 0; c < children; c++) {
      const age = Math.max(0, Math.min(headAge - 18, r.int(0, 28)));
      const child = newPerson(r.chance(0.5) ? "male" : "female", age);
      memberRows.push({ householdId, personId: child.id as string, relationship: "child" });
    }
    if (r.chance(0.12)) {
      const parent = newPerson(r.chance(0.6) ? "female" : "male", Math.min(95, headAge + r.int(20, 30)), {
        maritalStatus: "widowed",
      });
      memberRows.push({ householdId, personId: parent.id as string, relationship: "parent" });
    }
  }

  // Probable duplicates: the same person registered twice, with another spelling and no CIN.
  const originals = personRows.filter((p) => p.cin).slice(0, 60);
  for (const o of originals) {
    const names = (o.sex === "male" ? MALE : FEMALE).find((n) => n[1] === o.firstNameAr);
    const variant = names?.[0].find((v) => v !== o.firstNameLatin) ?? o.firstNameLatin;
    personRows.push({ ...o, id: newId(), cin: null, firstNameLatin: variant, phone: null, address: null });
  }

  // Search keys computed here, as every writer of persons does (the SQL fallback is per row, slower).
  const keyed = personRows.map((p) => ({ ...p, ...personKeys(p) }));
  await db.transaction(async (tx) => {
    await insertMany(tx, persons, keyed);
    await rememberNameWords(tx, keyed);
    await insertMany(tx, households, householdRows);
    await insertMany(tx, householdMembers, memberRows);
    await insertMany(tx, consents, consentRows);
    await recordAudit(tx, systemContext("demo"), {
      action: "person.import",
      entityType: "person",
      entityId: null,
      after: { persons: personRows.length, households: householdRows.length, source: "demo" },
    });
    await tx.execute(sql`analyze persons`);
  });
  return { persons: personRows.length, households: householdRows.length };
}
