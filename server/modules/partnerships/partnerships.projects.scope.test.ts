import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { fund, makeConvention, makeOrg, makeProject } from "./partnerships.projects.testkit.ts";

/**
 * Who sees which project: a partner only the projects of conventions it signed or that it funds,
 * a regional officer only their region, a provincial scope only its province — through the list,
 * the read, the exports and the PDF alike.
 */
const env = setupTestEnv();
let admin: Client;
let ocp: string;
let other: string;
const ids = {} as Record<"signed" | "funded" | "foreign", string>;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  ocp = await makeOrg(env.db, "Groupe test phosphates");
  other = await makeOrg(env.db, "Autre bailleur");
  const signed = await makeConvention(env.db, [ocp]);
  const notSigned = await makeConvention(env.db, [other]);
  ids.signed = (
    await makeProject(admin, { titleFr: "Portée signée", regionCode: "MA-07", conventionId: signed.id })
  ).id;
  ids.funded = (
    await makeProject(admin, { titleFr: "Portée financée", regionCode: "MA-06", provinceCode: "MA-CAS" })
  ).id;
  await fund(admin, ids.funded, ocp, 1_000);
  ids.foreign = (
    await makeProject(admin, { titleFr: "Portée étrangère", regionCode: "MA-06", conventionId: notSigned.id })
  ).id;
  await fund(admin, ids.foreign, other, 1_000);
});

const titles = async (client: Client) =>
  (await client.get("/api/v1/projects?q=port%C3%A9e"))
    .json()
    .items.map((p: { titleFr: string }) => p.titleFr)
    .sort();

describe("projects scope", () => {
  it("shows a partner the projects of conventions it signed or that it funds, and nothing else", async () => {
    const partner = await env.userWith("partner", "organization", ocp);
    expect(await titles(partner)).toEqual(["Portée financée", "Portée signée"].sort());
    expect((await partner.get(`/api/v1/projects/${ids.signed}`)).statusCode).toBe(200);
    expect((await partner.get(`/api/v1/projects/${ids.funded}`)).statusCode).toBe(200);
    expect((await partner.get(`/api/v1/projects/${ids.foreign}`)).statusCode).toBe(404);
    const csv = (await partner.get("/api/v1/projects/export?format=csv&q=port%C3%A9e")).body;
    expect(csv).toContain("Portée signée");
    expect(csv).not.toContain("Portée étrangère");
    const pdf = await partner.get(`/api/v1/projects/${ids.foreign}/pdf`);
    expect(pdf.statusCode).toBe(404);
    const own = await partner.get(`/api/v1/projects/${ids.signed}/pdf`);
    expect(own.statusCode).toBe(200);
    expect(own.headers["content-type"]).toBe("application/pdf");
    expect(own.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("stops showing a funded project to a partner once its last budget line is gone", async () => {
    const partner = await env.userWith("partner", "organization", other);
    const p = await makeProject(admin, { titleFr: "Portée retirée" });
    const line = (await fund(admin, p.id, other, 500)).budgetLines[0];
    expect((await partner.get(`/api/v1/projects/${p.id}`)).statusCode).toBe(200);
    await admin.delete(`/api/v1/projects/${p.id}/budget-lines/${line.id}?version=1`);
    expect((await partner.get(`/api/v1/projects/${p.id}`)).statusCode).toBe(404);
  });

  it("shows a regional officer their region and a provincial scope its province", async () => {
    const casablanca = await env.userWith("regional_officer", "region", "MA-06");
    expect((await titles(casablanca)).sort()).toEqual(
      ["Portée financée", "Portée retirée", "Portée étrangère"].sort(),
    );
    expect((await casablanca.get(`/api/v1/projects/${ids.signed}`)).statusCode).toBe(404);
    const xlsx = await casablanca.get("/api/v1/projects/export?format=xlsx&region=MA-07");
    expect(xlsx.statusCode).toBe(200);
    const empty = (await casablanca.get("/api/v1/projects/export?format=csv&region=MA-07")).body;
    expect(
      empty
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n"),
    ).toHaveLength(1);
    const worker = await env.userWith("social_worker", "province", "MA-CAS");
    const seen = await worker.get("/api/v1/projects?q=port%C3%A9e");
    if (seen.statusCode === 200)
      expect(seen.json().items.map((p: { titleFr: string }) => p.titleFr)).toEqual(["Portée financée"]);
    else expect(seen.statusCode).toBe(403);
  });

  it("does not let a regional officer create a project in another region", async () => {
    const rabat = await env.userWith("regional_officer", "region", "MA-04");
    const res = await rabat.post("/api/v1/projects", {
      code: "PRJ-AWAY",
      titleFr: "Ailleurs",
      regionCode: "MA-06",
      sector: "other",
      startDate: "2025-01-01",
      endDate: "2025-12-31",
    });
    expect([400, 403]).toContain(res.statusCode);
    if (res.statusCode === 400)
      expect(res.json().errors[0]).toMatchObject({ path: "regionCode", code: "socialProjects.out_of_scope" });
  });
});
