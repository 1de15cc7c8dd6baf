import { boundedCache } from "../../platform/bounded-cache.ts";
import { UNACCENT_RULES } from "./beneficiaries.search-keys.unaccent.ts";

/**
 * Search keys of a person, computed in TypeScript once per write (and per query) instead of by
 * the SQL functions of migration 0003 on every row PostgreSQL writes: the same rules, so a key
 * written here equals the key the SQL fallback (trigger of migration 0014) would write. The
 * search keys test proves it on a large corpus against PostgreSQL itself.
 *
 * - f_unaccent: PostgreSQL's unaccent rules, then lower case, one code point at a time;
 * - jisr_latin_key: a consonant skeleton per word (the rules of migration 0003 never cross a
 *   word break, so a key is the keys of its words joined by one space: words are cached);
 * - jisr_arabic_key: no tashkeel/tatweel, one alef, ة→ه, ى→ي, ؤ→و, ئ→ي, other characters break words;
 * - jisr_phone_key: the last nine digits.
 */

const UNACCENT = new Map<number, string>(UNACCENT_RULES);
const ASCII = /^[ -~]*$/; // printable ASCII: anything else goes the slow, exact way

/** lower(unaccent(text)) as PostgreSQL computes it (lower() maps code point to code point). */
export function foldLatin(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = "";
  for (const ch of text) {
    const mapped = UNACCENT.get(ch.codePointAt(0) as number);
    for (const c of mapped ?? ch) {
      const lower = c.toLowerCase();
      // JavaScript lowers a few letters to two code points (İ → i̇); PostgreSQL's towlower() cannot.
      out += lower.length === c.length ? lower : c;
    }
  }
  return out;
}

/** jisr_latin_key of one word of a-z letters (migration 0003, steps 2 to 7). */
function latinWordKey(word: string): string {
  let s = ` ${word} `;
  s = s
    .replaceAll("sh", "ch")
    .replaceAll("dj", "j")
    .replaceAll("ph", "f")
    .replaceAll("ck", "k")
    .replaceAll("q", "k")
    .replaceAll("ou", "u");
  s = s
    .replace(/c(?=[eiy])/g, "s")
    .replace(/c(?!h)/g, "k")
    .replace(/([aeiou])h(?= )/g, "$1")
    .replace(/([a-z])\1+/g, "$1")
    .replace(/ [aeiou]+/g, " a")
    .replace(/([^ ])[aeiou]+/g, "$1")
    .replace(/([a-z])\1+/g, "$1");
  return s.slice(1, -1);
}

/** Names repeat: a bounded cache makes a key a map lookup for most words of an import. */
const wordKeys = boundedCache<string, string>(100_000);
export const wordKey = (word: string): string => wordKeys(word, () => latinWordKey(word));

/** Words of folded Latin text: runs of a-z (everything else breaks words, as in jisr_latin_key). */
export const latinWords = (folded: string): string[] => folded.split(/[^a-z]+/).filter(Boolean);

/** jisr_latin_key(text). */
export const latinKey = (text: string): string => latinWords(foldLatin(text)).map(wordKey).join(" ");

const TASHKEEL = /[\u064B-\u065F\u0670\u0640]/g;
const ALEFS: Record<string, string> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ة: "ه",
  ى: "ي",
  ؤ: "و",
  ئ: "ي",
};
/** jisr_arabic_key(text). */
export function arabicKey(text: string): string {
  return text
    .replace(TASHKEEL, "")
    .replace(/[أإآٱةىؤئ]/g, (c) => ALEFS[c] ?? c)
    .replace(/[^\u0621-\u064A\u0671-\u06D3]+/g, " ")
    .replace(/^ +| +$/g, "");
}

/** jisr_phone_key(text): the last nine digits, or null. */
export function phoneKey(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text.replace(/[^0-9]/g, "").slice(-9) || null;
}

export interface PersonNames {
  firstNameLatin: string;
  lastNameLatin: string;
  firstNameAr?: string | null;
  lastNameAr?: string | null;
  phone?: string | null;
}

/** The four key columns of persons, as the generated columns of migration 0004 defined them. */
export interface PersonKeys {
  searchLatin: string;
  searchLatinKey: string;
  searchArabicKey: string;
  phoneKey: string | null;
}

export function personKeys(p: PersonNames): PersonKeys {
  const searchLatin = foldLatin(`${p.firstNameLatin} ${p.lastNameLatin}`);
  return {
    searchLatin,
    searchLatinKey: latinWords(searchLatin).map(wordKey).join(" "),
    searchArabicKey: arabicKey(`${p.firstNameAr ?? ""} ${p.lastNameAr ?? ""}`),
    phoneKey: phoneKey(p.phone),
  };
}

/**
 * The dictionary of name words (table person_name_words): Latin words as spelled (folded) with
 * their key, Arabic key words. Searches expand a typed word through it (prefix, typo); writers
 * add the words of what they write.
 */
export type NameWordScript = "latin" | "arabic";
export interface NameWord {
  script: NameWordScript;
  word: string;
  key: string;
}

/** Collects the distinct dictionary words of many persons (an import, a generated dataset). */
export class NameWordSet {
  private readonly latin = new Set<string>();
  private readonly arabic = new Set<string>();

  add(keys: Pick<PersonKeys, "searchLatin" | "searchArabicKey">): this {
    for (const w of latinWords(keys.searchLatin)) this.latin.add(w);
    for (const w of keys.searchArabicKey.split(" ")) if (w) this.arabic.add(w);
    return this;
  }

  get size() {
    return this.latin.size + this.arabic.size;
  }

  *words(): Generator<NameWord> {
    for (const word of this.latin) yield { script: "latin", word, key: wordKey(word) };
    for (const word of this.arabic) yield { script: "arabic", word, key: word };
  }

  /** Parameters of NAME_WORDS_INSERT: three parallel arrays. */
  params(): [string[], string[], string[]] {
    const scripts: string[] = [];
    const words: string[] = [];
    const keys: string[] = [];
    for (const w of this.words()) {
      scripts.push(w.script);
      words.push(w.word);
      keys.push(w.key);
    }
    return [scripts, words, keys];
  }
}

/** Adds the words (parameters from NameWordSet.params) to the dictionary; known ones are skipped. */
export const NAME_WORDS_INSERT = `INSERT INTO person_name_words (script, word, key)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`;
