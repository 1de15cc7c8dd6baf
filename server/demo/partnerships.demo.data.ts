import type { PartyRole, ProjectSector } from "../../contracts/partnerships.ts";

/**
 * The partnership conventions of the source texts (shared/seeds): the framework convention with
 * the Caisse de Dépôt et de Gestion (the public investment fund) for the inclusion of people in
 * difficulty, the framework convention with the Groupe OCP and its university (UM6P) on six axes,
 * and the regional framework agreement of Casablanca-Settat for ~3,000 young people. Organisations
 * are named by their demo acronym or key (demo.data.ts).
 */

export interface DemoAxis {
  titleFr: string;
  titleAr: string;
  targets: { labelFr: string; labelAr: string; value: number; unit: string }[];
}

export interface DemoConvention {
  key: "cdg" | "ocp" | "cs";
  reference: string;
  titleFr: string;
  titleAr: string;
  signedOn: string;
  signedPlace: string;
  startDate: string;
  endDate: string;
  regionCode: string | null;
  summary: string;
  parties: { org: string; role: PartyRole; committedMad: number; other?: string }[];
  axes: DemoAxis[];
}

const MAD_BN = 1_000_000_000;

export const DEMO_CONVENTIONS: DemoConvention[] = [
  {
    key: "cdg",
    reference: "CC-MSISF-CDG-2022",
    titleFr:
      "Convention-cadre de partenariat MSISF – CDG : insertion sociale et lutte contre l'exclusion et la précarité des personnes en situation difficile",
    titleAr:
      "اتفاقية إطار للشراكة بين الوزارة وصندوق الإيداع والتدبير: الإدماج الاجتماعي ومحاربة الإقصاء والهشاشة للأشخاص في وضعية صعبة",
    signedOn: "2022-06-15",
    signedPlace: "Rabat",
    startDate: "2022-06-15",
    endDate: "2026-12-31",
    regionCode: null,
    summary:
      "Conception et structuration de programmes et services sociaux innovants, incubation sociale et finance inclusive, digitalisation et aide financière directe, modernisation des établissements de protection sociale (dans la suite de la réhabilitation et de l'équipement de 120 EPS en 2017-2018).",
    parties: [
      { org: "MSISF", role: "signatory", committedMad: 150_000_000 },
      {
        org: "CDG",
        role: "funder",
        committedMad: 300_000_000,
        other: "Appui à l'incubation sociale et à la finance inclusive",
      },
      { org: "EN", role: "implementer", committedMad: 60_000_000 },
      { org: "ADS", role: "implementer", committedMad: 40_000_000 },
    ],
    axes: [
      {
        titleFr: "Conception et structuration de programmes et services sociaux innovants",
        titleAr: "تصميم وهيكلة برامج وخدمات اجتماعية مبتكرة",
        targets: [
          {
            labelFr: "Programmes sociaux structurés",
            labelAr: "برامج اجتماعية مهيكلة",
            value: 5,
            unit: "programmes",
          },
        ],
      },
      {
        titleFr: "Accompagnement des porteurs de projets, incubation sociale et finance inclusive",
        titleAr: "مواكبة حاملي المشاريع والاحتضان الاجتماعي والتمويل الشامل",
        targets: [
          {
            labelFr: "Porteurs de projets accompagnés",
            labelAr: "حاملو مشاريع مواكبون",
            value: 1500,
            unit: "personnes",
          },
        ],
      },
      {
        titleFr: "Digitalisation et accessibilité des programmes, aide financière directe",
        titleAr: "رقمنة البرامج وتيسير الولوج إليها والدعم المالي المباشر",
        targets: [
          {
            labelFr: "Services sociaux digitalisés",
            labelAr: "خدمات اجتماعية مرقمنة",
            value: 10,
            unit: "services",
          },
        ],
      },
      {
        titleFr: "Modernisation des établissements de protection sociale : réhabilitation et équipement",
        titleAr: "تحديث مؤسسات الرعاية الاجتماعية: التأهيل والتجهيز",
        targets: [
          {
            labelFr: "EPS réhabilitées et équipées",
            labelAr: "مؤسسات رعاية اجتماعية مؤهلة ومجهزة",
            value: 120,
            unit: "EPS",
          },
        ],
      },
    ],
  },
  {
    key: "ocp",
    reference: "CC-MSISF-OCP-2023",
    titleFr:
      "Convention-cadre de partenariat MSISF – Groupe OCP (UM6P) pour le développement social, inclusif et durable",
    titleAr:
      "اتفاقية إطار للشراكة بين الوزارة ومجموعة المكتب الشريف للفوسفاط من أجل تنمية اجتماعية دامجة ومستدامة",
    signedOn: "2023-05-23",
    signedPlace: "Benguérir",
    startDate: "2023-05-23",
    endDate: "2027-12-31",
    regionCode: null,
    summary:
      "Six axes déclinés en projets : connectivité des EPS non connectés sur les sites du Groupe OCP, ~40 EPS pilotes accompagnés dans leur projet d'établissement, digitalisation de la gestion de 3 EPS pilotes, énergie solaire et eau chaude, autonomisation des femmes (« Maroc Attamkine Wariyada »), fonds de recherche appliquée.",
    parties: [
      { org: "MSISF", role: "signatory", committedMad: 60_000_000 },
      { org: "OCP", role: "funder", committedMad: 240_000_000, other: "Co-financement des six axes" },
      {
        org: "UM6P",
        role: "technical_partner",
        committedMad: 20_000_000,
        other: "Social Innovation Lab, CoopLab, Act-4-Community",
      },
    ],
    axes: [
      {
        titleFr: "Connectivité des EPS non connectés situés sur les sites d'activités du Groupe OCP",
        titleAr: "ربط مؤسسات الرعاية الاجتماعية غير المرتبطة بمواقع أنشطة المجموعة",
        targets: [{ labelFr: "EPS connectés", labelAr: "مؤسسات مرتبطة", value: 30, unit: "EPS" }],
      },
      {
        titleFr: "Accompagnement de ~40 EPS pilotes à l'élaboration de leur projet d'établissement",
        titleAr: "مواكبة حوالي 40 مؤسسة نموذجية في إعداد مشاريعها المؤسساتية",
        targets: [
          {
            labelFr: "EPS pilotes — projets d'établissement",
            labelAr: "مؤسسات نموذجية — مشاريع المؤسسات",
            value: 40,
            unit: "EPS",
          },
        ],
      },
      {
        titleFr: "Digitalisation des processus de gestion d'un pilote de trois EPS",
        titleAr: "رقمنة مساطر التدبير في ثلاث مؤسسات نموذجية",
        targets: [
          { labelFr: "EPS pilotes digitalisés", labelAr: "مؤسسات نموذجية مرقمنة", value: 3, unit: "EPS" },
        ],
      },
      {
        titleFr: "Énergie solaire et accès des résidents à l'eau chaude",
        titleAr: "الطاقة الشمسية وولوج النزلاء إلى الماء الساخن",
        targets: [
          {
            labelFr: "EPS équipés en solaire et eau chaude",
            labelAr: "مؤسسات مجهزة بالطاقة الشمسية والماء الساخن",
            value: 40,
            unit: "EPS",
          },
        ],
      },
      {
        titleFr: "Autonomisation des femmes : appui au programme « Maroc Attamkine Wariyada »",
        titleAr: "التمكين الاقتصادي للنساء: دعم برنامج «مغرب التمكين والريادة»",
        targets: [
          { labelFr: "Femmes accompagnées", labelAr: "نساء مواكبات", value: 1000, unit: "personnes" },
        ],
      },
      {
        titleFr: "Recherche appliquée et innovation : fonds de recherche appliquée",
        titleAr: "البحث التطبيقي والابتكار: صندوق للبحث التطبيقي",
        targets: [
          {
            labelFr: "Projets de recherche financés",
            labelAr: "مشاريع بحث ممولة",
            value: 10,
            unit: "projets",
          },
        ],
      },
    ],
  },
  {
    key: "cs",
    reference: "AC-CS-JEUNES-2022",
    titleFr:
      "Accord-cadre régional Casablanca-Settat : accompagnement d'environ 3 000 jeunes en situation de vulnérabilité vers la création d'entreprises",
    titleAr: "اتفاق إطار جهوي الدار البيضاء سطات: مواكبة حوالي 3000 شاب في وضعية هشاشة لإحداث مقاولات",
    signedOn: "2022-03-14",
    signedPlace: "Casablanca",
    startDate: "2022-03-14",
    endDate: "2026-12-31",
    regionCode: "MA-06",
    summary:
      "Environ 3,5 milliards de dirhams consacrés sur 2018-2022 à la réduction des disparités dans la région, dont 1,4 milliard par la région ; l'accord prévoit l'accompagnement d'environ 3 000 jeunes vulnérables vers la création de leur entreprise et un pôle régional social numérique pour suivre les projets sociaux.",
    parties: [
      { org: "MSISF", role: "signatory", committedMad: 0.6 * MAD_BN },
      { org: "CRCS", role: "funder", committedMad: 1.4 * MAD_BN },
      { org: "INDH", role: "funder", committedMad: 1.1 * MAD_BN },
      { org: "EN", role: "implementer", committedMad: 0.4 * MAD_BN },
    ],
    axes: [
      {
        titleFr: "Accompagnement d'environ 3 000 jeunes vulnérables vers la création d'entreprises",
        titleAr: "مواكبة حوالي 3000 شاب في وضعية هشاشة لإحداث مقاولاتهم",
        targets: [{ labelFr: "Jeunes accompagnés", labelAr: "شباب مواكبون", value: 3000, unit: "jeunes" }],
      },
      {
        titleFr: "Financement inclusif et suivi des entreprises créées",
        titleAr: "التمويل الشامل وتتبع المقاولات المحدثة",
        targets: [
          { labelFr: "Entreprises créées", labelAr: "مقاولات محدثة", value: 1200, unit: "entreprises" },
        ],
      },
      {
        titleFr: "Pôle régional social numérique : système de suivi des projets sociaux",
        titleAr: "القطب الاجتماعي الجهوي الرقمي: نظام لتتبع المشاريع الاجتماعية",
        targets: [
          {
            labelFr: "Système de suivi en service",
            labelAr: "نظام تتبع في الخدمة",
            value: 1,
            unit: "système",
          },
        ],
      },
    ],
  },
];

/** A kind of project declined in regions: which convention axis, funders and their shares. */
export interface DemoProjectKind {
  key: string;
  convention: DemoConvention["key"];
  axis: number;
  sector: ProjectSector;
  titleFr: (city: string) => string;
  titleAr: (city: string) => string;
  targetGroup: string;
  funders: [org: string, share: number][];
  budgetMad: [min: number, max: number];
  establishments: number;
  program?: string;
}

export const PROJECT_KINDS: Record<string, DemoProjectKind> = {
  solar: {
    key: "SOL",
    convention: "ocp",
    axis: 4,
    sector: "infrastructure",
    titleFr: (c) => `Énergie solaire et eau chaude dans les EPS de ${c}`,
    titleAr: (c) => `الطاقة الشمسية والماء الساخن في مؤسسات الرعاية الاجتماعية ب${c}`,
    targetGroup: "Résidents des établissements de protection sociale",
    funders: [
      ["OCP", 0.7],
      ["MSISF", 0.3],
    ],
    budgetMad: [1_500_000, 6_000_000],
    establishments: 2,
  },
  rehab: {
    key: "REH",
    convention: "cdg",
    axis: 4,
    sector: "establishments",
    titleFr: (c) => `Réhabilitation et équipement d'EPS — ${c}`,
    titleAr: (c) => `تأهيل وتجهيز مؤسسات الرعاية الاجتماعية — ${c}`,
    targetGroup: "Enfants, personnes âgées et personnes en situation de handicap accueillis en EPS",
    funders: [
      ["CDG", 0.6],
      ["EN", 0.4],
    ],
    budgetMad: [4_000_000, 15_000_000],
    establishments: 3,
    program: "PRISE-EN-CHARGE-EPS",
  },
  pilots: {
    key: "PDE",
    convention: "ocp",
    axis: 2,
    sector: "capacity_building",
    titleFr: (c) => `Projets d'établissement des EPS pilotes de ${c}`,
    titleAr: (c) => `مشاريع المؤسسات النموذجية ب${c}`,
    targetGroup: "Associations gestionnaires des EPS pilotes",
    funders: [
      ["OCP", 0.8],
      ["UM6P", 0.2],
    ],
    budgetMad: [800_000, 2_500_000],
    establishments: 3,
  },
  incubation: {
    key: "INC",
    convention: "cdg",
    axis: 2,
    sector: "youth_entrepreneurship",
    titleFr: (c) => `Incubation sociale et finance inclusive — ${c}`,
    titleAr: (c) => `الاحتضان الاجتماعي والتمويل الشامل — ${c}`,
    targetGroup: "Porteurs de projets en situation de précarité",
    funders: [
      ["CDG", 0.75],
      ["ADS", 0.25],
    ],
    budgetMad: [2_000_000, 8_000_000],
    establishments: 0,
  },
  women: {
    key: "FEM",
    convention: "ocp",
    axis: 5,
    sector: "women_empowerment",
    titleFr: (c) => `Maroc Attamkine Wariyada : capacitation et leadership féminin — ${c}`,
    titleAr: (c) => `مغرب التمكين والريادة: التمكين والقيادة النسائية — ${c}`,
    targetGroup: "Femmes porteuses de projets et coopératives féminines",
    funders: [
      ["OCP", 0.6],
      ["EN", 0.4],
    ],
    budgetMad: [1_000_000, 4_000_000],
    establishments: 0,
    program: "ATTAMKINE-WARIYADA",
  },
  connectivity: {
    key: "CNX",
    convention: "ocp",
    axis: 1,
    sector: "infrastructure",
    titleFr: (c) => `Connectivité des EPS non connectés — site OCP de ${c}`,
    titleAr: (c) => `ربط المؤسسات غير المرتبطة — موقع المجموعة ب${c}`,
    targetGroup: "Résidents et personnels des EPS",
    funders: [["OCP", 1]],
    budgetMad: [600_000, 2_000_000],
    establishments: 2,
  },
  youth: {
    key: "JEU",
    convention: "cs",
    axis: 1,
    sector: "youth_entrepreneurship",
    titleFr: (c) => `Accompagnement de jeunes vulnérables à la création d'entreprises — ${c}`,
    titleAr: (c) => `مواكبة الشباب في وضعية هشاشة لإحداث المقاولات — ${c}`,
    targetGroup: "Jeunes de 18 à 35 ans en situation de vulnérabilité",
    funders: [
      ["CRCS", 0.4],
      ["INDH", 0.35],
      ["MSISF", 0.25],
    ],
    budgetMad: [20_000_000, 60_000_000],
    establishments: 0,
    program: "JEUNES-PORTEURS-CS",
  },
};

/** Regions and the kinds declined there (every region gets a few); OCP sites get connectivity. */
export const REGION_PROJECTS: [region: string, province: string, city: string, kinds: string[]][] = [
  ["MA-01", "MA-TNG", "Tanger", ["solar", "rehab", "incubation"]],
  ["MA-02", "MA-OUJ", "Oujda", ["solar", "rehab", "women"]],
  ["MA-03", "MA-FES", "Fès", ["rehab", "pilots", "incubation"]],
  ["MA-04", "MA-RAB", "Rabat", ["rehab", "pilots", "women"]],
  ["MA-05", "MA-BEM", "Béni Mellal", ["solar", "connectivity", "rehab"]],
  ["MA-06", "MA-CAS", "Casablanca", ["solar", "connectivity", "pilots", "youth"]],
  ["MA-07", "MA-MAR", "Marrakech", ["solar", "connectivity", "pilots", "women"]],
  ["MA-08", "MA-ERR", "Errachidia", ["solar", "rehab", "incubation"]],
  ["MA-09", "MA-AGD", "Agadir", ["rehab", "pilots", "women"]],
  ["MA-10", "MA-GUE", "Guelmim", ["solar", "rehab"]],
  ["MA-11", "MA-LAA", "Laâyoune", ["connectivity", "rehab", "women"]],
  ["MA-12", "MA-OUD", "Dakhla", ["solar", "incubation"]],
];

/** Arabic names of the places above, for the Arabic titles. */
export const PLACE_AR: Record<string, string> = {
  Tanger: "طنجة",
  Oujda: "وجدة",
  Fès: "فاس",
  Rabat: "الرباط",
  "Béni Mellal": "بني ملال",
  Casablanca: "الدار البيضاء",
  Marrakech: "مراكش",
  Errachidia: "الرشيدية",
  Agadir: "أكادير",
  Guelmim: "كلميم",
  Laâyoune: "العيون",
  Dakhla: "الداخلة",
  Khouribga: "خريبكة",
  "El Jadida": "الجديدة",
  Rehamna: "الرحامنة",
  Settat: "سطات",
  Berrechid: "برشيد",
  Mohammédia: "المحمدية",
};

/** Projects named in the source texts, placed where they happen. */
export const NAMED_PROJECTS: {
  code: string;
  kind: string;
  region: string;
  province: string | null;
  titleFr: string;
  titleAr: string;
  responsible: string;
  budgetMad: number;
  start: string;
  months: number;
}[] = [
  {
    code: "PRJ-OCP-PDI-12MET",
    kind: "pilots",
    region: "MA-04",
    province: "MA-RAB",
    titleFr: "Projet de développement institutionnel — 12 maisons de l'étudiant (Act-4-Community)",
    titleAr: "مشروع التنمية المؤسساتية — 12 دار للطالب (Act-4-Community)",
    responsible: "UM6P",
    budgetMad: 3_600_000,
    start: "2024-01-15",
    months: 30,
  },
  {
    code: "PRJ-OCP-DIG-3EPS",
    kind: "pilots",
    region: "MA-04",
    province: "MA-RAB",
    titleFr: "Digitalisation des processus de gestion de 3 EPS pilotes",
    titleAr: "رقمنة مساطر تدبير 3 مؤسسات نموذجية",
    responsible: "UM6P",
    budgetMad: 2_400_000,
    start: "2024-03-01",
    months: 24,
  },
  {
    code: "PRJ-OCP-RECH-UM6P",
    kind: "pilots",
    region: "MA-07",
    province: "MA-REH",
    titleFr: "Fonds de recherche appliquée — Social Innovation Lab et CoopLab (UM6P)",
    titleAr: "صندوق البحث التطبيقي — مختبر الابتكار الاجتماعي (UM6P)",
    responsible: "UM6P",
    budgetMad: 5_000_000,
    start: "2023-10-01",
    months: 42,
  },
  {
    code: "PRJ-CS-POLE-NUM",
    kind: "youth",
    region: "MA-06",
    province: "MA-CAS",
    titleFr: "Pôle régional social numérique de Casablanca-Settat — système de suivi des projets sociaux",
    titleAr: "القطب الاجتماعي الجهوي الرقمي للدار البيضاء سطات — نظام تتبع المشاريع الاجتماعية",
    responsible: "CRCS",
    budgetMad: 12_000_000,
    start: "2022-09-01",
    months: 36,
  },
];

/** Axis of each named project (position in its convention). */
export const NAMED_AXES: Record<string, number> = {
  "PRJ-OCP-PDI-12MET": 2,
  "PRJ-OCP-DIG-3EPS": 3,
  "PRJ-OCP-RECH-UM6P": 6,
  "PRJ-CS-POLE-NUM": 3,
};

export const MILESTONES: [fr: string, ar: string][] = [
  ["Lancement et convention spécifique", "الانطلاق والاتفاقية الخاصة"],
  ["Diagnostic et études", "التشخيص والدراسات"],
  ["Mise en œuvre", "التنفيذ"],
  ["Réception et évaluation", "التسلم والتقييم"],
];
