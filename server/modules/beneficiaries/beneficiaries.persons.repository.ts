import { and, eq, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { ConsentPurpose, Relationship, Sex } from "../../../contracts/beneficiaries.ts";
import { executePrepared, planOnce, preparedByShape, type Queryable } from "../../platform/database.ts";
import { after, before } from "../../platform/pagination.ts";
import { type Access, preparedScopeFilter, scopeFilter } from "../../platform/scope.ts";
import { users } from "../access/access.table.ts";
import { provinces, regions } from "../territories/territories.table.ts";
import {
  birthMatch,
  expanded,
  hasNames,
  hopeless,
  longerNames,
  nameMatch,
  nameScore,
  type SearchTerms,
  wholeNames,
} from "./beneficiaries.persons.search.ts";
import { NameWordSet, type PersonKeys, type PersonNames, personKeys } from "./beneficiaries.search-keys.ts";
import { consents, persons } from "./beneficiaries.table.ts";

/** Queries on persons and their consents: search, detail, duplicates, merge marks, eligibility facts. */

export type PersonInsert = typeof persons.$inferInsert;

/** The one place that says which persons a caller's scope reaches (region or province of residence). */
export const personsScope = (access: Access) =>
  scopeFilter(access, { region: persons.regionCode, province: persons.provinceCode });

const summaryColumns = {
  id: persons.id,
  cin: persons.cin,
  firstNameLatin: persons.firstNameLatin,
  lastNameLatin: persons.lastNameLatin,
  firstNameAr: persons.firstNameAr,
  lastNameAr: persons.lastNameAr,
  sex: persons.sex,
  birthDate: persons.birthDate,
  phone: persons.phone,
  regionCode: persons.regionCode,
  provinceCode: persons.provinceCode,
  commune: persons.commune,
  mergedIntoId: persons.mergedIntoId,
};
export interface PersonSummaryRow {
  id: string;
  cin: string | null;
  firstNameLatin: string;
  lastNameLatin: string;
  firstNameAr: string | null;
  lastNameAr: string | null;
  sex: Sex;
  birthDate: string;
  phone: string | null;
  regionCode: string;
  provinceCode: string;
  commune: string | null;
  mergedIntoId: string | null;
  score: number | null;
}

export { type SearchTerms, searchTerms } from "./beneficiaries.persons.search.ts";

/**
 * A search reads at most this many candidates (each pass) before scoring and sorting them: the
 * work per search is bounded whatever the name; beyond, the answer says the search was capped and
 * the page asks for a birth date or a CIN. At national scale a common name ("Mohammed Alaoui")
 * matches ~5,000 persons; 200 rather than 1,000 candidates halved the search's p95 under 16
 * clients (404 → 174 ms, bench/lookup.bench.ts), and nobody reads 200 homonyms.
 */
export const SEARCH_CAP = 200;

/** Index-backed conditions of a search: equality on cin / phone_key, whole key words for names. */
function matches(t: SearchTerms, exactOnly = false): SQL {
  if (t.cin) return sql`${persons.cin} = ${t.cin}`;
  if (t.phoneKey) return sql`${persons.phoneKey} = ${t.phoneKey}`;
  if (!hasNames(t) && !t.birth) return sql`false`;
  return nameMatch(t, exactOnly);
}

export interface PersonFilter {
  terms?: SearchTerms;
  region?: string;
  province?: string;
  sex?: Sex;
  includeMerged: boolean;
  limit: number;
  cursorKey?: unknown[];
}

/**
 * Persons in the caller's scope. Without search text: by name. With it: the matching candidates
 * by relevance (score, id), both descending; the cursor carries the last (score, id). Candidates
 * are read by whole name first (B-tree, closest spellings first, see wholeCandidates), then, only
 * when those were not more than SEARCH_CAP, by words on the GIN indexes (a name with more words,
 * on the partial indexes of longer names when the whole-name read covered the typed length; a
 * word typed alone), with a first pass on the words' own keys when some word was expanded.
 * Each read stops after SEARCH_CAP + 1 rows; `capped`: there were more candidates.
 */
export async function searchPersons(
  db: Queryable,
  access: Access,
  f: PersonFilter & { terms: SearchTerms },
): Promise<{ rows: PersonSummaryRow[]; capped: boolean }> {
  const t = f.terms;
  if (t.cin || t.phoneKey) return exactLookup(db, access, f);
  if ((hasNames(t) && hopeless(t)) || (!hasNames(t) && !t.birth)) return { rows: [], capped: false };
  const score = nameScore(t);
  // Candidates are (id, score) pairs: narrow rows to union and sort; the page's columns are read
  // for the page only.
  const candidate = (where: SQL) =>
    sql`(select ${persons.id} as id, ${score} as score from ${persons}
      where ${and(...baseFilter(personsScope(access), f), where)} limit ${SEARCH_CAP + 1})`;
  const whole = wholeNames(t);
  // The word indexes are read only when the whole names found no more than the cap; the words'
  // own keys only when their variants were more than the cap (a subset of them otherwise).
  const fewWhole = whole ? few("whole") : sql`true`;
  const longer = longerNames(t, whole) ?? sql`true`;
  const words = candidate(sql`${fewWhole} and ${longer} and ${matches(t, false)}`);
  const ownWords = expanded(t)
    ? sql` union ${candidate(sql`${fewWhole} and not ${few("words")} and ${longer} and ${matches(t, true)}`)}`
    : sql``;
  const candidates = sql`${whole ? sql`select * from whole union ` : sql``}select * from words${ownWords}`;
  const wholeClause = whole
    ? sql`with whole as (${wholeCandidates(whole, candidate, birthMatch(t))}), words as ${words} `
    : sql`with words as ${words} `;
  const result = await executePrepared<PersonSummaryRow & { n: string }>(
    planOnce(db),
    sql`${wholeClause}${pageOf(candidates, f.cursorKey, f.limit + 1)}`,
  );
  return searchResult(result.rows);
}

/**
 * A search's page from its candidates ((id, score) rows, at most SEARCH_CAP + 1): n counts them,
 * the cursor (score, id) skips the rows already sent, and the page's rows are read by primary
 * key, one lookup each: a lateral subquery with LIMIT is never turned into a join, which a planner
 * may run as a walk of the whole primary key.
 */
function pageOf(candidates: SQL, cursor: readonly unknown[] | undefined, limit: number): SQL {
  return sql`select p.*, c.score::float8 as score, c.n from (
      select * from (select id, score, count(*) over () as n from (${candidates}) u) c
      ${cursor ? sql`where ${before([sql`score`, sql`id`], cursor)}` : sql``}
      order by score desc, id desc limit ${limit}
    ) c cross join lateral (select ${pageColumns} from ${persons} where ${persons.id} = c.id limit 1) p
    order by c.score desc, c.id desc`;
}

/**
 * A page as the service sees it; n, the candidates read, was SEARCH_CAP + 1 when there were more.
 * pg's rows are kept as they come (n stays on them, unread): copying or extending each row cost
 * more than the rest of the page's handling (bench/list.bench.ts).
 */
const searchResult = (rows: (PersonSummaryRow & { n: string })[]) => ({
  rows: rows as PersonSummaryRow[],
  capped: Number(rows[0]?.n ?? 0) > SEARCH_CAP,
});

/**
 * By CIN or phone number, the lookup a desk makes all day: equality on a unique or selective
 * index, every match scored 1 (the cursor's score part is that constant, not the client's), newest
 * first. The matches carry the page's columns themselves: no candidates joined back to persons as a
 * name search needs (a third less of PostgreSQL's time per lookup, bench/lookup.bench.ts). A CIN
 * is unique (persons_cin_idx): its one row is read as it is, without counting or sorting. The
 * statement is built and prepared once per shape of access and filters (values as placeholders).
 */
async function exactLookup(db: Queryable, access: Access, f: PersonFilter & { terms: SearchTerms }) {
  const field = f.terms.cin ? "cin" : "phone";
  const scope = preparedScopeFilter(access, { region: persons.regionCode, province: persons.provinceCode });
  const shape = `persons by ${field} ${scope.shape} ${filterShape(f)}`;
  const statement = preparedByShape<PersonSummaryRow & { n: string }>(db, shape, () => {
    const value = sql.placeholder;
    const column = field === "cin" ? persons.cin : persons.phoneKey;
    const where = and(...baseFilter(scope.filter, f, value), eq(column, value("key")));
    if (field === "cin")
      return sql`select ${pageColumns}, 1::float8 as score, 1 as n from ${persons}
        where ${and(where, f.cursorKey ? sql`${persons.id} < ${value("after")}` : undefined)}
        limit ${value("limit")}`;
    // n counts the matches (up to the cap) before the cursor skips the ones already sent.
    return sql`select * from (
        select m.*, count(*) over () as n from (
          select ${pageColumns}, 1::float8 as score from ${persons} where ${where} limit ${SEARCH_CAP + 1}
        ) m
      ) m ${f.cursorKey ? sql`where m.id < ${value("after")}` : sql``}
      order by m.id desc limit ${value("limit")}`;
  });
  const result = await statement.execute({
    ...scope.values,
    ...filterValues(f),
    key: f.terms.cin ?? f.terms.phoneKey,
    after: f.cursorKey?.[1],
    limit: f.limit + 1,
  });
  return searchResult(result.rows);
}

/** The summary columns as raw SQL selects them (birth date as its ISO text, like the builder's). */
const pageColumns = sql.join(
  Object.entries(summaryColumns).map(
    ([key, column]) => sql`${column}${key === "birthDate" ? sql`::text` : sql``} as ${sql.identifier(key)}`,
  ),
  sql`, `,
);

/**
 * Candidates by whole name on the B-tree indexes: first the typed spelling (Latin) or the words'
 * own keys (Arabic), so that the closest names are among the candidates even when the variants
 * are more than the cap; then any of the words' keys.
 */
function wholeCandidates(
  whole: NonNullable<ReturnType<typeof wholeNames>>,
  candidate: (where: SQL) => SQL,
  birth: SQL,
): SQL {
  const any = (values: string[]) => sql`any(${sql.param(values)}::text[])`;
  const closest =
    whole.script === "latin"
      ? sql`${persons.searchLatinKey} = ${any(whole.own)} and ${persons.searchLatin} = ${any(whole.spelled)}`
      : sql`${persons.searchArabicKey} = ${any(whole.own)}`;
  const key = whole.script === "latin" ? persons.searchLatinKey : persons.searchArabicKey;
  const variants = (when: SQL) => candidate(sql`${when} and ${key} = ${any(whole.all)} and ${birth}`);
  // Arabic words that were not expanded: the closest names are all the names.
  if (whole.script === "arabic" && whole.all.join() === whole.own.join()) return variants(sql`true`);
  // The variants are further from what was typed: not read when the closest names already fill
  // the cap (the answer says it is capped either way).
  return sql`with closest as ${candidate(sql`${closest} and ${birth}`)}
    select * from closest union ${variants(few("closest"))}`;
}

/** Whether a named candidate list (a WITH query) holds no more than SEARCH_CAP rows. */
const few = (name: "whole" | "words" | "closest") =>
  sql`(select count(*) from ${sql.identifier(name)}) <= ${SEARCH_CAP}`;

/**
 * Filters every list shares: scope, merged records, region, province, sex. `value` gives each
 * filter's value as SQL sees it: the value itself, or a placeholder of that name (a prepared list).
 */
function baseFilter(
  scope: SQL | undefined,
  f: Pick<PersonFilter, "includeMerged" | "region" | "province" | "sex">,
  value: <T extends string>(name: string, given: T) => T | SQLWrapper = (_name, given) => given,
): (SQL | undefined)[] {
  return [
    scope,
    f.includeMerged ? undefined : isNull(persons.mergedIntoId),
    f.region ? eq(persons.regionCode, value("region", f.region)) : undefined,
    f.province ? eq(persons.provinceCode, value("province", f.province)) : undefined,
    f.sex ? eq(persons.sex, value("sex", f.sex)) : undefined,
  ];
}

/** Persons in the caller's scope: searched (see searchPersons) or by name. */
export async function listPersons(
  db: Queryable,
  access: Access,
  f: PersonFilter,
): Promise<PersonSummaryRow[]> {
  if (f.terms) return (await searchPersons(db, access, { ...f, terms: f.terms })).rows;
  const { statement, values } = listStatement(db, access, f);
  return (await statement.execute(values)).rows;
}

/**
 * The list by name as a prepared statement, one per shape of access and filters: the registry's
 * most frequent read, so its SQL is built once and PostgreSQL plans it once per connection.
 * Raw SQL (preparedByShape) like the searches, not Drizzle's builder: pg's rows are the page as
 * is, where the builder's mapping of each row's columns cost a tenth of a 50-row page's server
 * time (bench/list.bench.ts). score comes from the SQL: setting it on each row afterwards made
 * every later read of the rows slower (0.55 instead of 0.37 ms of server CPU per page).
 * baseFilter's conditions, with placeholders for their values.
 */
function listStatement(db: Queryable, access: Access, f: PersonFilter) {
  const scope = preparedScopeFilter(access, { region: persons.regionCode, province: persons.provinceCode });
  const shape = `persons list ${scope.shape} ${filterShape(f)}`;
  const statement = preparedByShape<PersonSummaryRow>(db, shape, () => {
    const value = sql.placeholder;
    const name = [persons.lastNameLatin, persons.firstNameLatin, persons.id];
    const where = and(
      ...baseFilter(scope.filter, f, value),
      f.cursorKey ? after(name, [value("c0"), value("c1"), value("c2")]) : undefined,
    );
    return sql`select ${pageColumns}, null::real as score from ${persons} where ${where ?? sql`true`}
      order by ${sql.join(name, sql`, `)} limit ${value("limit")}`;
  });
  const [c0, c1, c2] = f.cursorKey ?? [];
  return { statement, values: { ...scope.values, ...filterValues(f), c0, c1, c2, limit: f.limit + 1 } };
}

/** Which of baseFilter's conditions (and a cursor) a filter has: a prepared statement's shape. */
const filterShape = (f: PersonFilter) =>
  Object.entries({
    merged: f.includeMerged,
    region: !!f.region,
    province: !!f.province,
    sex: !!f.sex,
    cursor: !!f.cursorKey,
  })
    .filter(([, on]) => on)
    .map(([name]) => name)
    .join("_");

/** baseFilter's values, by the names of their placeholders. */
const filterValues = (f: PersonFilter) => ({ region: f.region, province: f.province, sex: f.sex });

/** Streams the filtered list in pages of `size` rows (keyset), for exports. */
export async function* allPersons(
  db: Queryable,
  access: Access,
  f: Omit<PersonFilter, "limit" | "cursorKey">,
  size = 1000,
): AsyncGenerator<PersonSummaryRow> {
  let cursorKey: unknown[] | undefined;
  for (;;) {
    const rows = await listPersons(db, access, { ...f, limit: size, cursorKey });
    const page = rows.slice(0, size);
    for (const r of page) yield r;
    const last = page.at(-1);
    if (rows.length <= size || !last) return;
    cursorKey = f.terms ? [last.score, last.id] : [last.lastNameLatin, last.firstNameLatin, last.id];
  }
}

const householdOf = sql<{
  id: string;
  relationship: Relationship;
  headName: string;
  memberCount: number;
} | null>`(
  select json_build_object(
    'id', hm.household_id,
    'relationship', hm.relationship,
    'headName', (select hp.first_name_latin || ' ' || hp.last_name_latin from households h join persons hp on hp.id = h.head_person_id where h.id = hm.household_id),
    'memberCount', (select count(*) from household_members c where c.household_id = hm.household_id)
  ) from household_members hm where hm.person_id = persons.id)`;

const detailColumns = {
  ...summaryColumns,
  address: persons.address,
  maritalStatus: persons.maritalStatus,
  schoolingLevel: persons.schoolingLevel,
  disabilityType: persons.disabilityType,
  disabilityCardNumber: persons.disabilityCardNumber,
  situationNotes: persons.situationNotes,
  regionNameFr: regions.nameFr,
  regionNameAr: regions.nameAr,
  regionNameEn: regions.nameEn,
  provinceNameFr: provinces.nameFr,
  provinceNameAr: provinces.nameAr,
  provinceNameEn: provinces.nameEn,
  household: householdOf,
  createdAt: persons.createdAt,
  updatedAt: persons.updatedAt,
  version: persons.version,
};

export async function findPerson(db: Queryable, access: Access, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select(detailColumns)
    .from(persons)
    .innerJoin(regions, eq(regions.code, persons.regionCode))
    .innerJoin(provinces, eq(provinces.code, persons.provinceCode))
    .where(and(eq(persons.id, id), personsScope(access)));
  const [row] = opts.lock ? await q.for("update", { of: persons }) : await q;
  return row;
}
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/** Unscoped: for the uniqueness rule on CIN (global) and the public application path. */
export async function findByCin(db: Queryable, cin: string) {
  const [row] = await db
    .select({ id: persons.id, birthDate: persons.birthDate, mergedIntoId: persons.mergedIntoId })
    .from(persons)
    .where(eq(persons.cin, cin));
  return row;
}

/** Adds the name words of written persons to the dictionary the search expands words through. */
export async function rememberNameWords(db: Queryable, keys: readonly PersonKeys[]) {
  const words = new NameWordSet();
  for (const k of keys) words.add(k);
  if (!words.size) return;
  const [scripts, texts, wordKeys] = words.params();
  await db.execute(sql`insert into person_name_words (script, word, key)
    select * from unnest(${sql.param(scripts)}::text[], ${sql.param(texts)}::text[], ${sql.param(wordKeys)}::text[])
    on conflict do nothing`);
}

/** Inserts a person with its search keys (computed here, so the SQL fallback trigger stays idle). */
export async function insertPerson(db: Queryable, values: PersonInsert) {
  const keys = personKeys(values);
  const [row] = await db
    .insert(persons)
    .values({ ...values, ...keys })
    .returning({ id: persons.id });
  await rememberNameWords(db, [keys]);
  return row?.id as string;
}

const KEYED_FIELDS = ["firstNameLatin", "lastNameLatin", "firstNameAr", "lastNameAr", "phone"] as const;

/**
 * Updates a person; when names or phone change, the keys are recomputed from `current` (the row
 * before the update) merged with the changes. Without `current` the SQL trigger recomputes them.
 */
export async function updatePerson(
  db: Queryable,
  id: string,
  values: Partial<PersonInsert>,
  current?: PersonNames,
) {
  const keyed = KEYED_FIELDS.some((k) => values[k] !== undefined);
  const keys = keyed && current ? personKeys({ ...current, ...definedOnly(values) }) : undefined;
  await db
    .update(persons)
    .set({ ...values, ...keys, version: sql`${persons.version} + 1`, updatedAt: sql`now()` })
    .where(eq(persons.id, id));
  if (keys) await rememberNameWords(db, [keys]);
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export interface DuplicateProbe {
  cin: string | null;
  phoneKey: string | null;
  latinKey: string;
  arabicKey: string;
  birthDate: string | null;
  provinceCode: string | null;
  commune: string | null;
  excludeId: string | null;
}

/**
 * Probable duplicates in the caller's scope: the same CIN, the same phone, or a similar name
 * (either script) born the same day in the same province or commune.
 */
export async function probableDuplicates(db: Queryable, access: Access, p: DuplicateProbe) {
  const sameCin = p.cin ? sql`${persons.cin} = ${p.cin}` : sql`false`;
  const samePhone = p.phoneKey ? sql`${persons.phoneKey} = ${p.phoneKey}` : sql`false`;
  const names: SQL[] = [];
  if (p.latinKey.length >= 2) names.push(sql`similarity(${persons.searchLatinKey}, ${p.latinKey}) >= 0.5`);
  if (p.arabicKey) names.push(sql`similarity(${persons.searchArabicKey}, ${p.arabicKey}) >= 0.5`);
  const place: SQL[] = [];
  if (p.provinceCode) place.push(sql`${persons.provinceCode} = ${p.provinceCode}`);
  if (p.commune) place.push(sql`f_unaccent(${persons.commune}) = f_unaccent(${p.commune})`);
  const similar =
    p.birthDate && names.length
      ? sql`(${persons.birthDate} = ${p.birthDate} and (${sql.join(names, sql` or `)})${
          place.length ? sql` and (${sql.join(place, sql` or `)})` : sql``
        })`
      : sql`false`;
  const rows = await db
    .select({
      ...summaryColumns,
      sameCin: sql<boolean>`${sameCin}`,
      samePhone: sql<boolean>`${samePhone}`,
      similar: sql<boolean>`${similar}`,
    })
    .from(persons)
    .where(
      and(
        personsScope(access),
        isNull(persons.mergedIntoId),
        p.excludeId ? sql`${persons.id} <> ${p.excludeId}` : undefined,
        sql`(${sameCin} or ${samePhone} or ${similar})`,
      ),
    )
    .orderBy(persons.lastNameLatin, persons.id)
    .limit(20);
  return rows;
}

// ---- merge

/** Moves what hangs on a person to another one; the caller checked both and holds the locks. */
export async function moveConsents(db: Queryable, fromId: string, intoId: string) {
  await db.update(consents).set({ personId: intoId }).where(eq(consents.personId, fromId));
}

export async function markMerged(db: Queryable, fromId: string, intoId: string) {
  await db
    .update(persons)
    .set({
      mergedIntoId: intoId,
      mergedAt: sql`now()`,
      cin: null,
      version: sql`${persons.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(persons.id, fromId));
}

/** Persons merged into this one, for its timeline. */
export async function mergedFrom(db: Queryable, id: string) {
  return db
    .select({
      id: persons.id,
      mergedAt: persons.mergedAt,
      name: sql<string>`${persons.firstNameLatin} || ' ' || ${persons.lastNameLatin}`,
    })
    .from(persons)
    .where(eq(persons.mergedIntoId, id));
}

// ---- consents

export async function listConsents(db: Queryable, personId: string) {
  return db
    .select({
      id: consents.id,
      personId: consents.personId,
      purpose: consents.purpose,
      granted: consents.granted,
      givenOn: consents.givenOn,
      recordedById: consents.recordedById,
      recordedByName: users.fullName,
      note: consents.note,
      createdAt: consents.createdAt,
    })
    .from(consents)
    .leftJoin(users, eq(users.id, consents.recordedById))
    .where(eq(consents.personId, personId))
    .orderBy(sql`${consents.givenOn} desc`, sql`${consents.id} desc`);
}

export async function insertConsent(
  db: Queryable,
  values: {
    personId: string;
    purpose: ConsentPurpose;
    granted: boolean;
    givenOn: string;
    recordedById: string | null;
    note: string | null;
  },
) {
  const [row] = await db.insert(consents).values(values).returning({ id: consents.id });
  return row?.id as string;
}

// ---- eligibility

/** Facts the programmes' eligibility rules read; unscoped (the caller checked the person). */
export async function eligibilityFacts(db: Queryable, personId: string) {
  const [row] = await db
    .select({
      personId: persons.id,
      sex: persons.sex,
      birthDate: persons.birthDate,
      ageYears: sql<number>`extract(year from age(current_date, ${persons.birthDate}))::int`,
      regionCode: persons.regionCode,
      provinceCode: persons.provinceCode,
      disabilityType: persons.disabilityType,
      householdScore: sql<
        string | null
      >`(select h.socio_economic_score from household_members m join households h on h.id = m.household_id where m.person_id = persons.id)`,
      householdSize: sql<number>`coalesce((select count(*)::int from household_members m2 where m2.household_id = (select m.household_id from household_members m where m.person_id = persons.id)), 1)`,
    })
    .from(persons)
    .where(eq(persons.id, personId));
  return row;
}
