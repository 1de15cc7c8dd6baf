import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { persons } from "../modules/beneficiaries/beneficiaries.table.ts";
import { renderByShape, shapeOf } from "./sql-shape.ts";

const dialect = new PgDialect();
/** Drizzle's rendering: its text and values (the typings beside them serve other drivers than pg). */
const drizzleRender = (q: SQL) => {
  const rendered = dialect.sqlToQuery(q);
  return { sql: rendered.sql, params: rendered.params };
};

/** A statement shaped like the name search's: columns, tables, nested SQL, identifiers, array values. */
const search = (words: string[], region: string | null, limit: number) =>
  sql`with ${sql.identifier("whole")} as (select ${persons.id} from ${persons}
    where ${and(
      ...words.map(
        (w) => sql`string_to_array(${persons.searchLatinKey}, ' ') && ${sql.param([w, `${w}s`])}::text[]`,
      ),
      region ? eq(persons.regionCode, region) : undefined,
      inArray(persons.sex, ["female", "male"]),
    )} limit ${limit}) select * from whole where ${persons.birthDate} between ${"1980-01-01"} and ${"1980-12-31"}`;

describe("renderByShape", () => {
  it("gives Drizzle's text and values, for statements of every shape", () => {
    for (const q of [
      search(["mhmd"], null, 20),
      search(["mhmd", "al"], "MA-06", 201),
      search(["a", "b", "c"], "MA-01", 5),
      sql`select ${1}, ${null}, ${true}, ${["x", "y"]}`,
    ]) {
      const reference = drizzleRender(q);
      // First sight renders through Drizzle, the second comes from the kept text.
      expect(renderByShape(q, drizzleRender)).toEqual(reference);
      expect(renderByShape(q, drizzleRender)).toEqual(reference);
    }
  });

  it("keys the text by shape: other values share it, another shape does not", () => {
    const a = shapeOf(search(["mhmd", "al"], "MA-06", 201));
    const b = shapeOf(search(["ahmd", "bn"], "MA-01", 20));
    const c = shapeOf(search(["ahmd", "bn"], null, 20));
    const d = shapeOf(search(["ahmd"], "MA-01", 20));
    expect(a?.key).toBe(b?.key);
    expect(a?.params).not.toEqual(b?.params);
    expect(new Set([a?.key, c?.key, d?.key]).size).toBe(3);
    // The values, in the order of $1, $2… in the text.
    expect(b?.params).toEqual(drizzleRender(search(["ahmd", "bn"], "MA-01", 20)).params);
  });

  it("leaves to Drizzle what a key could not stand for", () => {
    const rendered: SQL[] = [];
    const counting = (q: SQL) => {
      rendered.push(q);
      return drizzleRender(q);
    };
    const inlined = sql`select ${persons.id} from ${persons} where ${persons.cin} = ${"AB1"}`.inlineParams();
    const placeholder = sql`select ${sql.placeholder("cin")}`;
    const date = sql`select ${sql.param(new Date("2026-12-03T00:00:00Z"))}`;
    for (const q of [inlined, placeholder, date]) {
      expect(shapeOf(q)).toBeNull();
      expect(renderByShape(q, counting)).toEqual(drizzleRender(q));
    }
    // A list of thousands of values has a shape, too long a key to keep: rendered each time.
    const ids = Array.from({ length: 10_000 }, (_, i) => `AB${i}`);
    const long = sql`select ${persons.id} from ${persons} where ${inArray(persons.cin, ids)}`;
    expect(shapeOf(long)?.params).toHaveLength(10_000);
    for (let i = 0; i < 2; i++) expect(renderByShape(long, counting)).toEqual(drizzleRender(long));
    expect(rendered).toHaveLength(5);
  });

  it("catches, under test, a text that is not Drizzle's", () => {
    const q = search(["mhmd"], "MA-06", 20);
    renderByShape(q, drizzleRender);
    const wrong = (x: SQL) => ({ ...drizzleRender(x), sql: "select 'another text'" });
    expect(() => renderByShape(q, wrong)).toThrow(/differs from Drizzle's/);
  });
});
