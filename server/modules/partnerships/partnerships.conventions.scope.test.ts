import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { createConvention, org, PDF_BYTES, upload } from "./partnerships.conventions.testkit.ts";
import { projectBudgetLines, projects } from "./partnerships.table.ts";

/**
 * Who sees which convention, through the API and its exports: a partner exactly the conventions
 * its organisation is party to; a regional officer the conventions of their region and the
 * national ones financing a project there; everyone else answers 404 for what they do not reach.
 */
const env = setupTestEnv();
let admin: Client;
let partnerA: Client;
let regional: Client;
let orgA: string;
const c: Record<
  "signedByA" | "signedByB" | "regional01" | "nationalWithProject01" | "regional06",
  { id: string; reference: string; version: number }
> = {} as never;
let docOfA: string;
let docOfB: string;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  orgA = await org(env.db, "Partenaire A");
  const orgB = await org(env.db, "Partenaire B");
  c.signedByA = await createConvention(admin, {
    titleFr: "Scope signée par A",
    regionCode: "MA-06",
    parties: [{ organizationId: orgA, role: "funder", committedCentimes: 100 }],
  });
  c.signedByB = await createConvention(admin, {
    titleFr: "Scope signée par B",
    parties: [{ organizationId: orgB, role: "funder" }],
  });
  c.regional01 = await createConvention(admin, { titleFr: "Scope régionale 01", regionCode: "MA-01" });
  c.nationalWithProject01 = await createConvention(admin, { titleFr: "Scope nationale avec projet 01" });
  c.regional06 = await createConvention(admin, { titleFr: "Scope régionale 06", regionCode: "MA-06" });
  const axisId = (
    await admin.post(`/api/v1/conventions/${c.nationalWithProject01.id}/axes`, { titleFr: "Axe" })
  ).json().axes[0].id;
  const [project] = await env.db
    .insert(projects)
    .values({
      axisId,
      code: "PRJ-SCOPE-01",
      titleFr: "Projet à Tanger",
      conventionId: c.nationalWithProject01.id,
      regionCode: "MA-01",
      sector: "establishments",
      startDate: "2024-01-01",
      endDate: "2025-12-31",
    })
    .returning({ id: projects.id });
  await env.db.insert(projectBudgetLines).values({
    projectId: project?.id as string,
    label: "Travaux",
    category: "works",
    funderId: orgA,
    amountCentimes: 250_000_00,
  });
  docOfA = (await upload(admin, c.signedByA.id, "a.pdf", "application/pdf", PDF_BYTES)).json().id;
  docOfB = (await upload(admin, c.signedByB.id, "b.pdf", "application/pdf", PDF_BYTES)).json().id;
  partnerA = await env.userWith("partner", "organization", orgA);
  regional = await env.userWith("regional_officer", "region", "MA-01");
});

const titles = async (client: Client) =>
  ((await client.get("/api/v1/conventions?q=scope")).json().items as { titleFr: string }[]).map(
    (x) => x.titleFr,
  );

const csvTitles = async (client: Client) => {
  const res = await client.get("/api/v1/conventions/export?format=csv&q=scope");
  expect(res.statusCode).toBe(200);
  return res.body
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .slice(1)
    .map((l) => l.split(",")[1]);
};

const xlsxTitles = async (client: Client) => {
  const res = await client.get("/api/v1/conventions/export?format=xlsx&q=scope");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const out: string[] = [];
  sheet?.eachRow((row, n) => {
    if (n > 1) out.push(String(row.getCell(2).value));
  });
  return out;
};

describe("convention scope", () => {
  it("a partner sees exactly the conventions its organisation signed: list, read, CSV, XLSX, PDF, documents", async () => {
    expect(await titles(partnerA)).toEqual(["Scope signée par A"]);
    expect(await csvTitles(partnerA)).toEqual(["Scope signée par A"]);
    expect(await xlsxTitles(partnerA)).toEqual(["Scope signée par A"]);
    expect((await partnerA.get(`/api/v1/conventions/${c.signedByA.id}`)).statusCode).toBe(200);
    expect((await partnerA.get(`/api/v1/conventions/${c.signedByA.id}/pdf`)).statusCode).toBe(200);
    expect((await partnerA.get(`/api/v1/conventions/${c.signedByA.id}/documents/${docOfA}`)).statusCode).toBe(
      200,
    );
    for (const other of [c.signedByB, c.regional01, c.nationalWithProject01, c.regional06]) {
      const read = await partnerA.get(`/api/v1/conventions/${other.id}`);
      expect(read.statusCode).toBe(404);
      expect(read.json().code).toBe("conventions.not_found");
      expect((await partnerA.get(`/api/v1/conventions/${other.id}/pdf`)).statusCode).toBe(404);
      expect((await partnerA.get(`/api/v1/conventions/${other.id}/documents`)).statusCode).toBe(404);
    }
    // A document of another convention, even asked for through the partner's own convention.
    expect((await partnerA.get(`/api/v1/conventions/${c.signedByB.id}/documents/${docOfB}`)).statusCode).toBe(
      404,
    );
    expect((await partnerA.get(`/api/v1/conventions/${c.signedByA.id}/documents/${docOfB}`)).statusCode).toBe(
      404,
    );
  });

  it("a partner cannot write, not even on its own convention", async () => {
    const create = await partnerA.post("/api/v1/conventions", {
      reference: "X-1",
      titleFr: "x",
      type: "framework",
    });
    expect(create.statusCode).toBe(403);
    const patch = await partnerA.patch(`/api/v1/conventions/${c.signedByA.id}`, {
      version: c.signedByA.version,
      titleFr: "x",
    });
    expect(patch.statusCode).toBe(403);
    const doc = await upload(partnerA, c.signedByA.id, "x.pdf", "application/pdf", PDF_BYTES);
    expect(doc.statusCode).toBe(403);
  });

  it("a regional officer sees their region's conventions and the national ones financing a project there", async () => {
    const seen = ["Scope nationale avec projet 01", "Scope régionale 01"];
    expect(await titles(regional)).toEqual(seen);
    expect(await csvTitles(regional)).toEqual(seen);
    expect(await xlsxTitles(regional)).toEqual(seen);
    const national = (await regional.get(`/api/v1/conventions/${c.nationalWithProject01.id}`)).json();
    expect(national.projects.items.map((p: { code: string }) => p.code)).toEqual(["PRJ-SCOPE-01"]);
    expect(national.projects).toMatchObject({ count: 1, budgetCentimes: 250_000_00, disbursedCentimes: 0 });
    expect(national.axes[0].projectCount).toBe(1);
    for (const other of [c.signedByA, c.signedByB, c.regional06])
      expect((await regional.get(`/api/v1/conventions/${other.id}`)).statusCode).toBe(404);
  });

  it("a regional officer writes only conventions of their region", async () => {
    const outside = await regional.post("/api/v1/conventions", {
      reference: "REG-06",
      titleFr: "Hors région",
      type: "framework",
      regionCode: "MA-06",
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ path: "regionCode", code: "conventions.out_of_scope" });
    const national = await regional.post("/api/v1/conventions", {
      reference: "REG-NAT",
      titleFr: "Nationale",
      type: "framework",
    });
    expect(national.statusCode).toBe(400);
    const inside = await regional.post("/api/v1/conventions", {
      reference: "REG-01",
      titleFr: "Dans la région",
      type: "framework",
      regionCode: "MA-01",
    });
    expect(inside.statusCode, inside.body).toBe(201);
    // Seen through one of its projects, a national convention stays read-only for the region.
    const edit = await regional.patch(`/api/v1/conventions/${c.nationalWithProject01.id}`, {
      version: 1,
      titleFr: "x",
    });
    expect(edit.statusCode).toBe(404);
    const move = await regional.patch(`/api/v1/conventions/${inside.json().id}`, {
      version: 1,
      regionCode: "MA-06",
    });
    expect(move.statusCode).toBe(400);
  });

  it("roles without conventions.read get 403", async () => {
    const manager = await env.userWith("social_worker", "region", "MA-01");
    expect((await manager.get("/api/v1/conventions")).statusCode).toBe(403);
    expect((await manager.get(`/api/v1/conventions/${c.regional01.id}`)).statusCode).toBe(403);
  });
});
