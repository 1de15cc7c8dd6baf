import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { ensureUser } from "../modules/access/index.ts";
import { create, person } from "../modules/beneficiaries/beneficiaries.testing.ts";
import { type Client, setupTestEnv, signIn } from "./testing.ts";

const env = setupTestEnv();
const lines: Record<string, unknown>[] = [];
let app: FastifyInstance;
let officer: Client;

beforeAll(async () => {
  // The same application with the request log on, as `npm start` runs it (LOG_LEVEL=info).
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  app = await buildApp({
    db: env.db,
    databaseKind: "external",
    sessionSecret: "test-secret-".padEnd(40, "x"),
    version: "test",
    logger: { level: "info", stream },
  });
  const admin = await env.userWith("administrator", "national");
  await create(
    admin,
    person({ cin: "LG123456", firstNameLatin: "Salma", lastNameLatin: "Idrissi", phone: "0612345678" }),
  );
  await ensureUser(env.db, {
    email: "logged.officer@test.jisr",
    fullName: "Logged Officer",
    password: "test-password-1234",
    roles: [{ role: "national_officer", scopeType: "national", scopeRef: null }],
  });
  officer = await signIn(app, "logged.officer@test.jisr", "test-password-1234");
});

afterAll(async () => {
  await app?.close();
});

describe("request log", () => {
  it("writes one line per request, by route, without the searched CIN, phone or name", async () => {
    lines.length = 0;
    for (const q of ["LG123456", "0612345678", "Salma Idrissi"]) {
      const res = await officer.get(`/api/v1/persons?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
    }
    const found = await officer.get("/api/v1/persons?q=LG123456");
    const id = found.json().items[0].id as string;
    expect((await officer.get(`/api/v1/persons/${id}`)).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/v1/nowhere?cin=LG123456" })).statusCode).toBe(404);

    const requests = lines.filter((l) => l.msg === "request");
    expect(requests.map((l) => [l.method, l.url, l.status])).toEqual([
      ["GET", "/api/v1/persons", 200],
      ["GET", "/api/v1/persons", 200],
      ["GET", "/api/v1/persons", 200],
      ["GET", "/api/v1/persons", 200],
      ["GET", "/api/v1/persons/:id", 200],
      ["GET", "/api/v1/nowhere", 404],
    ]);
    for (const l of requests) {
      expect(typeof l.reqId).toBe("string");
      expect(typeof l.ms).toBe("number");
    }
    // Nothing else per request (Fastify's own incoming/completed lines are off), and no personal data anywhere.
    expect(lines).toHaveLength(requests.length);
    const written = JSON.stringify(lines);
    for (const secret of ["LG123456", "0612345678", "Salma", "Idrissi", id])
      expect(written).not.toContain(secret);
  });
});
