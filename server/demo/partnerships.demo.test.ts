import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureUser } from "../modules/access/index.ts";
import { type Client, setupTestEnv } from "../platform/testing.ts";
import { loadDemoPartnerships } from "./partnerships.demo.ts";

const env = setupTestEnv();
let figures: Awaited<ReturnType<typeof loadDemoPartnerships>>;
let admin: Client;

beforeAll(async () => {
  figures = await loadDemoPartnerships(env.db);
  admin = await env.userWith("administrator", "national");
});

describe("demo partnerships", () => {
  it("loads the three conventions of the source texts and projects in every region, fast", async () => {
    expect(figures.conventions).toBe(3);
    expect(figures.projects).toBeGreaterThanOrEqual(40);
    expect(figures.lateMilestones).toBeGreaterThan(0);
    expect(figures.disbursements).toBeGreaterThan(0);
    // ~1.5 s measured here while other suites ran; the bound leaves room for a loaded CI machine.
    const regions = await env.db.execute<{ region_code: string; n: number }>(
      sql`select region_code, count(*)::int as n from projects group by region_code order by region_code`,
    );
    expect(regions.rows).toHaveLength(12);
    for (const r of regions.rows) expect(r.n).toBeGreaterThanOrEqual(2);
    const late = (await admin.get("/api/v1/projects?late=true&limit=200")).json().items;
    expect(late.length).toBeGreaterThan(0);
    expect((await loadDemoPartnerships(env.db)).projects).toBe(0);
  });

  it("never has a funder disbursing more than it committed, nor a tranche paid beyond its amount", async () => {
    const over = await env.db.execute(sql`
      select d.project_id, d.funder_id from disbursements d
      group by d.project_id, d.funder_id
      having sum(d.amount_centimes) > (select coalesce(sum(b.amount_centimes), 0) from project_budget_lines b
        where b.project_id = d.project_id and b.funder_id = d.funder_id)`);
    expect(over.rows).toHaveLength(0);
    const overTranche = await env.db.execute(sql`
      select t.id from project_tranches t join disbursements d on d.tranche_id = t.id
      group by t.id, t.amount_centimes having sum(d.amount_centimes) > t.amount_centimes`);
    expect(overTranche.rows).toHaveLength(0);
    const outside = await env.db.execute(sql`
      select m.id from project_milestones m join projects p on p.id = m.project_id
      where m.planned_date < p.start_date or m.planned_date > p.end_date`);
    expect(outside.rows).toHaveLength(0);
    const unsplit = await env.db.execute(sql`
      select t.project_id from project_tranches t group by t.project_id, t.funder_id
      having sum(t.amount_centimes) > (select sum(b.amount_centimes) from project_budget_lines b
        where b.project_id = t.project_id and b.funder_id = t.funder_id)`);
    expect(unsplit.rows).toHaveLength(0);
  });

  it("lets the Groupe OCP partner see its convention's projects and not the others", async () => {
    const [ocp] = (
      await env.db.execute<{ id: string }>(sql`select id from organizations where acronym = 'OCP'`)
    ).rows;
    await ensureUser(env.db, {
      email: "partner.demo@test.jisr",
      fullName: "Partenaire OCP",
      password: "test-password-1234",
      roles: [{ role: "partner", scopeType: "organization", scopeRef: ocp?.id ?? null }],
    });
    const partner = await env.signIn("partner.demo@test.jisr", "test-password-1234");
    const seen = (await partner.get("/api/v1/projects?limit=200")).json().items as {
      conventionReference: string;
      code: string;
    }[];
    expect(seen.length).toBeGreaterThan(10);
    expect(new Set(seen.map((p) => p.conventionReference))).toEqual(new Set(["CC-MSISF-OCP-2023"]));
    const all = (await admin.get("/api/v1/projects?limit=200")).json().items;
    expect(all.length).toBeGreaterThan(seen.length);
    const youth = all.find((p: { code: string }) => p.code.startsWith("PRJ-JEU"));
    expect((await partner.get(`/api/v1/projects/${youth.id}`)).statusCode).toBe(404);
    const conventionSeen = await env.db.execute(
      sql`select reference from conventions where party_org_ids && ARRAY[${ocp?.id}]::uuid[]`,
    );
    expect(conventionSeen.rows).toEqual([{ reference: "CC-MSISF-OCP-2023" }]);
  });
});
