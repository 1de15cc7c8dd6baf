import Fastify from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PersonList } from "../../contracts/beneficiaries.ts";
import { compile, serializerCompiler } from "./serializer.ts";

const Item = z.object({
  id: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  amount: z.number(),
  note: z.string().optional(),
  tags: z.array(z.object({ code: z.string() })),
  parent: z.object({ id: z.string() }).nullable(),
  kind: z.enum(["a", "b"]).default("a"),
});
const ItemList = z.object({ items: z.array(Item), nextCursor: z.string().nullable() });

const row = {
  id: "r1",
  name: null,
  createdAt: "2026-11-23T10:46:09.069Z",
  amount: 1250.5,
  tags: [{ code: "x", secret: "tag-level extra" }],
  parent: { id: "p1", cin: "BE123456" },
  kind: "b",
  // Beyond the contract: must never be sent.
  cin: "BE123456",
  birthDate: "1990-01-01",
};

describe("response serialisation from the contracts", () => {
  it("compiles the contracts the API uses instead of parsing each response with Zod", () => {
    expect(compile(PersonList)).toBeTypeOf("function");
    expect(compile(ItemList)).toBeTypeOf("function");
  });

  it("writes only the fields of the contract, at every depth", () => {
    const write = compile(ItemList) as (d: unknown) => string;
    const sent = JSON.parse(write({ items: [row], nextCursor: null, total: 3 }));
    expect(sent).toEqual({
      items: [
        {
          id: "r1",
          name: null,
          createdAt: "2026-11-23T10:46:09.069Z",
          amount: 1250.5,
          tags: [{ code: "x" }],
          parent: { id: "p1" },
          kind: "b",
        },
      ],
      nextCursor: null,
    });
    expect(JSON.stringify(sent)).not.toContain("BE123456");
    expect(JSON.stringify(sent)).not.toContain("1990-01-01");
  });

  it("keeps what the Zod serializer gave: absent optional fields, defaults, nulls", () => {
    const write = compile(Item) as (d: unknown) => string;
    const { kind: _kind, ...withoutKind } = row;
    expect(JSON.parse(write({ ...withoutKind, parent: null }))).toEqual({
      id: "r1",
      name: null,
      createdAt: "2026-11-23T10:46:09.069Z",
      amount: 1250.5,
      tags: [{ code: "x" }],
      parent: null,
      kind: "a",
    });
  });

  it("an extra field in a handler's result does not reach the client", async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.get("/items", { schema: { response: { 200: ItemList } } }, async () => ({
      items: [row] as never,
      nextCursor: "c",
    }));
    const res = await app.inject({ url: "/items" });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("BE123456");
    expect(res.body).not.toContain("birthDate");
    expect(res.json().items[0]).toEqual({
      id: "r1",
      name: null,
      createdAt: "2026-11-23T10:46:09.069Z",
      amount: 1250.5,
      tags: [{ code: "x" }],
      parent: { id: "p1" },
      kind: "b",
    });
    await app.close();
  });

  it("keeps the Zod serializer for a contract JSON Schema cannot express", () => {
    expect(compile(z.object({ at: z.date() }))).toBeNull();
    expect(compile(z.string().transform((s) => s.length))).toBeNull();
  });
});
