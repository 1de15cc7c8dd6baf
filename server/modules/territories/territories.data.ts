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

export const PROVINCES: readonly ProvinceSeed[] = [
  // MA-01 Tanger-Tétouan-Al Hoceïma
  {
    code: "MA-CHE",
    regionCode: "MA-01",
    kind: "province",
    nameFr: "Chefchaouen",
    nameAr: "شفشاون",
    nameEn: "Chefchaouen",
  },
  {
    code: "MA-FAH",
    regionCode: "MA-01",
    kind: "province",
    nameFr: "Fahs-Anjra",
    nameAr: "الفحص أنجرة",
    nameEn: "Fahs-Anjra",
  },
  {
    code: "MA-HOC",
    regionCode: "MA-01",
    kind: "province",
    nameFr: "Al Hoceïma",
    nameAr: "الحسيمة",
    nameEn: "Al Hoceima",
  },
  {
    code: "MA-LAR",
    regionCode: "MA-01",
    kind: "province",
    nameFr: "Larache",
    nameAr: "العرائش",
    nameEn: "Larache",
  },
  {
    code: "MA-MDF",
    regionCode: "MA-01",
    kind: "prefecture",
    nameFr: "M'diq-Fnideq",
    nameAr: "المضيق الفنيدق",
    nameEn: "M'diq-Fnideq",
  },
  {
    code: "MA-OUZ",
    regionCode: "MA-01",
    kind: "province",
    nameFr: "Ouezzane",
    nameAr: "وزان",
    nameEn: "Ouezzane",
  },
  {
    code: "MA-TET",
    regionCode: "MA-01",
    kind: "province",
    nameFr: "Tétouan",
    nameAr: "تطوان",
    nameEn: "Tetouan",
  },
  {
    code: "MA-TNG",
    regionCode: "MA-01",
    kind: "prefecture",
    nameFr: "Tanger-Assilah",
    nameAr: "طنجة أصيلة",
    nameEn: "Tangier-Assilah",
  },

  // MA-02 L'Oriental
  {
    code: "MA-BER",
    regionCode: "MA-02",
    kind: "province",
    nameFr: "Berkane",
    nameAr: "بركان",
    nameEn: "Berkane",
  },
  {
    code: "MA-DRI",
    regionCode: "MA-02",
    kind: "province",
    nameFr: "Driouch",
    nameAr: "الدريوش",
    nameEn: "Driouch",
  },
  {
    code: "MA-FIG",
    regionCode: "MA-02",
    kind: "province",
    nameFr: "Figuig",
    nameAr: "فجيج",
    nameEn: "Figuig",
  },
  {
    code: "MA-GUF",
    regionCode: "MA-02",
    kind: "province",
    nameFr: "Guercif",
    nameAr: "جرسيف",
    nameEn: "Guercif",
  },
  {
    code: "MA-JRA",
    regionCode: "MA-02",
    kind: "province",
    nameFr: "Jerada",
    nameAr: "جرادة",
    nameEn: "Jerada",
  },
  {
    code: "MA-NAD",
    regionCode: "MA-02",
    kind: "province",
    nameFr: "Nador",
    nameAr: "الناظور",
    nameEn: "Nador",
  },
  {
    code: "MA-OUJ",
    regionCode: "MA-02",
    kind: "prefecture",
    nameFr: "Oujda-Angad",
    nameAr: "وجدة أنجاد",
    nameEn: "Oujda-Angad",
  },
  {
    code: "MA-TAI",
    regionCode: "MA-02",
    kind: "province",
    nameFr: "Taourirt",
    nameAr: "تاوريرت",
    nameEn: "Taourirt",
  },

  // MA-03 Fès-Meknès
  {
    code: "MA-BOM",
    regionCode: "MA-03",
    kind: "province",
    nameFr: "Boulemane",
    nameAr: "بولمان",
    nameEn: "Boulemane",
  },
  { code: "MA-FES", regionCode: "MA-03", kind: "prefecture", nameFr: "Fès", nameAr: "فاس", nameEn: "Fez" },
  {
    code: "MA-HAJ",
    regionCode: "MA-03",
    kind: "province",
    nameFr: "El Hajeb",
    nameAr: "الحاجب",
    nameEn: "El Hajeb",
  },
  {
    code: "MA-IFR",
    regionCode: "MA-03",
    kind: "province",
    nameFr: "Ifrane",
    nameAr: "إفران",
    nameEn: "Ifrane",
  },
  {
    code: "MA-MEK",
    regionCode: "MA-03",
    kind: "prefecture",
    nameFr: "Meknès",
    nameAr: "مكناس",
    nameEn: "Meknes",
  },
  {
    code: "MA-MOU",
    regionCode: "MA-03",
    kind: "province",
    nameFr: "Moulay Yacoub",
    nameAr: "مولاي يعقوب",
    nameEn: "Moulay Yacoub",
  },
  {
    code: "MA-SEF",
    regionCode: "MA-03",
    kind: "province",
    nameFr: "Sefrou",
    nameAr: "صفرو",
    nameEn: "Sefrou",
  },
  {
    code: "MA-TAO",
    regionCode: "MA-03",
    kind: "province",
    nameFr: "Taounate",
    nameAr: "تاونات",
    nameEn: "Taounate",
  },
  { code: "MA-TAZ", regionCode: "MA-03", kind: "province", nameFr: "Taza", nameAr: "تازة", nameEn: "Taza" },

  // MA-04 Rabat-Salé-Kénitra
  {
    code: "MA-KEN",
    regionCode: "MA-04",
    kind: "province",
    nameFr: "Kénitra",
    nameAr: "القنيطرة",
    nameEn: "Kenitra",
  },
  {
    code: "MA-KHE",
    regionCode: "MA-04",
    kind: "province",
    nameFr: "Khémisset",
    nameAr: "الخميسات",
    nameEn: "Khemisset",
  },
  {
    code: "MA-RAB",
    regionCode: "MA-04",
    kind: "prefecture",
    nameFr: "Rabat",
    nameAr: "الرباط",
    nameEn: "Rabat",
  },
  { code: "MA-SAL", regionCode: "MA-04", kind: "prefecture", nameFr: "Salé", nameAr: "سلا", nameEn: "Sale" },
  {
    code: "MA-SIK",
    regionCode: "MA-04",
    kind: "province",
    nameFr: "Sidi Kacem",
    nameAr: "سيدي قاسم",
    nameEn: "Sidi Kacem",
  },
  {
    code: "MA-SIL",
    regionCode: "MA-04",
    kind: "province",
    nameFr: "Sidi Slimane",
    nameAr: "سيدي سليمان",
    nameEn: "Sidi Slimane",
  },
  {
    code: "MA-SKH",
    regionCode: "MA-04",
    kind: "prefecture",
    nameFr: "Skhirate-Témara",
    nameAr: "الصخيرات تمارة",
    nameEn: "Skhirate-Temara",
  },

  // MA-05 Béni Mellal-Khénifra
  {
    code: "MA-AZI",
    regionCode: "MA-05",
    kind: "province",
    nameFr: "Azilal",
    nameAr: "أزيلال",
    nameEn: "Azilal",
  },
  {
    code: "MA-BEM",
    regionCode: "MA-05",
    kind: "province",
    nameFr: "Béni Mellal",
    nameAr: "بني ملال",
    nameEn: "Beni Mellal",
  },
  {
    code: "MA-FQH",
    regionCode: "MA-05",
    kind: "province",
    nameFr: "Fquih Ben Salah",
    nameAr: "الفقيه بن صالح",
    nameEn: "Fquih Ben Salah",
  },
  {
    code: "MA-KHN",
    regionCode: "MA-05",
    kind: "province",
    nameFr: "Khénifra",
    nameAr: "خنيفرة",
    nameEn: "Khenifra",
  },
  {
    code: "MA-KHO",
    regionCode: "MA-05",
    kind: "province",
    nameFr: "Khouribga",
    nameAr: "خريبكة",
    nameEn: "Khouribga",
  },

  // MA-06 Casablanca-Settat
  {
    code: "MA-BES",
    regionCode: "MA-06",
    kind: "province",
    nameFr: "Benslimane",
    nameAr: "بنسليمان",
    nameEn: "Benslimane",
  },
  {
    code: "MA-BRR",
    regionCode: "MA-06",
    kind: "province",
    nameFr: "Berrechid",
    nameAr: "برشيد",
    nameEn: "Berrechid",
  },
  {
    code: "MA-CAS",
    regionCode: "MA-06",
    kind: "prefecture",
    nameFr: "Casablanca",
    nameAr: "الدار البيضاء",
    nameEn: "Casablanca",
  },
  {
    code: "MA-JDI",
    regionCode: "MA-06",
    kind: "province",
    nameFr: "El Jadida",
    nameAr: "الجديدة",
    nameEn: "El Jadida",
  },
  {
    code: "MA-MED",
    regionCode: "MA-06",
    kind: "province",
    nameFr: "Médiouna",
    nameAr: "مديونة",
    nameEn: "Mediouna",
  },
  {
    code: "MA-MOH",
    regionCode: "MA-06",
    kind: "prefecture",
    nameFr: "Mohammédia",
    nameAr: "المحمدية",
    nameEn: "Mohammedia",
  },
  {
    code: "MA-NOU",
    regionCode: "MA-06",
    kind: "province",
    nameFr: "Nouaceur",
    nameAr: "النواصر",
    nameEn: "Nouaceur",
  },
  {
    code: "MA-SET",
    regionCode: "MA-06",
    kind: "province",
    nameFr: "Settat",
    nameAr: "سطات",
    nameEn: "Settat",
  },
  {
    code: "MA-SIB",
    regionCode: "MA-06",
    kind: "province",
    nameFr: "Sidi Bennour",
    nameAr: "سيدي بنور",
    nameEn: "Sidi Bennour",
  },

  // MA-07 Marrakech-Safi
  {
    code: "MA-CHI",
    regionCode: "MA-07",
    kind: "province",
    nameFr: "Chichaoua",
    nameAr: "شيشاوة",
    nameEn: "Chichaoua",
  },
  {
    code: "MA-ESI",
    regionCode: "MA-07",
    kind: "province",
    nameFr: "Essaouira",
    nameAr: "الصويرة",
    nameEn: "Essaouira",
  },
  {
    code: "MA-HAO",
    regionCode: "MA-07",
    kind: "province",
    nameFr: "Al Haouz",
    nameAr: "الحوز",
    nameEn: "Al Haouz",
  },
  {
    code: "MA-KES",
    regionCode: "MA-07",
    kind: "province",
    nameFr: "El Kelâa des Sraghna",
    nameAr: "قلعة السراغنة",
    nameEn: "El Kelaa des Sraghna",
  },
  {
    code: "MA-MAR",
    regionCode: "MA-07",
    kind: "prefecture",
    nameFr: "Marrakech",
    nameAr: "مراكش",
    nameEn: "Marrakesh",
  },
  {
    code: "MA-REH",
    regionCode: "MA-07",
    kind: "province",
    nameFr: "Rehamna",
    nameAr: "الرحامنة",
    nameEn: "Rehamna",
  },
  { code: "MA-SAF", regionCode: "MA-07", kind: "province", nameFr: "Safi", nameAr: "آسفي", nameEn: "Safi" },
  {
    code: "MA-YUS",
    regionCode: "MA-07",
    kind: "province",
    nameFr: "Youssoufia",
    nameAr: "اليوسفية",
    nameEn: "Youssoufia",
  },

  // MA-08 Drâa-Tafilalet
  {
    code: "MA-ERR",
    regionCode: "MA-08",
    kind: "province",
    nameFr: "Errachidia",
    nameAr: "الرشيدية",
    nameEn: "Errachidia",
  },
  {
    code: "MA-MID",
    regionCode: "MA-08",
    kind: "province",
    nameFr: "Midelt",
    nameAr: "ميدلت",
    nameEn: "Midelt",
  },
  {
    code: "MA-OUA",
    regionCode: "MA-08",
    kind: "province",
    nameFr: "Ouarzazate",
    nameAr: "ورزازات",
    nameEn: "Ouarzazate",
  },
  {
    code: "MA-TIN",
    regionCode: "MA-08",
    kind: "province",
    nameFr: "Tinghir",
    nameAr: "تنغير",
    nameEn: "Tinghir",
  },
  {
    code: "MA-ZAG",
    regionCode: "MA-08",
    kind: "province",
    nameFr: "Zagora",
    nameAr: "زاكورة",
    nameEn: "Zagora",
  },

  // MA-09 Souss-Massa
  {
    code: "MA-AGD",
    regionCode: "MA-09",
    kind: "prefecture",
    nameFr: "Agadir-Ida-Ou-Tanane",
    nameAr: "أكادير إداوتنان",
    nameEn: "Agadir-Ida-Ou-Tanane",
  },
  {
    code: "MA-CHT",
    regionCode: "MA-09",
    kind: "province",
    nameFr: "Chtouka-Aït Baha",
    nameAr: "اشتوكة آيت باها",
    nameEn: "Chtouka-Ait Baha",
  },
  {
    code: "MA-INE",
    regionCode: "MA-09",
    kind: "prefecture",
    nameFr: "Inezgane-Aït Melloul",
    nameAr: "إنزكان آيت ملول",
    nameEn: "Inezgane-Ait Melloul",
  },
  {
    code: "MA-TAR",
    regionCode: "MA-09",
    kind: "province",
    nameFr: "Taroudant",
    nameAr: "تارودانت",
    nameEn: "Taroudant",
  },
  { code: "MA-TAT", regionCode: "MA-09", kind: "province", nameFr: "Tata", nameAr: "طاطا", nameEn: "Tata" },
  {
    code: "MA-TIZ",
    regionCode: "MA-09",
    kind: "province",
    nameFr: "Tiznit",
    nameAr: "تيزنيت",
    nameEn: "Tiznit",
  },

  // MA-10 Guelmim-Oued Noun
  {
    code: "MA-ASZ",
    regionCode: "MA-10",
    kind: "province",
    nameFr: "Assa-Zag",
    nameAr: "أسا الزاك",
    nameEn: "Assa-Zag",
  },
  {
    code: "MA-GUE",
    regionCode: "MA-10",
    kind: "province",
    nameFr: "Guelmim",
    nameAr: "كلميم",
    nameEn: "Guelmim",
  },
  {
    code: "MA-SIF",
    regionCode: "MA-10",
    kind: "province",
    nameFr: "Sidi Ifni",
    nameAr: "سيدي إفني",
    nameEn: "Sidi Ifni",
  },
  {
    code: "MA-TNT",
    regionCode: "MA-10",
    kind: "province",
    nameFr: "Tan-Tan",
    nameAr: "طانطان",
    nameEn: "Tan-Tan",
  },

  // MA-11 Laâyoune-Sakia El Hamra
  {
    code: "MA-BOD",
    regionCode: "MA-11",
    kind: "province",
    nameFr: "Boujdour",
    nameAr: "بوجدور",
    nameEn: "Boujdour",
  },
  {
    code: "MA-ESM",
    regionCode: "MA-11",
    kind: "province",
    nameFr: "Es-Semara",
    nameAr: "السمارة",
    nameEn: "Es-Semara",
  },
  {
    code: "MA-LAA",
    regionCode: "MA-11",
    kind: "province",
    nameFr: "Laâyoune",
    nameAr: "العيون",
    nameEn: "Laayoune",
  },
  {
    code: "MA-TAF",
    regionCode: "MA-11",
    kind: "province",
    nameFr: "Tarfaya",
    nameAr: "طرفاية",
    nameEn: "Tarfaya",
  },

  // MA-12 Dakhla-Oued Ed-Dahab
  {
    code: "MA-AOU",
    regionCode: "MA-12",
    kind: "province",
    nameFr: "Aousserd",
    nameAr: "أوسرد",
    nameEn: "Aousserd",
  },
  {
    code: "MA-OUD",
    regionCode: "MA-12",
    kind: "province",
    nameFr: "Oued Ed-Dahab",
    nameAr: "وادي الذهب",
    nameEn: "Oued Ed-Dahab",
  },
];
