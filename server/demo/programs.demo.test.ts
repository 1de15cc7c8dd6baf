import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../platform/testing.ts";
import { loadDemoData } from "./demo.seed.ts";
import { DEMO_TRACKING_CODE, loadDemoPrograms } from "./programs.demo.ts";

const env = setupTestEnv();
let figures: Awaited<ReturnType<typeof loadDemoPrograms>>;
let admin: Client;

beforeAll(async () => {
  // The whole demo dataset, as the first start loads it: organisations, users, persons, programmes.
  // (Its duration is not asserted: a timed unit test fails on a slower machine, not on a defect.)
  figures = (await loadDemoData(env.db)).programs;
  admin = await env.userWith("administrator", "national");
}, 180_000);

describe("demo programmes", () => {
  it("loads the programmes of the source texts with applications at every stage", async () => {
    expect(figures.programs).toBe(6);
    expect(figures.applications).toBeGreaterThan(2000);
    const stages = await env.pool.query(`
      select p.code, s.code stage, count(a.id)::int n
      from programs p join program_stages s on s.program_id = p.id
      left join applications a on a.stage_id = s.id
      where p.status = 'active' group by p.code, s.code, s.position`);
    const empty = stages.rows.filter((r) => r.n === 0);
    expect(empty, JSON.stringify(empty)).toEqual([]);
    const statuses = await env.pool.query("select distinct status from applications");
    expect(statuses.rows.map((r) => r.status).sort()).toEqual([
      "completed",
      "enrolled",
      "pending",
      "rejected",
      "withdrawn",
    ]);
    const youth = (await admin.get("/api/v1/programs?q=JEUNES")).json().items[0];
    expect(youth).toMatchObject({
      code: "JEUNES-PORTEURS-CS",
      capacity: 3000,
      coverage: { regionCodes: ["MA-06"] },
    });
    const outside = await env.pool.query(`
      select count(*)::int n from applications a join programs p on p.id = a.program_id
      join persons x on x.id = a.person_id where p.code = 'JEUNES-PORTEURS-CS' and x.region_code <> 'MA-06'`);
    expect(outside.rows[0].n).toBe(0);
    console.info(`demo programmes: ${figures.applications} applications, ${figures.services} services`);
  });

  it("an application opens with its explanation, and the known tracking code works on the public page", async () => {
    const list = (await admin.get("/api/v1/applications?limit=1")).json();
    const app = (await admin.get(`/api/v1/applications/${list.items[0].id}`)).json();
    expect(app.eligibilityResult.explanation.children.length).toBeGreaterThan(0);
    expect(app.events[0].kind).toBe("filed");
    expect(figures.tracking?.code).toBe(DEMO_TRACKING_CODE);
    const status = await env.app.inject({
      method: "POST",
      url: "/api/v1/public/applications/status",
      payload: { trackingCode: DEMO_TRACKING_CODE, birthDate: figures.tracking?.birthDate },
    });
    expect(status.statusCode, status.body).toBe(200);
  });

  it("is idempotent", async () => {
    expect((await loadDemoPrograms(env.db)).programs).toBe(0);
  });
});
