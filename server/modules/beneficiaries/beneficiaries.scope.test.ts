import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { maskCin } from "../../../contracts/beneficiaries.ts";
import type { Access } from "../../platform/scope.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { listPersons } from "./beneficiaries.persons.repository.ts";
import { create, nextCin, person } from "./beneficiaries.testing.ts";

const env = setupTestEnv();
let admin: Client;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
});

describe("persons are scoped", () => {
  let rabat: { id: string; version: number; cin: string };
  let casa: { id: string; version: number };
  let settat: { id: string; version: number };
  let rabatHousehold: { id: string; version: number };
  let officer: Client;

  beforeAll(async () => {
    rabat = await create(admin, {
      cin: nextCin("RA"),
      firstNameLatin: "Zineb",
      lastNameLatin: "Secretrabat",
      firstNameAr: "زينب",
      lastNameAr: "الرباطية",
      provinceCode: "MA-RAB",
      phone: "0655443322",
    });
    casa = await create(admin, {
      firstNameLatin: "Zineb",
      lastNameLatin: "Casaouie",
      provinceCode: "MA-CAS",
    });
    settat = await create(admin, {
      firstNameLatin: "Zineb",
      lastNameLatin: "Settatie",
      provinceCode: "MA-SET",
    });
    rabatHousehold = (await admin.post("/api/v1/households", { headPersonId: rabat.id })).json();
    officer = await env.userWith("regional_officer", "region", "MA-06");
  });

  it("a regional officer of MA-06 cannot find a MA-04 person by search, list, detail, timeline, consents, export or households", async () => {
    const ids = async (url: string) => (await officer.get(url)).json().items.map((p: { id: string }) => p.id);
    for (const q of ["Zineb Secretrabat", "زينب الرباطية", rabat.cin, "0655443322"])
      expect(await ids(`/api/v1/persons?q=${encodeURIComponent(q)}`), q).not.toContain(rabat.id);
    expect(await ids("/api/v1/persons?q=zineb")).toContain(casa.id);
    const all = (await officer.get("/api/v1/persons?limit=200")).json().items;
    expect(all.every((p: { regionCode: string }) => p.regionCode === "MA-06")).toBe(true);
    expect(await ids("/api/v1/persons?region=MA-04")).toEqual([]);
    expect((await officer.get(`/api/v1/persons/${rabat.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/persons/${rabat.id}/timeline`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/persons/${rabat.id}/consents`)).statusCode).toBe(404);
    expect(
      (await officer.patch(`/api/v1/persons/${rabat.id}`, { version: 1, phone: "0600000000" })).statusCode,
    ).toBe(404);
    const csv = await officer.get("/api/v1/persons/export?format=csv&q=zineb");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Casaouie");
    expect(csv.body).not.toContain("Secretrabat");
    expect(await ids("/api/v1/households?limit=200")).not.toContain(rabatHousehold.id);
    expect((await officer.get(`/api/v1/households/${rabatHousehold.id}`)).statusCode).toBe(404);
    const dups = await officer.post("/api/v1/persons/duplicates", { cin: rabat.cin });
    expect(dups.json().items).toEqual([]);
    const outside = await officer.post("/api/v1/persons", person({ provinceCode: "MA-RAB" }));
    expect(outside.json().errors[0]).toMatchObject({
      path: "provinceCode",
      code: "beneficiaries.out_of_scope",
    });
    const merge = await officer.post(`/api/v1/persons/${casa.id}/merge`, {
      intoId: rabat.id,
      version: 1,
      intoVersion: 1,
    });
    expect(merge.json().errors[0]).toMatchObject({
      path: "intoId",
      code: "beneficiaries.merge_target_not_found",
    });
  });

  it("a social worker sees only their province", async () => {
    const worker = await env.userWith("social_worker", "province", "MA-SET");
    const items = (await worker.get("/api/v1/persons?q=zineb")).json().items.map((p: { id: string }) => p.id);
    expect(items).toContain(settat.id);
    expect(items).not.toContain(casa.id);
    expect(items).not.toContain(rabat.id);
    expect((await worker.get(`/api/v1/persons/${casa.id}`)).statusCode).toBe(404);
    const own = (await worker.get(`/api/v1/persons/${settat.id}`)).json();
    expect(own.personal).toBe(true);
  });

  it("a partner gets 403 on every persons and households route", async () => {
    const partner = await env.userWith("partner", "national");
    const id = casa.id;
    const responses = await Promise.all([
      partner.get("/api/v1/persons"),
      partner.get("/api/v1/persons?q=zineb"),
      partner.get(`/api/v1/persons/${id}`),
      partner.get(`/api/v1/persons/${id}/timeline`),
      partner.get(`/api/v1/persons/${id}/consents`),
      partner.get("/api/v1/persons/export?format=xlsx"),
      partner.post("/api/v1/persons", person()),
      partner.post("/api/v1/persons/duplicates", { cin: "BE1" }),
      partner.patch(`/api/v1/persons/${id}`, { version: 1 }),
      partner.post(`/api/v1/persons/${id}/merge`, { intoId: settat.id, version: 1, intoVersion: 1 }),
      partner.post(`/api/v1/persons/${id}/consents`, { purpose: "contact", givenOn: "2025-01-01" }),
      partner.get("/api/v1/households"),
      partner.get(`/api/v1/households/${rabatHousehold.id}`),
      partner.post("/api/v1/households", { headPersonId: id }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(responses.length).fill(403));
  });

  it("lists and exports mask the CIN for everyone; the detail shows it whole to persons.personal", async () => {
    const list = (await admin.get(`/api/v1/persons?q=${rabat.cin}`)).json();
    expect(list.items[0].cinMasked).toBe(maskCin(rabat.cin));
    expect(JSON.stringify(list)).not.toContain(rabat.cin);
    expect((await admin.get(`/api/v1/persons/${rabat.id}`)).json().cin).toBe(rabat.cin);
    const csv = await admin.get(`/api/v1/persons/export?format=csv&q=${rabat.cin}`);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain(".csv");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain(maskCin(rabat.cin));
    expect(csv.body).toContain("الرباطية");
    expect(csv.body).not.toContain(rabat.cin);
    const xlsx = await admin.get(`/api/v1/persons/export?format=xlsx&q=${rabat.cin}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe(maskCin(rabat.cin));
    expect(sheet?.getRow(2).getCell(4).value).toBe("الرباطية");
    const audit = await env.pool.query(
      "select count(*)::int n from audit_events where action = 'person.export' and actor_id = $1",
      [admin.userId],
    );
    expect(audit.rows[0].n).toBe(2);
  });
});

describe("the prepared list", () => {
  it("selects what the scope filter selects, for every shape of access, page after page", async () => {
    for (const provinceCode of ["MA-RAB", "MA-CAS", "MA-SET", "MA-MAR"])
      await create(admin, { firstNameLatin: "Prepa", lastNameLatin: `Scope ${provinceCode}`, provinceCode });
    const accesses: Access[] = [
      { national: true, regions: [], provinces: [], organizations: [], establishments: [] },
      { national: false, regions: ["MA-06"], provinces: [], organizations: [], establishments: [] },
      {
        national: false,
        regions: ["MA-04", "MA-06"],
        provinces: ["MA-MAR"],
        organizations: [],
        establishments: [],
      },
      { national: false, regions: [], provinces: ["MA-SET"], organizations: [], establishments: [] },
      {
        national: false,
        regions: [],
        provinces: [],
        organizations: ["00000000-0000-7000-8000-000000000001"],
        establishments: [],
      },
    ];
    for (const access of accesses) {
      const { rows: expected } = await env.pool.query(
        `select id from persons where merged_into_id is null ${whereScope(access)} order by last_name_latin, first_name_latin, id`,
      );
      const listed: string[] = [];
      let cursorKey: unknown[] | undefined;
      for (let page = 0; page < 1000; page++) {
        const rows = await listPersons(env.db, access, { includeMerged: false, limit: 7, cursorKey });
        listed.push(...rows.slice(0, 7).map((r) => r.id));
        const last = rows[6];
        if (rows.length <= 7 || !last) break;
        cursorKey = [last.lastNameLatin, last.firstNameLatin, last.id];
      }
      expect(listed, JSON.stringify(access)).toEqual(expected.map((r) => r.id));
    }
  });
});

/** The scope written by hand, to compare with. */
function whereScope(a: Access): string {
  if (a.national) return "";
  const quote = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(", ");
  const parts = [
    ...(a.regions.length ? [`region_code in (${quote(a.regions)})`] : []),
    ...(a.provinces.length ? [`province_code in (${quote(a.provinces)})`] : []),
  ];
  return `and (${parts.length ? parts.join(" or ") : "false"})`;
}
