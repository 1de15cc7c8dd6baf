import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { seedMonitoringData } from "./indicators.testing.ts";

const env = setupTestEnv();
let admin: Client;
let data: Awaited<ReturnType<typeof seedMonitoringData>>;
const rows = async <T>(q: ReturnType<typeof sql>) => (await env.db.execute(q)).rows as T[];

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  data = await seedMonitoringData(env.db);
});

describe("dashboards", () => {
  it("national figures equal the naive GROUP BY over the base tables", async () => {
    const res = await admin.get("/api/v1/dashboards/national");
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const money = await rows<{ region_code: string; committed: string; disbursed: string }>(sql`
      select p.region_code,
             coalesce((select sum(amount_centimes) from project_budget_lines l join projects q on q.id = l.project_id
                        where q.region_code = p.region_code and q.archived_at is null), 0)::bigint as committed,
             coalesce((select sum(amount_centimes) from disbursements x join projects q on q.id = x.project_id
                        where q.region_code = p.region_code and q.archived_at is null), 0)::bigint as disbursed
        from projects p where p.archived_at is null group by 1 order by 1`);
    expect(
      d.money.byRegion.map((r: { code: string; committedCentimes: number; disbursedCentimes: number }) => [
        r.code,
        r.committedCentimes,
        r.disbursedCentimes,
      ]),
    ).toEqual(money.map((m) => [m.region_code, Number(m.committed), Number(m.disbursed)]));
    const byFunder = await rows<{ funder_id: string; committed: string }>(sql`
      select funder_id, sum(amount_centimes)::bigint as committed from project_budget_lines group by 1`);
    for (const f of byFunder)
      expect(
        d.money.byPartner.find((p: { funderId: string }) => p.funderId === f.funder_id).committedCentimes,
      ).toBe(Number(f.committed));
    const [infra] = await rows<{
      n: number;
      conn: number;
      solar: number;
      hot: number;
      cap: number;
      res: number;
    }>(sql`
      select count(*)::int as n, count(*) filter (where connectivity <> 'none')::int as conn,
             count(*) filter (where solar_kwp > 0)::int as solar, count(*) filter (where hot_water = 'solar')::int as hot,
             sum(capacity_female + capacity_male)::int as cap,
             (select count(*) from resident_stays where status = 'admitted')::int as res
        from establishments where archived_at is null`);
    expect(d.infrastructure).toMatchObject({
      establishments: infra?.n,
      connected: infra?.conn,
      solar: infra?.solar,
      solarHotWater: infra?.hot,
      capacity: infra?.cap,
      residents: infra?.res,
    });
    const stages = await rows<{ stage_id: string; n: number }>(sql`
      select stage_id, count(*)::int as n from applications where status not in ('rejected', 'withdrawn') group by 1`);
    const program = d.programs.find((p: { code: string }) => p.code === "T-YOUTH");
    for (const s of stages)
      expect(program.stages.find((x: { stageId: string }) => x.stageId === s.stage_id).count).toBe(s.n);
    const statuses = await rows<{ status: string; n: number }>(sql`
      select status::text, count(*)::int as n from projects where archived_at is null group by 1 order by 1`);
    expect(d.projects.byStatus).toEqual(statuses.map((s) => ({ status: s.status, count: s.n })));
    expect(d.projects.withLateMilestones).toBe(2);
    expect(d.territories).toHaveLength(12);
  });

  it("a regional officer gets only their region's figures; another region is a 404", async () => {
    const officer = await env.userWith("regional_officer", "region", "MA-06");
    const own = await officer.get("/api/v1/dashboards/regions/MA-06");
    expect(own.statusCode, own.body).toBe(200);
    expect(
      own
        .json()
        .territories.every(
          (t: { code: string }) => ["MA-CAS", "MA-MOH"].includes(t.code) || t.code.startsWith("MA-"),
        ),
    ).toBe(true);
    expect((await officer.get("/api/v1/dashboards/regions/MA-04")).statusCode).toBe(404);
    expect((await officer.get("/api/v1/dashboards/provinces/MA-RAB")).statusCode).toBe(404);
    expect((await admin.get("/api/v1/dashboards/regions/MA-99")).statusCode).toBe(404);
    const national = (await officer.get("/api/v1/dashboards/national")).json();
    expect(national.money.byRegion.map((r: { code: string }) => r.code)).toEqual(["MA-06"]);
    expect(national.infrastructure.establishments).toBe(3);
    expect(national.territories.map((t: { code: string }) => t.code)).toEqual(["MA-06"]);
    const csv = await officer.get("/api/v1/dashboards/national/export?format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Casablanca");
    expect(csv.body).not.toContain("Rabat");
  });

  it("a partner sees only aggregates of the projects it is party to, through the API and exports", async () => {
    const partner = await env.userWith("partner", "organization", data.ocpId);
    const d = (await partner.get("/api/v1/dashboards/national")).json();
    const [mine] = await rows<{ committed: string }>(sql`
      select sum(l.amount_centimes)::bigint as committed from project_budget_lines l join projects p on p.id = l.project_id
       where p.party_org_ids && ARRAY[${data.ocpId}]::uuid[]`);
    expect(d.money.committedCentimes).toBe(Number(mine?.committed));
    expect(d.projects.total).toBe(2);
    // Establishments: only the one whose connection it funded; programmes: only those it funds.
    expect(d.infrastructure.establishments).toBe(1);
    expect(d.programs.map((p: { code: string }) => p.code)).toEqual(["T-YOUTH"]);
    const projects = (await partner.get("/api/v1/dashboards/regions/MA-04/projects")).json();
    expect(projects.items).toEqual([]);
    const xlsx = await partner.get("/api/v1/dashboards/regions/MA-06/projects/export?format=xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const csv = (await partner.get("/api/v1/dashboards/regions/MA-06/projects/export?format=csv")).body;
    expect(csv).toContain("T-PRJ-0");
    expect(csv).not.toContain("T-PRJ-2");
  });

  it("the map gives any indicator by region, absolute and per 10,000 inhabitants", async () => {
    const created = await admin.post("/api/v1/indicators", {
      code: "T-MAP",
      nameFr: "Engagé",
      nameAr: "ملتزم",
      unit: "mad",
      direction: "higher",
      aggregation: "sum",
      kind: "computed",
      computation: "partnerships.committed",
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await admin.get("/api/v1/dashboards/map?indicator=T-MAP");
    expect(res.statusCode, res.body).toBe(200);
    const ma06 = res.json().regions.find((r: { code: string }) => r.code === "MA-06");
    const [pop] = await rows<{ p: number }>(
      sql`select population_2024 as p from regions where code = 'MA-06'`,
    );
    expect(ma06.value).toBe(800_000);
    expect(ma06.per10k).toBeCloseTo((800_000 / (pop?.p ?? 1)) * 10_000, 3);
    expect(res.json().regions).toHaveLength(12);
    const csv = await admin.get("/api/v1/dashboards/map/export?indicator=T-MAP&format=csv");
    expect(csv.statusCode).toBe(200);
    expect((await admin.get("/api/v1/dashboards/map?indicator=NOPE")).statusCode).toBe(404);
  });
});
