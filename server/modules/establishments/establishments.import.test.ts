import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { residentStays } from "./establishments.residents.table.ts";

/** The import applies the registry's capacity rule to the rows it updates, all or nothing. */
const env = setupTestEnv();
let admin: Client;
let seq = 0;

const csv = (text: string, lang = "fr") =>
  admin.request("POST", "/api/v1/establishments/import", text, {
    "content-type": "text/csv",
    "accept-language": lang,
  });

async function admitted(establishmentId: string, sex: "female" | "male") {
  const res = await admin.post("/api/v1/persons", {
    firstNameLatin: `Import${seq++}`,
    lastNameLatin: "Resident",
    sex,
    birthDate: "2011-02-03",
    provinceCode: "MA-RAB",
  });
  expect(res.statusCode, res.body).toBe(201);
  await env.db.insert(residentStays).values({
    establishmentId,
    personId: res.json().id,
    sex,
    status: "admitted",
    referralSource: "family",
    requestReason: "test",
    requestedOn: "2026-01-01",
    admittedOn: "2026-01-02",
  });
}

const byCode = async (code: string) =>
  (await admin.get(`/api/v1/establishments?q=${code}`))
    .json()
    .items.find((e: { code: string }) => e.code === code);

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  const header = "code;nameFr;category;regionCode;provinceCode;capacityMale;capacityFemale";
  const res = await csv(
    [
      header,
      "CAP-1;Centre Cap Un;elderly;MA-04;MA-RAB;3;3",
      "CAP-2;Centre Cap Deux;elderly;MA-04;MA-RAB;2;2",
    ].join("\n"),
  );
  expect(res.statusCode, res.body).toBe(200);
  const one = await byCode("CAP-1");
  for (let i = 0; i < 3; i++) await admitted(one.id, "male");
  await admitted(one.id, "female");
});

describe("import: capacity below the current residents", () => {
  const header = "code;nameFr;category;regionCode;provinceCode;capacityMale;capacityFemale";

  it("refuses an updated row whose capacity is below the residents, naming row and column, writing nothing", async () => {
    const file = [
      header,
      "CAP-2;Centre Cap Deux renommé;elderly;MA-04;MA-RAB;4;4",
      "CAP-1;Centre Cap Un;elderly;MA-04;MA-RAB;2;3",
      "CAP-3;Centre Cap Trois;elderly;MA-04;MA-RAB;1;1",
    ].join("\n");
    const res = await csv(file);
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.code).toBe("import.failed");
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0].path).toBe("rows.3.capacityMale");
    expect(problem.errors[0].message).toBe(
      "Ligne 3, colonne capacityMale : la capacité 2 est inférieure aux 3 résident(s) actuellement admis.",
    );
    // all or nothing: the valid update and the new row are not written either
    expect((await byCode("CAP-2")).nameFr).toBe("Centre Cap Deux");
    expect((await byCode("CAP-1")).capacityMale).toBe(3);
    expect(await byCode("CAP-3")).toBeUndefined();

    const ar = await csv(file, "ar");
    expect(ar.json().errors[0].message).toBe(
      "السطر 3، العمود capacityMale: الطاقة الاستيعابية 2 أقل من 3 مقيم(ين) مقبولين حاليا.",
    );
    const en = await csv(file.replace("MA-RAB;2;3", "MA-RAB;3;0"), "en");
    expect(en.json().errors[0]).toMatchObject({ path: "rows.3.capacityFemale" });
    expect(en.json().errors[0].message).toContain("Row 3, column capacityFemale");
  });

  it("accepts a capacity equal to the residents, and a file without the capacity columns", async () => {
    const equal = await csv([header, "CAP-1;Centre Cap Un;elderly;MA-04;MA-RAB;3;1"].join("\n"));
    expect(equal.statusCode, equal.body).toBe(200);
    expect(equal.json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const noCapacity = await csv("code;nameFr;category\nCAP-1;Centre Cap Un (nouveau nom);elderly");
    expect(noCapacity.statusCode, noCapacity.body).toBe(200);
    expect((await byCode("CAP-1")).capacityFemale).toBe(1);
  });

  it("lets an establishment admitted beyond capacity be re-imported and edited unchanged", async () => {
    const two = await byCode("CAP-2");
    for (let i = 0; i < 3; i++) await admitted(two.id, "female"); // 3 women for 2 places
    const same = await csv([header, "CAP-2;Centre Cap Deux;elderly;MA-04;MA-RAB;2;2"].join("\n"));
    expect(same.statusCode, same.body).toBe(200);
    const patch = await admin.patch(`/api/v1/establishments/${two.id}`, {
      version: two.version,
      nameFr: "Centre Cap Deux (édité)",
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const lower = await admin.patch(`/api/v1/establishments/${two.id}`, {
      version: patch.json().version,
      capacityFemale: 1,
    });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().errors[0].path).toBe("capacityFemale");
  });
});
