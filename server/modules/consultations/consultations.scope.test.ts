import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { move, organization, submit } from "./consultations.testing.ts";

/**
 * The privacy rule: an organisation sees its own proposals at every status and the
 * other organisations' proposals of its region unless not retained; regional officers
 * their region; national officers everything. Proved through list, read and exports.
 */
const env = setupTestEnv();
let casaAssociation: Client;
let casaPartner: Client;
let rabatAssociation: Client;
let casablanca: Client;
let rabat: Client;
let national: Client;
const ids: Record<string, string> = {};

const titles = async (client: Client, query = "") =>
  ((await client.get(`/api/v1/proposals?limit=200${query}`)).json().items as { title: string }[])
    .map((p) => p.title)
    .sort();

beforeAll(async () => {
  const admin = await env.userWith("administrator", "national");
  const casaOrg = await organization(admin, "Association Casa", "MA-06");
  const casaPartnerOrg = await organization(admin, "Partenaire Casa", "MA-06", "partner");
  const rabatOrg = await organization(admin, "Association Rabat", "MA-04");
  casaAssociation = await env.userWith("establishment_manager", "organization", casaOrg.id);
  casaPartner = await env.userWith("partner", "organization", casaPartnerOrg.id);
  rabatAssociation = await env.userWith("partner", "organization", rabatOrg.id);
  casablanca = await env.userWith("regional_officer", "region", "MA-06");
  rabat = await env.userWith("regional_officer", "region", "MA-04");
  national = await env.userWith("national_officer", "national");
  ids.open = (await submit(casaAssociation, { title: "Casa ouverte" })).id;
  ids.refused = (await submit(casaAssociation, { title: "Casa refusée" })).id;
  await move(casablanca, ids.refused, "study");
  await move(casablanca, ids.refused, "reject", "Hors priorités");
  ids.partnerRefused = (await submit(casaPartner, { title: "Partenaire refusée" })).id;
  await move(casablanca, ids.partnerRefused, "study");
  await move(casablanca, ids.partnerRefused, "reject", "Budget");
  ids.rabat = (
    await submit(rabatAssociation, { title: "Rabat ouverte", regionCode: "MA-04", provinceCode: "MA-RAB" })
  ).id;
});

describe("who sees which proposal", () => {
  it("an organisation sees its own at every status and its region's others unless not retained", async () => {
    expect(await titles(casaAssociation)).toEqual(["Casa ouverte", "Casa refusée"]);
    expect(await titles(casaPartner)).toEqual(["Casa ouverte", "Partenaire refusée"]);
    expect((await casaPartner.get(`/api/v1/proposals/${ids.refused}`)).statusCode).toBe(404);
    expect((await casaPartner.get(`/api/v1/proposals/${ids.open}`)).statusCode).toBe(200);
    expect((await casaPartner.get(`/api/v1/proposals/${ids.rabat}`)).statusCode).toBe(404);
    expect((await casaPartner.get(`/api/v1/proposals/${ids.rabat}/comments`)).statusCode).toBe(404);
    expect(await titles(rabatAssociation)).toEqual(["Rabat ouverte"]);
    expect(await titles(casaPartner, "&region=MA-04")).toEqual([]);
  });

  it("regional officers see their region at every status, national officers everything", async () => {
    expect(await titles(casablanca)).toEqual(["Casa ouverte", "Casa refusée", "Partenaire refusée"]);
    expect(await titles(rabat)).toEqual(["Rabat ouverte"]);
    expect((await rabat.get(`/api/v1/proposals/${ids.open}`)).statusCode).toBe(404);
    expect(await titles(national)).toEqual([
      "Casa ouverte",
      "Casa refusée",
      "Partenaire refusée",
      "Rabat ouverte",
    ]);
    expect(await titles(national, "&status=not_retained")).toEqual(["Casa refusée", "Partenaire refusée"]);
    expect(await titles(national, "&region=MA-04&theme=child_protection")).toEqual(["Rabat ouverte"]);
    expect(await titles(national, "&theme=elderly")).toEqual([]);
    expect(await titles(national, "&q=RABAT")).toEqual(["Rabat ouverte"]);
  });

  it("counts by region and status follow the same rule", async () => {
    const all = (await national.get("/api/v1/proposals/stats")).json();
    expect(all.byRegion).toEqual([
      { regionCode: "MA-04", received: 1, under_study: 0, retained: 0, not_retained: 0 },
      { regionCode: "MA-06", received: 1, under_study: 0, retained: 0, not_retained: 2 },
    ]);
    const partner = (await casaPartner.get("/api/v1/proposals/stats")).json();
    expect(partner.byRegion).toEqual([
      { regionCode: "MA-06", received: 1, under_study: 0, retained: 0, not_retained: 1 },
    ]);
    const elderly = (await national.get("/api/v1/proposals/stats?theme=elderly")).json();
    expect(elderly.byRegion).toEqual([]);
  });

  it("pages newest first without repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: { title: string }[]; nextCursor: string | null } = (
        await national.get(`/api/v1/proposals?limit=1${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      seen.push(...res.items.map((p) => p.title));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Rabat ouverte", "Partenaire refusée", "Casa refusée", "Casa ouverte"]);
  });

  it("exports follow the same rule and the filters, in CSV and XLSX", async () => {
    const csv = await casaPartner.get("/api/v1/proposals/export?format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("Casa ouverte");
    expect(csv.body).toContain("Partenaire refusée");
    expect(csv.body).not.toContain("Casa refusée");
    expect(csv.body).not.toContain("Rabat ouverte");
    expect(csv.body).toContain("Protection de l'enfance");
    const filtered = await national.get("/api/v1/proposals/export?format=csv&status=not_retained");
    expect(filtered.body).toContain("Hors priorités");
    expect(filtered.body).not.toContain("Casa ouverte");
    const xlsx = await rabat.request("GET", "/api/v1/proposals/export?format=xlsx", undefined, {
      "accept-language": "en",
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(1).getCell(2).value).toBe("Title");
    expect(sheet?.getRow(2).getCell(2).value).toBe("Rabat ouverte");
    expect(sheet?.getRow(2).getCell(7).value).toBe(450000);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await env.app.inject({ url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/proposals",
      "/api/v1/proposals/export",
      "/api/v1/proposals/{id}/transitions",
      "/api/v1/proposals/{id}/project",
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  it("readers without the permission are refused", async () => {
    const worker = await env.userWith("social_worker", "province", "MA-CAS");
    expect((await worker.get("/api/v1/proposals")).statusCode).toBe(403);
    expect((await worker.get("/api/v1/proposals/export?format=csv")).statusCode).toBe(403);
    const auditor = await env.userWith("auditor", "national");
    expect(await titles(auditor)).toHaveLength(4);
    expect((await auditor.post("/api/v1/proposals", {})).statusCode).toBe(400);
  });
});
