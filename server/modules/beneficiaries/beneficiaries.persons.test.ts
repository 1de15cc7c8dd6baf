import { beforeAll, describe, expect, it } from "vitest";
import { maskCin } from "../../../contracts/beneficiaries.ts";
import { systemContext } from "../../platform/context.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { SEARCH_CAP } from "./beneficiaries.persons.repository.ts";
import { create, nextCin, person } from "./beneficiaries.testing.ts";
import { createPerson } from "./index.ts";

const env = setupTestEnv();
let admin: Client;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
});

const count = async (table: string) =>
  (await env.pool.query(`select count(*)::int n from ${table}`)).rows[0].n;

describe("search keys", () => {
  it("fold Latin transliterations and Arabic spellings to one key", async () => {
    const { rows } = await env.pool.query(
      `select jisr_latin_key(n) k from unnest(array['Mohamed','Mohammed','Mhamed','Muhammad','Mouhamed']) n`,
    );
    expect(new Set(rows.map((r) => r.k))).toEqual(new Set(["mhmd"]));
    const pairs = await env.pool.query(
      `select jisr_latin_key('Youssef') = jisr_latin_key('Youcef') a, jisr_latin_key('Fatimah') = jisr_latin_key('Fatima') b,
              jisr_latin_key('Chaimae') = jisr_latin_key('Shaimae') c, jisr_latin_key('Kacem') = jisr_latin_key('Qasim') d,
              jisr_arabic_key('مُحَمَّد') = 'محمد' e, jisr_arabic_key('أحمد') = jisr_arabic_key('احمد') f,
              jisr_arabic_key('فاطمة') = jisr_arabic_key('فاطمه') g, jisr_arabic_key('مصطفى') = jisr_arabic_key('مصطفي') h,
              jisr_phone_key('+212 661-23 45 67') = jisr_phone_key('0661234567') i`,
    );
    expect(Object.values(pairs.rows[0])).toEqual(Array(9).fill(true));
  });

  it("masks a CIN keeping letters and the last two digits", () => {
    expect(maskCin("BE123456")).toBe("BE****56");
    expect(maskCin("A1234")).toBe("A**34");
    expect(maskCin("A12")).toBe("A**");
    expect(maskCin(null)).toBeNull();
  });
});

describe("persons", () => {
  it("are described in the OpenAPI document", async () => {
    const doc = (await env.app.inject({ url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/persons",
      "/api/v1/persons/export",
      "/api/v1/persons/duplicates",
      "/api/v1/persons/{id}",
      "/api/v1/persons/{id}/merge",
      "/api/v1/persons/{id}/consents",
      "/api/v1/persons/{id}/timeline",
      "/api/v1/households",
      "/api/v1/households/{id}",
      "/api/v1/households/{id}/members",
      "/api/v1/households/{id}/members/{personId}/remove",
    ])
      expect(doc.paths[path], path).toBeDefined();
  });

  it("registers a person: region from the province, CIN upper-cased, audited", async () => {
    const p = await create(admin, {
      cin: " be 654321 ",
      firstNameAr: "سلمى",
      lastNameAr: "الإدريسي",
      phone: "0612345678",
      commune: "Aïn Chock",
      disabilityType: "motor",
    });
    expect(p).toMatchObject({
      cin: "BE654321",
      cinMasked: "BE****21",
      regionCode: "MA-06",
      provinceCode: "MA-CAS",
      personal: true,
      household: null,
      version: 1,
    });
    const audit = await env.pool.query("select action from audit_events where entity_id = $1", [p.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(["person.create"]);
  });

  it("finds a person by CIN, phone, and name variants in Latin or Arabic script, ranked", async () => {
    const target = await create(admin, {
      cin: "JK778899",
      firstNameLatin: "Mohammed",
      lastNameLatin: "Benjelloun",
      firstNameAr: "مُحَمَّد",
      lastNameAr: "بنجلون",
      phone: "+212 661-99 88 77",
      sex: "male",
    });
    await create(admin, {
      firstNameLatin: "Karima",
      lastNameLatin: "Zeroual",
      firstNameAr: "كريمة",
      lastNameAr: "زروال",
    });
    const ids = async (q: string) =>
      (await admin.get(`/api/v1/persons?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((p: { id: string }) => p.id);
    for (const q of [
      "Mohamed Benjelloun",
      "Mhamed benjeloun",
      "muhammad",
      "MOHAMMED",
      "محمد",
      "محمد بنجلون",
      "jk778899",
      "0661998877",
    ])
      expect(await ids(q), q).toContain(target.id);
    expect(await ids("Zeroual")).not.toContain(target.id);
    const ranked = (await admin.get(`/api/v1/persons?q=${encodeURIComponent("Mohammed Benjelloun")}`)).json();
    expect(ranked.items[0]).toMatchObject({ id: target.id, cinMasked: "JK****99" });
    expect(ranked.items[0].score).toBeGreaterThan(0.9);
    expect(JSON.stringify(ranked)).not.toContain("JK778899");
  });

  it("pages search results and plain lists with a cursor, without repeats", async () => {
    for (let i = 0; i < 5; i++)
      await create(admin, { firstNameLatin: "Hafsa", lastNameLatin: `Pagination${i}` });
    for (const q of ["q=hafsa%20pagination", "region=MA-06"]) {
      const seen = await pageThrough(admin, q);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(5);
    }
  });

  it("finds by phone or CIN within the caller's region, newest first, page after page", async () => {
    // A family's shared phone: three in Casablanca-Settat (MA-06), one in Rabat (MA-04).
    const phone = "0677001122";
    const family = [];
    for (const [provinceCode, sex] of [
      ["MA-CAS", "female"],
      ["MA-CAS", "male"],
      ["MA-SET", "female"],
      ["MA-RAB", "female"],
    ])
      family.push(await create(admin, { phone, provinceCode, sex, cin: nextCin("PH") }));
    const officer = await env.userWith("regional_officer", "region", "MA-06");
    const newestFirst = (ids: string[]) => [...ids].sort().reverse();
    const casablanca = family.slice(0, 3).map((p) => p.id);
    expect(await pageThrough(officer, `q=${phone}`)).toEqual(newestFirst(casablanca));
    expect(await pageThrough(admin, `q=${phone}`)).toEqual(newestFirst(family.map((p) => p.id)));
    expect(await pageThrough(officer, `q=${phone}&sex=female`)).toEqual(
      newestFirst([casablanca[0], casablanca[2]]),
    );
    expect(await pageThrough(officer, `q=${phone}&province=MA-SET`)).toEqual([casablanca[2]]);
    const [cas, , , rab] = family as { id: string; cin: string }[];
    expect(await pageThrough(officer, `q=${cas?.cin}`)).toEqual([cas?.id]);
    expect(await pageThrough(officer, `q=${rab?.cin}`)).toEqual([]);
    expect(await pageThrough(admin, `q=${rab?.cin}`)).toEqual([rab?.id]);
  });

  it("says a phone lookup was capped when more persons than the cap share the number, on every page", async () => {
    // An association's phone given for all its beneficiaries.
    const phone = "0677009988";
    await env.pool.query(
      `insert into persons (id, first_name_latin, last_name_latin, sex, birth_date, region_code, province_code, phone, phone_key)
       select gen_random_uuid(), 'Imane', 'Standard' || g, 'female', date '1980-01-01' + g, 'MA-06', 'MA-CAS', $2, jisr_phone_key($2)
       from generate_series(1, $1::int) g`,
      [SEARCH_CAP + 20, phone],
    );
    type Page = { items: { id: string }[]; nextCursor: string | null; capped: boolean };
    const first: Page = (await admin.get(`/api/v1/persons?q=${phone}&limit=150`)).json();
    expect(first).toMatchObject({ capped: true });
    expect(first.items).toHaveLength(150);
    const second: Page = (
      await admin.get(`/api/v1/persons?q=${phone}&limit=150&cursor=${first.nextCursor}`)
    ).json();
    expect(second.capped).toBe(true);
    // The lookup reads the cap and one more, newest first, without repeats.
    const ids = [...first.items, ...second.items].map((p) => p.id);
    expect(ids).toHaveLength(SEARCH_CAP + 1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it("refuses a second person with the same CIN with 409 on the field, writing nothing", async () => {
    const cin = nextCin();
    await create(admin, { cin });
    const before = await count("persons");
    const again = await admin.post("/api/v1/persons", person({ cin: cin.toLowerCase() }));
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ path: "cin", code: "beneficiaries.cin_taken" });
    expect(await count("persons")).toBe(before);
  });

  it("rejects malformed CIN, future birth date and unknown province on their fields, writing nothing", async () => {
    const before = await count("persons");
    const audits = await count("audit_events");
    const bad = await admin.request(
      "POST",
      "/api/v1/persons",
      person({ cin: "1234ABC", birthDate: "2999-01-01", provinceCode: "MA-cas", sex: "x" }),
      { "accept-language": "fr" },
    );
    expect(bad.statusCode).toBe(400);
    const errors = bad.json().errors as { path: string; code: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(["birthDate", "cin", "provinceCode", "sex"]);
    expect(errors.find((e) => e.path === "cin")).toMatchObject({ code: "validation.cin" });
    expect(errors.find((e) => e.path === "birthDate")).toMatchObject({ code: "validation.date_future" });
    expect(errors.find((e) => e.path === "cin")?.message).toContain("BE123456");
    const unknown = await admin.post("/api/v1/persons", person({ provinceCode: "MA-ZZZ" }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      path: "provinceCode",
      code: "validation.province_code",
    });
    const mismatch = await admin.post("/api/v1/persons", person({ regionCode: "MA-01" }));
    expect(mismatch.json().errors[0]).toMatchObject({
      path: "provinceCode",
      code: "beneficiaries.province_region_mismatch",
    });
    const badDate = await admin.post("/api/v1/persons", person({ birthDate: "1990-02-30" }));
    expect(badDate.statusCode).toBe(400);
    expect(await count("persons")).toBe(before);
    expect(await count("audit_events")).toBe(audits);
  });

  it("reading a record writes a person.read audit event", async () => {
    const p = await create(admin, {});
    const read = await admin.get(`/api/v1/persons/${p.id}`);
    expect(read.statusCode).toBe(200);
    const audit = await env.pool.query(
      "select action, actor_id from audit_events where entity_id = $1 and action = 'person.read'",
      [p.id],
    );
    expect(audit.rows).toEqual([{ action: "person.read", actor_id: admin.userId }]);
  });

  it("updates with the version read; 409 on a stale one; CIN change to a taken one refused", async () => {
    const taken = nextCin();
    await create(admin, { cin: taken });
    const p = await create(admin, { firstNameLatin: "Ancien" });
    const ok = await admin.patch(`/api/v1/persons/${p.id}`, {
      version: 1,
      firstNameLatin: "Nouveau",
      provinceCode: "MA-SET",
    });
    expect(ok.json()).toMatchObject({
      firstNameLatin: "Nouveau",
      provinceCode: "MA-SET",
      regionCode: "MA-06",
      version: 2,
    });
    const stale = await admin.patch(`/api/v1/persons/${p.id}`, { version: 1, firstNameLatin: "Perdu" });
    expect(stale.statusCode).toBe(409);
    const dup = await admin.patch(`/api/v1/persons/${p.id}`, { version: 2, cin: taken });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe("cin");
    const future = await admin.patch(`/api/v1/persons/${p.id}`, { version: 2, birthDate: "2999-01-01" });
    expect(future.statusCode).toBe(400);
    expect((await admin.get(`/api/v1/persons/${p.id}`)).json()).toMatchObject({
      firstNameLatin: "Nouveau",
      version: 2,
    });
  });

  it("records and lists consents with who recorded them", async () => {
    const p = await create(admin, {});
    const c = await admin.post(`/api/v1/persons/${p.id}/consents`, {
      purpose: "programmes",
      givenOn: "2026-01-15",
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ purpose: "programmes", granted: true, recordedById: admin.userId });
    const future = await admin.post(`/api/v1/persons/${p.id}/consents`, {
      purpose: "contact",
      givenOn: "2999-01-01",
    });
    expect(future.statusCode).toBe(400);
    const list = (await admin.get(`/api/v1/persons/${p.id}/consents`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].recordedByName).toBe("Test administrator");
  });
});

describe("name search by whole key words", () => {
  type Found = { id: string; firstNameLatin: string; regionCode: string; score: number };
  const search = async (client: Client, q: string, extra = "") =>
    (await client.get(`/api/v1/persons?q=${encodeURIComponent(q)}&limit=100${extra}`)).json() as {
      items: Found[];
      nextCursor: string | null;
      capped: boolean;
    };
  /** The ids an administrator finds for a search text. */
  const ids = async (q: string) => (await search(admin, q)).items.map((p) => p.id);

  it("finds spelling variants, the exact spelling first", async () => {
    const made: Record<string, string> = {};
    for (const first of ["Mohamed", "Mohammed", "Muhammad", "Youssef", "Youcef", "Fatima", "Fatimah"])
      made[first] = (await create(admin, { firstNameLatin: first, lastNameLatin: "Zerktouni" })).id;
    for (const q of ["Mohamed Zerktouni", "Mohammed Zerktouni", "Muhammad zerktouni", "MHAMED ZERKTOUNI"]) {
      const found = await ids(q);
      expect(found, q).toEqual(expect.arrayContaining([made.Mohamed, made.Mohammed, made.Muhammad]));
      expect(found, q).not.toContain(made.Youssef);
    }
    expect((await search(admin, "Mohammed Zerktouni")).items[0]?.id).toBe(made.Mohammed);
    expect((await search(admin, "Muhammad Zerktouni")).items[0]?.id).toBe(made.Muhammad);
    expect(await ids("Youcef Zerktouni")).toEqual(expect.arrayContaining([made.Youssef, made.Youcef]));
    expect((await search(admin, "Youcef Zerktouni")).items[0]?.id).toBe(made.Youcef);
    expect(await ids("Fatimah Zerktouni")).toEqual(expect.arrayContaining([made.Fatima, made.Fatimah]));
    // A longer name, and the family name typed first.
    const zahra = (await create(admin, { firstNameLatin: "Fatima Zahra", lastNameLatin: "Zerktouni" })).id;
    expect(await ids("Fatima Zerktouni")).toContain(zahra);
    expect((await search(admin, "Zerktouni Mohammed")).items[0]?.id).toBe(made.Mohammed);
    // Every typed word must match: a first name nobody of that family bears finds none of them.
    expect(await ids("Khadija Zerktouni")).toEqual([]);
  });

  it("matches Arabic with or without tashkeel and hamza forms", async () => {
    const p = await create(admin, {
      firstNameLatin: "Ahmed",
      lastNameLatin: "Tahiri",
      firstNameAr: "أَحْمَد",
      lastNameAr: "الطّاهري",
    });
    for (const q of ["أحمد الطاهري", "احمد الطاهري", "أَحْمَدُ", "إحمد", "الطاهرى احمد"])
      expect(
        (await search(admin, q)).items.map((r) => r.id),
        q,
      ).toContain(p.id);
    expect((await search(admin, "أحمد الوزاني")).items.map((r) => r.id)).not.toContain(p.id);
  });

  it("finds longer names beside the whole names, and a name two typed words both match", async () => {
    const two = await create(admin, {
      firstNameLatin: "Salma",
      lastNameLatin: "Ouazzani",
      firstNameAr: "سلمى",
      lastNameAr: "الوزاني",
    });
    const three = await create(admin, {
      firstNameLatin: "Salma",
      lastNameLatin: "El Ouazzani",
      firstNameAr: "سلمى",
      lastNameAr: "بنت الوزاني",
    });
    const four = await create(admin, {
      firstNameLatin: "Salma Nour",
      lastNameLatin: "El Ouazzani",
      firstNameAr: "سلمى نور",
      lastNameAr: "بنت الوزاني",
    });
    // 2 typed words: names of 2 words by whole name, of 3 and 4 on the longer names' indexes.
    expect(await ids("Salma Ouazzani ")).toEqual(expect.arrayContaining([two.id, three.id, four.id]));
    expect(await ids("سلمى الوزاني ")).toEqual(expect.arrayContaining([two.id, three.id, four.id]));
    // 3 typed words: names of 3 by whole name, of 4 and more on theirs.
    expect(await ids("Salma El Ouazzani ")).toEqual(expect.arrayContaining([three.id, four.id]));
    expect(await ids("سلمى بنت الوزاني ")).toEqual(expect.arrayContaining([three.id, four.id]));
    // Both typed words match the same word of a 2-word name: not a whole name, still found.
    expect(await ids("Salma Salma ")).toEqual(expect.arrayContaining([two.id, three.id, four.id]));
  });

  it("takes the last word as a prefix and finds a typo the key does not fold", async () => {
    const p = await create(admin, { firstNameLatin: "Ghizlane", lastNameLatin: "Oustouhine" });
    expect(await ids("Ghizlane Oustou")).toContain(p.id);
    expect(await ids("Ousto")).toContain(p.id);
    // m for n changes the key (ststhn → ststhm): found through the dictionary's similar words.
    expect(await ids("Ghizlane Oustouhime")).toContain(p.id);
    expect(await ids("Ghizlane Qwxzvy")).toEqual([]);
  });

  it("a birth date or year among the words narrows the search", async () => {
    const a = await create(admin, {
      firstNameLatin: "Naoual",
      lastNameLatin: "Birthdaya",
      birthDate: "1984-03-09",
    });
    const b = await create(admin, {
      firstNameLatin: "Naoual",
      lastNameLatin: "Birthdaya",
      birthDate: "1991-07-20",
    });
    const sortedIds = async (q: string) => (await ids(q)).sort();
    expect(await sortedIds("Naoual Birthdaya")).toEqual([a.id, b.id].sort());
    expect(await sortedIds("Naoual Birthdaya 09/03/1984")).toEqual([a.id]);
    expect(await sortedIds("1991 Birthdaya")).toEqual([b.id]);
  });

  it("reads a bounded set of candidates and says so; scope holds; pages never repeat", async () => {
    // More persons of one name (two spellings, one key) than the cap, written by plain SQL (the
    // trigger gives them their keys), a fifth of them (fewer than the cap) in another region.
    const total = SEARCH_CAP + 100;
    await env.pool.query(
      `insert into persons (id, first_name_latin, last_name_latin, sex, birth_date, region_code, province_code)
       select gen_random_uuid(), case when g % 2 = 0 then 'Abdelkader' else 'Abdelkadder' end, 'Capdevila', 'male',
              date '1980-01-01' + g, case when g % 5 = 0 then 'MA-04' else 'MA-06' end,
              case when g % 5 = 0 then 'MA-RAB' else 'MA-CAS' end
       from generate_series(1, $1::int) g`,
      [total],
    );
    const all = await search(admin, "Abdelkader Capdevila");
    expect(all.capped).toBe(true);
    expect(all.items).toHaveLength(Math.min(100, SEARCH_CAP));
    // Narrowed by a birth date, the same search is complete.
    const one = await search(admin, "Abdelkader Capdevila 1980-01-03");
    expect(one.capped).toBe(false);
    expect(one.items).toHaveLength(1);
    expect((await search(admin, "Rachid")).capped).toBe(false);

    // Exported, a capped search would hold a part of its matches: refused, in the caller's
    // language, and not audited; the narrowed one exports its one row.
    const exports = async () =>
      Number(
        (await env.pool.query("select count(*) from audit_events where action = 'person.export'")).rows[0]
          .count,
      );
    const before = await exports();
    const refused = await admin.get(
      `/api/v1/persons/export?format=csv&q=${encodeURIComponent("Abdelkader Capdevila")}`,
      { "accept-language": "ar" },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toContain("beneficiaries.export_capped");
    expect(refused.json().detail).toMatch(/[\u0600-\u06FF]/);
    expect(await exports()).toBe(before);
    const narrowed = await admin.get(
      `/api/v1/persons/export?format=csv&q=${encodeURIComponent("Abdelkader Capdevila 1980-01-03")}`,
    );
    expect(narrowed.statusCode).toBe(200);
    expect(narrowed.body.trim().split("\n")).toHaveLength(2);

    const officer = await env.userWith("regional_officer", "region", "MA-04");
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await search(officer, "Abdelkader Capdevila", cursor ? `&cursor=${cursor}` : "");
      expect(res.items.every((p) => p.regionCode === "MA-04")).toBe(true);
      seen.push(...res.items.map((p) => p.id));
      cursor = res.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toHaveLength(total / 5);
    expect(new Set(seen).size).toBe(total / 5);

    // Across pages of a capped search: no repeats, scores never rise.
    const ranked: Found[] = [];
    cursor = null;
    pages = 0;
    do {
      const res = await search(admin, "Abdelkader Capdevila", cursor ? `&cursor=${cursor}` : "");
      ranked.push(...res.items);
      cursor = res.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(new Set(ranked.map((p) => p.id)).size).toBe(ranked.length);
    expect(ranked.length).toBeGreaterThanOrEqual(SEARCH_CAP);
    expect(ranked.every((p, i) => i === 0 || p.score <= (ranked[i - 1] as Found).score)).toBe(true);
    expect(ranked[0]?.firstNameLatin).toBe("Abdelkader");
  });
});

describe("name search by whole name", () => {
  it("finds the typed spelling first even when its variants are more than the cap, in either word order", async () => {
    // Variants come first in the whole-name index ("abdelkadder" < "abdelkader") and in the table
    // (written first): read in either order alone, the cap would leave the typed spelling out.
    await env.pool.query(
      `insert into persons (id, first_name_latin, last_name_latin, sex, birth_date, region_code, province_code)
       select gen_random_uuid(), case when g > $1::int - 3 then 'Abdelkader' else 'Abdelkadder' end, 'Tazarinou', 'male',
              date '1970-01-01' + g, 'MA-06', 'MA-CAS'
       from generate_series(1, $1::int) g`,
      [SEARCH_CAP + 50],
    );
    for (const q of ["Abdelkader Tazarinou", "tazarinou abdelkader"]) {
      const res = (await (await admin.get(`/api/v1/persons?q=${encodeURIComponent(q)}&limit=10`)).json()) as {
        items: { firstNameLatin: string }[];
        capped: boolean;
      };
      expect(res.capped, q).toBe(true);
      expect(
        res.items.slice(0, 3).map((p) => p.firstNameLatin),
        q,
      ).toEqual(["Abdelkader", "Abdelkader", "Abdelkader"]);
    }
  });
});

describe("createPerson for other modules", () => {
  it("validates, dedups on CIN + birth date, and refuses a CIN with another birth date", async () => {
    const cin = nextCin("PU");
    const first = await env.db.transaction((tx) =>
      createPerson(tx, systemContext("public"), person({ cin, provinceCode: "MA-RAB" }), {
        reuseExisting: true,
      }),
    );
    expect(first.created).toBe(true);
    const again = await env.db.transaction((tx) =>
      createPerson(tx, systemContext("public"), person({ cin: cin.toLowerCase(), provinceCode: "MA-RAB" }), {
        reuseExisting: true,
      }),
    );
    expect(again).toEqual({ id: first.id, created: false });
    await expect(
      env.db.transaction((tx) =>
        createPerson(tx, systemContext("public"), person({ cin, birthDate: "1991-01-01" }), {
          reuseExisting: true,
        }),
      ),
    ).rejects.toMatchObject({ status: 409, code: "beneficiaries.cin_taken" });
    await expect(
      env.db.transaction((tx) => createPerson(tx, systemContext("public"), person({ cin: "12" }))),
    ).rejects.toMatchObject({ status: 400, fieldErrors: [{ path: "cin", code: "validation.cin" }] });
  });
});

/** Every id of a persons list, two per page, following the cursor (at most 100 pages). */
async function pageThrough(client: Client, query: string) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { items: { id: string }[]; nextCursor: string | null } = (
      await client.get(`/api/v1/persons?${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`)
    ).json();
    seen.push(...res.items.map((p) => p.id));
    cursor = res.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return seen;
}
