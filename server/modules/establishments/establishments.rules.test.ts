import { beforeAll, describe, expect, it } from "vitest";
import { daysFromToday } from "../../../contracts/calendar.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";

/**
 * Points of the establishments issue checked end to end: the expiry warning on list and
 * detail, the export of any filtered list, partners kept away from residents' personal data
 * through every endpoint and export, and the OpenAPI document listing every sub-resource.
 */
const env = setupTestEnv();
let admin: Client;
let partner: Client;
let cohortId: string;
let withResident: { id: string };
let stayId: string;
let personId: string;

async function create(body: Record<string, unknown>) {
  const res = await admin.post("/api/v1/establishments", {
    category: "elderly",
    regionCode: "MA-04",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  partner = await env.userWith("partner", "national");
  const soon = await create({
    code: "RUL-SOON",
    nameFr: "Règles expire bientôt",
    authorisationStatus: "authorised",
    authorisationExpiresOn: daysFromToday(20),
    connectivity: "fibre",
  });
  await create({
    code: "RUL-PAST",
    nameFr: "Règles expirée",
    authorisationStatus: "authorised",
    authorisationExpiresOn: daysFromToday(-3),
    category: "homeless",
  });
  await create({
    code: "RUL-PEND",
    nameFr: "Règles en attente",
    authorisationStatus: "pending",
    authorisationExpiresOn: daysFromToday(10),
    regionCode: "MA-06",
  });
  withResident = await create({ code: "RUL-RES", nameFr: "Règles résidents", capacityFemale: 3 });
  const cohort = await admin.post("/api/v1/cohorts", {
    code: "RUL-C",
    nameFr: "Règles cohorte",
    targetCount: 2,
  });
  cohortId = cohort.json().id;
  await admin.post(`/api/v1/cohorts/${cohortId}/members`, { establishmentIds: [soon.id, withResident.id] });
  const overdue = await admin.post(`/api/v1/establishments/${soon.id}/inspections`, {
    visitDate: daysFromToday(-20),
    inspectorName: "Inspectrice",
    actions: [{ description: "Réparer", dueDate: daysFromToday(-2) }],
  });
  expect(overdue.statusCode, overdue.body).toBe(201);

  const person = await admin.post("/api/v1/persons", {
    cin: "ZT998877",
    firstNameLatin: "Zineb",
    lastNameLatin: "Confidentielle",
    sex: "female",
    birthDate: "1940-02-02",
    provinceCode: "MA-RAB",
  });
  personId = person.json().id;
  const stay = await admin.post(`/api/v1/establishments/${withResident.id}/admissions`, {
    personId,
    referralSource: "family",
    reason: "Isolement",
    requestedOn: daysFromToday(-10),
  });
  expect(stay.statusCode, stay.body).toBe(201);
  stayId = stay.json().id;
});

describe("authorisation expiry", () => {
  it("flags an authorised establishment expiring within 90 days or already expired, in list and detail", async () => {
    const items = (await admin.get("/api/v1/establishments?q=RUL-")).json().items;
    const flag = Object.fromEntries(
      items.map((i: { code: string; authorisationExpiring: boolean }) => [i.code, i.authorisationExpiring]),
    );
    expect(flag).toMatchObject({ "RUL-SOON": true, "RUL-PAST": true, "RUL-PEND": false, "RUL-RES": false });
    const soon = items.find((i: { code: string }) => i.code === "RUL-SOON");
    expect((await admin.get(`/api/v1/establishments/${soon.id}`)).json().authorisationExpiring).toBe(true);
  });
});

describe("export of any filtered list", () => {
  const codesOf = (csv: string) =>
    csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(/[;,]/)[0]?.replace(/"/g, ""))
      .sort();

  it.each([
    ["q=RUL-", ["RUL-PAST", "RUL-PEND", "RUL-RES", "RUL-SOON"]],
    ["q=RUL-&region=MA-06", ["RUL-PEND"]],
    ["q=RUL-&category=homeless", ["RUL-PAST"]],
    ["q=RUL-&authorisation=pending", ["RUL-PEND", "RUL-RES"]],
    ["q=RUL-&connectivity=fibre", ["RUL-SOON"]],
    ["q=RUL-&overdue=true", ["RUL-SOON"]],
    ["COHORT", ["RUL-RES", "RUL-SOON"]],
  ])("exports exactly what the list shows for %s", async (filter, expected) => {
    const qs = filter === "COHORT" ? `cohort=${cohortId}` : filter;
    const list = (await admin.get(`/api/v1/establishments?${qs}`))
      .json()
      .items.map((i: { code: string }) => i.code);
    expect(list.sort()).toEqual(expected);
    const csv = await admin.get(`/api/v1/establishments/export?format=csv&${qs}`);
    expect(csv.statusCode).toBe(200);
    expect(codesOf(csv.body)).toEqual(expected);
  });
});

describe("partners never see residents' personal data", () => {
  it("is refused every endpoint that carries a resident, and finds none in what it may read", async () => {
    const est = withResident.id;
    const refused = [
      `/api/v1/establishments/${est}/residents`,
      `/api/v1/establishments/${est}/residents?view=requests`,
      `/api/v1/establishments/${est}/residents/${stayId}`,
      `/api/v1/establishments/${est}/attendance?date=${daysFromToday(-1)}`,
      `/api/v1/establishments/${est}/occupancy?from=${daysFromToday(-5)}&to=${daysFromToday(-1)}`,
      `/api/v1/establishments/${est}/admission-candidates?cin=ZT998877`,
      "/api/v1/persons?q=Confidentielle",
      `/api/v1/persons/${personId}`,
      `/api/v1/persons/${personId}/timeline`,
      "/api/v1/persons/export?format=csv",
    ];
    for (const url of refused) expect((await partner.get(url)).statusCode, url).toBe(403);
    const writes = await partner.post(`/api/v1/establishments/${est}/admissions`, {
      personId,
      referralSource: "family",
      reason: "x",
    });
    expect(writes.statusCode).toBe(403);

    // what a partner may read about establishments holds no resident's name, CIN or birth date
    const readable = [
      "/api/v1/establishments?q=RUL-",
      `/api/v1/establishments/${est}`,
      "/api/v1/establishments/export?format=csv&q=RUL-",
      "/api/v1/establishments/stats",
      `/api/v1/cohorts/${cohortId}`,
      `/api/v1/establishments/${est}/inspections`,
      `/api/v1/establishments/${est}/works`,
    ];
    for (const url of readable) {
      const res = await partner.get(url);
      expect(res.statusCode, url).toBe(200);
      for (const secret of ["Zineb", "Confidentielle", "ZT998877", "1940-02-02", personId])
        expect(res.body, `${url} leaks ${secret}`).not.toContain(secret);
    }
  });
});

describe("openapi", () => {
  it("lists every establishments, residents, projects, inspections and cohorts route", async () => {
    const paths = (await admin.get("/api/openapi.json")).json().paths as Record<
      string,
      Record<string, unknown>
    >;
    const e = "/api/v1/establishments";
    const routes: [string, string][] = [
      ["get", e],
      ["post", e],
      ["get", `${e}/stats`],
      ["get", `${e}/export`],
      ["post", `${e}/import`],
      ["get", `${e}/{id}`],
      ["patch", `${e}/{id}`],
      ["post", `${e}/{id}/archive`],
      ["post", `${e}/{id}/restore`],
      ["get", `${e}/{id}/works`],
      ["post", `${e}/{id}/works`],
      ["delete", `${e}/{id}/works/{workId}`],
      ["get", `${e}/{id}/inspections`],
      ["post", `${e}/{id}/inspections`],
      ["get", "/api/v1/inspections/{id}"],
      ["patch", "/api/v1/inspections/{id}"],
      ["post", "/api/v1/inspections/{id}/actions"],
      ["patch", "/api/v1/corrective-actions/{id}"],
      ["get", `${e}/{id}/residents`],
      ["get", `${e}/{id}/admission-candidates`],
      ["post", `${e}/{id}/admissions`],
      ["get", `${e}/{id}/residents/{residentId}`],
      ["post", `${e}/{id}/residents/{residentId}/decision`],
      ["post", `${e}/{id}/residents/{residentId}/admission`],
      ["post", `${e}/{id}/residents/{residentId}/discharge`],
      ["post", `${e}/{id}/residents/{residentId}/services`],
      ["get", `${e}/{id}/attendance`],
      ["put", `${e}/{id}/attendance`],
      ["get", `${e}/{id}/occupancy`],
      ["get", `${e}/{id}/project`],
      ["post", `${e}/{id}/project`],
      ["patch", `${e}/{id}/project`],
      ["post", `${e}/{id}/project/phase`],
      ["put", `${e}/{id}/project/diagnostic/{domain}`],
      ["post", `${e}/{id}/project/items`],
      ["patch", `${e}/{id}/project/items/{itemId}`],
      ["post", `${e}/{id}/project/meetings`],
      ["get", "/api/v1/cohorts"],
      ["post", "/api/v1/cohorts"],
      ["get", "/api/v1/cohorts/{id}"],
      ["patch", "/api/v1/cohorts/{id}"],
      ["post", "/api/v1/cohorts/{id}/archive"],
      ["post", "/api/v1/cohorts/{id}/members"],
      ["delete", "/api/v1/cohorts/{id}/members/{establishmentId}"],
    ];
    const missing = routes.filter(([method, path]) => !paths[path]?.[method]).map(([m, p]) => `${m} ${p}`);
    expect(missing).toEqual([]);
    // every one has a summary, so the interactive docs say what it does
    const undocumented = routes
      .filter(([method, path]) => !(paths[path]?.[method] as { summary?: string })?.summary)
      .map(([m, p]) => `${m} ${p}`);
    expect(undocumented).toEqual([]);
  });
});
