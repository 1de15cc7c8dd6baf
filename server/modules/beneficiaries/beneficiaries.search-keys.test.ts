import { describe, expect, it } from "vitest";
import { FAMILY, FEMALE, MALE } from "../../demo/persons.demo.ts";
import { setupTestEnv } from "../../platform/testing.ts";
import { arabicKey, foldLatin, latinKey, personKeys, phoneKey } from "./beneficiaries.search-keys.ts";

const env = setupTestEnv();

/** mulberry32, seeded: the random part of the corpus is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TASHKEEL = ["\u064B", "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u0670", "\u0640"];
const HAMZA: Record<string, string[]> = { ا: ["أ", "إ", "آ", "ٱ"], ه: ["ة"], ي: ["ى", "ئ"], و: ["ؤ"] };

/** Demo names with their variants, decorated and combined, plus random strings of odd alphabets. */
function corpus(): { latin: string[]; arabic: string[]; phones: string[] } {
  const rnd = random(6);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const latinNames = [...MALE, ...FEMALE, ...FAMILY].flatMap(([l]) => l);
  const arabicNames = [...MALE, ...FEMALE, ...FAMILY].map(([, a]) => a);
  const latin = [
    ...latinNames,
    ...latinNames.map((n) => n.toUpperCase()),
    ...latinNames.map((n) => ` ${n.replace(/a/g, "à").replace(/e/g, "é")}-${pick(latinNames)}. `),
    "Mohamed",
    "Mohammed",
    "Mhamed",
    "Muhammad",
    "Youssef",
    "Youcef",
    "Fatima",
    "Fatimah",
    "Çağlar Øre",
    "Ÿvès  d'Œuvre",
    "Straße",
    "ǅemal",
    "Łukasz",
    "Ibn-Sina",
    "O'Neil",
    "  El   Alaoui ",
    "Ben\tAli",
    "MC CALL",
    "Chichaoua",
    "Qacem",
    "Dj@mel",
    "Ph1l1ppe",
    "",
    "   ",
    "ÀÉÎÕÜ",
    "ﬁﬂ",
    "①②",
    "İstanbul",
  ];
  const letters = "abcdefghijklmnopqrstuvwxyzAEIOUHCQ éèçàïôÉÀ-' .,0123456789ßœæøłİıŠ";
  for (let i = 0; i < 3000; i++) {
    let s = "";
    const n = 1 + Math.floor(rnd() * 24);
    for (let j = 0; j < n; j++) s += pick([...letters]);
    latin.push(s);
  }
  for (let i = 0; i < 2000; i++) latin.push(`${pick(latinNames)} ${pick(latinNames)} ${pick(latinNames)}`);
  const decorate = (name: string) =>
    [...name]
      .map((c) => {
        let out = rnd() < 0.3 && HAMZA[c] ? pick(HAMZA[c] as string[]) : c;
        if (rnd() < 0.4) out += pick(TASHKEEL);
        return out;
      })
      .join("");
  const arabic = [
    ...arabicNames,
    ...arabicNames.map(decorate),
    ...arabicNames.map((n) => `  ${decorate(n)}،${pick(arabicNames)} - ${decorate(pick(arabicNames))} `),
    "مُحَمَّد",
    "أحمد",
    "إبراهيم",
    "آمنة",
    "فاطمة",
    "مصطفى",
    "مؤمن",
    "عائشة",
    "ـمـحـمـد",
    "محمد 2",
    "x محمد y",
    "",
    "ٱلرحمن",
    "پیروز گل",
    "ک ی",
  ];
  for (let i = 0; i < 1500; i++) arabic.push(`${decorate(pick(arabicNames))} ${decorate(pick(arabicNames))}`);
  const phones = [
    "0661234567",
    "+212 661-23 45 67",
    "00212661234567",
    "",
    "abc",
    "12",
    "٠٦٦١",
    null as never,
  ];
  for (let i = 0; i < 500; i++) phones.push(`+${Math.floor(rnd() * 1e12)} ${Math.floor(rnd() * 1e4)}`);
  return { latin, arabic, phones };
}

describe("search keys in TypeScript", () => {
  it("equal the SQL functions of migration 0003 on a large corpus", async () => {
    const { latin, arabic, phones } = corpus();
    const sqlOf = async (fn: string, values: (string | null)[]) =>
      (
        await env.pool.query<{ k: string | null }>(
          `select ${fn}(v) k from unnest($1::text[]) with ordinality u(v, i) order by i`,
          [values],
        )
      ).rows.map((r) => r.k);
    const check = (
      name: string,
      values: (string | null)[],
      sqlKeys: (string | null)[],
      ts: (v: string) => string | null,
    ) => {
      const diffs = values
        .map((v, i) => ({ v, sql: sqlKeys[i], ts: v === null ? null : ts(v) }))
        .filter((d) => d.sql !== d.ts);
      expect(diffs.slice(0, 5), name).toEqual([]);
    };
    expect(latin.length + arabic.length).toBeGreaterThan(7000);
    check("f_unaccent", latin, await sqlOf("f_unaccent", latin), foldLatin);
    check("jisr_latin_key", latin, await sqlOf("jisr_latin_key", latin), latinKey);
    check("jisr_arabic_key", arabic, await sqlOf("jisr_arabic_key", arabic), arabicKey);
    check("jisr_phone_key", phones, await sqlOf("jisr_phone_key", phones), phoneKey);
  });

  it("fold spelling variants to one key", () => {
    expect(new Set(["Mohamed", "Mohammed", "Mhamed", "Muhammad"].map(latinKey))).toEqual(new Set(["mhmd"]));
    expect(latinKey("Youssef")).toBe(latinKey("Youcef"));
    expect(latinKey("Fatimah")).toBe(latinKey("Fatima"));
    expect(arabicKey("مُحَمَّد")).toBe("محمد");
    expect(arabicKey("إبراهيم")).toBe(arabicKey("ابراهيم"));
    expect(phoneKey("+212 661-23 45 67")).toBe("661234567");
  });
});

describe("persons written without keys", () => {
  it("get them from the SQL fallback trigger, and their words join the dictionary", async () => {
    const province = (await env.pool.query("select code, region_code from provinces limit 1")).rows[0];
    const { rows } = await env.pool.query(
      `insert into persons (id, first_name_latin, last_name_latin, first_name_ar, last_name_ar, sex, birth_date, phone, region_code, province_code)
       values (gen_random_uuid(), 'Zoubîda', 'El Ghazwani', 'زُبَيْدَة', 'الغزواني', 'female', '1990-01-01', '+212 600-11 22 33', $1, $2)
       returning id, search_latin, search_latin_key, search_arabic_key, phone_key`,
      [province.region_code, province.code],
    );
    const row = rows[0];
    const expected = personKeys({
      firstNameLatin: "Zoubîda",
      lastNameLatin: "El Ghazwani",
      firstNameAr: "زُبَيْدَة",
      lastNameAr: "الغزواني",
      phone: "+212 600-11 22 33",
    });
    expect([row.search_latin, row.search_latin_key, row.search_arabic_key, row.phone_key]).toEqual([
      expected.searchLatin,
      expected.searchLatinKey,
      expected.searchArabicKey,
      expected.phoneKey,
    ]);
    const words = await env.pool.query(
      "select script, word, key from person_name_words where word in ('zoubida', 'ghazwani', 'زبيده') order by word",
    );
    expect(words.rows).toEqual([
      { script: "latin", word: "ghazwani", key: latinKey("ghazwani") },
      { script: "latin", word: "zoubida", key: latinKey("zoubida") },
      { script: "arabic", word: "زبيده", key: "زبيده" },
    ]);

    // An update of the names alone (keys untouched) recomputes them; one that supplies keys keeps them.
    await env.pool.query(
      "update persons set first_name_latin = 'Yasmina', first_name_ar = 'ياسمينة', phone = null where id = $1",
      [row.id],
    );
    const updated = (
      await env.pool.query(
        "select search_latin, search_latin_key, search_arabic_key, phone_key from persons where id = $1",
        [row.id],
      )
    ).rows[0];
    expect(updated).toEqual({
      search_latin: "yasmina el ghazwani",
      search_latin_key: latinKey("Yasmina El Ghazwani"),
      search_arabic_key: arabicKey("ياسمينة الغزواني"),
      phone_key: null,
    });
    await env.pool.query(
      "update persons set last_name_latin = 'Test', search_latin = 'supplied', search_latin_key = 'supplied' where id = $1",
      [row.id],
    );
    const supplied = (await env.pool.query("select search_latin_key from persons where id = $1", [row.id]))
      .rows[0];
    expect(supplied.search_latin_key).toBe("supplied");
  });
});
