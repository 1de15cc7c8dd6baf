import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../platform/testing.ts";
import { loadDemoPersons } from "./persons.demo.ts";

const env = setupTestEnv();
let figures: { persons: number; households: number };
let admin: Client;

beforeAll(async () => {
  figures = await loadDemoPersons(env.db);
  admin = await env.userWith("administrator", "national");
}, 120_000);

describe("demo persons", () => {
  it("loads ~20,000 persons in ~6,000 households across all regions", async () => {
    expect(figures.households).toBe(6000);
    expect(figures.persons).toBeGreaterThan(17_000);
    expect(figures.persons).toBeLessThan(24_000);
    const regions = await env.pool.query("select count(distinct region_code)::int n from persons");
    expect(regions.rows[0].n).toBe(12);
    const cins = await env.pool.query(
      "select count(*)::int n, count(distinct cin)::int d from persons where cin is not null",
    );
    expect(cins.rows[0].n).toBe(cins.rows[0].d);
    console.info(`demo persons: ${figures.persons} persons, ${figures.households} households`);
  });

  it("search is index-backed and finds spelling variants", async () => {
    const res = (
      await admin.get(`/api/v1/persons?q=${encodeURIComponent("Mhamed Benjeloun")}&limit=20`)
    ).json();
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items[0].lastNameLatin).toMatch(/Benjell?oun/);
    // The planner may prefer a sequential scan on a table this small; forbid it to prove the indexes serve.
    const client = await env.pool.connect();
    let text = "";
    try {
      await client.query("begin");
      await client.query("set local enable_seqscan = off");
      const plan = await client.query(
        "explain select id from persons where string_to_array(search_latin_key, ' ') && array['mhmd'] or string_to_array(search_arabic_key, ' ') && array['محمد']",
      );
      text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
      const analyze = await client.query(
        "explain analyze select id from persons where string_to_array(search_latin_key, ' ') @> string_to_array(jisr_latin_key('mhamed benjeloun'), ' ')",
      );
      console.info(analyze.rows.map((r) => r["QUERY PLAN"]).join("\n"));
    } finally {
      await client.query("rollback");
      client.release();
    }
    expect(text).toMatch(/persons_search_latin_key_words_idx/);
    expect(text).toMatch(/persons_search_arabic_key_words_idx/);
  });
});
