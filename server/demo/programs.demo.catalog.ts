import { addDays } from "../../contracts/calendar.ts";
import type { RuleGroup } from "../../contracts/eligibility.ts";
import type { BenefitType, Periodicity, StageInput, TargetGroup } from "../../contracts/programs.ts";
import type { applicationServices } from "../modules/programs/programs.table.ts";

/** The demo programmes: their fields, workflows, rules, how many apply and what they receive. */

export interface Rand {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
}

export const DAY = 86_400_000;

export interface Candidate {
  id: string;
  sex: string;
  birthDate: string;
  ageYears: number;
  regionCode: string;
  provinceCode: string;
  disability: boolean;
  householdScore: number | null;
  householdSize: number;
}

export interface DemoProgram {
  code: string;
  nameFr: string;
  nameAr: string;
  objectiveFr: string;
  objectiveAr: string;
  targetGroups: TargetGroup[];
  benefitType: BenefitType;
  amountCentimes?: number;
  amountPeriodicity?: Periodicity;
  amountCeilingCentimes?: number;
  budgetCentimes?: number;
  funders: string[];
  regions?: string[];
  capacity?: number;
  startDate: string;
  endDate?: string;
  status: "draft" | "active" | "closed";
  eligibility: RuleGroup;
  stages: StageInput[];
  applications: number;
  /** Who applies: a filter on the demo registry. */
  candidates?: (p: Candidate) => boolean;
  services?: (r: Rand, enrolledOn: string) => ServiceRow[];
}

export type ServiceRow = Omit<typeof applicationServices.$inferInsert, "applicationId">;

const YOUTH: DemoProgram = {
  code: "JEUNES-PORTEURS-CS",
  nameFr: "Accompagnement des jeunes porteurs de projets — Casablanca-Settat",
  nameAr: "مواكبة الشباب حاملي المشاريع — جهة الدار البيضاء سطات",
  objectiveFr:
    "Accompagner environ 3 000 jeunes en situation de vulnérabilité de la région de Casablanca-Settat jusqu'à la création de leur entreprise : formation, plan d'affaires, financement inclusif et suivi.",
  objectiveAr:
    "مواكبة حوالي 3000 شاب في وضعية هشاشة بجهة الدار البيضاء سطات إلى غاية إحداث مقاولاتهم: التكوين، مخطط الأعمال، التمويل الشامل والتتبع.",
  targetGroups: ["youth", "project_holders"],
  benefitType: "accompaniment",
  amountCentimes: 5_000_000,
  amountPeriodicity: "once",
  amountCeilingCentimes: 10_000_000,
  budgetCentimes: 15_000_000_000,
  funders: ["CRCS", "MSISF", "CDG"],
  regions: ["MA-06"],
  capacity: 3000,
  startDate: "2025-01-01",
  endDate: "2027-12-31",
  status: "active",
  eligibility: {
    combinator: "all",
    conditions: [
      { field: "age", operator: "between", value: [18, 35] },
      { field: "region", operator: "eq", value: "MA-06" },
      { field: "household_score", operator: "lte", value: 11 },
    ],
  },
  stages: [
    { code: "candidature", nameFr: "Candidature", nameAr: "الترشيح", kind: "intake" },
    { code: "selection", nameFr: "Sélection", nameAr: "الانتقاء", kind: "decision" },
    { code: "formation", nameFr: "Formation", nameAr: "التكوين", kind: "enrolled" },
    { code: "plan_affaires", nameFr: "Plan d'affaires", nameAr: "مخطط الأعمال", kind: "follow_up" },
    { code: "financement", nameFr: "Financement", nameAr: "التمويل", kind: "follow_up" },
    { code: "creation", nameFr: "Création", nameAr: "إحداث المقاولة", kind: "follow_up" },
    { code: "suivi", nameFr: "Suivi", nameAr: "التتبع", kind: "follow_up" },
  ],
  applications: 1200,
  candidates: (p) => p.regionCode === "MA-06" && p.ageYears >= 16 && p.ageYears <= 38,
  services: (r, from) => [
    {
      deliveredOn: addDays(from, 3),
      type: "training",
      quantity: r.int(20, 60),
      unit: "heures",
      notes: "Formation entrepreneuriale",
    },
    {
      deliveredOn: addDays(from, 40),
      type: "mentoring",
      quantity: r.int(2, 6),
      unit: "séances",
      notes: null,
    },
    ...(r.chance(0.5)
      ? [
          {
            deliveredOn: addDays(from, 90),
            type: "financing" as const,
            amountCentimes: r.int(20, 100) * 100_000,
            notes: "Prêt d'honneur",
          },
        ]
      : []),
  ],
};

const ATTAMKINE: DemoProgram = {
  code: "ATTAMKINE-WARIYADA",
  nameFr: "Maroc Attamkine Wariyada — autonomisation, entrepreneuriat et leadership féminin",
  nameAr: "مغرب التمكين والريادة — التمكين الاقتصادي والمقاولة والقيادة النسائية",
  objectiveFr:
    "Développer la capacitation, l'entrepreneuriat et le leadership des femmes : formation, accompagnement à la création d'activité et réseau de femmes leaders.",
  objectiveAr:
    "تنمية قدرات النساء وروح المقاولة والقيادة النسائية: التكوين، المواكبة لإحداث الأنشطة وشبكة النساء الرائدات.",
  targetGroups: ["women", "project_holders"],
  benefitType: "training",
  budgetCentimes: 4_000_000_000,
  funders: ["MSISF", "OCP", "UM6P"],
  capacity: 1500,
  startDate: "2024-09-01",
  status: "active",
  eligibility: {
    combinator: "all",
    conditions: [
      { field: "sex", operator: "eq", value: "female" },
      { field: "age", operator: "between", value: [18, 55] },
    ],
  },
  stages: [
    { code: "inscription", nameFr: "Inscription", nameAr: "التسجيل", kind: "intake" },
    { code: "entretien", nameFr: "Entretien", nameAr: "المقابلة", kind: "review" },
    { code: "admission", nameFr: "Admission", nameAr: "القبول", kind: "decision" },
    { code: "capacitation", nameFr: "Capacitation", nameAr: "بناء القدرات", kind: "enrolled" },
    { code: "entrepreneuriat", nameFr: "Entrepreneuriat", nameAr: "المقاولة", kind: "follow_up" },
    { code: "leadership", nameFr: "Leadership", nameAr: "القيادة", kind: "follow_up" },
    { code: "cloture", nameFr: "Clôture", nameAr: "الاختتام", kind: "closed" },
  ],
  applications: 600,
  candidates: (p) => p.sex === "female" && p.ageYears >= 17 && p.ageYears <= 58,
  services: (r, from) => [
    {
      deliveredOn: addDays(from, 5),
      type: "training",
      quantity: r.int(10, 40),
      unit: "heures",
      notes: "Capacitation",
    },
    {
      deliveredOn: addDays(from, 60),
      type: "mentoring",
      quantity: r.int(1, 4),
      unit: "séances",
      notes: "Leadership",
    },
  ],
};

const CARE: DemoProgram = {
  code: "PRISE-EN-CHARGE-EPS",
  nameFr: "Prise en charge en établissement de protection sociale",
  nameAr: "التكفل داخل مؤسسات الرعاية الاجتماعية",
  objectiveFr:
    "Accueillir et prendre en charge en établissement les personnes âgées, les enfants en situation difficile et les personnes en situation de handicap sans soutien familial.",
  objectiveAr:
    "إيواء الأشخاص المسنين والأطفال في وضعية صعبة والأشخاص في وضعية إعاقة بدون سند عائلي والتكفل بهم داخل المؤسسات.",
  targetGroups: ["elderly", "children", "persons_with_disabilities"],
  benefitType: "service",
  budgetCentimes: 2_500_000_000,
  funders: ["EN", "MSISF"],
  capacity: 800,
  startDate: "2024-01-01",
  status: "active",
  eligibility: {
    combinator: "all",
    conditions: [
      {
        combinator: "any",
        conditions: [
          { field: "age", operator: "gte", value: 60 },
          { field: "age", operator: "lt", value: 18 },
          { field: "disability", operator: "is_true" },
        ],
      },
      { field: "household_score", operator: "lte", value: 9.5 },
    ],
  },
  stages: [
    { code: "demande", nameFr: "Demande", nameAr: "الطلب", kind: "intake" },
    { code: "enquete_sociale", nameFr: "Enquête sociale", nameAr: "البحث الاجتماعي", kind: "review" },
    { code: "commission", nameFr: "Commission d'admission", nameAr: "لجنة القبول", kind: "decision" },
    { code: "admission", nameFr: "Admission", nameAr: "الإيواء", kind: "enrolled" },
    { code: "suivi", nameFr: "Suivi", nameAr: "التتبع", kind: "follow_up" },
    { code: "sortie", nameFr: "Sortie", nameAr: "المغادرة", kind: "closed" },
  ],
  applications: 250,
  candidates: (p) => p.ageYears >= 60 || p.disability,
  services: (r, from) => [
    {
      deliveredOn: addDays(from, 30),
      type: "care",
      quantity: 30,
      unit: "jours",
      notes: "Hébergement et restauration",
    },
    {
      deliveredOn: addDays(from, 45),
      type: "counselling",
      quantity: r.int(1, 3),
      unit: "séances",
      notes: null,
    },
  ],
};

const WIDOWS: DemoProgram = {
  code: "AIDE-VEUVES",
  nameFr: "Aide directe aux veuves en situation de précarité et à leurs enfants orphelins",
  nameAr: "الدعم المباشر للنساء الأرامل في وضعية هشاشة الحاضنات لأطفالهن اليتامى",
  objectiveFr:
    "Verser chaque mois une aide financière directe aux veuves en situation de précarité pour chaque enfant orphelin à charge (350 DH par enfant, plafonnée à 1 050 DH par mois).",
  objectiveAr:
    "صرف دعم مالي مباشر شهري للأرامل في وضعية هشاشة عن كل طفل يتيم (350 درهمًا لكل طفل في حدود 1050 درهمًا شهريًا).",
  targetGroups: ["widows", "orphans", "families_in_precarity"],
  benefitType: "monthly_cash_transfer",
  amountCentimes: 35_000,
  amountPeriodicity: "monthly",
  amountCeilingCentimes: 105_000,
  budgetCentimes: 9_000_000_000,
  funders: ["MSISF", "EN"],
  startDate: "2024-01-01",
  status: "active",
  eligibility: {
    combinator: "all",
    conditions: [
      { field: "sex", operator: "eq", value: "female" },
      { field: "household_size", operator: "gte", value: 2 },
      { field: "household_score", operator: "lte", value: 9.3 },
    ],
  },
  stages: [
    { code: "demande", nameFr: "Demande", nameAr: "الطلب", kind: "intake" },
    { code: "verification", nameFr: "Vérification", nameAr: "التحقق", kind: "review" },
    { code: "decision", nameFr: "Décision", nameAr: "القرار", kind: "decision" },
    { code: "versement", nameFr: "Versement mensuel", nameAr: "الصرف الشهري", kind: "enrolled" },
    { code: "suivi", nameFr: "Suivi", nameAr: "التتبع", kind: "follow_up" },
  ],
  applications: 800,
  candidates: (p) => p.sex === "female" && p.ageYears >= 25 && p.householdSize >= 2,
  services: (r, from) =>
    Array.from({ length: r.int(1, 6) }, (_, m) => ({
      deliveredOn: addDays(from, 30 * m + 5),
      type: "cash_transfer" as const,
      amountCentimes: 35_000 * r.int(1, 3),
      notes: null,
    })),
};

const DRAFT: DemoProgram = {
  code: "COOP-FEMININES",
  nameFr: "Appui aux coopératives féminines (en conception)",
  nameAr: "دعم التعاونيات النسائية (قيد الإعداد)",
  objectiveFr: "Équiper et accompagner les coopératives féminines des provinces rurales.",
  objectiveAr: "تجهيز ومواكبة التعاونيات النسائية بالأقاليم القروية.",
  targetGroups: ["women"],
  benefitType: "in_kind",
  funders: ["ADS", "INDH"],
  regions: ["MA-05", "MA-08"],
  startDate: "2026-03-01",
  status: "draft",
  eligibility: { combinator: "all", conditions: [{ field: "sex", operator: "eq", value: "female" }] },
  stages: [
    { code: "depot", nameFr: "Dépôt du dossier", nameAr: "إيداع الملف", kind: "intake" },
    { code: "etude", nameFr: "Étude", nameAr: "الدراسة", kind: "review" },
    { code: "convention", nameFr: "Convention", nameAr: "الاتفاقية", kind: "enrolled" },
  ],
  applications: 0,
};

const CLOSED: DemoProgram = {
  code: "RENTREE-SCOLAIRE-2024",
  nameFr: "Kits de rentrée scolaire 2024",
  nameAr: "لوازم الدخول المدرسي 2024",
  objectiveFr: "Distribution de kits scolaires aux enfants des familles en situation de précarité.",
  objectiveAr: "توزيع اللوازم المدرسية على أطفال الأسر في وضعية هشاشة.",
  targetGroups: ["children", "families_in_precarity"],
  benefitType: "in_kind",
  funders: ["EN"],
  startDate: "2024-08-15",
  endDate: "2024-10-31",
  status: "closed",
  eligibility: { combinator: "all", conditions: [{ field: "age", operator: "between", value: [6, 15] }] },
  stages: [
    { code: "inscription", nameFr: "Inscription", nameAr: "التسجيل", kind: "intake" },
    { code: "remise", nameFr: "Remise du kit", nameAr: "تسليم اللوازم", kind: "enrolled" },
  ],
  applications: 0,
};

export const DEMO_PROGRAMS = [YOUTH, ATTAMKINE, CARE, WIDOWS, DRAFT, CLOSED];
