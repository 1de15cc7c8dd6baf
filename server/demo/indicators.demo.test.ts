import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../platform/testing.ts";
import { loadDemoIndicators } from "./indicators.demo.ts";

const env = setupTestEnv();
let admin: Client;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
});

describe("demo indicators", () => {
  it("loads the definitions of the source texts, regional targets and entered measurements, and they answer", async () => {
    const started = Date.now();
    const figures = await loadDemoIndicators(env.db, 2026);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(figures.indicators).toBeGreaterThanOrEqual(15);
    const [n] = (
      await env.db.execute(
        sql`select count(*)::int as n from indicator_targets where territory_level = 'region'`,
      )
    ).rows as { n: number }[];
    expect(n?.n).toBeGreaterThan(100);
    const list = (await admin.get("/api/v1/indicators?limit=100")).json();
    for (const i of list.items) {
      const progress = await admin.get(`/api/v1/indicators/${i.id}/progress`);
      expect(progress.statusCode, `${i.code}: ${progress.body}`).toBe(200);
    }
    const rehab = list.items.find((i: { code: string }) => i.code === "EPS-REHABILITES");
    const rows = (
      await admin.get(`/api/v1/indicators/${rehab.id}/progress?period=2026&level=national`)
    ).json().rows;
    expect(rows[0].target).toBe(120);
    expect(rows[0].actual).toBeGreaterThan(0);
  });
});
