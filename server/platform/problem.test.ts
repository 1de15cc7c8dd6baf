import { describe, expect, it } from "vitest";
import { setupTestEnv } from "./testing.ts";

const env = setupTestEnv();

describe("HTTP platform", () => {
  it("answers health with the database kind and version", async () => {
    const res = await env.app.inject({ url: "/api/v1/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "external", version: "test" });
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  it("answers the JSON API with headers for data: nothing runs, nothing is framed, nothing is stored", async () => {
    const res = await env.app.inject({ url: "/api/v1/health" });
    expect(res.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["cross-origin-resource-policy"]).toBe("same-origin");
    // Helmet's headers for documents are not sent with data.
    expect(res.headers["origin-agent-cluster"]).toBeUndefined();
    // Errors too (a 401 before any route handler runs).
    const denied = await env.app.inject({ url: "/api/v1/persons" });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers["cache-control"]).toBe("no-store");
  });

  it("serves documents with Helmet's headers and a CSP that works over plain HTTP", async () => {
    const docs = await env.app.inject({ url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    const csp = String(docs.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(docs.headers["x-content-type-options"]).toBe("nosniff");
    expect(docs.headers["cache-control"]).toBeUndefined();
  });

  it("publishes an OpenAPI 3.1 document generated from the contracts", async () => {
    const doc = (await env.app.inject({ url: "/api/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/organizations",
        "/api/v1/organizations/{id}",
        "/api/v1/auth/login",
        "/api/v1/audit-events",
      ]),
    );
    const create = doc.paths["/api/v1/organizations"].post.requestBody.content["application/json"].schema;
    expect(create.required).toEqual(expect.arrayContaining(["type", "nameFr"]));
  });

  it("answers unknown API routes with a problem in the caller's language", async () => {
    const res = await env.app.inject({
      url: "/api/v1/nope",
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({
      status: 404,
      code: "request.not_found",
      detail: "This address does not exist.",
    });
  });

  it("says a field's own message when its contract names one, in the caller's language", async () => {
    const officer = await env.userWith("national_officer", "national");
    for (const [language, text] of [
      ["fr", "Période : une année (2026) ou un trimestre (2026-Q2)."],
      ["ar", null],
    ] as const) {
      const res = await officer.get("/api/v1/dashboards/map?indicator=x&period=2026-Q5", {
        "accept-language": language,
      });
      expect(res.statusCode).toBe(400);
      const [issue] = res.json().errors;
      expect(issue).toMatchObject({ path: "period", code: "indicators.period_format" });
      if (text) expect(issue.message).toBe(text);
      else expect(issue.message).toMatch(/[\u0600-\u06FF]/);
    }
  });

  describe("bad input never gives a 500 and writes nothing", () => {
    it("malformed JSON is 400", async () => {
      const admin = await env.userWith("administrator", "national");
      const res = await admin.request("POST", "/api/v1/organizations", undefined, {
        "content-type": "application/json",
      });
      expect(res.statusCode).toBe(400);
      const bad = await env.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        payload: '{"email": ',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe("request.invalid_json");
    });

    it("an oversized body is 413 and a wrong media type 415", async () => {
      const big = await env.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ email: "a@b.c", password: "x".repeat(2 * 1024 * 1024) }),
      });
      expect(big.statusCode).toBe(413);
      expect(big.json().code).toBe("request.too_large");
      const xml = await env.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/xml" },
        payload: "<a/>",
      });
      expect(xml.statusCode).toBe(415);
    });

    it("unknown fields and wrong types are 400 with per-field errors, in Arabic when asked", async () => {
      const admin = await env.userWith("administrator", "national");
      const before = await env.pool.query("select count(*)::int n from organizations");
      const res = await admin.request(
        "POST",
        "/api/v1/organizations",
        { type: "association", nameFr: 42, colour: "red" },
        { "accept-language": "ar" },
      );
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.code).toBe("validation.failed");
      expect(body.detail).toMatch(/[\u0600-\u06FF]/);
      expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["colour", "nameFr"]);
      const after = await env.pool.query("select count(*)::int n from organizations");
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it("a malformed id is 400, not a database error", async () => {
      const admin = await env.userWith("administrator", "national");
      const res = await admin.get("/api/v1/organizations/not-a-uuid");
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ path: "id", code: "validation.uuid" });
    });

    it("a database error caused by input never leaks SQL", async () => {
      const admin = await env.userWith("administrator", "national");
      const res = await admin.get(
        `/api/v1/organizations?cursor=${Buffer.from('["x"]').toString("base64url")}`,
      );
      expect(res.statusCode).toBe(400);
      const odd = await admin.get(
        `/api/v1/organizations?cursor=${Buffer.from('["a","not-a-uuid"]').toString("base64url")}`,
      );
      expect(odd.statusCode).toBe(400);
      expect(odd.body).not.toMatch(/select|uuid:|syntax/i);
    });
  });
});
