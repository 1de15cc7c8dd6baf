import { describe, expect, it } from "vitest";
import { setupTestEnv } from "../../platform/testing.ts";

const env = setupTestEnv();

describe("territories", () => {
  it("lists the 12 regions in ISO order with their 2024 census population and province counts", async () => {
    const client = await env.userWith("partner", "national");
    const { items } = (await client.get("/api/v1/territories/regions")).json();
    expect(items).toHaveLength(12);
    expect(items.map((r: { code: string }) => r.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, "0")}`),
    );
    expect(items[5]).toMatchObject({
      code: "MA-06",
      nameFr: "Casablanca-Settat",
      nameAr: expect.stringMatching(/الدار البيضاء/),
    });
    const population = items.reduce((s: number, r: { population2024: number }) => s + r.population2024, 0);
    expect(population).toBe(36_828_330);
    expect(items.reduce((s: number, r: { provinceCount: number }) => s + r.provinceCount, 0)).toBe(75);
  });

  it("lists provinces and prefectures, all or of one region", async () => {
    const client = await env.userWith("social_worker", "province", "MA-CAS");
    const all = (await client.get("/api/v1/territories/provinces")).json().items;
    expect(all).toHaveLength(75);
    expect(new Set(all.map((p: { code: string }) => p.code)).size).toBe(75);
    const casa = (await client.get("/api/v1/territories/provinces?region=MA-06")).json().items;
    expect(casa.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(["MA-CAS", "MA-NOU", "MA-SET", "MA-JDI"]),
    );
    expect(casa.every((p: { regionCode: string }) => p.regionCode === "MA-06")).toBe(true);
    const bad = await client.get("/api/v1/territories/provinces?region=06");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: "region", code: "validation.region_code" });
  });

  it("are reference data loaded by code: reloading changes nothing", async () => {
    const { seedTerritories } = await import("./index.ts");
    await seedTerritories(env.db);
    const { rows } = await env.pool.query(
      "select (select count(*) from regions)::int r, (select count(*) from provinces)::int p",
    );
    expect(rows[0]).toEqual({ r: 12, p: 75 });
  });

  it("the registry's rows name a province of their region: the database itself refuses another pair", async () => {
    const insert = (table: string, region: string) =>
      env.pool.query(
        table === "persons"
          ? `INSERT INTO persons (id, first_name_latin, last_name_latin, sex, birth_date, region_code, province_code)
             VALUES (gen_random_uuid(), 'Pair', 'Check', 'female', '1990-01-01', $1, 'MA-CAS')`
          : `INSERT INTO households (id, head_person_id, region_code, province_code)
             SELECT gen_random_uuid(), id, $1, 'MA-CAS' FROM persons WHERE last_name_latin = 'Check' LIMIT 1`,
        [region],
      );
    // MA-CAS lies in Casablanca-Settat (MA-06), not in Tanger-Tétouan-Al Hoceïma (MA-01); the
    // household's head is the person the first round writes.
    for (const table of ["persons", "households"]) {
      await expect(insert(table, "MA-01")).rejects.toMatchObject({ code: "23503" });
      expect((await insert(table, "MA-06")).rowCount).toBe(1);
    }
  });
});
