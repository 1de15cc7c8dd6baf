import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";

/**
 * An establishment manager holds no territorial scope on the registry: they find the person to
 * admit through the narrow admission-candidate search (province of the establishment, exact CIN
 * or name + birth date, audited) and may register a new person with the admission request.
 */
const env = setupTestEnv();
let admin: Client;
let manager: Client; // establishment scope
let associationManager: Client; // organisation scope (the managing association)
let partner: Client;
let est: { id: string }; // MA-CAS (region MA-06)
let otherEst: { id: string }; // MA-RAB (region MA-04)
let amine: string; // MA-CAS, CIN BK123456
let settat: string; // MA-SET (same region, other province)

const url = (id: string, rest: string) => `/api/v1/establishments/${id}${rest}`;

async function person(body: Record<string, unknown>) {
  const res = await admin.post("/api/v1/persons", {
    lastNameLatin: "Bennani",
    sex: "male",
    birthDate: "2012-03-04",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const auditRows = async (action: string) =>
  (
    await env.pool.query(
      "select actor_id, entity_id, changes from audit_events where action = $1 order by occurred_at",
      [action],
    )
  ).rows;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  const association = await admin.post("/api/v1/organizations", {
    type: "association",
    nameFr: "Association Atfal",
    regionCode: "MA-06",
  });
  expect(association.statusCode, association.body).toBe(201);
  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post("/api/v1/establishments", {
      category: "children_in_difficulty",
      capacityMale: 5,
      capacityFemale: 5,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  est = await create({
    code: "CAND-CAS",
    nameFr: "Foyer Casablanca",
    provinceCode: "MA-CAS",
    managingOrganizationId: association.json().id,
  });
  otherEst = await create({ code: "CAND-RAB", nameFr: "Foyer Rabat", provinceCode: "MA-RAB" });
  amine = await person({
    firstNameLatin: "Amine",
    firstNameAr: "أمين",
    cin: "BK123456",
    provinceCode: "MA-CAS",
  });
  await person({ firstNameLatin: "Karim", cin: "AB654321", provinceCode: "MA-RAB" });
  settat = await person({ firstNameLatin: "Amine", provinceCode: "MA-SET" });
  manager = await env.userWith("establishment_manager", "establishment", est.id);
  associationManager = await env.userWith("establishment_manager", "organization", association.json().id);
  partner = await env.userWith("partner", "national");
});

describe("admission candidates", () => {
  it("finds a person of the establishment's province by exact CIN, with few fields, audited", async () => {
    const before = (await auditRows("person.candidate_search")).length;
    const res = await manager.get(url(est.id, "/admission-candidates?cin=bk 123456"));
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toEqual({
      id: amine,
      firstNameLatin: "Amine",
      lastNameLatin: "Bennani",
      firstNameAr: "أمين",
      lastNameAr: null,
      sex: "male",
      birthDate: "2012-03-04",
      cinMasked: "BK****56",
      commune: null,
      openStay: false,
    });
    const audits = await auditRows("person.candidate_search");
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({
      actor_id: manager.userId,
      entity_id: est.id,
      changes: { by: { after: "cin" }, personIds: { after: [amine] } },
    });
  });

  it("finds by name and exact birth date, only in the establishment's province", async () => {
    const res = await associationManager.get(
      url(est.id, "/admission-candidates?name=amine%20benani&birthDate=2012-03-04"),
    );
    expect(res.statusCode, res.body).toBe(200);
    // the Amine Bennani of Settat (same birth date, other province) is not offered
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([amine]);
    const otherDate = await manager.get(url(est.id, "/admission-candidates?name=Amine&birthDate=2012-03-05"));
    expect(otherDate.json().items).toEqual([]);
    expect(settat).toBeTruthy();
  });

  it("does not reach people of another region, nor let the manager browse the registry", async () => {
    const other = await manager.get(url(est.id, "/admission-candidates?cin=AB654321"));
    expect(other.statusCode).toBe(200);
    expect(other.json().items).toEqual([]);
    // another establishment's candidates: out of scope, 404
    expect((await manager.get(url(otherEst.id, "/admission-candidates?cin=AB654321"))).statusCode).toBe(404);
    // the registry itself: nothing listed, nothing opened
    const list = await manager.get("/api/v1/persons?q=Bennani");
    expect(list.statusCode === 403 || list.json().items.length === 0).toBe(true);
    expect((await manager.get("/api/v1/persons")).json().items ?? []).toEqual([]);
    expect([403, 404]).toContain((await manager.get(`/api/v1/persons/${amine}`)).statusCode);
  });

  it("refuses a search without criteria or with a name but no birth date, naming the field", async () => {
    const none = await manager.get(url(est.id, "/admission-candidates"));
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ path: "cin", code: "residents.candidate_criteria" });
    const nameOnly = await manager.get(url(est.id, "/admission-candidates?name=Bennani"));
    expect(nameOnly.statusCode).toBe(400);
    expect(nameOnly.json().errors[0].path).toBe("birthDate");
    const badCin = await manager.get(url(est.id, "/admission-candidates?cin=12"));
    expect(badCin.statusCode).toBe(400);
    expect(badCin.json().errors[0].path).toBe("cin");
  });

  it("is closed to partners (no residents' personal data)", async () => {
    expect((await partner.get(url(est.id, "/admission-candidates?cin=BK123456"))).statusCode).toBe(403);
  });
});

describe("admission request by a manager", () => {
  it("requests the admission of a candidate found by CIN", async () => {
    const res = await manager.post(url(est.id, "/admissions"), {
      personId: amine,
      referralSource: "family",
      reason: "Rupture familiale",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().person.id).toBe(amine);
    const again = await manager.get(url(est.id, "/admission-candidates?cin=BK123456"));
    expect(again.json().items[0].openStay).toBe(true);
  });

  it("cannot request the admission of a person of another province by id", async () => {
    const res = await manager.post(url(est.id, "/admissions"), {
      personId: settat,
      referralSource: "family",
      reason: "x",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: "personId", code: "residents.person_not_found" });
  });

  it("registers a new person in the establishment's province with the request, audited, in one transaction", async () => {
    const res = await manager.post(url(est.id, "/admissions"), {
      person: {
        firstNameLatin: "Salma",
        lastNameLatin: "Idrissi",
        firstNameAr: "سلمى",
        sex: "female",
        birthDate: "2013-06-07",
      },
      referralSource: "social_services",
      reason: "Orpheline",
    });
    expect(res.statusCode, res.body).toBe(201);
    const personId = res.json().person.id;
    const row = (
      await env.pool.query("select province_code, region_code from persons where id = $1", [personId])
    ).rows[0];
    expect(row).toEqual({ province_code: "MA-CAS", region_code: "MA-06" });
    const created = (await auditRows("person.create")).find(
      (a) => a.actor_id === manager.userId && a.changes.firstNameLatin?.after === "Salma",
    );
    expect(created?.changes.via.after).toBe("admission_request");
  });

  it("writes nothing when the new person is invalid or the request is", async () => {
    const count = async () => Number((await env.pool.query("select count(*) from persons")).rows[0].count);
    const before = await count();
    const bad = await manager.post(url(est.id, "/admissions"), {
      person: { firstNameLatin: "", lastNameLatin: "X", sex: "male", birthDate: "2099-01-01" },
      referralSource: "family",
      reason: "x",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["person.firstNameLatin", "person.birthDate"]),
    );
    const taken = await manager.post(url(est.id, "/admissions"), {
      person: {
        cin: "AB654321",
        firstNameLatin: "Y",
        lastNameLatin: "Z",
        sex: "male",
        birthDate: "2010-01-01",
      },
      referralSource: "family",
      reason: "x",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].path).toBe("person.cin");
    const both = await manager.post(url(est.id, "/admissions"), {
      personId: amine,
      person: { firstNameLatin: "Y", lastNameLatin: "Z", sex: "male", birthDate: "2010-01-01" },
      referralSource: "family",
      reason: "x",
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].path).toBe("personId");
    // a valid new person but an empty reason: the person is not registered either
    const noReason = await manager.post(url(est.id, "/admissions"), {
      person: { firstNameLatin: "Y", lastNameLatin: "Z", sex: "male", birthDate: "2010-01-01" },
      referralSource: "family",
      reason: " ",
    });
    expect(noReason.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe("an establishment without a province", () => {
  it("searches and registers within its region", async () => {
    const res = await admin.post("/api/v1/establishments", {
      code: "CAND-REG",
      nameFr: "Foyer régional",
      category: "children_in_difficulty",
      regionCode: "MA-06",
    });
    expect(res.statusCode, res.body).toBe(201);
    const regional = res.json().id as string;
    const manager06 = await env.userWith("establishment_manager", "establishment", regional);
    const found = await manager06.get(
      url(regional, "/admission-candidates?name=Amine%20Bennani&birthDate=2012-03-04"),
    );
    expect(
      found
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([amine, settat].sort());

    const body = (provinceCode?: string) => ({
      person: {
        firstNameLatin: "Nora",
        lastNameLatin: "Regional",
        sex: "female",
        birthDate: "2014-01-01",
        provinceCode,
      },
      referralSource: "family",
      reason: "Accueil",
    });
    const none = await manager06.post(url(regional, "/admissions"), body());
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ path: "person.provinceCode", code: "validation.required" });
    const elsewhere = await manager06.post(url(regional, "/admissions"), body("MA-RAB"));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors[0].path).toBe("person.provinceCode");
    const inRegion = await manager06.post(url(regional, "/admissions"), body("MA-SET"));
    expect(inRegion.statusCode, inRegion.body).toBe(201);
  });
});
