import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { create, person } from "../modules/beneficiaries/beneficiaries.testing.ts";
import { planOnce, type Queryable } from "./database.ts";
import { type Client, setupTestEnv } from "./testing.ts";

const env = setupTestEnv();
let admin: Client;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
});

const planCacheMode = async (db: Queryable) =>
  (await db.execute<{ plan_cache_mode: string }>(sql`show plan_cache_mode`)).rows[0]?.plan_cache_mode;

describe("planOnce", () => {
  it("runs statements on connections that plan them once for all values", async () => {
    expect(await planCacheMode(env.db)).toBe("auto");
    expect(await planCacheMode(planOnce(env.db))).toBe("force_generic_plan");
  });

  it("leaves a transaction, and a handle connect() did not make, as they are", async () => {
    await env.db.transaction(async (tx) => {
      expect(planOnce(tx)).toBe(tx);
      expect(await planCacheMode(planOnce(tx))).toBe("auto");
    });
    const other = drizzle({ client: env.pool });
    expect(planOnce(other)).toBe(other);
  });

  it("serves the name search: its statements are planned once, not at each search", async () => {
    for (const lastNameLatin of ["Amrani", "Amrani", "Bennani"])
      await create(admin, person({ firstNameLatin: "Salma", lastNameLatin }));
    // One client at a time: the twin pool hands back the connection it last used.
    for (let i = 0; i < 8; i++) {
      const res = await admin.get(
        `/api/v1/persons?q=${encodeURIComponent(i % 2 ? "Salma Amrani" : "Selma Bennani")}`,
      );
      expect(res.json().items.length).toBeGreaterThan(0);
    }
    const { rows } = await planOnce(env.db).execute<{ generic: number; custom: number }>(
      sql`select coalesce(sum(generic_plans), 0)::int generic, coalesce(sum(custom_plans), 0)::int custom
          from pg_prepared_statements where statement like '%person_name_words%' or statement like '%search_latin%'`,
    );
    expect(rows[0]?.generic).toBeGreaterThanOrEqual(8);
    expect(rows[0]?.custom).toBe(0);
  });
});
