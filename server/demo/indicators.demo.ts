import type { ComputationParams } from "../../contracts/indicators.ts";
import { indicatorMeasurements, indicators, indicatorTargets } from "../modules/indicators/index.ts";
import { REGIONS } from "../modules/territories/index.ts";
import type { Db } from "../platform/database.ts";
import { newId } from "../platform/ids.ts";

type Def = typeof indicators.$inferInsert & { computationParams?: ComputationParams };

/**
 * The indicators of the source texts: young people accompanied (~3,000 in
 * Casablanca-Settat), establishments connected, with solar energy and solar hot water,
 * pilot establishments with a development project (~40), women's empowerment
 * (Attamkine Wariyada), trainers trained (~50 + 50), beneficiaries supervised by the
 * Entraide Nationale (> 500,000), money committed and disbursed. Computed ones read the
 * other modules' demo data; entered ones get a few measurements with their source.
 */
const DEFS: Def[] = [
  {
    code: "EPS-CONNECTES",
    nameFr: "Établissements connectés à Internet",
    nameAr: "مؤسسات الرعاية الاجتماعية المرتبطة بالإنترنت",
    unit: "count",
    direction: "higher",
    aggregation: "sum",
    kind: "computed",
    computation: "establishments.connected",
    disaggregations: ["region"],
  },
  {
    code: "EPS-TAUX-CONNEXION",
    nameFr: "Taux d'établissements connectés",
    nameAr: "نسبة المؤسسات المرتبطة بالإنترنت",
    unit: "percent",
    direction: "higher",
    aggregation: "rate",
    kind: "computed",
    computation: "establishments.connected_rate",
    disaggregations: ["region"],
  },
  {
    code: "EPS-SOLAIRE",
    nameFr: "Établissements équipés en énergie solaire",
    nameAr: "المؤسسات المجهزة بالطاقة الشمسية",
    unit: "count",
    direction: "higher",
    aggregation: "sum",
    kind: "computed",
    computation: "establishments.solar",
    disaggregations: ["region"],
  },
  {
    code: "EPS-EAU-CHAUDE-SOLAIRE",
    nameFr: "Taux d'établissements avec eau chaude solaire",
    nameAr: "نسبة المؤسسات المجهزة بسخانات شمسية",
    unit: "percent",
    direction: "higher",
    aggregation: "rate",
    kind: "computed",
    computation: "establishments.solar_hot_water_rate",
    disaggregations: ["region"],
  },
  {
    code: "EPS-OCCUPATION",
    nameFr: "Taux d'occupation des établissements",
    nameAr: "نسبة إشغال المؤسسات",
    unit: "percent",
    direction: "higher",
    aggregation: "rate",
    kind: "computed",
    computation: "establishments.occupancy_rate",
    disaggregations: ["region", "sex"],
  },
  {
    code: "RESIDENTS-EPS",
    nameFr: "Résidents des établissements",
    nameAr: "نزلاء المؤسسات",
    unit: "count",
    direction: "higher",
    aggregation: "sum",
    kind: "computed",
    computation: "establishments.residents",
    disaggregations: ["region", "sex"],
  },
  {
    code: "JEUNES-ACCOMPAGNES",
    nameFr: "Jeunes porteurs de projets accompagnés (formation et au-delà)",
    nameAr: "الشباب حاملو المشاريع المواكبون (التكوين وما بعده)",
    unit: "count",
    direction: "higher",
    aggregation: "sum",
    kind: "computed",
    computation: "programs.past_stage",
    computationParams: { programCode: "JEUNES-PORTEURS-CS", stageCode: "formation" },
    disaggregations: ["region", "sex", "age_band"],
  },
  {
    code: "FEMMES-CAPACITATION",
    nameFr: "Femmes en capacitation (Attamkine Wariyada)",
    nameAr: "النساء المستفيدات من بناء القدرات (تمكين ورائدة)",
    unit: "count",
    direction: "higher",
    aggregation: "sum",
    kind: "computed",
    computation: "programs.past_stage",
    computationParams: { programCode: "ATTAMKINE-WARIYADA", stageCode: "capacitation" },
    disaggregations: ["region", "age_band"],
  },
  {
    code: "MONTANTS-ENGAGES",
    nameFr: "Montants engagés par les partenaires",
    nameAr: "المبالغ الملتزم بها من طرف الشركاء",
    unit: "mad",
    direction: "higher",
    aggregation: "sum",
    kind: "computed",
    computation: "partnerships.committed",
    disaggregations: ["region"],
  },
  {
    code: "MONTANTS-DECAISSES",
    nameFr: "Montants décaissés",
    nameAr: "المبالغ المصروفة",
    unit: "mad",
    direction: "higher",
    aggregation: "sum",
    kind: "computed",
    computation: "partnerships.disbursed",
    disaggregations: ["region"],
  },
  {
    code: "PROJETS-EN-RETARD",
    nameFr: "Projets avec des jalons en retard",
    nameAr: "المشاريع ذات المراحل المتأخرة",
    unit: "count",
    direction: "lower",
    aggregation: "sum",
    kind: "computed",
    computation: "partnerships.projects_late",
    disaggregations: ["region"],
  },
  {
    code: "EPS-REHABILITES",
    nameFr: "Établissements réhabilités",
    nameAr: "المؤسسات التي تمت إعادة تأهيلها",
    unit: "count",
    direction: "higher",
    aggregation: "sum",
    kind: "entered",
    disaggregations: ["region"],
  },
  {
    code: "EPS-PILOTES-PDI",
    nameFr: "Établissements pilotes dotés d'un projet de développement institutionnel",
    nameAr: "المؤسسات النموذجية المتوفرة على مشروع للتطوير المؤسساتي",
    unit: "count",
    direction: "higher",
    aggregation: "sum",
    kind: "entered",
    disaggregations: ["region"],
  },
  {
    code: "FORMATEURS-FORMES",
    nameFr: "Cadres formés comme formateurs (démultiplication)",
    nameAr: "الأطر المكونة كمكونين (التكوين المتسلسل)",
    unit: "count",
    direction: "higher",
    aggregation: "sum",
    kind: "entered",
    disaggregations: ["region", "sex"],
  },
  {
    code: "BENEFICIAIRES-EN",
    nameFr: "Bénéficiaires encadrés par l'Entraide Nationale",
    nameAr: "المستفيدون المؤطرون من طرف التعاون الوطني",
    unit: "count",
    direction: "higher",
    aggregation: "latest",
    kind: "entered",
    disaggregations: ["region"],
  },
];

/** Regional targets for this year and next, scaled by the region's weight in the population. */
const REGIONAL_TARGETS: Record<string, { national: number; perRegion?: (share: number) => number }> = {
  "EPS-CONNECTES": { national: 260, perRegion: () => 22 },
  "EPS-TAUX-CONNEXION": { national: 85, perRegion: () => 85 },
  "EPS-SOLAIRE": { national: 150, perRegion: () => 13 },
  "EPS-EAU-CHAUDE-SOLAIRE": { national: 60, perRegion: () => 60 },
  "EPS-OCCUPATION": { national: 75, perRegion: () => 75 },
  "JEUNES-ACCOMPAGNES": { national: 3000 },
  "FEMMES-CAPACITATION": { national: 400, perRegion: (s) => Math.round(400 * s) },
  "MONTANTS-ENGAGES": { national: 3_500_000_000 },
  "PROJETS-EN-RETARD": { national: 0 },
  "EPS-REHABILITES": { national: 120, perRegion: (s) => Math.max(4, Math.round(120 * s)) },
  "EPS-PILOTES-PDI": { national: 40 },
  "FORMATEURS-FORMES": { national: 100 },
  "BENEFICIAIRES-EN": { national: 570_000, perRegion: (s) => Math.round(570_000 * s) },
};

export async function loadDemoIndicators(db: Db, year = new Date().getUTCFullYear()) {
  const total = REGIONS.reduce((s, r) => s + r.population2024, 0);
  const ids = new Map<string, string>();
  const defs = DEFS.map((d) => {
    const id = newId();
    ids.set(d.code, id);
    return { ...d, id, computation: d.computation ?? null, computationParams: d.computationParams ?? {} };
  });
  const targets: (typeof indicatorTargets.$inferInsert)[] = [];
  const measurements: (typeof indicatorMeasurements.$inferInsert)[] = [];
  for (const [code, t] of Object.entries(REGIONAL_TARGETS)) {
    const indicatorId = ids.get(code) as string;
    for (const period of [String(year), String(year + 1)]) {
      const factor = period === String(year) ? 1 : 1.15;
      targets.push({
        id: newId(),
        indicatorId,
        period,
        territoryLevel: "national",
        territoryCode: null,
        value: Math.round(t.national * factor),
      });
      if (t.perRegion)
        for (const r of REGIONS)
          targets.push({
            id: newId(),
            indicatorId,
            period,
            territoryLevel: "region",
            territoryCode: r.code,
            value: Math.round(t.perRegion(r.population2024 / total) * factor),
          });
    }
  }
  // "Accompagner ~3,000 jeunes" is the Casablanca-Settat regional agreement's target.
  targets.push({
    id: newId(),
    indicatorId: ids.get("JEUNES-ACCOMPAGNES") as string,
    period: String(year),
    territoryLevel: "region",
    territoryCode: "MA-06",
    value: 3000,
  });

  // Entered measurements: quarters of this year by region, with their source.
  const quarters = [1, 2, 3].map((q) => `${year}-Q${q}`);
  for (const [i, r] of REGIONS.entries()) {
    const share = r.population2024 / total;
    for (const [q, period] of quarters.entries()) {
      measurements.push({
        id: newId(),
        indicatorId: ids.get("EPS-REHABILITES") as string,
        period,
        territoryLevel: "region",
        territoryCode: r.code,
        value: Math.max(1, Math.round(120 * share * (0.2 + 0.05 * ((i + q) % 4)))),
        source: "Rapport trimestriel de la délégation régionale",
        evidenceNote: "Procès-verbaux de réception des travaux",
      });
    }
    measurements.push({
      id: newId(),
      indicatorId: ids.get("BENEFICIAIRES-EN") as string,
      period: String(year),
      territoryLevel: "region",
      territoryCode: r.code,
      value: Math.round(520_000 * share * (0.9 + 0.02 * (i % 5))),
      source: "Entraide Nationale — situation annuelle",
      evidenceNote: null,
    });
  }
  measurements.push(
    {
      id: newId(),
      indicatorId: ids.get("EPS-PILOTES-PDI") as string,
      period: String(year),
      territoryLevel: "national",
      territoryCode: null,
      value: 27,
      source: "Comité de pilotage ministère – Groupe OCP",
      evidenceNote: "Liste des maisons de l'étudiant pilotes",
    },
    {
      id: newId(),
      indicatorId: ids.get("FORMATEURS-FORMES") as string,
      period: `${year}-Q3`,
      territoryLevel: "national",
      territoryCode: null,
      value: 50,
      source: "Programme GISR — session de juillet",
      evidenceNote: "Feuilles de présence",
    },
  );
  await db.transaction(async (tx) => {
    await tx.insert(indicators).values(defs);
    await tx.insert(indicatorTargets).values(targets);
    await tx.insert(indicatorMeasurements).values(measurements);
  });
  return { indicators: defs.length, targets: targets.length, measurements: measurements.length };
}
