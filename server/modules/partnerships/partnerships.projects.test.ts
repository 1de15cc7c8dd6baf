import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { daysFromToday } from "../../../contracts/calendar.ts";
import { auditEvents } from "../../platform/audit.table.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { establishments } from "../establishments/index.ts";
import { fund, makeConvention, makeOrg, makeProject } from "./partnerships.projects.testkit.ts";
import { projects } from "./partnerships.table.ts";

const env = setupTestEnv();
let admin: Client;
let funder: string;
let association: string;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  funder = await makeOrg(env.db, "Fonds test");
  association = await makeOrg(env.db, "Association test", "association");
});

const countProjects = async () => (await env.db.select({ id: projects.id }).from(projects)).length;

describe("social projects", () => {
  it("creates from a convention axis, reads, and records an audit event", async () => {
    const convention = await makeConvention(env.db, [funder]);
    const [eps] = await env.db
      .insert(establishments)
      .values({
        code: "EPS-PRJ-1",
        nameFr: "Dar Taliba test",
        category: "student_house_girls",
        regionCode: "MA-06",
        provinceCode: "MA-CAS",
      } as typeof establishments.$inferInsert)
      .returning({ id: establishments.id });
    const p = await makeProject(admin, {
      conventionId: convention.id,
      axisId: convention.axisId,
      provinceCode: "MA-CAS",
      targetGroup: "Jeunes en situation de vulnérabilité",
      responsibleOrgId: association,
      establishmentIds: [eps?.id],
    });
    expect(p).toMatchObject({
      conventionId: convention.id,
      axisTitle: "Axe 1",
      regionCode: "MA-06",
      responsibleOrgName: "Association test",
      status: "planned",
      budgetCentimes: 0,
      financialProgress: 0,
      version: 1,
    });
    expect(p.establishments).toEqual([{ id: eps?.id, nameFr: "Dar Taliba test", nameAr: null }]);
    expect((await admin.get(`/api/v1/projects/${p.id}`)).json()).toEqual(p);
    const events = await env.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, "project.create")));
    expect(events).toHaveLength(1);
    // The convention's parties see the project as partners.
    const [row] = await env.db.select().from(projects).where(eq(projects.id, p.id));
    expect(row?.partyOrgIds).toEqual([funder]);
  });

  it("refuses bad input with a translated error naming the field, and writes nothing", async () => {
    const before = await countProjects();
    const other = await makeConvention(env.db, [funder]);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ startDate: "2025-06-01", endDate: "2025-01-01" }, "endDate", "socialProjects.end_before_start"],
      [{ provinceCode: "MA-RAB" }, "provinceCode", "socialProjects.province_region_mismatch"],
      [
        { conventionId: "0190a0a0-0000-7000-8000-000000000000" },
        "conventionId",
        "socialProjects.convention_not_found",
      ],
      [{ axisId: other.axisId }, "axisId", "socialProjects.axis_not_in_convention"],
      [
        { establishmentIds: ["0190a0a0-0000-7000-8000-000000000001"] },
        "establishmentIds.0",
        "socialProjects.establishment_not_found",
      ],
      [
        { programIds: ["0190a0a0-0000-7000-8000-000000000002"] },
        "programIds.0",
        "socialProjects.program_not_found",
      ],
      [
        { responsibleOrgId: "0190a0a0-0000-7000-8000-000000000003" },
        "responsibleOrgId",
        "socialProjects.organization_not_found",
      ],
      [{ startDate: "2025-13-01" }, "startDate", "validation.date"],
      [{ sector: "space" }, "sector", "validation.invalid_value"],
    ];
    for (const [body, path, code] of cases) {
      const res = await admin.post("/api/v1/projects", {
        code: "PRJ-BAD",
        titleFr: "Projet invalide",
        regionCode: "MA-06",
        sector: "establishments",
        startDate: "2025-01-01",
        endDate: "2025-12-31",
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const problem = res.json();
      expect(problem.errors[0]).toMatchObject({ path, code });
      expect(problem.errors[0].message).not.toBe(code);
    }
    const arabic = await admin.request(
      "POST",
      "/api/v1/projects",
      {
        code: "X",
        titleFr: "X",
        regionCode: "MA-06",
        sector: "other",
        startDate: "2025-06-01",
        endDate: "2025-01-01",
      },
      { "accept-language": "ar" },
    );
    expect(arabic.json().errors[0].message).toContain("تاريخ النهاية");
    expect(await countProjects()).toBe(before);
  });

  it("updates with the version read (409 when stale), refuses dates that leave a milestone outside, archives", async () => {
    const p = await makeProject(admin);
    const ok = await admin.patch(`/api/v1/projects/${p.id}`, {
      version: 1,
      status: "in_progress",
      physicalProgress: 30,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "in_progress", physicalProgress: 30, version: 2 });
    const stale = await admin.patch(`/api/v1/projects/${p.id}`, { version: 1, titleFr: "Perdu" });
    expect(stale.statusCode).toBe(409);
    await admin.post(`/api/v1/projects/${p.id}/milestones`, {
      titleFr: "Étape",
      plannedDate: daysFromToday(300),
    });
    const shrink = await admin.patch(`/api/v1/projects/${p.id}`, { version: 2, endDate: daysFromToday(100) });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().errors[0]).toMatchObject({
      path: "startDate",
      code: "socialProjects.milestones_outside",
    });
    const archived = await admin.post(`/api/v1/projects/${p.id}/archive`, { version: 2 });
    expect(archived.json().archivedAt).not.toBeNull();
    const list = (await admin.get(`/api/v1/projects?q=${encodeURIComponent(p.code)}`)).json();
    expect(list.items).toHaveLength(0);
    const withArchived = (
      await admin.get(`/api/v1/projects?q=${encodeURIComponent(p.code)}&includeArchived=true`)
    ).json();
    expect(withArchived.items).toHaveLength(1);
    const locked = await admin.patch(`/api/v1/projects/${p.id}`, { version: 3, titleFr: "Non" });
    expect(locked.statusCode).toBe(422);
  });

  it("filters by region, status, sector, convention, funder, lateness and text, with cursor pages", async () => {
    const convention = await makeConvention(env.db, []);
    const a = await makeProject(admin, {
      titleFr: "Filtre Alpha",
      regionCode: "MA-09",
      sector: "childhood",
      conventionId: convention.id,
    });
    const b = await makeProject(admin, {
      titleFr: "Filtre Beta",
      regionCode: "MA-09",
      sector: "elderly",
      status: "in_progress",
    });
    await makeProject(admin, { titleFr: "Filtre Gamma", regionCode: "MA-10", sector: "childhood" });
    await fund(admin, b.id, funder, 100_000);
    await admin.post(`/api/v1/projects/${a.id}/milestones`, {
      titleFr: "Retard",
      plannedDate: daysFromToday(-10),
    });
    const titles = async (qs: string) => {
      const res = await admin.get(`/api/v1/projects?q=filtre&${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((p: { titleFr: string }) => p.titleFr);
    };
    expect(await titles("region=MA-09")).toEqual(["Filtre Alpha", "Filtre Beta"]);
    expect(await titles("sector=childhood")).toEqual(["Filtre Alpha", "Filtre Gamma"]);
    expect(await titles("status=in_progress")).toEqual(["Filtre Beta"]);
    expect(await titles(`convention=${convention.id}`)).toEqual(["Filtre Alpha"]);
    expect(await titles(`funder=${funder}`)).toEqual(["Filtre Beta"]);
    expect(await titles("late=true")).toEqual(["Filtre Alpha"]);
    const first = (await admin.get("/api/v1/projects?q=filtre&limit=2")).json();
    expect(first.items).toHaveLength(2);
    const second = (await admin.get(`/api/v1/projects?q=filtre&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((p: { titleFr: string }) => p.titleFr)).toEqual(["Filtre Gamma"]);
    expect(second.nextCursor).toBeNull();
  });

  it("exports the filtered list to CSV and XLSX with translated headers", async () => {
    const p = await makeProject(admin, { titleFr: "Export Delta", regionCode: "MA-11" });
    await fund(admin, p.id, funder, 250_000);
    const csv = await admin.get("/api/v1/projects/export?format=csv&region=MA-11");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("Intitulé");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Export Delta");
    expect(lines[1]).toContain("2500");
    const xlsx = await admin.get("/api/v1/projects/export?format=xlsx&region=MA-11", {
      "accept-language": "en",
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe("Title");
    expect(sheet?.getRow(2).getCell(2).value).toBe("Export Delta");
    expect(sheet?.rowCount).toBe(2);
  });
});
