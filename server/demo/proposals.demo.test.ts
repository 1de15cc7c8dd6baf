import { beforeAll, describe, expect, it } from "vitest";
import { PROPOSAL_STATUSES } from "../../contracts/proposals.ts";
import { ensureUser } from "../modules/access/index.ts";
import { organizations } from "../modules/organizations/index.ts";
import { type Client, setupTestEnv } from "../platform/testing.ts";
import { NATIONAL_ORGANIZATIONS, REGIONAL_ORGANIZATIONS } from "./demo.data.ts";
import { loadDemoProposals } from "./proposals.demo.ts";

const env = setupTestEnv();
let figures: Awaited<ReturnType<typeof loadDemoProposals>>;
let admin: Client;

beforeAll(async () => {
  await env.db.insert(organizations).values(
    [...NATIONAL_ORGANIZATIONS, ...REGIONAL_ORGANIZATIONS].map((o) => ({
      type: o.type,
      nameFr: o.nameFr,
      nameAr: o.nameAr,
      regionCode: o.regionCode ?? null,
      provinceCode: o.provinceCode ?? null,
    })),
  );
  for (const email of [
    "casablanca@jisr.local",
    "rabat@jisr.local",
    "national@jisr.local",
    "partner@jisr.local",
  ])
    await ensureUser(env.db, { email, fullName: email, password: "demo-password-123", roles: [] });
  figures = await loadDemoProposals(env.db);
  admin = await env.userWith("administrator", "national");
});

describe("demo proposals", () => {
  it("has proposals at every status in several regions, with supports and comments", async () => {
    expect(figures.proposals).toBe(26);
    const byStatus = await env.pool.query(
      "select status, count(distinct region_code)::int regions from proposals group by status",
    );
    expect(byStatus.rows.map((r) => r.status).sort()).toEqual([...PROPOSAL_STATUSES].sort());
    expect(byStatus.rows.every((r) => r.regions >= 2)).toBe(true);
    const ownSupport = await env.pool.query(
      "select 1 from proposal_supports s join proposals p on p.id = s.proposal_id where s.organization_id = p.organization_id",
    );
    expect(ownSupport.rowCount).toBe(0);
    const list = (await admin.get("/api/v1/proposals?limit=200")).json();
    expect(list.items).toHaveLength(26);
    expect(list.items.some((p: { supportCount: number }) => p.supportCount > 1)).toBe(true);
    expect(list.items.some((p: { commentCount: number }) => p.commentCount > 0)).toBe(true);
  });

  it("links one retained proposal to its project, and loads only once", async () => {
    const linked = await env.pool.query(
      "select p.status, j.region_code, j.title_fr = p.title same from proposals p join projects j on j.id = p.project_id",
    );
    expect(linked.rows).toEqual([{ status: "retained", region_code: "MA-06", same: true }]);
    expect((await loadDemoProposals(env.db)).proposals).toBe(0);
  });
});
