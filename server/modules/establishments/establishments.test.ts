import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { daysFromToday, today } from "../../../contracts/calendar.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";

const env = setupTestEnv();
let admin: Client;
let association: { id: string };
let otherAssociation: { id: string };

const create = async (client: Client, body: Record<string, unknown>) => {
  const res = await client.post("/api/v1/establishments", {
    category: "elderly",
    regionCode: "MA-04",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

const csv = (client: Client, text: string, lang = "fr") =>
  client.request("POST", "/api/v1/establishments/import", text, {
    "content-type": "text/csv",
    "accept-language": lang,
  });

const auditCount = async (action: string) => {
  const r = await env.pool.query("select count(*)::int as n from audit_events where action = $1", [action]);
  return r.rows[0].n as number;
};

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  const org = async (nameFr: string) => {
    const res = await admin.post("/api/v1/organizations", {
      type: "association",
      nameFr,
      regionCode: "MA-04",
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  association = await org("Association Al Amal");
  otherAssociation = await org("Association Nour");
});

describe("establishments registry", () => {
  it("creates with staff, reads the detail and finds it by accent-insensitive search and filters", async () => {
    const e = await create(admin, {
      code: "EPS-RAB-001",
      nameFr: "Dar Al Atfal Élan",
      nameAr: "دار الأطفال",
      category: "children_in_difficulty",
      provinceCode: "MA-RAB",
      regionCode: null,
      managingOrganizationId: association.id,
      capacityMale: 40,
      capacityFemale: 30,
      connectivity: "fibre",
      hotWater: "solar",
      solarKwp: 6.5,
      staff: [
        { function: "director", male: 1, female: 0 },
        { function: "educator", male: 2, female: 5 },
      ],
    });
    expect(e).toMatchObject({
      regionCode: "MA-04",
      managingOrganizationName: "Association Al Amal",
      authorisationStatus: "pending",
      solarKwp: 6.5,
      version: 1,
      overdueActions: 0,
    });
    expect(e.staff).toHaveLength(2);
    expect((await admin.get(`/api/v1/establishments/${e.id}`)).json()).toEqual(e);
    const found = (await admin.get("/api/v1/establishments?q=elan")).json();
    expect(found.items.map((x: { code: string }) => x.code)).toEqual(["EPS-RAB-001"]);
    expect((await admin.get("/api/v1/establishments?q=rab-001")).json().items).toHaveLength(1);
    expect(
      (await admin.get(`/api/v1/establishments?q=${encodeURIComponent("الأطفال")}`)).json().items,
    ).toHaveLength(1);
    const filtered = (
      await admin.get(
        "/api/v1/establishments?q=elan&category=children_in_difficulty&connectivity=fibre&region=MA-04",
      )
    ).json();
    expect(filtered.items).toHaveLength(1);
    expect((await admin.get("/api/v1/establishments?q=elan&connectivity=none")).json().items).toHaveLength(0);
  });

  it("refuses an unknown category, a duplicate code and a province of another region, writing nothing", async () => {
    const bad = await admin.post("/api/v1/establishments", {
      code: "X-1",
      nameFr: "X",
      category: "zoo",
      regionCode: "MA-04",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("category");
    await create(admin, { code: "DUP-1", nameFr: "Premier" });
    const dup = await admin.post("/api/v1/establishments", {
      code: "DUP-1",
      nameFr: "Second",
      category: "elderly",
      regionCode: "MA-04",
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ path: "code", code: "establishments.code_taken" });
    const mismatch = await admin.post("/api/v1/establishments", {
      code: "MIS-1",
      nameFr: "Mismatch",
      category: "elderly",
      regionCode: "MA-06",
      provinceCode: "MA-RAB",
    });
    expect(mismatch.statusCode).toBe(400);
    expect((await admin.get("/api/v1/establishments?q=mismatch")).json().items).toHaveLength(0);
  });

  it("updates with the version read (409 on stale), replaces staff, archives and restores", async () => {
    const e = await create(admin, { code: "VER-1", nameFr: "Versionné" });
    const ok = await admin.patch(`/api/v1/establishments/${e.id}`, {
      version: 1,
      capacityMale: 12,
      staff: [{ function: "nurse", male: 0, female: 2 }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      version: 2,
      capacityMale: 12,
      staff: [{ function: "nurse", female: 2 }],
    });
    const stale = await admin.patch(`/api/v1/establishments/${e.id}`, { version: 1, capacityMale: 99 });
    expect(stale.statusCode).toBe(409);
    expect((await admin.get(`/api/v1/establishments/${e.id}`)).json().capacityMale).toBe(12);
    const archived = await admin.post(`/api/v1/establishments/${e.id}/archive`, { version: 2 });
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await admin.get("/api/v1/establishments?q=versionn")).json().items).toHaveLength(0);
    expect(
      (await admin.get("/api/v1/establishments?q=versionn&includeArchived=true")).json().items,
    ).toHaveLength(1);
    const edit = await admin.patch(`/api/v1/establishments/${e.id}`, { version: 3, nameFr: "Non" });
    expect(edit.statusCode).toBe(422);
    const restored = await admin.post(`/api/v1/establishments/${e.id}/restore`, { version: 3 });
    expect(restored.json().archivedAt).toBeNull();
  });

  it("refuses a capacity below the residents currently admitted, writing nothing", async () => {
    const e = await create(admin, { code: "CAP-1", nameFr: "Capacité", capacityMale: 3, capacityFemale: 3 });
    const person = await admin.post("/api/v1/persons", {
      firstNameLatin: "Amine",
      lastNameLatin: "Capacite",
      sex: "male",
      birthDate: "2012-03-04",
      provinceCode: "MA-RAB",
    });
    expect(person.statusCode, person.body).toBe(201);
    await env.pool.query(
      `insert into resident_stays (id, establishment_id, person_id, sex, status, referral_source, request_reason, requested_on)
         values (gen_random_uuid(), $1, $2, 'male', 'admitted', 'family', 'test', current_date)`,
      [e.id, person.json().id],
    );
    const res = await admin.patch(`/api/v1/establishments/${e.id}`, { version: 1, capacityMale: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      path: "capacityMale",
      code: "establishments.capacity_below_residents",
    });
    expect((await admin.get(`/api/v1/establishments/${e.id}`)).json()).toMatchObject({
      capacityMale: 3,
      version: 1,
    });
    expect(
      (await admin.patch(`/api/v1/establishments/${e.id}`, { version: 1, capacityMale: 2 })).statusCode,
    ).toBe(200);
  });

  it("warns of an authorisation expiring within 90 days", async () => {
    await create(admin, {
      code: "EXP-1",
      nameFr: "Expire bientôt",
      authorisationStatus: "authorised",
      authorisationNumber: "A-12",
      authorisationExpiresOn: daysFromToday(30),
    });
    await create(admin, {
      code: "EXP-2",
      nameFr: "Expire plus tard",
      authorisationStatus: "authorised",
      authorisationExpiresOn: daysFromToday(400),
    });
    const items = (await admin.get("/api/v1/establishments?q=expire")).json().items;
    const byCode = Object.fromEntries(items.map((i: { code: string }) => [i.code, i]));
    expect(byCode["EXP-1"].authorisationExpiring).toBe(true);
    expect(byCode["EXP-2"].authorisationExpiring).toBe(false);
  });

  it("pages with a cursor without repeats", async () => {
    for (const n of [1, 2, 3, 4, 5]) await create(admin, { code: `PAGE-${n}`, nameFr: `Zpage ${n}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: { code: string }[]; nextCursor: string | null } = (
        await admin.get(`/api/v1/establishments?q=zpage&limit=2${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      seen.push(...res.items.map((i) => i.code));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["PAGE-1", "PAGE-2", "PAGE-3", "PAGE-4", "PAGE-5"]);
  });

  it("exports the filtered list as CSV and XLSX, audited", async () => {
    const before = await auditCount("establishment.export");
    const res = await admin.get("/api/v1/establishments/export?format=csv&q=zpage");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain("Code");
    const xlsx = await admin.get("/api/v1/establishments/export?format=xlsx&q=zpage");
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.rowCount).toBe(6);
    expect(await auditCount("establishment.export")).toBe(before + 2);
  });
});

describe("establishments import", () => {
  const header =
    "code;nameFr;category;regionCode;provinceCode;capacityMale;connectivity;managingOrganization";
  const good = [
    header,
    "IMP-1;Centre Import Un;elderly;MA-04;MA-RAB;10;adsl;Association Al Amal",
    "IMP-2;Centre Import Deux;homeless;MA-06;;5;none;",
  ].join("\n");

  it("imports a CSV, then re-importing the same file changes nothing", async () => {
    const first = await csv(admin, good);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const again = await csv(admin, good);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const items = (await admin.get("/api/v1/establishments?q=centre%20import")).json().items;
    expect(items).toHaveLength(2);
    expect(items.find((i: { code: string }) => i.code === "IMP-1").managingOrganizationName).toBe(
      "Association Al Amal",
    );
    const before = await auditCount("establishment.update");
    const changed = await csv(admin, good.replace("MA-RAB;10;adsl", "MA-RAB;12;fibre"));
    expect(changed.json()).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(await auditCount("establishment.update")).toBe(before + 1);
  });

  it("reports every broken row by row and column, in the caller's language, and writes nothing", async () => {
    const broken = [
      header,
      "IMP-10;Bon;elderly;MA-04;;1;none;",
      "IMP-11;;zoo;MA-04;;1;none;",
      "IMP-12;Autre;elderly;MA-99;;abc;none;",
      "IMP-10;Doublon;elderly;MA-04;;1;none;",
      "IMP-13;Org inconnue;elderly;MA-04;;1;none;Association Fantôme",
    ].join("\n");
    const res = await csv(admin, broken);
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.code).toBe("import.failed");
    const paths = problem.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "rows.3.nameFr",
        "rows.3.category",
        "rows.4.regionCode",
        "rows.4.capacityMale",
        "rows.5.code",
        "rows.6.managingOrganization",
      ]),
    );
    expect(paths.some((p: string) => p.startsWith("rows.2."))).toBe(false);
    expect(
      (await admin.get("/api/v1/establishments?q=IMP-1")).json().items.map((i: { code: string }) => i.code),
    ).not.toContain("IMP-10");
    const ar = await csv(admin, broken, "ar");
    expect(ar.json().errors.find((e: { path: string }) => e.path === "rows.3.nameFr").message).toBe(
      "هذا الحقل إلزامي.",
    );
  });

  it("refuses an unknown column and an unreadable type", async () => {
    const res = await csv(admin, "code;nameFr;category;colonne_inconnue\nX-9;X;elderly;1");
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe("rows.1.colonne_inconnue");
    const bad = await admin.request("POST", "/api/v1/establishments/import", "x", {
      "content-type": "text/plain",
    });
    expect(bad.statusCode).toBe(415);
  });

  it("imports an XLSX file with translated headers (an export re-imports)", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("x");
    sheet.addRow(["Code", "Nom en français", "Catégorie", "Région", "Places hommes/garçons"]);
    sheet.addRow(["XLS-1", "Centre Xlsx", "disability", "MA-01", 8]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await admin.request("POST", "/api/v1/establishments/import", buffer, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(1);
    const exported = await admin.get("/api/v1/establishments/export?format=csv&q=IMP-");
    const reimport = await csv(admin, exported.body);
    expect(reimport.statusCode, reimport.body).toBe(200);
    expect(reimport.json()).toMatchObject({ created: 0, updated: 0 });
  });
});

describe("infrastructure, inspections and cohorts", () => {
  it("records works and lists them newest first", async () => {
    const e = await create(admin, { code: "WRK-1", nameFr: "Travaux" });
    const w = await admin.post(`/api/v1/establishments/${e.id}/works`, {
      workDate: "2025-03-01",
      nature: "rehabilitation",
      amountCentimes: 150_000_00,
      funderId: otherAssociation.id,
      conventionReference: "CONV-2025-12",
    });
    expect(w.statusCode, w.body).toBe(201);
    await admin.post(`/api/v1/establishments/${e.id}/works`, { workDate: "2025-06-01", nature: "equipment" });
    const list = (await admin.get(`/api/v1/establishments/${e.id}/works`)).json().items;
    expect(list.map((x: { nature: string }) => x.nature)).toEqual(["equipment", "rehabilitation"]);
    expect(list[1]).toMatchObject({ funderName: "Association Nour", amountCentimes: 15_000_000 });
  });

  it("flags establishments with overdue corrective actions until they are done", async () => {
    const e = await create(admin, { code: "INS-1", nameFr: "Inspecté" });
    const res = await admin.post(`/api/v1/establishments/${e.id}/inspections`, {
      visitDate: daysFromToday(-30),
      inspectorName: "Mme Inspectrice",
      checklist: [
        {
          standardCode: "S1",
          label: "Hygiène de la cuisine",
          result: "non_compliant",
          note: "Frigo en panne",
        },
        { standardCode: "S2", label: "Registre des résidents", result: "compliant" },
      ],
      findings: "Cuisine à remettre aux normes.",
      actions: [{ description: "Réparer le réfrigérateur", dueDate: daysFromToday(-5) }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const inspection = res.json();
    expect(inspection.actions[0].overdue).toBe(true);
    const flagged = (await admin.get("/api/v1/establishments?q=INS-1")).json().items[0];
    expect(flagged.overdueActions).toBe(1);
    expect((await admin.get("/api/v1/establishments?q=INS-1&overdue=true")).json().items).toHaveLength(1);
    const future = await admin.post(`/api/v1/establishments/${e.id}/inspections`, {
      visitDate: daysFromToday(3),
      inspectorName: "X",
    });
    expect(future.statusCode).toBe(400);
    const done = await admin.patch(`/api/v1/corrective-actions/${inspection.actions[0].id}`, {
      version: 1,
      status: "done",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().actions[0]).toMatchObject({ status: "done", doneOn: today(), overdue: false });
    expect((await admin.get("/api/v1/establishments?q=INS-1")).json().items[0].overdueActions).toBe(0);
  });

  it("shows a cohort's target vs actual and its connectivity, solar and hot-water rates", async () => {
    const a = await create(admin, {
      code: "COH-1",
      nameFr: "Cohorte A",
      connectivity: "mobile",
      solarKwp: 3,
      hotWater: "solar",
    });
    const b = await create(admin, { code: "COH-2", nameFr: "Cohorte B" });
    const c = await admin.post("/api/v1/cohorts", {
      code: "PILOTES-40",
      nameFr: "40 EPS pilotes — projets d'établissement",
      goal: "Accompagner 40 EPS",
      targetCount: 40,
    });
    expect(c.statusCode, c.body).toBe(201);
    const cohort = c.json();
    const added = await admin.post(`/api/v1/cohorts/${cohort.id}/members`, {
      establishmentIds: [a.id, b.id],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({
      targetCount: 40,
      actualCount: 2,
      rates: { connected: 50, solar: 50, hotWater: 50 },
    });
    expect(added.json().members[0]).toHaveProperty("projectProgress");
    expect((await admin.get(`/api/v1/establishments?cohort=${cohort.id}`)).json().items).toHaveLength(2);
    expect((await admin.get(`/api/v1/establishments/${a.id}`)).json().cohorts[0].code).toBe("PILOTES-40");
    const removed = await admin.delete(`/api/v1/cohorts/${cohort.id}/members/${b.id}`);
    expect(removed.json().actualCount).toBe(1);
  });
});

describe("access", () => {
  let inRabat: { id: string; version: number };
  let inCasa: { id: string; version: number };
  let cohortId: string;

  beforeAll(async () => {
    inRabat = await create(admin, {
      code: "ACC-RAB",
      nameFr: "Accès Rabat",
      provinceCode: "MA-RAB",
      managingOrganizationId: association.id,
    });
    inCasa = await create(admin, { code: "ACC-CAS", nameFr: "Accès Casa", regionCode: "MA-06" });
    const c = await admin.post("/api/v1/cohorts", {
      code: "ACC-COH",
      nameFr: "Cohorte accès",
      targetCount: 2,
    });
    cohortId = c.json().id;
    await admin.post(`/api/v1/cohorts/${cohortId}/members`, { establishmentIds: [inRabat.id, inCasa.id] });
  });

  it("an establishment manager sees and edits only their establishment", async () => {
    const manager = await env.userWith("establishment_manager", "establishment", inRabat.id);
    const list = (await manager.get("/api/v1/establishments?q=acces")).json().items;
    expect(list.map((i: { code: string }) => i.code)).toEqual(["ACC-RAB"]);
    expect((await manager.get(`/api/v1/establishments/${inCasa.id}`)).statusCode).toBe(404);
    const edit = await manager.patch(`/api/v1/establishments/${inRabat.id}`, {
      version: inRabat.version,
      phone: "0537000000",
    });
    expect(edit.statusCode, edit.body).toBe(200);
    inRabat = edit.json();
    expect(
      (await manager.patch(`/api/v1/establishments/${inCasa.id}`, { version: 1, phone: "0537000000" }))
        .statusCode,
    ).toBe(404);
    const exported = await manager.get("/api/v1/establishments/export?format=csv&q=acces");
    expect(exported.body).toContain("ACC-RAB");
    expect(exported.body).not.toContain("ACC-CAS");
    const cohort = (await manager.get(`/api/v1/cohorts/${cohortId}`)).json();
    expect(cohort.members.map((m: { code: string }) => m.code)).toEqual(["ACC-RAB"]);
    expect(
      (await manager.post("/api/v1/cohorts", { code: "NOPE", nameFr: "Non", targetCount: 1 })).statusCode,
    ).toBe(403);
  });

  it("a manager scoped on the managing association sees that association's establishments", async () => {
    const manager = await env.userWith("establishment_manager", "organization", association.id);
    const codes = (await manager.get("/api/v1/establishments?q=acces"))
      .json()
      .items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(["ACC-RAB"]);
  });

  it("a regional officer reaches only their region, also through import", async () => {
    const officer = await env.userWith("regional_officer", "region", "MA-06");
    const codes = (await officer.get("/api/v1/establishments?q=acces"))
      .json()
      .items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(["ACC-CAS"]);
    expect((await officer.get(`/api/v1/establishments/${inRabat.id}`)).statusCode).toBe(404);
    const create = await officer.post("/api/v1/establishments", {
      code: "OFF-1",
      nameFr: "Hors région",
      category: "elderly",
      regionCode: "MA-04",
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().errors[0].code).toBe("establishments.out_of_scope");
    const res = await csv(
      officer,
      "code;nameFr;category;regionCode\nOFF-2;Casa ok;elderly;MA-06\nOFF-3;Rabat non;elderly;MA-04\nACC-RAB;Pris;elderly;MA-06",
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ["rows.3.regionCode", "establishments.out_of_scope"],
      ["rows.4.code", "establishments.code_taken"],
    ]);
    expect((await officer.get("/api/v1/establishments?q=OFF-2")).json().items).toHaveLength(0);
    const inspections = await officer.post(`/api/v1/establishments/${inRabat.id}/inspections`, {
      visitDate: today(),
      inspectorName: "X",
    });
    expect(inspections.statusCode).toBe(404);
  });

  it("a partner reads establishment data but cannot write", async () => {
    const partner = await env.userWith("partner", "national");
    expect((await partner.get(`/api/v1/establishments/${inRabat.id}`)).statusCode).toBe(200);
    expect((await partner.get("/api/v1/establishments/export?format=csv&q=acces")).statusCode).toBe(200);
    expect((await partner.get(`/api/v1/cohorts/${cohortId}`)).statusCode).toBe(200);
    expect(
      (
        await partner.patch(`/api/v1/establishments/${inRabat.id}`, {
          version: inRabat.version,
          phone: "0537000001",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await partner.post("/api/v1/establishments", {
          code: "P-1",
          nameFr: "P",
          category: "elderly",
          regionCode: "MA-04",
        })
      ).statusCode,
    ).toBe(403);
    expect((await csv(partner, "code;nameFr;category;regionCode\nP-2;P;elderly;MA-04")).statusCode).toBe(403);
    expect(
      (
        await partner.post(`/api/v1/establishments/${inRabat.id}/inspections`, {
          visitDate: today(),
          inspectorName: "X",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await partner.post(`/api/v1/cohorts/${cohortId}/members`, { establishmentIds: [inRabat.id] }))
        .statusCode,
    ).toBe(403);
  });

  it("labels an establishment scope with the establishment's name", async () => {
    const manager = await env.userWith("establishment_manager", "establishment", inRabat.id);
    const me = (await manager.get("/api/v1/auth/me")).json();
    expect(me.roles[0].scopeLabel).toBe("Accès Rabat");
  });
});

describe("openapi", () => {
  it("documents the establishments, inspections and cohorts routes", async () => {
    const doc = (await env.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const p of [
      "/api/v1/establishments",
      "/api/v1/establishments/import",
      "/api/v1/establishments/{id}/inspections",
      "/api/v1/establishments/{id}/works",
      "/api/v1/cohorts/{id}",
    ])
      expect(doc.paths[p], p).toBeDefined();
  });
});
