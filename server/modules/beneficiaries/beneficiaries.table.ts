import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  CONSENT_PURPOSES,
  DISABILITY_TYPES,
  MARITAL_STATUSES,
  RELATIONSHIPS,
  SCHOOLING_LEVELS,
  SEXES,
} from "../../../contracts/beneficiaries.ts";
import { idColumn, now, tz, versioned } from "../../platform/columns.ts";
import { users } from "../access/access.table.ts";
import { provinceInRegion } from "../territories/territories.table.ts";

/**
 * Partial word indexes on the search keys: names of at least `words` words, the key holding
 * `pattern` (spaces between words). The planner uses one when a query states its pattern as is.
 */
export const LONGER_NAMES = [
  { words: 3, pattern: "% % %" },
  { words: 4, pattern: "% % % %" },
] as const;

export const sexEnum = pgEnum("sex", SEXES);
export const maritalStatusEnum = pgEnum("marital_status", MARITAL_STATUSES);
export const schoolingLevelEnum = pgEnum("schooling_level", SCHOOLING_LEVELS);
export const disabilityTypeEnum = pgEnum("disability_type", DISABILITY_TYPES);
export const relationshipEnum = pgEnum("household_relationship", RELATIONSHIPS);
export const consentPurposeEnum = pgEnum("consent_purpose", CONSENT_PURPOSES);

/**
 * A person of the registry. The search keys follow the rules of the IMMUTABLE functions of
 * migration 0003 (jisr_latin_key, jisr_arabic_key, jisr_phone_key); searches match whole key
 * words through GIN indexes on the keys' word arrays, phones and CINs by equality.
 */
export const persons = pgTable(
  "persons",
  {
    id: idColumn(),
    /** National identity card number, upper case; optional (children), unique when present. */
    cin: text("cin"),
    firstNameLatin: text("first_name_latin").notNull(),
    lastNameLatin: text("last_name_latin").notNull(),
    firstNameAr: text("first_name_ar"),
    lastNameAr: text("last_name_ar"),
    sex: sexEnum("sex").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    phone: text("phone"),
    // Both checked by one key, provinceInRegion: the province exists and lies in the region.
    regionCode: text("region_code").notNull(),
    provinceCode: text("province_code").notNull(),
    /** Free text until the territories module holds communes. */
    commune: text("commune"),
    address: text("address"),
    maritalStatus: maritalStatusEnum("marital_status"),
    schoolingLevel: schoolingLevelEnum("schooling_level"),
    disabilityType: disabilityTypeEnum("disability_type"),
    disabilityCardNumber: text("disability_card_number"),
    situationNotes: text("situation_notes"),
    /** Set when this record was merged into another: it stays for history, out of lists. */
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => persons.id),
    mergedAt: tz("merged_at"),
    /**
     * Search keys, written by the application (beneficiaries.search-keys.ts) or, when a writer
     * gives none, by the trigger of migration 0014 with the SQL functions of 0003.
     * f_unaccent of the Latin names: exact spellings rank first.
     */
    searchLatin: text("search_latin"),
    /** Consonant skeleton of the Latin names: Mohamed = Mohammed = Mhamed. */
    searchLatinKey: text("search_latin_key"),
    /** Arabic names without tashkeel, tatweel and hamza/alef variants. */
    searchArabicKey: text("search_arabic_key"),
    /** Last nine digits of the phone number. */
    phoneKey: text("phone_key"),
    ...versioned(),
  },
  (t) => [
    provinceInRegion("persons_province_region_fk", t),
    uniqueIndex("persons_cin_idx").on(t.cin).where(sql`${t.cin} is not null`),
    index("persons_phone_idx").on(t.phoneKey).where(sql`${t.phoneKey} is not null`),
    index("persons_birth_province_idx").on(t.birthDate, t.provinceCode),
    index("persons_name_idx").on(t.lastNameLatin, t.firstNameLatin, t.id),
    index("persons_province_name_idx").on(t.provinceCode, t.lastNameLatin, t.firstNameLatin, t.id),
    index("persons_region_name_idx").on(t.regionCode, t.lastNameLatin, t.firstNameLatin, t.id),
    index("persons_merged_into_idx").on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
    // Whole-name search (beneficiaries.persons.search.ts wholeNames): scope columns next, so a
    // regional search stops at the cap without reading other regions' rows; then what the
    // candidates' filter and score read, so they come from the index alone (index-only scans).
    index("persons_latin_whole_name_idx").on(
      t.searchLatinKey,
      t.searchLatin,
      t.regionCode,
      t.provinceCode,
      t.mergedIntoId,
      t.id,
    ),
    index("persons_arabic_whole_name_idx").on(
      t.searchArabicKey,
      t.regionCode,
      t.provinceCode,
      t.mergedIntoId,
      t.id,
      t.firstNameAr,
      t.lastNameAr,
    ),
    index("persons_search_latin_key_words_idx")
      .using("gin", sql`string_to_array(${t.searchLatinKey}, ' ')`)
      .with({ gin_pending_list_limit: 512 }),
    index("persons_search_arabic_key_words_idx")
      .using("gin", sql`string_to_array(${t.searchArabicKey}, ' ')`)
      .with({ gin_pending_list_limit: 512 }),
    // The same word indexes for names of at least 3 and 4 words only (a tenth of a registry):
    // what the words pass reads once the whole-name read found the names of the typed length
    // (beneficiaries.persons.search.ts longerNames).
    ...(["latin", "arabic"] as const).flatMap((script) =>
      LONGER_NAMES.map(({ words, pattern }) => {
        const key = script === "latin" ? t.searchLatinKey : t.searchArabicKey;
        return index(`persons_${script}_${words}_words_idx`)
          .using("gin", sql`string_to_array(${key}, ' ')`)
          .where(sql`${key} like ${sql.raw(`'${pattern}'`)}`);
      }),
    ),
  ],
);

/**
 * Distinct name words of the registry (migration 0014): Latin words as spelled (folded) with
 * their key, Arabic key words (word = key). A search expands a typed word through it.
 */
export const personNameWords = pgTable(
  "person_name_words",
  {
    script: text("script", { enum: ["latin", "arabic"] }).notNull(),
    word: text("word").notNull(),
    key: text("key").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.script, t.word] }),
    check("person_name_words_script_check", sql`${t.script} in ('latin', 'arabic')`),
    index("person_name_words_prefix_idx").using("btree", t.script, sql`${t.word} text_pattern_ops`),
    index("person_name_words_key_idx").using("btree", t.script, sql`${t.key} text_pattern_ops`),
    index("person_name_words_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`),
  ],
);

export const consents = pgTable(
  "consents",
  {
    id: idColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    purpose: consentPurposeEnum("purpose").notNull(),
    granted: boolean("granted").notNull().default(true),
    givenOn: date("given_on", { mode: "string" }).notNull(),
    recordedById: uuid("recorded_by_id").references(() => users.id),
    note: text("note"),
    createdAt: tz("created_at").notNull().default(now),
  },
  (t) => [index("consents_person_idx").on(t.personId, t.givenOn)],
);

export const households = pgTable(
  "households",
  {
    id: idColumn(),
    headPersonId: uuid("head_person_id")
      .notNull()
      .references(() => persons.id),
    // Both checked by one key, provinceInRegion: the province exists and lies in the region.
    regionCode: text("region_code").notNull(),
    provinceCode: text("province_code").notNull(),
    commune: text("commune"),
    address: text("address"),
    /** Imported from the national social registry (RSU), never computed here. */
    socioEconomicScore: numeric("socio_economic_score", { precision: 12, scale: 7, mode: "number" }),
    scoreDate: date("score_date", { mode: "string" }),
    ...versioned(),
  },
  (t) => [
    provinceInRegion("households_province_region_fk", t),
    index("households_head_idx").on(t.headPersonId),
    index("households_province_idx").on(t.provinceCode, t.id),
    index("households_region_idx").on(t.regionCode, t.id),
  ],
);

/** A person belongs to at most one household; each household has exactly one head. */
export const householdMembers = pgTable(
  "household_members",
  {
    id: idColumn(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    relationship: relationshipEnum("relationship").notNull(),
    createdAt: tz("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("household_members_person_idx").on(t.personId),
    index("household_members_household_idx").on(t.householdId),
    uniqueIndex("household_members_head_idx").on(t.householdId).where(sql`${t.relationship} = 'head'`),
  ],
);
