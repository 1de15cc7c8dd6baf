import { isDeepStrictEqual } from "node:util";
import { Column, Name, Param, SQL, StringChunk, Table } from "drizzle-orm";
import { boundedCache } from "./bounded-cache.ts";

/**
 * The text of a raw SQL statement, rendered once per shape. Drizzle renders a statement by
 * walking its tree with an `is()` check per node; for the name search (a 3 KB statement of a few
 * hundred nodes) that was a quarter of the server's CPU per request, for a text that depends only
 * on the statement's shape (how many words, which filters), never on the values. `shapeOf` walks
 * the same tree with `instanceof` and collects the values in the order Drizzle numbers them,
 * beside a key that stands for the text; the text is rendered by Drizzle the first time a key
 * is seen, then reused.
 *
 * Only the nodes whose rendering the key captures are understood (text, nested SQL, identifiers,
 * tables, columns, values, lists of values); a tree holding anything else (subqueries, views,
 * placeholders, inlined values) gets no key and is rendered by Drizzle as before. Under test
 * (VITEST set) every statement is also rendered by Drizzle and must give the same text and the
 * same values, so the whole test suite keeps proving the two agree.
 */

export interface RenderedSql {
  sql: string;
  params: unknown[];
}

/**
 * Shapes kept at most: a name search has a few per number of words and filters. One map for every
 * database handle: they share one Drizzle configuration (no casing option), so a column renders alike.
 */
const MAX_SHAPES = 2000;
/** A longer key (a list of thousands of values, each its own parameter) is not kept: memory stays bounded. */
const MAX_KEY_LENGTH = 20_000;
const texts = boundedCache<string, string>(MAX_SHAPES);
const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object) => {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
};

/** The statement's text and values, by its shape when it has one, else as Drizzle renders it. */
export function renderByShape(query: SQL, render: (q: SQL) => RenderedSql): RenderedSql {
  const shape = shapeOf(query);
  if (!shape || shape.key.length > MAX_KEY_LENGTH) return render(query);
  const rendered = { sql: texts(shape.key, () => render(query).sql), params: shape.params };
  if (process.env.VITEST) assertSameAs(render(query), rendered);
  return rendered;
}

function assertSameAs(reference: RenderedSql, rendered: RenderedSql) {
  if (reference.sql !== rendered.sql || !isDeepStrictEqual(reference.params, rendered.params))
    throw new Error(
      `SQL rendered by shape differs from Drizzle's: ${rendered.sql} ${JSON.stringify(rendered.params)} ≠ ${reference.sql} ${JSON.stringify(reference.params)}`,
    );
}

/** A key for the text the tree renders to, and its values in order; null when the tree holds a node not understood. */
export function shapeOf(query: SQL): { key: string; params: unknown[] } | null {
  const parts: string[] = [];
  const params: unknown[] = [];
  return walk(query, parts, params) ? { key: parts.join(""), params } : null;
}

// \u0000 cannot appear in SQL text: it separates what the text chunks say from the other nodes.
function walk(chunk: unknown, parts: string[], params: unknown[]): boolean {
  if (chunk === undefined) return true;
  if (chunk instanceof StringChunk) {
    parts.push(chunk.value.join(""));
    return true;
  }
  if (chunk instanceof SQL) {
    // Values written into the text (Drizzle's inlineParams()): the text depends on them.
    if ((chunk as unknown as { shouldInlineParams: boolean }).shouldInlineParams) return false;
    for (const c of chunk.queryChunks) if (!walk(c, parts, params)) return false;
    return true;
  }
  if (chunk instanceof Param) {
    const value = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value);
    // A value the driver gets as an object (a date) or that maps to SQL: left to Drizzle.
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return false;
    parts.push("\u0000?");
    params.push(value);
    return true;
  }
  if (Array.isArray(chunk)) {
    parts.push("\u0000(");
    for (const c of chunk) if (!walk(c, parts, params)) return false;
    parts.push("\u0000)");
    return true;
  }
  if (chunk instanceof Column || chunk instanceof Table) {
    // Rendered from the object alone (its table's name and schema): the object stands for its text.
    parts.push(`\u0000${chunk instanceof Column ? "c" : "t"}${idOf(chunk)}`);
    return true;
  }
  if (chunk instanceof Name) {
    parts.push(`\u0000n${chunk.value}\u0000`);
    return true;
  }
  if (
    typeof chunk === "string" ||
    typeof chunk === "number" ||
    typeof chunk === "boolean" ||
    chunk === null
  ) {
    parts.push("\u0000?");
    params.push(chunk);
    return true;
  }
  return false;
}
