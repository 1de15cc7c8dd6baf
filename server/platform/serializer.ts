import { isDeepStrictEqual } from "node:util";
import fastJson from "fast-json-stringify";
import type { FastifySerializerCompiler } from "fastify/types/schema.js";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";

/**
 * Response serialisation from the Zod contracts, compiled once per route.
 *
 * The Zod serializer of fastify-type-provider-zod parses every response with the contract and
 * then runs JSON.stringify: on a list of 50 persons that was a large share of each request's CPU.
 * Here the contract is turned into JSON Schema once and compiled with fast-json-stringify
 * (Fastify's own serializer), which writes only the properties the contract declares: a field a
 * handler returns beyond the contract never reaches the client (personal data must not leak
 * through extra fields), as with the Zod serializer. What it does not do is check the values:
 * types are what the handlers give (dates and decimals are already strings shaped by the
 * repositories, so the text sent is the same).
 *
 * A contract JSON Schema cannot express (a transform, a custom type) keeps the Zod serializer.
 * Under test (VITEST set) every response goes through both and must give the same JSON, so the
 * whole test suite keeps proving the compiled form matches the contracts.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const viaZod = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  // Compiled at the first response, not at start: 200-odd routes would otherwise add half a
  // second to every start (and every test file), most of them for routes a run never calls.
  let compiled: ((data: unknown) => string) | null | undefined;
  const write = (data: unknown) => {
    if (compiled === undefined) compiled = compile(route.schema);
    return compiled ? compiled(data) : viaZod(data);
  };
  if (!process.env.VITEST) return write;
  return (data) => {
    const reference = viaZod(data);
    const fast = write(data);
    if (!isDeepStrictEqual(JSON.parse(fast), JSON.parse(reference)))
      throw new Error(
        `compiled serializer of ${route.method} ${route.url} differs from the contract: ${fast} ≠ ${reference}`,
      );
    return fast;
  };
};

export function compile(schema: unknown): ((data: unknown) => string) | null {
  const zod = schema instanceof z.ZodType ? schema : null;
  if (!zod) return null;
  try {
    const json = z.toJSONSchema(zod, { io: "output", target: "draft-7", unrepresentable: "throw" });
    return fastJson(forSerialisation(json) as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
  } catch {
    return null;
  }
}

/** Keywords fast-json-stringify does not use to write JSON; dropping them keeps the compiled code small. */
const VALIDATION_ONLY = new Set([
  "$schema",
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "description",
  "title",
  "examples",
]);

/**
 * Simplifies the JSON Schema Zod writes: `X | null` (anyOf [X, {type: null}]) becomes
 * `type: [X, "null"]`, which fast-json-stringify writes directly instead of validating each
 * branch at run time with Ajv.
 */
function forSerialisation(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forSerialisation);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (VALIDATION_ONLY.has(key)) continue;
    if (key === "properties" || key === "$defs" || key === "definitions") {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, forSerialisation(v)]),
      );
    } else out[key] = forSerialisation(value);
  }
  const anyOf = out.anyOf as Record<string, unknown>[] | undefined;
  if (anyOf?.length === 2) {
    const nullIndex = anyOf.findIndex((b) => b.type === "null" && Object.keys(b).length === 1);
    const other = anyOf[1 - nullIndex];
    if (nullIndex >= 0 && other && typeof other.type === "string" && !("anyOf" in other)) {
      delete out.anyOf;
      return { ...out, ...other, type: [other.type, "null"] };
    }
  }
  return out;
}
