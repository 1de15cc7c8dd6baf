import { type SQL, sql } from "drizzle-orm";
import { executePrepared, planOnce, type Queryable } from "../../platform/database.ts";
import { arabicKey, foldLatin, latinWords, wordKey } from "./beneficiaries.search-keys.ts";
import { LONGER_NAMES, persons } from "./beneficiaries.table.ts";

/**
 * Name search at national scale: whole words of the search keys, every typed word must match a
 * word of the person's key (AND), through the GIN indexes on the keys' word arrays. A typed word
 * is first expanded through the dictionary of name words (person_name_words, thousands of rows):
 * its own key, the keys of the words it begins (the last word, still being typed) and, when its
 * key is unknown, the keys of similar words (trigrams: a typo the key does not fold). Query keys
 * are computed here, in TypeScript, with the writers' functions. Shared by the registry search
 * and the establishments' admission candidates.
 */

/** At most this many dictionary keys stand for one typed word. */
const MAX_EXPANSIONS = 20;
/** Typed words beyond this many (per script) are ignored: they would only narrow further. */
const MAX_WORDS = 6;

/** One typed word: as spelled (folded; Arabic without tashkeel), its key, and the key words it matches. */
export interface WordTerm {
  word: string;
  key: string;
  /** Its own key when the dictionary knows it, else empty. */
  exact: string[];
  /** Exact, prefix and similar keys: what the word matches. */
  keys: string[];
}

/** What a search text is made of: a CIN, a phone number, a birth date or year, name words in either script. */
export interface SearchTerms {
  cin: string | null;
  phoneKey: string | null;
  birth: { from: string; to: string } | null;
  /** Folded text and whole keys of the query (for the probable-duplicates similarity). */
  latin: string;
  latinKey: string;
  arabicKey: string;
  latinWords: WordTerm[];
  arabicWords: WordTerm[];
}

const CIN = /^[A-Z]{1,2}[0-9]{1,6}$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR = /^(19|20)\d{2}$/;

/** A birth date (31/12/1980, 1980-12-31) or year (1980) typed among the name words. */
function birthOf(token: string): { from: string; to: string } | null {
  if (YEAR.test(token)) return { from: `${token}-01-01`, to: `${token}-12-31` };
  const m = DMY.exec(token) ?? YMD.exec(token);
  if (!m) return null;
  const [y, mo, d] = DMY.test(token) ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
  const iso = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso
    ? null
    : { from: iso, to: iso };
}

/** The query split into what it is made of, before the dictionary is consulted. */
export function parseQuery(q: string) {
  const compact = q.replace(/\s+/g, "").toUpperCase();
  // A CIN is looked up as a CIN only (unique index), a phone number as a phone only.
  if (CIN.test(compact)) return { cin: compact, phoneKey: null, birth: null, text: "" };
  const digits = q.replace(/\D/g, "");
  if (/^[+0-9 .()-]+$/.test(q) && digits.length >= 9)
    return { cin: null, phoneKey: digits.slice(-9), birth: null, text: "" };
  let birth: { from: string; to: string } | null = null;
  const words: string[] = [];
  for (const token of q.split(/\s+/).filter(Boolean)) {
    const b = birthOf(token);
    if (b && !birth) birth = b;
    else if (!b) words.push(token);
  }
  return { cin: null, phoneKey: null, birth, text: words.join(" ") };
}

/** Folds the query in TypeScript, then expands its words through the dictionary (one round trip). */
export async function searchTerms(db: Queryable, q: string): Promise<SearchTerms> {
  const { cin, phoneKey, birth, text } = parseQuery(q);
  const latin = foldLatin(text);
  const typedLatin = latinWords(latin).slice(0, MAX_WORDS);
  const typedArabic = arabicKey(text).split(" ").filter(Boolean).slice(0, MAX_WORDS);
  // The same words with their hamza forms kept (translate() keeps letters letters: they align).
  const spelledArabic = arabicWordsAsTyped(text);
  // The last word is taken as a prefix while it is being typed (no space after it).
  const typing = !/\s$/.test(q);
  const lastScript = /[a-z]/i.test(text.trim().split(/\s+/).at(-1) ?? "") ? "latin" : "arabic";
  const probes = [
    ...typedLatin.map((word, i) => ({
      script: "latin" as const,
      word,
      key: wordKey(word),
      prefix: typing && lastScript === "latin" && i === typedLatin.length - 1,
    })),
    ...typedArabic.map((key, i) => ({
      script: "arabic" as const,
      word: spelledArabic[i] ?? key,
      key,
      prefix: typing && lastScript === "arabic" && i === typedArabic.length - 1,
    })),
  ];
  const expansions = probes.length ? await expand(db, probes) : [];
  const terms = probes.map((p, i) => ({
    script: p.script,
    word: p.word,
    key: p.key,
    exact: expansions[i]?.exact ? [p.key] : [],
    keys: expansions[i]?.keys ?? [],
  }));
  return {
    cin,
    phoneKey,
    birth,
    latin: typedLatin.join(" "),
    latinKey: typedLatin.map(wordKey).join(" "),
    arabicKey: typedArabic.join(" "),
    latinWords: terms.filter((t) => t.script === "latin"),
    arabicWords: terms.filter((t) => t.script === "arabic"),
  };
}

const TASHKEEL = /[\u064B-\u065F\u0670\u0640]/g;
const NOT_ARABIC_LETTER = /[^\u0621-\u064A\u0671-\u06D3]+/g;
const arabicWordsAsTyped = (text: string) =>
  text.replace(TASHKEEL, "").replace(NOT_ARABIC_LETTER, " ").trim().split(" ").filter(Boolean);

interface Probe {
  script: "latin" | "arabic";
  word: string;
  key: string;
  prefix: boolean;
}

/** Greater than any character a name word holds: the upper bound of a prefix range (text_pattern_ops). */
const LAST_CHAR = "\u{10FFFF}";

/**
 * For each typed word, in one statement: is its key in the dictionary, and which keys it stands
 * for (its own; the keys of the words it begins when it is the last word; the keys of the most
 * similar words by trigrams when its own key is unknown). Each part is index-backed and limited.
 * One statement of fixed shape whatever the number of words (arrays in, a lateral subquery per
 * word): a union of subqueries per word cost 9-16 ms to plan at each search, 5x its execution.
 */
async function expand(db: Queryable, probes: Probe[]): Promise<{ exact: boolean; keys: string[] }[]> {
  const col = <T>(f: (p: Probe) => T) => sql.param(probes.map(f));
  // Latin dictionary rows are words as spelled; Arabic ones are key words.
  const typed = (p: Probe) => (p.script === "latin" ? p.word : p.key);
  const result = await executePrepared<{ i: number; exact: boolean; keys: string[] }>(
    planOnce(db),
    sql`
    select p.i, o.exact, array(
      select k from (
        select p.key as k, 0 as r where o.exact
        union all
        (select w.key, 1 from person_name_words w
          where p.prefix and w.script = p.script and w.word ~>=~ p.typed and w.word ~<~ (p.typed || ${LAST_CHAR})
          order by w.word limit ${MAX_EXPANSIONS})
        union all
        (select w.key, 2 from person_name_words w
          where not o.exact and char_length(p.typed) >= 3 and w.script = p.script and w.word % p.typed
          order by similarity(w.word, p.typed) desc, w.word limit 5)
      ) x group by k order by min(r), k limit ${MAX_EXPANSIONS}) as keys
    from unnest(${col((p) => p.script)}::text[], ${col((p) => p.key)}::text[], ${col(typed)}::text[],
                ${col((p) => p.prefix)}::boolean[]) with ordinality as p(script, key, typed, prefix, i)
    cross join lateral (select exists (select 1 from person_name_words w
                          where w.script = p.script and w.key = p.key) as exact) o`,
  );
  const out: { exact: boolean; keys: string[] }[] = [];
  for (const r of result.rows) out[Number(r.i) - 1] = { exact: r.exact, keys: r.keys };
  return out;
}

/** The expressions of the indexes persons_search_latin_key_words_idx and persons_search_arabic_key_words_idx. */
export const latinKeyWords = sql`string_to_array(${persons.searchLatinKey}, ' ')`;
export const arabicKeyWords = sql`string_to_array(${persons.searchArabicKey}, ' ')`;

const words = (t: SearchTerms) => [...t.latinWords, ...t.arabicWords];

/** True when some typed word matches no key at all: nobody can match, no need to ask. */
export const hopeless = (t: SearchTerms) => words(t).some((w) => !w.keys.length);

/** Whether the terms name anyone by name (else only CIN, phone or nothing). */
export const hasNames = (t: SearchTerms) => words(t).length > 0;

/**
 * Every typed word matches a word of the key in its script (`&&`: any of its keys), index-backed.
 * `exactOnly`: each word by its own key when the dictionary knows it (the first, narrower pass).
 */
export function nameMatch(t: SearchTerms, exactOnly = false): SQL {
  const parts: SQL[] = [];
  for (const [list, column] of [
    [t.latinWords, latinKeyWords],
    [t.arabicWords, arabicKeyWords],
  ] as const)
    for (const w of list) {
      const keys = exactOnly && w.exact.length ? w.exact : w.keys;
      parts.push(sql`${column} && ${sql.param(keys)}::text[]`);
    }
  if (t.birth) parts.push(birthMatch(t));
  return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
}

/** The birth date or year typed among the words, as a condition (true when none). */
export const birthMatch = (t: SearchTerms): SQL =>
  t.birth ? sql`${persons.birthDate} between ${t.birth.from} and ${t.birth.to}` : sql`true`;

/** Whole names probed at most (word orders × spellings): beyond, the word indexes answer alone. */
const MAX_WHOLE_NAMES = 64;

/**
 * A search as whole names, for the B-tree indexes on the whole key (persons_latin_whole_name_idx,
 * persons_arabic_whole_name_idx): every order of the typed words (family name first or last),
 * each word by its own key (`own`, and as spelled for Latin: `spelled`) or by any of its keys
 * (`all`: spelling variants, the prefix being typed). A common full name ("Mohammed Alaoui",
 * ~5,000 bearers in a national registry) is then read in index order up to the cap, instead of
 * intersecting the word indexes' posting lists of both words (hundreds of thousands of entries).
 * Null when the words are in both scripts or too many combinations.
 */
export function wholeNames(t: SearchTerms) {
  if (t.latinWords.length && t.arabicWords.length) return null;
  const script = t.latinWords.length ? ("latin" as const) : ("arabic" as const);
  const list = script === "latin" ? t.latinWords : t.arabicWords;
  const all = arrangements(list.map((w) => w.keys));
  if (!list.length || !all) return null;
  return {
    script,
    all,
    own: arrangements(list.map((w) => [w.key])) ?? [],
    spelled: arrangements(list.map((w) => [w.word])) ?? [],
  };
}

/**
 * What the words pass may skip once the whole-name read has run: every name made of exactly the
 * typed words was among its candidates when each typed word can only match a word of its own (no
 * key shared by two typed words), so the word indexes need only the longer names, read through
 * the partial indexes of LONGER_NAMES (names of 3 words and more for 2 typed words, of 4 and more
 * beyond). Null when the whole-name read did not run or the keys overlap.
 */
export function longerNames(t: SearchTerms, whole: ReturnType<typeof wholeNames>): SQL | null {
  if (!whole) return null;
  const list = whole.script === "latin" ? t.latinWords : t.arabicWords;
  const keys = list.flatMap((w) => w.keys);
  if (list.length < 2 || new Set(keys).size !== keys.length) return null;
  const longer = LONGER_NAMES.filter((l) => l.words <= list.length + 1).at(-1);
  if (!longer) return null;
  const column = whole.script === "latin" ? persons.searchLatinKey : persons.searchArabicKey;
  // The pattern as a literal: a parameter would not let the planner prove the index's predicate.
  return sql`${column} like ${sql.raw(`'${longer.pattern}'`)}`;
}

/** Every word order of every choice of one spelling per word, joined as a stored key is; null beyond the limit. */
function arrangements(choices: string[][]): string[] | null {
  const size = choices.reduce((n, c, i) => n * c.length * (i + 1), 1);
  if (!size || size > MAX_WHOLE_NAMES) return null;
  let combos: string[][] = [[]];
  for (const c of choices) combos = combos.flatMap((prefix) => c.map((w) => [...prefix, w]));
  return [...new Set(combos.flatMap((combo) => orders(combo).map((o) => o.join(" "))))];
}

const orders = <T>(xs: T[]): T[][] =>
  xs.length <= 1
    ? [xs]
    : xs.flatMap((x, i) => orders([...xs.slice(0, i), ...xs.slice(i + 1)]).map((o) => [x, ...o]));

/** True when the narrower pass differs from the full one (a known word was expanded further). */
export const expanded = (t: SearchTerms) => words(t).some((w) => w.exact.length > 0 && w.keys.length > 1);

/**
 * Relevance from 0 to 1, rounded so it can serve as a cursor key: per typed word 1 when the person
 * has it as typed (folded; exact raw spelling), 0.6 for the same key (a spelling variant), 0.3 for
 * a prefix or a similar word; averaged, with a small part for how much of the name the query covers.
 */
export function nameScore(t: SearchTerms): SQL {
  const all = words(t);
  if (!all.length) return sql`1::numeric`;
  // Whole-word tests by LIKE on the space-padded text: a few hundred nanoseconds per candidate.
  const padded = (column: SQL) => sql`(' ' || ${column} || ' ')`;
  const latinRaw = padded(sql`${persons.searchLatin}`);
  const latinKeys = padded(sql`${persons.searchLatinKey}`);
  const arabicRaw = padded(
    sql`regexp_replace(coalesce(${persons.firstNameAr}, '') || ' ' || coalesce(${persons.lastNameAr}, ''), '[\u064B-\u065F\u0670\u0640]', '', 'g')`,
  );
  const arabicKeys = padded(sql`${persons.searchArabicKey}`);
  const perWord = (raw: SQL, keys: SQL, w: WordTerm) =>
    sql`case when ${raw} like ${`% ${w.word} %`} then 1.0::float8 when ${keys} like ${`% ${w.key} %`} then 0.6::float8 else 0.3::float8 end`;
  const sum = sql.join(
    [
      ...t.latinWords.map((w) => perWord(latinRaw, latinKeys, w)),
      ...t.arabicWords.map((w) => perWord(arabicRaw, arabicKeys, w)),
    ],
    sql` + `,
  );
  // Words of the person's key(s) in the searched script(s): the query covers all of a short name.
  const count = (column: SQL) => sql`(length(${column}) - length(replace(${column}, ' ', '')) + 1)`;
  const size = sql.join(
    [
      ...(t.latinWords.length ? [count(sql`${persons.searchLatinKey}`)] : []),
      ...(t.arabicWords.length ? [count(sql`${persons.searchArabicKey}`)] : []),
    ],
    sql` + `,
  );
  // Computed in float8 (numeric arithmetic costs several times more per candidate), rounded once.
  return sql`round((0.9 * (${sum}) / ${all.length} + 0.1 * least(1, ${all.length}::float8 / greatest(1, ${size})))::numeric, 4)`;
}
