import { sql } from "drizzle-orm";
import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { preparedOnce } from "./database.ts";
import { type Access, preparedScope, type ScopeColumns, scopeFilter } from "./scope.ts";
import { setupTestEnv } from "./testing.ts";

const env = setupTestEnv();

/** A table of this test only, with every kind of scope column. */
const probe = pgTable("scope_probe", {
  n: integer("n").notNull(),
  region: text("region"),
  province: text("province"),
  org: uuid("org"),
  est: uuid("est"),
  parties: uuid("parties").array(),
});
const cols: ScopeColumns = {
  region: probe.region,
  province: probe.province,
  organization: probe.org,
  establishment: probe.est,
  parties: probe.parties,
};
const O1 = "0190a1b2-c3d4-7e5f-8a9b-000000000001";
const O2 = "0190a1b2-c3d4-7e5f-8a9b-000000000002";
const E1 = "0190a1b2-c3d4-7e5f-8a9b-0000000000e1";

const access = (a: Partial<Access>): Access => ({
  national: false,
  regions: [],
  provinces: [],
  organizations: [],
  establishments: [],
  ...a,
});

describe("scope condition with placeholders (prepared statements)", () => {
  beforeAll(async () => {
    await env.db.execute(sql`create table scope_probe (n int not null, region text, province text,
      org uuid, est uuid, parties uuid[])`);
    await env.db
      .insert(probe)
      .values([
        { n: 1, region: "MA-06", province: "MA-06-01" },
        { n: 2, region: "MA-01", province: "MA-01-02" },
        { n: 3, region: "MA-06", province: "MA-06-03", org: O1 },
        { n: 4, org: O2, parties: [O1] },
        { n: 5, est: E1 },
        { n: 6, parties: [O2] },
        { n: 7 },
      ]);
  });

  const cases: [string, Access, number[]][] = [
    ["national", access({ national: true }), [1, 2, 3, 4, 5, 6, 7]],
    ["one region", access({ regions: ["MA-06"] }), [1, 3]],
    ["two regions", access({ regions: ["MA-06", "MA-01"] }), [1, 2, 3]],
    ["a province", access({ provinces: ["MA-01-02"] }), [2]],
    ["an organisation (own rows and rows it is party to)", access({ organizations: [O1] }), [3, 4]],
    ["an establishment", access({ establishments: [E1] }), [5]],
    ["mixed", access({ regions: ["MA-01"], organizations: [O2], establishments: [E1] }), [2, 4, 5, 6]],
    ["nothing", access({}), []],
  ];

  it.each(cases)("selects the same rows as scopeFilter: %s", async (_label, a, rows) => {
    const expected = await env.db
      .select({ n: probe.n })
      .from(probe)
      .where(scopeFilter(a, cols))
      .orderBy(probe.n);
    const scope = preparedScope(a, cols);
    const statement = preparedOnce(`scope_probe_${scope.key}`, (db, name) =>
      db.select({ n: probe.n }).from(probe).where(scope.where).orderBy(probe.n).prepare(name),
    );
    const got = await statement(env.db).execute(scope.params);
    expect(expected.map((r) => r.n)).toEqual(rows);
    expect(got).toEqual(expected);
  });

  it("names the shape of the access, not its values, so callers share one statement", () => {
    expect(preparedScope(access({ regions: ["MA-06"] }), cols).key).toBe(
      preparedScope(access({ regions: ["MA-01", "MA-02"] }), cols).key,
    );
    expect(preparedScope(access({ regions: ["MA-06"] }), cols).key).not.toBe(
      preparedScope(access({ provinces: ["MA-06-01"] }), cols).key,
    );
    // Columns the table lacks do not count: an organisation's grant on a table without them reaches nothing.
    expect(preparedScope(access({ organizations: [O1] }), { region: probe.region }).key).toBe("none");
  });
});
