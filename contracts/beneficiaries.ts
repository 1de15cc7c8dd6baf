import { z } from "zod";
import { today } from "./calendar.ts";
import {
  Id,
  optionalText,
  PageQuery,
  Phone,
  ProvinceCode,
  page,
  RegionCode,
  requiredText,
  Version,
} from "./common.ts";

/** Persons, households and consents: the registry of beneficiaries. */

export const SEXES = ["female", "male"] as const;
export const Sex = z.enum(SEXES);
export type Sex = z.infer<typeof Sex>;

export const MARITAL_STATUSES = ["single", "married", "divorced", "widowed"] as const;
export const MaritalStatus = z.enum(MARITAL_STATUSES);

/** Highest level reached (Moroccan system: primaire, collège, lycée, supérieur; non-formal literacy; vocational). */
export const SCHOOLING_LEVELS = [
  "none",
  "literacy",
  "primary",
  "lower_secondary",
  "upper_secondary",
  "vocational",
  "higher",
] as const;
export const SchoolingLevel = z.enum(SCHOOLING_LEVELS);

export const DISABILITY_TYPES = [
  "motor",
  "visual",
  "hearing",
  "intellectual",
  "psychic",
  "multiple",
  "other",
] as const;
export const DisabilityType = z.enum(DISABILITY_TYPES);

export const RELATIONSHIPS = ["head", "spouse", "child", "parent", "sibling", "other"] as const;
export const Relationship = z.enum(RELATIONSHIPS);
export type Relationship = z.infer<typeof Relationship>;

export const CONSENT_PURPOSES = ["registry", "programmes", "data_sharing", "contact", "photo"] as const;
export const ConsentPurpose = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/** National identity card number: one or two letters then one to six digits ("BE123456"). */
export const CIN_PATTERN = /^[A-Z]{1,2}[0-9]{1,6}$/;
export const Cin = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, "").toUpperCase())
  .pipe(z.string().regex(CIN_PATTERN, { message: "validation.cin" }));

/** "BE123456" → "BE****56": letters and the last two digits stay, so a person can be told apart, not identified. */
export function maskCin(cin: string | null): string | null {
  if (!cin) return null;
  const m = /^([A-Z]*)([0-9]*)$/.exec(cin);
  if (!m) return "****";
  const [, letters = "", digits = ""] = m;
  const keep = digits.length > 3 ? 2 : 0;
  return `${letters}${"*".repeat(digits.length - keep)}${digits.slice(digits.length - keep)}`;
}

const isoDate = z.iso.date({ message: "validation.date" });
/** A birth date: a real calendar date, not in the future, not before 1900. */
export const BirthDate = isoDate
  .refine((d) => d <= today(), { message: "validation.date_future" })
  .refine((d) => d >= "1900-01-01", { message: "validation.date" });
export const PastDate = isoDate.refine((d) => d <= today(), {
  message: "validation.date_future",
});

const nullable = <T extends z.ZodType>(s: T) => s.nullable().optional();
const optionalPhone = Phone.nullable()
  .optional()
  .or(z.literal("").transform(() => null));
const optionalCin = Cin.nullable()
  .optional()
  .or(z.literal("").transform(() => null));

const personFields = {
  cin: optionalCin,
  firstNameLatin: requiredText(100),
  lastNameLatin: requiredText(100),
  firstNameAr: optionalText(100),
  lastNameAr: optionalText(100),
  sex: Sex,
  birthDate: BirthDate,
  phone: optionalPhone,
  /** Optional: the province fixes it; if given it must be the province's region. */
  regionCode: nullable(RegionCode),
  provinceCode: ProvinceCode,
  commune: optionalText(120),
  address: optionalText(500),
  maritalStatus: nullable(MaritalStatus),
  schoolingLevel: nullable(SchoolingLevel),
  disabilityType: nullable(DisabilityType),
  disabilityCardNumber: optionalText(40),
  situationNotes: optionalText(4000),
};

export const CreatePersonBody = z.strictObject(personFields);
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;
export type CreatePersonInput = z.input<typeof CreatePersonBody>;

export const UpdatePersonBody = z
  .strictObject({ version: Version, ...personFields })
  .partial()
  .required({ version: true });
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

/** What is checked for probable duplicates before saving: the fields of a new person, all optional. */
export const DuplicateCheckBody = z.strictObject({
  cin: optionalCin,
  firstNameLatin: optionalText(100),
  lastNameLatin: optionalText(100),
  firstNameAr: optionalText(100),
  lastNameAr: optionalText(100),
  birthDate: nullable(isoDate),
  phone: optionalPhone,
  provinceCode: nullable(ProvinceCode),
  commune: optionalText(120),
  /** When checking an existing record (before a merge), leave it out of the answer. */
  excludeId: nullable(Id),
});
export type DuplicateCheckBody = z.infer<typeof DuplicateCheckBody>;

/** One row of a list: no personal data beyond names; the CIN is always masked. */
export const PersonSummary = z.object({
  id: Id,
  cinMasked: z.string().nullable(),
  firstNameLatin: z.string(),
  lastNameLatin: z.string(),
  firstNameAr: z.string().nullable(),
  lastNameAr: z.string().nullable(),
  sex: Sex,
  /** Only for callers holding persons.personal; else null. */
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  regionCode: z.string(),
  provinceCode: z.string(),
  commune: z.string().nullable(),
  mergedIntoId: Id.nullable(),
  /** Search relevance from 0 to 1 (present when the list was searched). */
  score: z.number().nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;
export const PersonList = page(PersonSummary).extend({
  /**
   * True when a name search matched more persons than it reads (it then ranks a bounded set of
   * candidates): the caller should narrow it (another name, a birth date or year, a CIN).
   */
  capped: z.boolean(),
});

export const PersonListQuery = PageQuery.extend({
  /** CIN, phone, or a name in Latin or Arabic script; tolerant of spelling variants. */
  q: z.string().trim().max(100).optional(),
  region: RegionCode.optional(),
  province: ProvinceCode.optional(),
  sex: Sex.optional(),
  includeMerged: z.enum(["true", "false"]).optional(),
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

export const ExportFormat = z.enum(["csv", "xlsx"]);
export const PersonExportQuery = PersonListQuery.omit({ limit: true, cursor: true }).extend({
  format: ExportFormat.default("csv"),
});
export type PersonExportQuery = z.infer<typeof PersonExportQuery>;

export const Person = z.object({
  id: Id,
  /** Full for persons.personal holders, masked otherwise. */
  cin: z.string().nullable(),
  cinMasked: z.string().nullable(),
  firstNameLatin: z.string(),
  lastNameLatin: z.string(),
  firstNameAr: z.string().nullable(),
  lastNameAr: z.string().nullable(),
  sex: Sex,
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  regionCode: z.string(),
  provinceCode: z.string(),
  regionName: z.string().nullable(),
  provinceName: z.string().nullable(),
  commune: z.string().nullable(),
  address: z.string().nullable(),
  maritalStatus: MaritalStatus.nullable(),
  schoolingLevel: SchoolingLevel.nullable(),
  disabilityType: DisabilityType.nullable(),
  disabilityCardNumber: z.string().nullable(),
  situationNotes: z.string().nullable(),
  mergedIntoId: Id.nullable(),
  household: z
    .object({ id: Id, relationship: Relationship, headName: z.string(), memberCount: z.number().int() })
    .nullable(),
  /** False when personal fields (full CIN, birth date, disability, notes) were withheld. */
  personal: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type Person = z.infer<typeof Person>;

export const ProbableDuplicate = PersonSummary.extend({
  /** Why it looks like the same person: same_cin, same_phone, similar_name_birth_place. */
  reasons: z.array(z.enum(["same_cin", "same_phone", "similar_name_birth_place"])),
});
export const DuplicateList = z.object({ items: z.array(ProbableDuplicate) });

export const MergeBody = z.strictObject({
  /** The record that survives. */
  intoId: Id,
  /** Version of the record merged away (the one in the path). */
  version: Version,
  /** Version of the surviving record. */
  intoVersion: Version,
});
export type MergeBody = z.infer<typeof MergeBody>;

export const Consent = z.object({
  id: Id,
  personId: Id,
  purpose: ConsentPurpose,
  granted: z.boolean(),
  givenOn: z.string(),
  recordedById: Id.nullable(),
  recordedByName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Consent = z.infer<typeof Consent>;
export const ConsentList = z.object({ items: z.array(Consent) });
export const CreateConsentBody = z.strictObject({
  purpose: ConsentPurpose,
  granted: z.boolean().default(true),
  givenOn: PastDate,
  note: optionalText(1000),
});
export type CreateConsentBody = z.infer<typeof CreateConsentBody>;

/** One event of a person's history, from this module or another (applications, services, stays). */
export const TimelineEvent = z.object({
  at: z.string(),
  /** Module that told it: beneficiaries, programs, establishments. */
  source: z.string(),
  /** Stable kind, the key of its label in locales under beneficiaries.timeline.kinds. */
  kind: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** A name to show (programme, establishment), already in the reader's language. */
  label: z.string().nullable(),
  status: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;
export const Timeline = z.object({ items: z.array(TimelineEvent) });

export const HouseholdMember = z.object({
  personId: Id,
  relationship: Relationship,
  firstNameLatin: z.string(),
  lastNameLatin: z.string(),
  firstNameAr: z.string().nullable(),
  lastNameAr: z.string().nullable(),
  cinMasked: z.string().nullable(),
  sex: Sex,
  birthDate: z.string().nullable(),
});
export type HouseholdMember = z.infer<typeof HouseholdMember>;

export const Household = z.object({
  id: Id,
  headPersonId: Id,
  headName: z.string(),
  regionCode: z.string(),
  provinceCode: z.string(),
  commune: z.string().nullable(),
  address: z.string().nullable(),
  /** Socio-economic index imported from the national social registry (RSU); never computed here. */
  socioEconomicScore: z.number().nullable(),
  scoreDate: z.string().nullable(),
  memberCount: z.number().int(),
  members: z.array(HouseholdMember),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type Household = z.infer<typeof Household>;

export const HouseholdSummary = Household.omit({ members: true });
export const HouseholdList = page(HouseholdSummary);
export const HouseholdListQuery = PageQuery.extend({
  region: RegionCode.optional(),
  province: ProvinceCode.optional(),
  /** A member's name, CIN or phone. */
  q: z.string().trim().max(100).optional(),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuery>;

const Score = z.number().min(0).max(100);
export const CreateHouseholdBody = z.strictObject({
  headPersonId: Id,
  /** Defaults to the head's province. */
  provinceCode: nullable(ProvinceCode),
  commune: optionalText(120),
  address: optionalText(500),
  socioEconomicScore: Score.nullable().optional(),
  scoreDate: nullable(PastDate),
});
export type CreateHouseholdBody = z.infer<typeof CreateHouseholdBody>;

export const UpdateHouseholdBody = z.strictObject({
  version: Version,
  provinceCode: ProvinceCode.optional(),
  commune: optionalText(120),
  address: optionalText(500),
  socioEconomicScore: Score.nullable().optional(),
  scoreDate: nullable(PastDate),
});
export type UpdateHouseholdBody = z.infer<typeof UpdateHouseholdBody>;

export const AddMemberBody = z.strictObject({
  version: Version,
  personId: Id,
  relationship: Relationship.exclude(["head"]),
});
export type AddMemberBody = z.infer<typeof AddMemberBody>;
export const RemoveMemberBody = z.strictObject({ version: Version });
export const MemberParams = z.strictObject({ id: Id, personId: Id });
