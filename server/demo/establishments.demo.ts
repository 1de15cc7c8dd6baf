import { sql } from "drizzle-orm";
import { daysFromToday } from "../../contracts/calendar.ts";
import {
  ESTABLISHMENT_CATEGORIES,
  type EstablishmentCategory,
  STAFF_FUNCTIONS,
} from "../../contracts/establishments.ts";
import {
  cohortMembers,
  cohorts,
  correctiveActions,
  establishmentStaff,
  establishments,
  establishmentWorks,
  inspections,
} from "../modules/establishments/index.ts";
import { organizations } from "../modules/organizations/index.ts";
import { PROVINCES, REGIONS } from "../modules/territories/index.ts";
import { recordAudit } from "../platform/audit.ts";
import { systemContext } from "../platform/context.ts";
import type { Db } from "../platform/database.ts";
import { newId } from "../platform/ids.ts";

/**
 * The demo registry of social protection establishments: ~120 establishments in every
 * region and category, managed by the regional demo associations, with infrastructure,
 * staff, rehabilitation works, the four pilot cohorts of the programme, and inspections
 * (some with overdue corrective actions). Does nothing if establishments exist.
 */

function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[int(0, list.length - 1)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const daysAgo = (n: number) => daysFromToday(-n);

export const NAMES: Record<EstablishmentCategory, [string, string]> = {
  children_in_difficulty: ["Centre de protection de l'enfance", "مركز حماية الطفولة"],
  elderly: ["Maison des personnes âgées", "دار المسنين"],
  disability: ["Centre pour personnes en situation de handicap", "مركز الأشخاص في وضعية إعاقة"],
  women_in_difficulty: ["Centre d'accueil des femmes", "مركز استقبال النساء"],
  homeless: ["Centre d'hébergement des sans-abri", "مركز إيواء الأشخاص بدون مأوى"],
  student_house_boys: ["Dar Taleb", "دار الطالب"],
  student_house_girls: ["Dar Taliba", "دار الطالبة"],
  multipurpose_social_centre: ["Centre social polyvalent", "المركز الاجتماعي متعدد الاختصاصات"],
  other: ["Établissement de protection sociale", "مؤسسة الرعاية الاجتماعية"],
};

const STANDARDS: [string, string][] = [
  ["N01", "Hygiène et sécurité alimentaire"],
  ["N02", "Sécurité incendie"],
  ["N03", "Dossier individuel de chaque résident"],
  ["N04", "Encadrement (taux et qualification)"],
  ["N05", "Registre des entrées et sorties"],
  ["N06", "Sanitaires et eau chaude"],
];

export const DEMO_COHORTS = [
  {
    code: "MAISONS-ETUDIANT-12",
    nameFr: "12 maisons de l'étudiant — projet de développement institutionnel",
    nameAr: "12 دار للطالب — مشروع التنمية المؤسساتية",
    goal: "Renforcer la gouvernance des associations gestionnaires de 12 maisons de l'étudiant.",
    targetCount: 12,
  },
  {
    code: "EPS-PILOTES-40",
    nameFr: "40 EPS pilotes — projets d'établissement",
    nameAr: "40 مؤسسة نموذجية — مشاريع المؤسسات",
    goal: "Accompagner 40 EPS dans l'élaboration de leur projet d'établissement, leur connectivité, l'énergie solaire et l'eau chaude.",
    targetCount: 40,
  },
  {
    code: "EPS-DIGITAL-3",
    nameFr: "3 EPS — digitalisation de la gestion",
    nameAr: "3 مؤسسات — رقمنة التدبير",
    goal: "Digitaliser les processus de gestion de 3 établissements pilotes.",
    targetCount: 3,
  },
  {
    code: "EPS-REHAB-120",
    nameFr: "120 EPS réhabilitées et équipées",
    nameAr: "120 مؤسسة مؤهلة ومجهزة",
    goal: "Réhabiliter et équiper 120 établissements avec un partenaire.",
    targetCount: 120,
  },
];

export async function loadDemoEstablishments(
  db: Db,
  opts: { seed?: number; perRegion?: number } = {},
): Promise<{
  establishments: number;
  works: number;
  inspections: number;
  overdueActions: number;
  cohorts: number;
}> {
  const r = prng(opts.seed ?? 4_001);
  const perRegion = opts.perRegion ?? 10;
  const ctx = systemContext("demo");
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(establishments);
    if ((existing?.n ?? 0) > 0)
      return { establishments: 0, works: 0, inspections: 0, overdueActions: 0, cohorts: 0 };
    const orgs = await tx
      .select({
        id: organizations.id,
        type: organizations.type,
        nameFr: organizations.nameFr,
        regionCode: organizations.regionCode,
      })
      .from(organizations);
    const associations = orgs.filter((o) => o.type === "association");
    const funders = orgs.filter((o) => o.type === "partner" || o.type === "agency");
    const funder = () => (funders.length ? r.pick(funders).id : null);
    const managerFor = (region: string, category: EstablishmentCategory) => {
      const local = associations.filter((a) => a.regionCode === region);
      const want =
        category === "student_house_girls" || category === "student_house_boys"
          ? "Dar Taliba"
          : category === "elderly"
            ? "âgées"
            : category === "children_in_difficulty"
              ? "enfance"
              : "";
      return (
        local.find((a) => want && a.nameFr.includes(want)) ?? (local.length ? r.pick(local) : undefined)
      )?.id;
    };

    const rows: (typeof establishments.$inferInsert)[] = [];
    let n = 0;
    for (const region of REGIONS) {
      const provinces = PROVINCES.filter((p) => p.regionCode === region.code);
      for (let i = 0; i < perRegion; i++) {
        const category = ESTABLISHMENT_CATEGORIES[
          (n + i) % ESTABLISHMENT_CATEGORIES.length
        ] as EstablishmentCategory;
        const province = r.pick(provinces);
        const [fr, ar] = NAMES[category];
        const status = r.chance(0.75) ? "authorised" : r.pick(["pending", "suspended", "withdrawn"] as const);
        const issued = daysAgo(r.int(400, 3000));
        const connectivity = r.chance(0.35)
          ? "none"
          : r.pick(["mobile", "adsl", "fibre", "satellite"] as const);
        const solar = r.chance(0.3);
        const capacity = category.startsWith("student") ? r.int(60, 160) : r.int(20, 90);
        const male =
          category === "student_house_girls" || category === "women_in_difficulty"
            ? 0
            : category === "student_house_boys"
              ? capacity
              : Math.round(capacity / 2);
        rows.push({
          id: newId(),
          code: `EPS-${region.code.slice(3)}-${String(i + 1).padStart(3, "0")}`,
          nameFr: `${fr} — ${province.nameFr}${i >= ESTABLISHMENT_CATEGORIES.length ? ` ${i}` : ""}`,
          nameAr: `${ar} - ${province.nameAr}`,
          category,
          managingOrganizationId: managerFor(region.code, category) ?? null,
          regionCode: region.code,
          provinceCode: province.code,
          commune: province.nameFr,
          address: `${r.int(1, 200)}, avenue Hassan II, ${province.nameFr}`,
          latitude: 27.5 + r.next() * 8,
          longitude: -13 + r.next() * 11,
          openingDate: daysAgo(r.int(1500, 12000)),
          phone: `+212 5 ${r.int(20, 39)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
          directorName: r.pick([
            "Mme Naima Bennani",
            "M. Ahmed Tazi",
            "Mme Khadija Idrissi",
            "M. Rachid Alami",
          ]),
          authorisationStatus: status,
          authorisationNumber: status === "pending" ? null : `AUT-${region.code.slice(3)}-${1000 + n + i}`,
          authorisationIssuedOn: status === "pending" ? null : issued,
          authorisationExpiresOn:
            status === "pending" ? null : i % 7 === 0 ? daysAgo(-r.int(10, 80)) : daysAgo(-r.int(200, 1500)),
          capacityMale: male,
          capacityFemale: capacity - male,
          connectivity,
          connectivitySince: connectivity === "none" ? null : daysAgo(r.int(60, 1500)),
          connectivityFunderId: connectivity === "none" ? null : funder(),
          solarKwp: solar ? r.int(3, 30) : null,
          solarInstalledOn: solar ? daysAgo(r.int(60, 900)) : null,
          solarFunderId: solar ? funder() : null,
          hotWater: solar ? "solar" : r.chance(0.6) ? "electric" : "none",
        });
      }
      n += perRegion;
    }
    await tx.insert(establishments).values(rows);
    for (const e of rows)
      await recordAudit(tx, ctx, {
        action: "establishment.create",
        entityType: "establishment",
        entityId: e.id as string,
        after: { code: e.code, nameFr: e.nameFr },
      });

    const staff = rows.flatMap((e) =>
      STAFF_FUNCTIONS.filter((f) => f === "director" || r.chance(0.7)).map((f) => ({
        establishmentId: e.id as string,
        function: f,
        male: f === "director" ? r.int(0, 1) : r.int(0, 4),
        female: f === "director" ? 1 : r.int(0, 6),
      })),
    );
    await tx.insert(establishmentStaff).values(staff);

    const works = rows.flatMap((e, i) =>
      i % 10 === 9
        ? []
        : [
            {
              establishmentId: e.id as string,
              workDate: daysAgo(r.int(100, 1000)),
              nature: "rehabilitation" as const,
              description: "Réhabilitation des dortoirs et des sanitaires",
              amountCentimes: r.int(200, 1500) * 1000_00,
              funderId: funder(),
              conventionReference: `CONV-REHAB-${2023 + (i % 3)}-${String(i + 1).padStart(3, "0")}`,
            },
            {
              establishmentId: e.id as string,
              workDate: daysAgo(r.int(30, 99)),
              nature: "equipment" as const,
              description: "Équipement de la cuisine et de la buanderie",
              amountCentimes: r.int(50, 400) * 1000_00,
              funderId: funder(),
              conventionReference: `CONV-EQUIP-${String(i + 1).padStart(3, "0")}`,
            },
          ],
    );
    await tx.insert(establishmentWorks).values(works);

    const cohortIds: string[] = [];
    for (const c of DEMO_COHORTS) {
      const [row] = await tx
        .insert(cohorts)
        .values({ ...c, partnerId: funder() })
        .returning({ id: cohorts.id });
      cohortIds.push(row?.id as string);
      await recordAudit(tx, ctx, {
        action: "cohort.create",
        entityType: "cohort",
        entityId: row?.id ?? null,
        after: c,
      });
    }
    const studentHouses = rows.filter(
      (e) => e.category === "student_house_boys" || e.category === "student_house_girls",
    );
    const others = rows.filter((e) => !e.category.startsWith("student"));
    const members = [
      ...studentHouses.slice(0, 12).map((e) => [cohortIds[0], e.id]),
      ...others.slice(0, 40).map((e) => [cohortIds[1], e.id]),
      ...others.slice(0, 3).map((e) => [cohortIds[2], e.id]),
      ...rows.filter((_, i) => i % 10 !== 9).map((e) => [cohortIds[3], e.id]),
    ] as [string, string][];
    await tx
      .insert(cohortMembers)
      .values(members.map(([cohortId, establishmentId]) => ({ cohortId, establishmentId })));

    let inspectionCount = 0;
    let overdue = 0;
    for (const [i, e] of rows.entries()) {
      if (i % 4 !== 0) continue;
      const visit = r.int(20, 200);
      const id = newId();
      const checklist = STANDARDS.map(([standardCode, label]) => {
        const result = r.chance(0.7) ? "compliant" : r.chance(0.5) ? "partial" : "non_compliant";
        return {
          standardCode,
          label,
          result: result as "compliant" | "partial" | "non_compliant",
          note: result === "compliant" ? null : "À corriger avant la prochaine visite.",
        };
      });
      await tx.insert(inspections).values({
        id,
        establishmentId: e.id as string,
        visitDate: daysAgo(visit),
        inspectorName: r.pick(["Mme Samira Berrada", "M. Karim El Fassi", "Mme Laila Chraibi"]),
        checklist,
        findings: "Visite de contrôle des normes d'accueil.",
        followUp: "Contre-visite prévue dans six mois.",
      });
      inspectionCount++;
      const failed = checklist.filter((c) => c.result !== "compliant");
      for (const f of failed) {
        const due = visit - r.int(10, 60);
        const isDone = r.chance(0.4);
        if (!isDone && due > 0) overdue++;
        await tx.insert(correctiveActions).values({
          inspectionId: id,
          establishmentId: e.id as string,
          description: `Mettre en conformité : ${f.label}`,
          dueDate: daysAgo(due),
          status: isDone ? "done" : "open",
          doneOn: isDone ? daysAgo(Math.max(due, 0)) : null,
        });
      }
    }
    return {
      establishments: rows.length,
      works: works.length,
      inspections: inspectionCount,
      overdueActions: overdue,
      cohorts: DEMO_COHORTS.length,
    };
  });
}
