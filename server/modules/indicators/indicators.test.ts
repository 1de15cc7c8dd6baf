import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../platform/ids.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { seedMonitoringData } from "./indicators.testing.ts";

const env = setupTestEnv();
let admin: Client;
let data: Awaited<ReturnType<typeof seedMonitoringData>>;

const rows = async <T>(q: ReturnType<typeof sql>) => (await env.db.execute(q)).rows as T[];

async function define(body: Record<string, unknown>) {
  const res = await admin.post("/api/v1/indicators", {
    nameAr: "مؤشر",
    unit: "count",
    direction: "higher",
    aggregation: "sum",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const regional = (
  values: {
    territoryLevel: string;
    territoryCode: string | null;
    sex: unknown;
    ageBand: unknown;
    value: number;
  }[],
) =>
  Object.fromEntries(
    values
      .filter((v) => v.territoryLevel === "region" && !v.sex && !v.ageBand)
      .map((v) => [v.territoryCode, v.value]),
  );
const national = (values: { territoryLevel: string; sex: unknown; ageBand: unknown; value: number }[]) =>
  values.find((v) => v.territoryLevel === "national" && !v.sex && !v.ageBand)?.value;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  data = await seedMonitoringData(env.db);
});

describe("computed indicators", () => {
  it("equal a direct COUNT on the same data, by region and nationally", async () => {
    const connected = await define({
      code: "T-CONN",
      nameFr: "Connectés",
      kind: "computed",
      computation: "establishments.connected",
    });
    const res = await admin.get(`/api/v1/indicators/${connected.id}/computed`);
    expect(res.statusCode, res.body).toBe(200);
    const direct = await rows<{ region_code: string; n: number }>(sql`
      select region_code, count(*)::int as n from establishments
       where archived_at is null and connectivity <> 'none' group by 1`);
    const byRegion = regional(res.json().values);
    for (const d of direct) expect(byRegion[d.region_code]).toBe(d.n);
    expect(national(res.json().values)).toBe(direct.reduce((s, d) => s + d.n, 0));
    expect(national(res.json().values)).toBe(3);
  });

  it("counts young people past a stage like a direct COUNT over applications and persons", async () => {
    const past = await define({
      code: "T-PAST",
      nameFr: "Jeunes ayant passé l'étape",
      kind: "computed",
      computation: "programs.past_stage",
      computationParams: { programCode: "T-YOUTH", stageCode: "review" },
    });
    const res = await admin.get(`/api/v1/indicators/${past.id}/computed`);
    expect(res.statusCode, res.body).toBe(200);
    const direct = await rows<{ region_code: string; n: number }>(sql`
      select p.region_code, count(*)::int as n
        from applications a join persons p on p.id = a.person_id
        join program_stages s on s.id = a.stage_id join programs g on g.id = a.program_id
       where g.code = 'T-YOUTH' and a.status not in ('rejected', 'withdrawn')
         and s.position >= (select position from program_stages where program_id = g.id and code = 'review')
       group by 1`);
    expect(direct.length).toBeGreaterThan(0);
    const byRegion = regional(res.json().values);
    for (const d of direct) expect(byRegion[d.region_code]).toBe(d.n);
    expect(national(res.json().values)).toBe(direct.reduce((s, d) => s + d.n, 0));
    const women = res
      .json()
      .values.find(
        (v: { territoryLevel: string; sex: string }) => v.territoryLevel === "national" && v.sex === "female",
      );
    const [directWomen] = await rows<{ n: number }>(sql`
      select count(*)::int as n from applications a join persons p on p.id = a.person_id
        join program_stages s on s.id = a.stage_id join programs g on g.id = a.program_id
       where g.code = 'T-YOUTH' and a.status not in ('rejected', 'withdrawn') and p.sex = 'female'
         and s.position >= (select position from program_stages where program_id = g.id and code = 'review')`);
    expect(women.value).toBe(directWomen?.n);
  });

  it("money committed and disbursed equal the sums of budget lines and disbursements", async () => {
    const committed = await define({
      code: "T-COMMIT",
      nameFr: "Engagé",
      unit: "mad",
      kind: "computed",
      computation: "partnerships.committed",
    });
    const res = await admin.get(`/api/v1/indicators/${committed.id}/computed`);
    const [direct] = await rows<{ total: string }>(sql`
      select sum(l.amount_centimes)::bigint as total from project_budget_lines l
        join projects p on p.id = l.project_id where p.archived_at is null`);
    expect(national(res.json().values)).toBe(Number(direct?.total) / 100);
  });

  it("are kept up to date: a read with no change does not recompute, the next read after a write shows the new value", async () => {
    const rate = await define({
      code: "T-CONN-RATE",
      nameFr: "Taux connectés",
      unit: "percent",
      aggregation: "rate",
      kind: "computed",
      computation: "establishments.connected_rate",
    });
    const first = (await admin.get(`/api/v1/indicators/${rate.id}/computed`)).json();
    const again = (await admin.get(`/api/v1/indicators/${rate.id}/computed`)).json();
    expect(again.computedAt).toBe(first.computedAt);
    expect(again.values).toEqual(first.values);
    // A write in the source module, through its own API.
    const est = (await admin.get(`/api/v1/establishments/${data.unconnectedId}`)).json();
    const patch = await admin.patch(`/api/v1/establishments/${data.unconnectedId}`, {
      version: est.version,
      connectivity: "fibre",
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const after = (await admin.get(`/api/v1/indicators/${rate.id}/computed`)).json();
    expect(after.computedAt).not.toBe(first.computedAt);
    const [direct] = await rows<{ n: number; total: number }>(sql`
      select count(*) filter (where connectivity <> 'none')::int as n, count(*)::int as total
        from establishments where archived_at is null`);
    const nat = after.values.find(
      (v: { territoryLevel: string; sex: unknown }) => v.territoryLevel === "national" && !v.sex,
    );
    expect(nat.numerator).toBe(direct?.n);
    expect(nat.denominator).toBe(direct?.total);
    expect(nat.value).toBe(Math.round(((direct?.n ?? 0) / (direct?.total ?? 1)) * 10000) / 100);
  });

  it("a write to an unrelated table leaves the cache alone; a rolled-back write too", async () => {
    const conn = (await admin.get("/api/v1/indicators?q=T-CONN"))
      .json()
      .items.find((i: { code: string }) => i.code === "T-CONN");
    const first = (await admin.get(`/api/v1/indicators/${conn.id}/computed`)).json();
    await env.db.execute(sql`update organizations set phone = '0522000000' where id = ${data.ocpId}`);
    await env.db
      .transaction(async (tx) => {
        await tx.execute(sql`update establishments set connectivity = 'none'`);
        throw new Error("rollback");
      })
      .catch(() => {});
    const again = (await admin.get(`/api/v1/indicators/${conn.id}/computed`)).json();
    expect(again.computedAt).toBe(first.computedAt);
  });
});

describe("targets and measurements", () => {
  let entered: { id: string };
  beforeAll(async () => {
    entered = await define({
      code: "T-WOMEN",
      nameFr: "Femmes accompagnées",
      kind: "entered",
      disaggregations: ["region", "sex"],
    });
  });

  it("refuses a target for an unknown territory, and writes nothing", async () => {
    const res = await admin.put(`/api/v1/indicators/${entered.id}/targets`, {
      period: "2026",
      territoryLevel: "region",
      territoryCode: "MA-13",
      value: 10,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors[0]).toMatchObject({
      path: "territoryCode",
      code: "indicators.unknown_territory",
    });
    const province = await admin.put(`/api/v1/indicators/${entered.id}/targets`, {
      period: "2026",
      territoryLevel: "province",
      territoryCode: "MA-06",
      value: 10,
    });
    expect(province.statusCode).toBe(400);
    const [n] = await rows<{ n: number }>(
      sql`select count(*)::int as n from indicator_targets where indicator_id = ${entered.id}`,
    );
    expect(n?.n).toBe(0);
  });

  it("compares targets with actuals by period and territory, with the gap", async () => {
    for (const [code, value] of [
      ["MA-06", 100],
      ["MA-04", 50],
    ] as const)
      expect(
        (
          await admin.put(`/api/v1/indicators/${entered.id}/targets`, {
            period: "2026",
            territoryLevel: "region",
            territoryCode: code,
            value,
          })
        ).statusCode,
      ).toBe(200);
    await admin.put(`/api/v1/indicators/${entered.id}/targets`, {
      period: "2026",
      territoryLevel: "national",
      value: 200,
    });
    for (const [code, period, value] of [
      ["MA-06", "2026-Q1", 30],
      ["MA-06", "2026-Q2", 40],
      ["MA-04", "2026", 60],
    ] as const) {
      const res = await admin.post(`/api/v1/indicators/${entered.id}/measurements`, {
        period,
        territoryLevel: "region",
        territoryCode: code,
        value,
        source: "Rapport trimestriel",
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await admin.get(`/api/v1/indicators/${entered.id}/progress?period=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const byCode = Object.fromEntries(
      res.json().rows.map((r: { territoryCode: string | null }) => [r.territoryCode ?? "national", r]),
    );
    expect(byCode["MA-06"]).toMatchObject({ target: 100, actual: 70, gap: -30, achievement: 70 });
    expect(byCode["MA-04"]).toMatchObject({ target: 50, actual: 60, gap: 10 });
    expect(byCode.national).toMatchObject({ target: 200, actual: 130, gap: -70 });
  });

  it("exports the entered measurements a reader may see, as CSV and XLSX", async () => {
    const all = await admin.get(`/api/v1/indicators/${entered.id}/measurements/export?format=csv`);
    expect(all.statusCode, all.body).toBe(200);
    const lines = all.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(4); // header + the three measurements entered above
    expect(lines[0]).toContain("Période");
    expect(lines.filter((l) => l.includes("MA-06"))).toHaveLength(2);
    const officer = await env.userWith("regional_officer", "region", "MA-04");
    const own = await officer.get(`/api/v1/indicators/${entered.id}/measurements/export?format=csv`);
    expect(own.statusCode, own.body).toBe(200);
    const ownLines = own.body.trim().split(/\r?\n/).slice(1);
    expect(ownLines).toHaveLength(1);
    expect(ownLines[0]).toContain("MA-04");
    const xlsx = await officer.get(`/api/v1/indicators/${entered.id}/measurements/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const bad = await admin.get(`/api/v1/indicators/${entered.id}/measurements/export?format=pdf`);
    expect(bad.statusCode).toBe(400);
  });

  it("refuses a measurement on a computed indicator and a sex on an indicator not split by sex", async () => {
    const conn = (await admin.get("/api/v1/indicators?q=T-CONN")).json().items[0];
    const res = await admin.post(`/api/v1/indicators/${conn.id}/measurements`, {
      period: "2026",
      territoryLevel: "national",
      value: 1,
      source: "x",
    });
    expect(res.statusCode).toBe(422);
    const other = await define({ code: "T-PLAIN", nameFr: "Simple", kind: "entered" });
    const sex = await admin.post(`/api/v1/indicators/${other.id}/measurements`, {
      period: "2026",
      territoryLevel: "national",
      sex: "female",
      value: 1,
      source: "x",
    });
    expect(sex.statusCode).toBe(400);
    expect(sex.json().errors[0].path).toBe("sex");
  });

  it("a regional officer sets targets in their region only", async () => {
    const officer = await env.userWith("regional_officer", "region", "MA-06");
    const ok = await officer.put(`/api/v1/indicators/${entered.id}/targets`, {
      period: "2027",
      territoryLevel: "region",
      territoryCode: "MA-06",
      value: 5,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const out = await officer.put(`/api/v1/indicators/${entered.id}/targets`, {
      period: "2027",
      territoryLevel: "region",
      territoryCode: "MA-04",
      value: 5,
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().errors[0].code).toBe("indicators.territory_out_of_scope");
    const targets = (await officer.get(`/api/v1/indicators/${entered.id}/targets`)).json();
    expect(targets.every((t: { territoryCode: string }) => t.territoryCode === "MA-06")).toBe(true);
  });

  it("checks the definition: a computed indicator names a known computation", async () => {
    const res = await admin.post("/api/v1/indicators", {
      code: "T-BAD",
      nameFr: "x",
      nameAr: "x",
      unit: "count",
      direction: "higher",
      aggregation: "sum",
      kind: "computed",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("computation");
    const dup = await admin.post("/api/v1/indicators", {
      code: "T-CONN",
      nameFr: "x",
      nameAr: "x",
      unit: "count",
      direction: "higher",
      aggregation: "sum",
      kind: "entered",
    });
    expect(dup.statusCode).toBe(400);
    const id = newId();
    expect((await admin.get(`/api/v1/indicators/${id}`)).statusCode).toBe(404);
  });
});
