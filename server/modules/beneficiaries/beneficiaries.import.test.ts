import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../platform/context.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { createPersonImportService } from "./beneficiaries.import.service.ts";
import { create } from "./beneficiaries.testing.ts";

/** Bulk import of persons through the API, on a real database: every bad input leaves the registry as it was. */

const env = setupTestEnv();
let national: Client;

const HEADER_FR =
  "CIN;Nom;Prénom;Nom (arabe);Prénom (arabe);Sexe;Date de naissance;Téléphone;Province / préfecture";
const upload = (client: Client, body: string | Buffer, query = "", headers: Record<string, string> = {}) =>
  client.request("POST", `/api/v1/person-imports?wait=true&fileName=test.csv${query}`, body, {
    "content-type": "text/csv",
    ...headers,
  });
const count = async (table: string) =>
  (await env.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]?.n ?? 0;
/** How many times persons was vacuumed and analysed (by anyone: autovacuum is counted apart). */
const personsUpkeep = async () =>
  (
    await env.db.execute<{ vacuums: number; analyzes: number }>(
      sql`SELECT vacuum_count::int AS vacuums, analyze_count::int AS analyzes
          FROM pg_stat_user_tables WHERE relname = 'persons'`,
    )
  ).rows[0];

beforeAll(async () => {
  national = await env.userWith("national_officer", "national");
});

describe("a CSV of persons", () => {
  it("imports the good rows, rejects the bad ones with reasons, and writes one audit event", async () => {
    await create(national, { cin: "RG1001", provinceCode: "MA-RAB" });
    const before = await count("persons");
    const upkeep = await personsUpkeep();
    const csv = `\uFEFF${[
      HEADER_FR,
      "AB1001;Alaoui;Fatima;العلوي;فاطمة;Femme;12/03/1985;0661234567;MA-CAS",
      "AB1002;Bennani;Mohamed;بناني;محمد;male;1990-07-01;;MA-RAB",
      ";Tazi;Amina;;;F;2015-01-20;;MA-SET",
      "XX;Idrissi;Youssef;;;male;1980-01-01;;MA-CAS", // bad CIN
      "AB1003;Chraibi;;;;female;1970-02-02;;MA-CAS", // missing first name
      "AB1001;Alaoui;Fatima bis;;;female;1985-03-12;;MA-CAS", // CIN repeated in the file
      "RG1001;Deja;Enregistre;;;male;1960-01-01;;MA-RAB", // CIN already in the registry
    ].join("\n")}\n`;
    const res = await upload(national, csv);
    expect(res.statusCode, res.body).toBe(200);
    const { job, alreadyImported } = res.json();
    expect(alreadyImported).toBe(false);
    expect(job).toMatchObject({
      status: "completed",
      rowsRead: 7,
      rowsImported: 3,
      rowsRejected: 4,
      progress: 1,
    });
    expect(await count("persons")).toBe(before + 3);
    // Vacuumed and analysed once committed: the planner and the name search see the new rows at once.
    expect(await personsUpkeep()).toEqual({
      vacuums: (upkeep?.vacuums ?? 0) + 1,
      analyzes: (upkeep?.analyzes ?? 0) + 1,
    });
    const fatima = await env.db.execute<{ birth_date: string; first_name_ar: string; region_code: string }>(
      sql`SELECT birth_date, first_name_ar, region_code FROM persons WHERE cin = 'AB1001'`,
    );
    expect(fatima.rows).toEqual([{ birth_date: "1985-03-12", first_name_ar: "فاطمة", region_code: "MA-06" }]);
    const audit = await env.db.execute<{ action: string; changes: Record<string, { after: unknown }> }>(
      sql`SELECT action, changes FROM audit_events WHERE entity_id = ${job.id}`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.changes.imported?.after).toBe(3);
    expect(audit.rows[0]?.changes.rejected?.after).toBe(4);

    const report = await national.get(`/api/v1/person-imports/${job.id}/rejected.csv`);
    expect(report.statusCode).toBe(200);
    const lines = report.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^Ligne,Erreurs,CIN,Nom,Prénom/);
    expect(lines[1]).toMatch(/^5,.*CIN invalide/);
    expect(lines[2]).toMatch(/^6,.*Prénom : Ce champ est obligatoire/);
    expect(lines[3]).toMatch(/^7,.*ligne 2 du fichier/);
    expect(lines[4]).toMatch(/^8,.*déjà enregistrée/);
    const arabic = await national.get(`/api/v1/person-imports/${job.id}/rejected.csv`, {
      "accept-language": "ar",
    });
    expect(arabic.body).toContain("السطر");

    // The same file again: nothing changes, and the answer says so.
    const again = await upload(national, csv);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ alreadyImported: true, job: { id: job.id } });
    expect(await count("persons")).toBe(before + 3);
  });
});

const job = (res: { json(): { job: Record<string, unknown> } }) => res.json().job;

describe("bad files leave the registry as it was", () => {
  it("names the missing required columns in the caller's language", async () => {
    const before = await count("persons");
    const csv = "CIN;Nom;Sexe;Province / préfecture\nAB2001;Alaoui;female;MA-CAS\n";
    const fr = job(await upload(national, csv));
    expect(fr).toMatchObject({ status: "failed", rowsImported: 0 });
    expect((fr.error as { message: string }).message).toBe(
      "Colonnes obligatoires absentes : Prénom, Date de naissance.",
    );
    const res = await national.get(`/api/v1/person-imports/${fr.id}`, { "accept-language": "en" });
    expect(res.json().error.message).toBe("Required columns missing: First name, Birth date.");
    const ar = await national.get(`/api/v1/person-imports/${fr.id}`, { "accept-language": "ar" });
    expect(ar.json().error.message).toContain("أعمدة إلزامية غير موجودة");
    const unknown = job(
      await upload(national, "cin,lastNameLatin,firstNameLatin,sex,birthDate,provinceCode,shoeSize\n"),
    );
    expect((unknown.error as { message: string }).message).toContain("shoeSize");
    expect(await count("persons")).toBe(before);
  });

  it("reports a file that is not UTF-8, and reads it when told it is Windows-1256; UTF-16 is converted", async () => {
    const before = await count("persons");
    // "محمد بناني" in Windows-1256, as an old Excel saves Arabic text.
    const cp1256 = Buffer.from([227, 205, 227, 207, 32, 200, 228, 199, 228, 237]);
    const body = Buffer.concat([
      Buffer.from(
        "cin,lastNameLatin,firstNameLatin,firstNameAr,sex,birthDate,provinceCode\nWA1,Bennani,Mohamed,",
      ),
      cp1256,
      Buffer.from(",male,1980-01-01,MA-CAS\n"),
    ]);
    const failed = job(await upload(national, body));
    expect(failed.status).toBe("failed");
    expect((failed.error as { code: string; message: string }).code).toBe("person_imports.encoding");
    expect((failed.error as { message: string }).message).toMatch(/UTF-8.*ligne 2/);
    expect(await count("persons")).toBe(before);

    const converted = job(await upload(national, body, "&encoding=windows-1256"));
    expect(converted).toMatchObject({ status: "completed", rowsImported: 1 });
    const name = await env.db.execute<{ first_name_ar: string }>(
      sql`SELECT first_name_ar FROM persons WHERE cin = 'WA1'`,
    );
    expect(name.rows[0]?.first_name_ar).toBe("محمد بناني");

    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        "cin,lastNameLatin,firstNameLatin,firstNameAr,sex,birthDate,provinceCode\r\nWB1,Tazi,Amina,أمينة,female,1991-02-03,MA-RAB\r\n",
        "utf16le",
      ),
    ]);
    expect(job(await upload(national, utf16))).toMatchObject({ status: "completed", rowsImported: 1 });
  });

  it("refuses a 2 GB file from its announced size, before reading it", async () => {
    const before = await count("person_imports");
    const started = Date.now();
    const res = await national.request("POST", "/api/v1/person-imports", "cin", {
      "content-type": "text/csv",
      "content-length": String(2 * 1024 ** 3),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "person_imports.too_large" });
    expect(res.json().detail).toContain("1024 Mo");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await count("person_imports")).toBe(before);
  });

  it("stops reading a stream that grows past the limit (no Content-Length), and keeps nothing", async () => {
    const service = createPersonImportService({ db: env.db, maxBytes: 1000 });
    const big = Readable.from(["cin,lastNameLatin\n", "x".repeat(2000)]);
    await expect(service.receive(big)).rejects.toMatchObject({
      status: 413,
      code: "person_imports.too_large",
    });
    expect(readdirSync(service.workDir).filter((f) => f.endsWith(".upload"))).toEqual([]);
  });
});

describe("scope and permission", () => {
  it("a regional officer imports persons of their region only: other regions' rows are rejected", async () => {
    const officer = await env.userWith("regional_officer", "region", "MA-06");
    const csv =
      "cin,lastNameLatin,firstNameLatin,sex,birthDate,provinceCode\nSC1,Casa,Une,female,1990-01-01,MA-CAS\nSC2,Rabat,Deux,male,1990-01-01,MA-RAB\n";
    const done = job(await upload(officer, csv));
    expect(done).toMatchObject({ status: "completed", rowsImported: 1, rowsRejected: 1 });
    const report = await officer.get(`/api/v1/person-imports/${done.id}/rejected.csv`);
    expect(report.body).toContain("hors de votre périmètre");
    // Another importer of another region cannot see the job or its report.
    const other = await env.userWith("regional_officer", "region", "MA-04");
    expect((await other.get(`/api/v1/person-imports/${done.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/person-imports/${done.id}/rejected.csv`)).statusCode).toBe(404);
    expect((await national.get(`/api/v1/person-imports/${done.id}`)).statusCode).toBe(200);
  });

  it("needs persons.import: a social worker or a partner is refused before the upload is read", async () => {
    const worker = await env.userWith("social_worker", "province", "MA-CAS");
    expect((await upload(worker, "cin\n")).statusCode).toBe(403);
    const partner = await env.userWith("partner", "organization", null);
    expect((await partner.get("/api/v1/person-imports")).statusCode).toBe(403);
  });
});

describe("households in the file", () => {
  it("creates each household with its head and members; a household without exactly one head is rejected whole", async () => {
    const households = await count("households");
    const csv = [
      "cin,lastNameLatin,firstNameLatin,sex,birthDate,provinceCode,householdRef,relationship",
      "HH1,Amrani,Driss,male,1970-01-01,MA-SET,M1,head",
      "HH2,Amrani,Latifa,female,1975-01-01,MA-SET,M1,Conjoint(e)",
      ",Amrani,Yasmine,female,2010-01-01,MA-SET,M1,child",
      "HH4,Berrada,Ali,male,1960-01-01,MA-SET,M2,spouse",
      "HH5,Solo,Nadia,female,1985-01-01,MA-SET,,",
    ].join("\n");
    const done = job(await upload(national, csv));
    expect(done).toMatchObject({
      status: "completed",
      rowsImported: 4,
      rowsRejected: 1,
      householdsImported: 1,
    });
    expect(await count("households")).toBe(households + 1);
    const members = await env.db.execute<{ relationship: string }>(
      sql`SELECT m.relationship FROM household_members m JOIN persons p ON p.id = m.person_id
          WHERE p.last_name_latin = 'Amrani' ORDER BY m.relationship`,
    );
    expect(members.rows.map((r) => r.relationship)).toEqual(["head", "spouse", "child"]);
  });
});

describe("batches", () => {
  it("a file read in batches is checked as a whole: CINs and households across batches, one transaction", async () => {
    await create(national, { cin: "BT9000", provinceCode: "MA-RAB" });
    const before = { persons: await count("persons"), households: await count("households") };
    const service = createPersonImportService({ db: env.db });
    const csv = [
      "cin,lastNameLatin,firstNameLatin,sex,birthDate,provinceCode,householdRef,relationship",
      "BT1001,Batch,Amal,female,1990-01-01,MA-CAS,,", // row 2, batch 1
      "XX,Batch,Bad,female,1990-01-01,MA-CAS,,", // 3: bad CIN
      "BT1001,Batch,Again,female,1990-01-01,MA-CAS,,", // 4, batch 2: the CIN of row 2
      "BT9000,Batch,Known,male,1960-01-01,MA-RAB,,", // 5: already registered
      "BT9000,Batch,Known2,male,1960-01-01,MA-RAB,,", // 6, batch 3: registered too
      "BT2001,Batch,Head,male,1970-01-01,MA-SET,H1,head", // 7: household H1 over two batches
      "BT2002,Batch,Child,female,2010-01-01,MA-SET,H1,child", // 8, batch 4
      "BT3001,Batch,Lone,male,1980-01-01,MA-SET,H2,spouse", // 9: H2 has no head: rejected whole
      "BT3002,Batch,Lone2,female,1982-01-01,MA-SET,H2,child", // 10, batch 5
      "BT4001,Batch,Twice,male,1975-01-01,MA-CAS,,", // 11
      "BT4001,Batch,Twice2,male,1975-01-01,MA-CAS,,", // 12, batch 6: repeated within the batch
    ].join("\n");
    const received = await service.receive(Readable.from([csv]));
    const { done } = await service.start(
      systemContext("test"),
      { ...received, fileName: "b.csv", encoding: "auto" },
      "fr",
      { batchRows: 2 },
    );
    const result = await done;
    expect(result).toMatchObject({
      status: "completed",
      rowsRead: 11,
      rowsImported: 4,
      rowsRejected: 7,
      householdsImported: 1,
    });
    const rejected = await env.db.execute<{
      row_number: number;
      code: string;
      params: Record<string, unknown>;
    }>(
      sql`SELECT row_number, errors->0->>'code' AS code, errors->0->'params' AS params
          FROM person_import_rejections WHERE import_id = ${result.id} ORDER BY row_number`,
    );
    expect(rejected.rows).toEqual([
      { row_number: 3, code: "validation.cin", params: expect.anything() },
      { row_number: 4, code: "person_imports.cin_in_file", params: { row: 4, first: 2 } },
      { row_number: 5, code: "person_imports.cin_registered", params: { row: 5 } },
      { row_number: 6, code: "person_imports.cin_registered", params: { row: 6 } },
      { row_number: 9, code: "person_imports.household_head", params: { row: 9, ref: "H2" } },
      { row_number: 10, code: "person_imports.household_head", params: { row: 10, ref: "H2" } },
      { row_number: 12, code: "person_imports.cin_in_file", params: { row: 12, first: 11 } },
    ]);
    const written = await env.db.execute<{ cin: string; first_name_latin: string }>(
      sql`SELECT cin, first_name_latin FROM persons WHERE last_name_latin = 'Batch' AND cin <> 'BT9000' ORDER BY cin`,
    );
    expect(written.rows).toEqual([
      { cin: "BT1001", first_name_latin: "Amal" },
      { cin: "BT2001", first_name_latin: "Head" },
      { cin: "BT2002", first_name_latin: "Child" },
      { cin: "BT4001", first_name_latin: "Twice" },
    ]);
    expect(await count("persons")).toBe(before.persons + 4);
    expect(await count("households")).toBe(before.households + 1);
    // The report's cells are the rows as checked: the rejected duplicate shows its own names.
    const report = await national.get(`/api/v1/person-imports/${result.id}/rejected.csv`);
    expect(report.body).toMatch(/\n4,.*BT1001,Batch,Again/);
  });
});

describe("XLSX", () => {
  it("reads the first sheet as a stream, dates included", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Personnes");
    sheet.addRow(["CIN", "Nom", "Prénom", "Sexe", "Date de naissance", "Province / préfecture"]);
    sheet.addRow(["XL1", "Fassi", "Hind", "Femme", new Date(Date.UTC(1999, 4, 6)), "MA-FES"]);
    sheet.addRow(["XL2", "Fassi", "Karim", "Homme", "1998-02-03", "MA-FES"]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await national.request("POST", "/api/v1/person-imports?wait=true&fileName=p.xlsx", body, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(job(res)).toMatchObject({ status: "completed", format: "xlsx", rowsImported: 2 });
    const hind = await env.db.execute<{ birth_date: string; sex: string }>(
      sql`SELECT birth_date, sex FROM persons WHERE cin = 'XL1'`,
    );
    expect(hind.rows[0]).toEqual({ birth_date: "1999-05-06", sex: "female" });
  });
});

describe("a crash half-way", () => {
  const rows = (n: number, prefix: string) =>
    [
      "cin,lastNameLatin,firstNameLatin,sex,birthDate,provinceCode",
      ...Array.from(
        { length: n },
        (_, i) => `${prefix}${100000 + i},Crash,Test${i},female,1990-01-01,MA-CAS`,
      ),
    ].join("\n");

  it("thrown after N rows: nothing written; the re-run imports everything once; a third run changes nothing", async () => {
    const service = createPersonImportService({ db: env.db });
    const csv = rows(50, "CR");
    const before = await count("persons");
    const ctx = systemContext("test");
    const received = await service.receive(Readable.from([csv]));
    const crashed = await (
      await service.start(ctx, { ...received, fileName: "c.csv", encoding: "auto" }, "fr", {
        failAfterRows: 20,
      })
    ).done;
    expect(crashed).toMatchObject({
      status: "failed",
      rowsImported: 0,
      error: { code: "person_imports.interrupted" },
    });
    expect(await count("persons")).toBe(before);
    const staged = await env.db.execute(
      sql`SELECT 1 FROM person_import_rejections WHERE import_id = ${crashed.id}`,
    );
    expect(staged.rows).toEqual([]);
    // Nothing written, but the attempt is in the audit trail (one event, not one per row).
    const trail = await env.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity_id = ${crashed.id}`,
    );
    expect(trail.rows.map((r) => r.action)).toEqual(["person.import_failed"]);

    const rerun = await service.start(
      ctx,
      { ...(await service.receive(Readable.from([csv]))), fileName: "c.csv", encoding: "auto" },
      "fr",
    );
    expect(rerun.alreadyImported).toBe(false);
    expect(await rerun.done).toMatchObject({ status: "completed", rowsImported: 50 });
    expect(await count("persons")).toBe(before + 50);
    const third = await service.start(
      ctx,
      { ...(await service.receive(Readable.from([csv]))), fileName: "c.csv", encoding: "auto" },
      "fr",
    );
    expect(third).toMatchObject({ alreadyImported: true, job: { id: (await rerun.done).id } });
    expect(await count("persons")).toBe(before + 50);
  });

  it("the CLI killed with SIGKILL mid-way: the registry is exactly as before, the job reads as interrupted, a re-run completes", async () => {
    const file = path.join(os.tmpdir(), `jisr-kill-${process.pid}.csv`);
    writeFileSync(file, rows(30000, "KL"));
    const before = await count("persons");
    const url = (env.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", "persons", file], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
    });
    let id: string | undefined;
    for (let i = 0; i < 600 && !id; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const r = await env.db.execute<{ id: string }>(
        sql`SELECT id FROM person_imports WHERE file_name = ${path.basename(file)} AND status = 'reading' AND rows_read > 0`,
      );
      id = r.rows[0]?.id;
    }
    expect(id).toBeDefined();
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    // The backend notices the dead client and rolls back; its lock goes with it.
    let status = "";
    for (let i = 0; i < 50 && status !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await national.get(`/api/v1/person-imports/${id}`)).json().status;
    }
    const interrupted = (await national.get(`/api/v1/person-imports/${id}`)).json();
    expect(interrupted).toMatchObject({
      status: "failed",
      rowsImported: 0,
      error: { code: "person_imports.interrupted" },
    });
    expect(await count("persons")).toBe(before);

    const rerun = job(await upload(national, readFileSync(file)));
    expect(rerun).toMatchObject({ status: "completed", rowsImported: 30000, rowsRejected: 0 });
    expect(await count("persons")).toBe(before + 30000);
    const dupes = await env.db.execute(
      sql`SELECT cin FROM persons WHERE cin LIKE 'KL%' GROUP BY cin HAVING count(*) > 1`,
    );
    expect(dupes.rows).toEqual([]);
    rmSync(file, { force: true });
  }, 120_000);
});
