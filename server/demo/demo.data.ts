import type { Role, ScopeType } from "../../contracts/access.ts";
import type { OrganizationType } from "../../contracts/organizations.ts";

/** The demo dataset: the bodies named in the source texts, associations in every region, one user per role. */

export interface DemoOrganization {
  key: string;
  type: OrganizationType;
  nameFr: string;
  nameAr: string;
  acronym?: string;
  regionCode?: string;
  provinceCode?: string;
  parentKey?: string;
  website?: string;
}

export const NATIONAL_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: "msisf",
    type: "ministry",
    nameFr: "Ministère de la Solidarité, de l'Insertion Sociale et de la Famille",
    nameAr: "وزارة التضامن والإدماج الاجتماعي والأسرة",
    acronym: "MSISF",
    regionCode: "MA-04",
    provinceCode: "MA-RAB",
  },
  {
    key: "en",
    type: "agency",
    nameFr: "Entraide Nationale",
    nameAr: "مؤسسة التعاون الوطني",
    acronym: "EN",
    regionCode: "MA-04",
    provinceCode: "MA-RAB",
    parentKey: "msisf",
  },
  {
    key: "ads",
    type: "agency",
    nameFr: "Agence de Développement Social",
    nameAr: "وكالة التنمية الاجتماعية",
    acronym: "ADS",
    regionCode: "MA-04",
    provinceCode: "MA-RAB",
    parentKey: "msisf",
  },
  {
    key: "inas",
    type: "agency",
    nameFr: "Institut National de l'Action Sociale",
    nameAr: "المعهد الوطني للعمل الاجتماعي",
    acronym: "INAS",
    regionCode: "MA-01",
    provinceCode: "MA-TNG",
    parentKey: "msisf",
  },
  {
    key: "cdg",
    type: "financial_institution",
    nameFr: "Caisse de Dépôt et de Gestion",
    nameAr: "صندوق الإيداع والتدبير",
    acronym: "CDG",
    regionCode: "MA-04",
    provinceCode: "MA-RAB",
    website: "https://www.cdg.ma",
  },
  {
    key: "ocp",
    type: "partner",
    nameFr: "Groupe OCP",
    nameAr: "مجموعة المكتب الشريف للفوسفاط",
    acronym: "OCP",
    regionCode: "MA-06",
    provinceCode: "MA-CAS",
    website: "https://www.ocpgroup.ma",
  },
  {
    key: "um6p",
    type: "university",
    nameFr: "Université Mohammed VI Polytechnique",
    nameAr: "جامعة محمد السادس متعددة التخصصات التقنية",
    acronym: "UM6P",
    regionCode: "MA-07",
    provinceCode: "MA-REH",
    parentKey: "ocp",
    website: "https://um6p.ma",
  },
  {
    key: "crcs",
    type: "local_authority",
    nameFr: "Conseil de la région Casablanca-Settat",
    nameAr: "مجلس جهة الدار البيضاء سطات",
    regionCode: "MA-06",
    provinceCode: "MA-CAS",
  },
  {
    key: "indh",
    type: "partner",
    nameFr: "Initiative Nationale pour le Développement Humain",
    nameAr: "المبادرة الوطنية للتنمية البشرية",
    acronym: "INDH",
    regionCode: "MA-04",
    provinceCode: "MA-RAB",
  },
];

/** Main city of each region: where its demo associations sit. */
const REGION_SEATS: [region: string, province: string, cityFr: string, cityAr: string][] = [
  ["MA-01", "MA-TNG", "Tanger", "طنجة"],
  ["MA-02", "MA-OUJ", "Oujda", "وجدة"],
  ["MA-03", "MA-FES", "Fès", "فاس"],
  ["MA-04", "MA-RAB", "Rabat", "الرباط"],
  ["MA-05", "MA-BEM", "Béni Mellal", "بني ملال"],
  ["MA-06", "MA-CAS", "Casablanca", "الدار البيضاء"],
  ["MA-07", "MA-MAR", "Marrakech", "مراكش"],
  ["MA-08", "MA-ERR", "Errachidia", "الرشيدية"],
  ["MA-09", "MA-AGD", "Agadir", "أكادير"],
  ["MA-10", "MA-GUE", "Guelmim", "كلميم"],
  ["MA-11", "MA-LAA", "Laâyoune", "العيون"],
  ["MA-12", "MA-OUD", "Dakhla", "الداخلة"],
];

const ASSOCIATION_KINDS: [
  keySuffix: string,
  type: OrganizationType,
  fr: (c: string) => string,
  ar: (c: string) => string,
][] = [
  [
    "enfance",
    "association",
    (c) => `Association Al Amal pour la protection de l'enfance — ${c}`,
    (c) => `جمعية الأمل لحماية الطفولة - ${c}`,
  ],
  [
    "dar-taliba",
    "association",
    (c) => `Association de la Maison de l'Étudiante (Dar Taliba) de ${c}`,
    (c) => `جمعية دار الطالبة ب${c}`,
  ],
  [
    "ages",
    "association",
    (c) => `Association d'aide aux personnes âgées de ${c}`,
    (c) => `جمعية رعاية المسنين ب${c}`,
  ],
  [
    "cooperative",
    "cooperative",
    (c) => `Coopérative féminine Tamkine de ${c}`,
    (c) => `التعاونية النسوية تمكين ب${c}`,
  ],
];

export const REGIONAL_ORGANIZATIONS: DemoOrganization[] = REGION_SEATS.flatMap(
  ([regionCode, provinceCode, cityFr, cityAr]) =>
    ASSOCIATION_KINDS.map(([suffix, type, fr, ar]) => ({
      key: `${suffix}-${regionCode}`,
      type,
      nameFr: fr(cityFr),
      nameAr: ar(cityAr),
      regionCode,
      provinceCode,
    })),
);

export const DEMO_PASSWORD = "demo-jisr-2026";

export interface DemoUser {
  email: string;
  fullName: string;
  role: Role;
  scopeType: ScopeType;
  /** A territory code, or the key of a demo organisation. */
  scope: string | null;
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: "national@jisr.local",
    fullName: "Naima Benali",
    role: "national_officer",
    scopeType: "national",
    scope: null,
  },
  {
    email: "casablanca@jisr.local",
    fullName: "Karim El Idrissi",
    role: "regional_officer",
    scopeType: "region",
    scope: "MA-06",
  },
  {
    email: "rabat@jisr.local",
    fullName: "Salma Tazi",
    role: "regional_officer",
    scopeType: "region",
    scope: "MA-04",
  },
  {
    email: "manager@jisr.local",
    fullName: "Fatima Zahra Alaoui",
    role: "establishment_manager",
    scopeType: "organization",
    scope: "dar-taliba-MA-06",
  },
  {
    email: "social.worker@jisr.local",
    fullName: "Youssef Amrani",
    role: "social_worker",
    scopeType: "province",
    scope: "MA-CAS",
  },
  {
    email: "trainer@jisr.local",
    fullName: "Hanane Berrada",
    role: "trainer",
    scopeType: "region",
    scope: "MA-06",
  },
  {
    email: "partner@jisr.local",
    fullName: "Omar Chraibi",
    role: "partner",
    scopeType: "organization",
    scope: "ocp",
  },
  {
    email: "auditor@jisr.local",
    fullName: "Latifa Bennani",
    role: "auditor",
    scopeType: "national",
    scope: null,
  },
];
