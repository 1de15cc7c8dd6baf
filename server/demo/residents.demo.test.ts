import { beforeAll, describe, expect, it } from "vitest";
import { ESTABLISHMENT_CATEGORIES } from "../../contracts/establishments.ts";
import { establishments } from "../modules/establishments/index.ts";
import { type Client, setupTestEnv } from "../platform/testing.ts";
import { loadDemoPersons } from "./persons.demo.ts";
import { loadDemoResidents } from "./residents.demo.ts";

const env = setupTestEnv();
let figures: Awaited<ReturnType<typeof loadDemoResidents>>;
let admin: Client;
let first: string;

beforeAll(async () => {
  await loadDemoPersons(env.db, { households: 1500 });
  const rows = ESTABLISHMENT_CATEGORIES.flatMap((category, i) =>
    ["MA-06", "MA-04"].map((regionCode, j) => ({
      code: `DEMO-RES-${i}-${j}`,
      nameFr: `EPS démo ${category} ${regionCode}`,
      category,
      regionCode,
      capacityMale: 10 + i,
      capacityFemale: 8 + j * 4,
    })),
  );
  const ids = await env.db.insert(establishments).values(rows).returning({ id: establishments.id });
  first = ids[0]?.id as string;
  figures = await loadDemoResidents(env.db, { days: 30, projectShare: 0.5 });
  admin = await env.userWith("administrator", "national");
}, 120_000);

describe("demo residents", () => {
  it("fills the establishments within capacity, with attendance only on days of stay", async () => {
    expect(figures.residents).toBeGreaterThan(50);
    expect(figures.attendance).toBeGreaterThan(figures.residents * 20);
    expect(figures.projects).toBeGreaterThan(0);
    const over = await env.pool.query(`
      select e.id from establishments e join resident_stays s on s.establishment_id = e.id and s.status = 'admitted'
      group by e.id, e.capacity_male, e.capacity_female
      having count(*) filter (where s.sex = 'male') > e.capacity_male
          or count(*) filter (where s.sex = 'female') > e.capacity_female`);
    expect(over.rows).toHaveLength(0);
    const outside = await env.pool.query(`
      select count(*)::int n from resident_attendance a join resident_stays s on s.id = a.stay_id
      where a.day < s.admitted_on or (s.discharged_on is not null and a.day >= s.discharged_on) or a.day > current_date`);
    expect(outside.rows[0].n).toBe(0);
    const occupancy = await admin.get(
      `/api/v1/establishments/${first}/occupancy?from=2026-01-01&to=2026-01-31&granularity=month`,
    );
    expect(occupancy.statusCode, occupancy.body).toBe(200);
    expect(await loadDemoResidents(env.db)).toMatchObject({ stays: 0 });
    console.info(`demo residents: ${JSON.stringify(figures)}`);
  });
});
