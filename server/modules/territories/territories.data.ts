/**
 * Morocco's territorial division as set by the 2015 regionalisation reform: 12 regions and
 * 75 prefectures and provinces (Décret n° 2-15-40 du 20 février 2015).
 *
 * Sources:
 * - Codes: ISO 3166-2:MA (12 regions "MA-01".."MA-12", 13 prefectures and 62 provinces as
 *   three-letter codes), checked against the Debian iso-codes 4.15 list. regionCode follows the
 *   2015 decree: iso-codes puts MA-NOU under MA-04 and MA-CHT under MA-06, which is wrong.
 * - population2024: legal population by region from the 2024 General Census of Population and
 *   Housing (HCP, RGPH 2024). The national total is 36,828,330.
 *
 * This reference data lives in code so that it is versioned, reviewed and shipped with the
 * application, and so every environment gets the same rows. A migration/seed loads it into the
 * database; it is not edited at runtime.
 */

export interface RegionSeed {
  code: string;
  nameFr: string;
  nameAr: string;
  nameEn: string;
  population2024: number;
}

export interface ProvinceSeed {
  code: string;
  regionCode: string;
  kind: "province" | "prefecture";
  nameFr: string;
  nameAr: string;
  nameEn: string;
}

export const REGIONS: readonly RegionSeed[] = [
  {
    code: "MA-01",
    nameFr: "Tanger-Tétouan-Al Hoceïma",
    nameAr: "جهة طنجة تطوان الحسيمة",
    nameEn: "Tanger-Tetouan-Al Hoceima",
    population2024: 4_030_222,
  },
  {
    code: "MA-02",
    nameFr: "L'Oriental",
    nameAr: "جهة الشرق",
    nameEn: "Oriental",
    population2024: 2_294_665,
  },
  {
    code: "MA-03",
    nameFr: "Fès-Meknès",
    nameAr: "جهة فاس مكناس",
    nameEn: "Fez-Meknes",
    population2024: 4_467_911,
  },
  {
    code: "MA-04",
    nameFr: "Rabat-Salé-Kénitra",
    nameAr: "جهة الرباط سلا القنيطرة",
    nameEn: "Rabat-Sale-Kenitra",
    population2024: 5_132_639,
  },
  {
    code: "MA-05",
    nameFr: "Béni Mellal-Khénifra",
    nameAr: "جهة بني ملال خنيفرة",
    nameEn: "Beni Mellal-Khenifra",
    population2024: 2_525_801,
  },
  {
    code: "MA-06",
    nameFr: "Casablanca-Settat",
    nameAr: "جهة الدار البيضاء سطات",
    nameEn: "Casablanca-Settat",
    population2024: 7_688_967,
  },
  {
    code: "MA-07",
    nameFr: "Marrakech-Safi",
    nameAr: "جهة مراكش آسفي",
    nameEn: "Marrakesh-Safi",
    population2024: 4_892_393,
  },
  {
    code: "MA-08",
    nameFr: "Drâa-Tafilalet",
    nameAr: "جهة درعة تافيلالت",
    nameEn: "Draa-Tafilalet",
    population2024: 1_655_623,
  },
  {
    code: "MA-09",
    nameFr: "Souss-Massa",
    nameAr: "جهة سوس ماسة",
    nameEn: "Souss-Massa",
    population2024: 3_020_431,
  },
  {
    code: "MA-10",
    nameFr: "Guelmim-Oued Noun",
    nameAr: "جهة كلميم واد نون",
    nameEn: "Guelmim-Oued Noun",
    population2024: 448_685,
  },
  {
    code: "MA-11",
    nameFr: "Laâyoune-Sakia El Hamra",
    nameAr: "جهة العيون الساقية الحمراء",
    nameEn: "Laayoune-Sakia El Hamra",
    population2024: 451_028,
  },
  {
    code: "MA-12",
    nameFr: "Dakhla-Oued Ed-Dahab",
    nameAr: "جهة الداخلة وادي الذهب",
    nameEn: "Dakhla-Oued Ed-Dahab",
    population2024: 219_965,
  },
];
