import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
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

beforeAll(async () => {
  national = await env.userWith("national_officer", "national");
});

describe("a CSV of persons", () => {
  it("imports the good rows, rejects the bad ones with reasons, and writes one audit event", async () => {
    await create(national, { cin: "RG1001", provinceCode: "MA-RAB" });
    const before = await count("persons");
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
