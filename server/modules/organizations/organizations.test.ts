import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";

const env = setupTestEnv();
let admin: Client;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
});

const create = async (client: Client, body: Record<string, unknown>) => {
  const res = await client.post("/api/v1/organizations", { type: "association", ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe("organisations", () => {
  it("creates, reads and lists with the parent's name", async () => {
    const parent = await create(admin, {
      type: "ministry",
      nameFr: "Ministère test",
      nameAr: "وزارة الاختبار",
    });
    const child = await create(admin, {
      type: "agency",
      nameFr: "Agence test",
      parentId: parent.id,
      provinceCode: "MA-RAB",
      email: "contact@agence.ma",
      phone: "+212 5 37 00 00 00",
      website: "https://agence.ma",
    });
    expect(child).toMatchObject({
      regionCode: "MA-04",
      provinceCode: "MA-RAB",
      parentName: "Ministère test",
      version: 1,
    });
    expect(child.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const read = (await admin.get(`/api/v1/organizations/${child.id}`)).json();
    expect(read).toEqual(child);
  });

  it("searches without caring for case or accents, and filters by type and region", async () => {
    await create(admin, {
      nameFr: "Association Élan Solidaire",
      nameAr: "جمعية الانطلاقة",
      regionCode: "MA-02",
    });
    await create(admin, { type: "cooperative", nameFr: "Coopérative Élan", regionCode: "MA-03" });
    const found = (await admin.get("/api/v1/organizations?q=elan%20solid")).json();
    expect(found.items.map((o: { nameFr: string }) => o.nameFr)).toEqual(["Association Élan Solidaire"]);
    const arabic = (await admin.get(`/api/v1/organizations?q=${encodeURIComponent("الانطلاقة")}`)).json();
    expect(arabic.items).toHaveLength(1);
    const coops = (await admin.get("/api/v1/organizations?q=elan&type=cooperative")).json();
    expect(coops.items.map((o: { nameFr: string }) => o.nameFr)).toEqual(["Coopérative Élan"]);
    const byRegion = (await admin.get("/api/v1/organizations?q=elan&region=MA-02")).json();
    expect(byRegion.items).toHaveLength(1);
    const wildcard = (await admin.get("/api/v1/organizations?q=%25")).json();
    expect(wildcard.items).toHaveLength(0);
  });

  it("pages with a cursor, in name order, without repeats", async () => {
    for (const n of ["Zeta 1", "Zeta 2", "Zeta 3", "Zeta 4", "Zeta 5"]) await create(admin, { nameFr: n });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: { nameFr: string }[]; nextCursor: string | null } = (
        await admin.get(`/api/v1/organizations?q=zeta&limit=2${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      seen.push(...res.items.map((o: { nameFr: string }) => o.nameFr));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Zeta 1", "Zeta 2", "Zeta 3", "Zeta 4", "Zeta 5"]);
  });

  it("updates with the version read, and refuses a stale version with 409 without writing", async () => {
    const org = await create(admin, { nameFr: "Versionnée" });
    const first = await admin.patch(`/api/v1/organizations/${org.id}`, { version: 1, acronym: "VER" });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ acronym: "VER", version: 2 });
    const stale = await admin.request(
      "PATCH",
      `/api/v1/organizations/${org.id}`,
      { version: 1, acronym: "OLD" },
      { "accept-language": "en" },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "conflict.version" });
    expect(stale.json().detail).toContain("Someone else changed this record");
    expect((await admin.get(`/api/v1/organizations/${org.id}`)).json()).toMatchObject({
      acronym: "VER",
      version: 2,
    });
    const clear = await admin.patch(`/api/v1/organizations/${org.id}`, { version: 2, acronym: "" });
    expect(clear.json().acronym).toBeNull();
  });

  it("validates fields and business rules with errors on the right field", async () => {
    const before = (await env.pool.query("select count(*)::int n from organizations")).rows[0].n;
    const bad = await admin.post("/api/v1/organizations", {
      type: "bank",
      nameFr: "  ",
      email: "x@",
      website: "nope",
      regionCode: "MA-13",
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["email", "nameFr", "regionCode", "type", "website"]);
    const mismatch = await admin.post("/api/v1/organizations", {
      type: "association",
      nameFr: "X",
      regionCode: "MA-01",
      provinceCode: "MA-CAS",
    });
    expect(mismatch.json().errors[0]).toMatchObject({
      path: "provinceCode",
      code: "organizations.province_region_mismatch",
    });
    const unknownProvince = await admin.post("/api/v1/organizations", {
      type: "association",
      nameFr: "X",
      provinceCode: "MA-ZZZ",
    });
    expect(unknownProvince.statusCode).toBe(400);
    const ghostParent = await admin.post("/api/v1/organizations", {
      type: "association",
      nameFr: "X",
      parentId: "01a20000-0000-7000-8000-000000000000",
    });
    expect(ghostParent.json().errors[0]).toMatchObject({
      path: "parentId",
      code: "organizations.parent_not_found",
    });
    expect((await env.pool.query("select count(*)::int n from organizations")).rows[0].n).toBe(before);
  });

  it("refuses a parent loop", async () => {
    const a = await create(admin, { nameFr: "Boucle A" });
    const b = await create(admin, { nameFr: "Boucle B", parentId: a.id });
    const loop = await admin.patch(`/api/v1/organizations/${a.id}`, { version: a.version, parentId: b.id });
    expect(loop.json().errors[0]).toMatchObject({ path: "parentId", code: "organizations.parent_cycle" });
    const self = await admin.patch(`/api/v1/organizations/${a.id}`, { version: a.version, parentId: a.id });
    expect(self.json().errors[0].code).toBe("organizations.parent_cycle");
  });

  it("archives and restores; archived ones leave the list and cannot be edited", async () => {
    const org = await create(admin, { nameFr: "Archivable Unique" });
    const archived = await admin.post(`/api/v1/organizations/${org.id}/archive`, { version: 1 });
    expect(archived.json().archivedAt).toBeTruthy();
    expect((await admin.get("/api/v1/organizations?q=archivable%20unique")).json().items).toHaveLength(0);
    expect(
      (await admin.get("/api/v1/organizations?q=archivable%20unique&includeArchived=true")).json().items,
    ).toHaveLength(1);
    const edit = await admin.patch(`/api/v1/organizations/${org.id}`, { version: 2, nameFr: "Non" });
    expect(edit.json().code).toBe("organizations.archived");
    const restored = await admin.post(`/api/v1/organizations/${org.id}/restore`, { version: 2 });
    expect(restored.json()).toMatchObject({ archivedAt: null, version: 3 });
    const actions = await env.pool.query("select action from audit_events where entity_id = $1 order by id", [
      org.id,
    ]);
    expect(actions.rows.map((r) => r.action)).toEqual([
      "organization.create",
      "organization.archive",
      "organization.restore",
    ]);
  });

  it("needs a signed-in caller", async () => {
    const res = await env.app.inject({ url: "/api/v1/organizations" });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("auth.unauthenticated");
  });
});

describe("organisations are scoped", () => {
  let casablanca: Client;
  let foreign: { id: string; version: number };
  let own: { id: string; version: number };

  beforeAll(async () => {
    foreign = await create(admin, { nameFr: "Secrète de Rabat", regionCode: "MA-04" });
    own = await create(admin, { nameFr: "Locale de Casablanca", regionCode: "MA-06" });
    casablanca = await env.userWith("regional_officer", "region", "MA-06");
  });

  it("a regional officer lists and searches only their region", async () => {
    const list = (await casablanca.get("/api/v1/organizations?limit=200")).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((o: { regionCode: string }) => o.regionCode === "MA-06")).toBe(true);
    expect((await casablanca.get("/api/v1/organizations?q=secrete")).json().items).toHaveLength(0);
    expect((await casablanca.get("/api/v1/organizations?region=MA-04")).json().items).toHaveLength(0);
  });

  it("a regional officer cannot read, change, archive or adopt another region's organisation", async () => {
    expect((await casablanca.get(`/api/v1/organizations/${foreign.id}`)).statusCode).toBe(404);
    expect(
      (await casablanca.patch(`/api/v1/organizations/${foreign.id}`, { version: 1, nameFr: "Pris" }))
        .statusCode,
    ).toBe(404);
    expect(
      (await casablanca.post(`/api/v1/organizations/${foreign.id}/archive`, { version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await casablanca.post(`/api/v1/organizations/${foreign.id}/restore`, { version: 1 })).statusCode,
    ).toBe(404);
    const adopt = await casablanca.patch(`/api/v1/organizations/${own.id}`, {
      version: own.version,
      parentId: foreign.id,
    });
    expect(adopt.json().errors[0].code).toBe("organizations.parent_not_found");
    const unchanged = (await admin.get(`/api/v1/organizations/${foreign.id}`)).json();
    expect(unchanged).toMatchObject({ nameFr: "Secrète de Rabat", version: 1, archivedAt: null });
  });

  it("a regional officer creates and moves organisations only within their region", async () => {
    const outside = await casablanca.post("/api/v1/organizations", {
      type: "association",
      nameFr: "Ailleurs",
      regionCode: "MA-04",
    });
    expect(outside.json().errors[0]).toMatchObject({
      path: "regionCode",
      code: "organizations.out_of_scope",
    });
    const nowhere = await casablanca.post("/api/v1/organizations", {
      type: "association",
      nameFr: "Sans région",
    });
    expect(nowhere.statusCode).toBe(400);
    const inside = await create(casablanca, { nameFr: "Ici", provinceCode: "MA-SET" });
    expect(inside.regionCode).toBe("MA-06");
    const move = await casablanca.patch(`/api/v1/organizations/${inside.id}`, {
      version: 1,
      regionCode: "MA-04",
      provinceCode: null,
    });
    expect(move.statusCode).toBe(400);
  });

  it("a partner sees only its own organisation and cannot write", async () => {
    const partner = await env.userWith("partner", "organization", own.id);
    const list = (await partner.get("/api/v1/organizations")).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([own.id]);
    expect(
      (await partner.post("/api/v1/organizations", { type: "association", nameFr: "Non" })).statusCode,
    ).toBe(403);
  });
});
