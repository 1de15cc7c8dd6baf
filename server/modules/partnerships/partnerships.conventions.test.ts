import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit.table.ts";
import { storedFiles } from "../../platform/files.table.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { createConvention, org, PDF_BYTES, ref, upload } from "./partnerships.conventions.testkit.ts";
import { conventions } from "./partnerships.table.ts";

const env = setupTestEnv();
let officer: Client;
let fund: string;
let council: string;

beforeAll(async () => {
  officer = await env.userWith("national_officer", "national");
  fund = await org(env.db, "Fonds d'investissement test");
  council = await org(env.db, "Conseil régional test", "local_authority");
});

const auditOf = (entityId: string) =>
  env.db
    .select({ action: auditEvents.action, changes: auditEvents.changes })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "convention"), eq(auditEvents.entityId, entityId)))
    .orderBy(auditEvents.occurredAt);

const count = async () => (await env.db.select({ n: sql<number>`count(*)::int` }).from(conventions))[0]?.n;

describe("conventions", () => {
  it("creates a convention with parties, axes and targets, keeps party_org_ids in step, and audits", async () => {
    const c = await createConvention(officer, {
      titleAr: "اتفاقية إطار للشراكة",
      regionCode: "MA-06",
      parties: [
        { organizationId: fund, role: "funder", committedCentimes: 140_000_000_000 },
        {
          organizationId: council,
          role: "signatory",
          committedCentimes: 0,
          otherCommitments: "Mise à disposition du foncier",
        },
      ],
      axes: [
        {
          titleFr: "Accompagnement des jeunes",
          targets: [{ labelFr: "Jeunes accompagnés", targetValue: 3000, unit: "jeunes" }],
        },
        { titleFr: "Connexion des EPS" },
      ],
    });
    expect(c.committedCentimes).toBe(140_000_000_000);
    expect(c.partyDetails.map((p: { role: string }) => p.role)).toEqual(["funder", "signatory"]);
    expect(c.partyDetails[1].otherCommitments).toBe("Mise à disposition du foncier");
    expect(c.axes.map((a: { position: number; titleFr: string }) => [a.position, a.titleFr])).toEqual([
      [1, "Accompagnement des jeunes"],
      [2, "Connexion des EPS"],
    ]);
    expect(c.axes[0].targets[0]).toMatchObject({
      labelFr: "Jeunes accompagnés",
      targetValue: 3000,
      unit: "jeunes",
    });
    expect(c.projects).toEqual({ count: 0, budgetCentimes: 0, disbursedCentimes: 0, items: [] });
    const [row] = await env.db
      .select({ ids: conventions.partyOrgIds })
      .from(conventions)
      .where(eq(conventions.id, c.id));
    expect([...(row?.ids ?? [])].sort()).toEqual([fund, council].sort());
    expect((await auditOf(c.id)).map((a) => a.action)).toEqual(["convention.create"]);
  });

  it("lists with filters (type, status, region, party, text) and pages with a cursor", async () => {
    const partner = await org(env.db, "Groupe industriel filtre");
    const framework = await createConvention(officer, {
      titleFr: "Filtre cadre Alpha",
      parties: [{ organizationId: partner, role: "funder" }],
    });
    await createConvention(officer, {
      titleFr: "Filtre spécifique Alpha",
      type: "specific",
      parentId: framework.id,
      regionCode: "MA-01",
    });
    await createConvention(officer, { titleFr: "Filtre brouillon Alpha", status: "draft", signedOn: null });
    const titles = async (qs: string) =>
      (
        (await officer.get(`/api/v1/conventions?${qs.startsWith("q=") ? qs : `q=filtre&${qs}`}`)).json()
          .items as { titleFr: string }[]
      ).map((c) => c.titleFr);
    expect(await titles("type=specific")).toEqual(["Filtre spécifique Alpha"]);
    expect(await titles("status=draft")).toEqual(["Filtre brouillon Alpha"]);
    expect(await titles("region=MA-01")).toEqual(["Filtre spécifique Alpha"]);
    expect(await titles(`party=${partner}`)).toEqual(["Filtre cadre Alpha"]);
    expect(await titles("q=FILTRE%20CADRE")).toEqual(["Filtre cadre Alpha"]);
    const first = (await officer.get("/api/v1/conventions?q=filtre&limit=2")).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await officer.get(`/api/v1/conventions?q=filtre&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect([...first.items, ...second.items].map((c: { titleFr: string }) => c.titleFr)).toEqual([
      "Filtre brouillon Alpha",
      "Filtre cadre Alpha",
      "Filtre spécifique Alpha",
    ]);
    expect(second.nextCursor).toBeNull();
    const detail = (await officer.get(`/api/v1/conventions/${framework.id}`)).json();
    expect(detail.children.map((c: { titleFr: string }) => c.titleFr)).toEqual(["Filtre spécifique Alpha"]);
  });

  it("refuses bad input with a clear 4xx naming the field, and writes nothing", async () => {
    const before = await count();
    const bad = async (body: Record<string, unknown>, status: number, path: string, code: string) => {
      const res = await officer.post("/api/v1/conventions", {
        reference: ref(),
        titleFr: "Refusée",
        type: "framework",
        status: "signed",
        signedOn: "2024-01-01",
        ...body,
      });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const problem = res.json();
      expect(problem.errors?.[0]).toMatchObject({ path, code });
      expect(problem.errors[0].message.length).toBeGreaterThan(10);
      return problem;
    };
    const p = await bad(
      { startDate: "2025-01-01", endDate: "2024-12-31" },
      400,
      "endDate",
      "conventions.end_before_start",
    );
    expect(p.errors[0].message).toContain("2025-01-01");
    await bad({ signedOn: null }, 400, "signedOn", "conventions.signed_on_required");
    await bad(
      { parties: [{ organizationId: "0190a0a0-0000-7000-8000-000000000000", role: "funder" }] },
      400,
      "parties.0.organizationId",
      "conventions.organization_not_found",
    );
    await bad(
      { parties: [{ organizationId: fund, role: "funder", committedCentimes: -1 }] },
      400,
      "parties.0.committedCentimes",
      "validation.too_small",
    );
    await bad(
      {
        parties: [
          { organizationId: fund, role: "funder" },
          { organizationId: fund, role: "signatory" },
        ],
      },
      400,
      "parties.1.organizationId",
      "conventions.party_duplicate",
    );
    const specific = await createConvention(officer, { type: "specific" });
    await bad(
      { type: "specific", parentId: specific.id },
      400,
      "parentId",
      "conventions.parent_not_framework",
    );
    const framework = await createConvention(officer);
    await bad(
      { type: "framework", parentId: framework.id },
      400,
      "parentId",
      "conventions.parent_only_specific",
    );
    await bad({ reference: framework.reference }, 409, "reference", "conventions.reference_taken");
    expect(await count()).toBe((before ?? 0) + 2);
    const ar = await officer.request(
      "POST",
      "/api/v1/conventions",
      { reference: ref(), titleFr: "x", type: "framework", status: "signed" },
      { "accept-language": "ar" },
    );
    expect(ar.json().errors[0].message).toBe("يجب أن تحمل الاتفاقية الموقعة تاريخ التوقيع.");
  });

  it("updates with the version read (409 on a stale one) and checks the rules on the merged record", async () => {
    const c = await createConvention(officer, { startDate: "2024-01-01", endDate: "2026-12-31" });
    const ok = await officer.patch(`/api/v1/conventions/${c.id}`, {
      version: c.version,
      titleFr: "Renommée",
      status: "in_progress",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ titleFr: "Renommée", status: "in_progress", version: c.version + 1 });
    const stale = await officer.patch(`/api/v1/conventions/${c.id}`, {
      version: c.version,
      titleFr: "Perdue",
    });
    expect(stale.statusCode).toBe(409);
    const before = await officer.patch(`/api/v1/conventions/${c.id}`, {
      version: c.version + 1,
      endDate: "2023-12-31",
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].path).toBe("endDate");
    const read = (await officer.get(`/api/v1/conventions/${c.id}`)).json();
    expect(read).toMatchObject({ titleFr: "Renommée", endDate: "2026-12-31", version: c.version + 1 });
    const audit = await auditOf(c.id);
    expect(audit.map((a) => a.action)).toEqual(["convention.create", "convention.update"]);
    expect(audit[1]?.changes).toMatchObject({
      titleFr: { after: "Renommée" },
      status: { before: "signed", after: "in_progress" },
    });
  });

  it("adds, changes and removes parties, axes and targets, each audited, party_org_ids following", async () => {
    const c = await createConvention(officer);
    let res = await officer.post(`/api/v1/conventions/${c.id}/parties`, {
      organizationId: fund,
      role: "funder",
      committedCentimes: 5_000_00,
    });
    expect(res.statusCode, res.body).toBe(200);
    const partyId = res.json().partyDetails[0].id;
    res = await officer.post(`/api/v1/conventions/${c.id}/parties`, {
      organizationId: fund,
      role: "signatory",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      path: "organizationId",
      code: "conventions.party_duplicate",
    });
    res = await officer.patch(`/api/v1/conventions/${c.id}/parties/${partyId}`, {
      committedCentimes: 7_000_00,
    });
    expect(res.json().committedCentimes).toBe(7_000_00);
    res = await officer.patch(`/api/v1/conventions/${c.id}/parties/${partyId}`, { committedCentimes: -5 });
    expect(res.statusCode).toBe(400);
    res = await officer.post(`/api/v1/conventions/${c.id}/axes`, {
      titleFr: "Axe A",
      targets: [{ labelFr: "40 EPS pilotes", targetValue: 40 }],
    });
    res = await officer.post(`/api/v1/conventions/${c.id}/axes`, { titleFr: "Axe zéro", position: 1 });
    const axes = res.json().axes as {
      id: string;
      titleFr: string;
      position: number;
      targets: { id: string }[];
    }[];
    expect(axes.map((a) => a.titleFr)).toEqual(["Axe zéro", "Axe A"]);
    const axisA = axes[1] as (typeof axes)[number];
    res = await officer.post(`/api/v1/conventions/${c.id}/axes/${axisA.id}/targets`, {
      labelFr: "Connecter les EPS",
      unit: "%",
      targetValue: 100,
    });
    expect(res.json().axes[1].targets).toHaveLength(2);
    const targetId = axisA.targets[0]?.id;
    res = await officer.patch(`/api/v1/conventions/${c.id}/targets/${targetId}`, { targetValue: 45 });
    expect(res.json().axes[1].targets.find((t: { id: string }) => t.id === targetId).targetValue).toBe(45);
    res = await officer.delete(`/api/v1/conventions/${c.id}/targets/${targetId}`);
    expect(res.json().axes[1].targets).toHaveLength(1);
    res = await officer.delete(`/api/v1/conventions/${c.id}/axes/${axes[0]?.id}`);
    expect(
      res.json().axes.map((a: { position: number; titleFr: string }) => [a.position, a.titleFr]),
    ).toEqual([[1, "Axe A"]]);
    res = await officer.delete(`/api/v1/conventions/${c.id}/parties/${partyId}`);
    expect(res.json().partyDetails).toEqual([]);
    const [row] = await env.db
      .select({ ids: conventions.partyOrgIds })
      .from(conventions)
      .where(eq(conventions.id, c.id));
    expect(row?.ids).toEqual([]);
    const other = await createConvention(officer);
    expect((await officer.delete(`/api/v1/conventions/${other.id}/parties/${partyId}`)).statusCode).toBe(404);
    expect((await auditOf(c.id)).map((a) => a.action)).toEqual([
      "convention.create",
      "convention.party.add",
      "convention.party.update",
      "convention.axis.add",
      "convention.axis.add",
      "convention.target.add",
      "convention.target.update",
      "convention.target.remove",
      "convention.axis.remove",
      "convention.party.remove",
    ]);
  });

  it("stores, lists, downloads (UTF-8 Arabic name) and deletes documents; refuses other types and oversize files", async () => {
    const c = await createConvention(officer);
    const name = "اتفاقية الشراكة 2024.pdf";
    const res = await upload(officer, c.id, name, "application/pdf", PDF_BYTES);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ fileName: name, mediaType: "application/pdf", sizeBytes: PDF_BYTES.length });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = (await officer.get(`/api/v1/conventions/${c.id}/documents`)).json();
    expect(list.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    const download = await officer.get(`/api/v1/conventions/${c.id}/documents/${doc.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(download.rawPayload.equals(PDF_BYTES)).toBe(true);

    const before = (await env.db.select({ n: sql<number>`count(*)::int` }).from(storedFiles))[0]?.n;
    const exe = await upload(officer, c.id, "outil.exe", "application/x-msdownload", Buffer.from("MZ"));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe("files.unsupported_media_type");
    const disguised = await upload(
      officer,
      c.id,
      "faux.pdf",
      "application/pdf",
      Buffer.from("<html>not a pdf</html>"),
    );
    expect(disguised.statusCode).toBe(415);
    const big = await upload(
      officer,
      c.id,
      "gros.pdf",
      "application/pdf",
      Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toContain("10 Mo");
    const json = await officer.post(`/api/v1/conventions/${c.id}/documents`, { file: "x" });
    expect(json.statusCode).toBe(415);
    expect((await env.db.select({ n: sql<number>`count(*)::int` }).from(storedFiles))[0]?.n).toBe(before);

    expect((await officer.delete(`/api/v1/conventions/${c.id}/documents/${doc.id}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/v1/conventions/${c.id}/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await auditOf(c.id)).map((a) => a.action)).toEqual([
      "convention.create",
      "convention.document.upload",
      "convention.document.delete",
    ]);
  });

  it("exports the filtered list to CSV and XLSX, and one convention to a PDF", async () => {
    await createConvention(officer, {
      titleFr: "Export Bêta",
      titleAr: "تصدير بيتا",
      parties: [{ organizationId: fund, role: "funder", committedCentimes: 123_456_789 }],
    });
    const csv = await officer.get("/api/v1/conventions/export?format=csv&q=export%20b");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("Référence");
    expect(lines[1]).toContain("Export Bêta");
    expect(lines[1]).toContain("1234567.89");
    const xlsx = await officer.get("/api/v1/conventions/export?format=xlsx&q=export%20b", {
      "accept-language": "ar",
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(2).value).toBe("تصدير بيتا");
    expect(sheet?.getRow(1).getCell(1).value).toBe("المرجع");

    const c = await createConvention(officer, { titleFr: "PDF Gamma" });
    const pdf = await officer.get(`/api/v1/conventions/${c.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.headers["content-disposition"]).toContain(`${c.reference}.pdf`);
  });

  it("archives (refused with a stale version) and hides archived conventions from the list", async () => {
    const c = await createConvention(officer, { titleFr: "Archivable Delta" });
    expect(
      (await officer.post(`/api/v1/conventions/${c.id}/archive`, { version: c.version + 5 })).statusCode,
    ).toBe(409);
    const res = await officer.post(`/api/v1/conventions/${c.id}/archive`, { version: c.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().archivedAt).not.toBeNull();
    expect((await officer.get("/api/v1/conventions?q=archivable")).json().items).toHaveLength(0);
    expect(
      (await officer.get("/api/v1/conventions?q=archivable&includeArchived=true")).json().items,
    ).toHaveLength(1);
    const edit = await officer.patch(`/api/v1/conventions/${c.id}`, {
      version: res.json().version,
      titleFr: "x",
    });
    expect(edit.statusCode).toBe(422);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await env.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/conventions",
      "/api/v1/conventions/export",
      "/api/v1/conventions/{id}",
      "/api/v1/conventions/{id}/pdf",
      "/api/v1/conventions/{id}/parties/{partyId}",
      "/api/v1/conventions/{id}/axes/{axisId}/targets",
      "/api/v1/conventions/{id}/documents",
      "/api/v1/conventions/{id}/documents/{documentId}",
    ])
      expect(doc.paths[path], path).toBeDefined();
  });
});
