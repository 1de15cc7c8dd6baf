import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { setupTestEnv } from "./testing.ts";

const env = setupTestEnv();
let web: FastifyInstance;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "jisr-web-"));
  await mkdir(path.join(root, "assets"));
  await writeFile(path.join(root, "index.html"), "<!doctype html><title>Jisr</title>");
  await writeFile(path.join(root, "assets", "app-abc123.js"), "console.log(1)");
  web = await buildApp({
    db: env.db,
    databaseKind: "external",
    sessionSecret: "x".repeat(40),
    version: "t",
    webRoot: root,
  });
});
afterAll(async () => {
  await web.close();
  await rm(root, { recursive: true, force: true });
});

describe("serving the web app", () => {
  it("answers deep links with index.html, never cached, and hashed assets cached for a year", async () => {
    const deep = await web.inject({ url: "/organizations/123?x=1" });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain("<title>Jisr</title>");
    expect(deep.headers["cache-control"]).toBe("no-cache");
    // The page gets Helmet's document headers, not the API's (its CSP would block the page).
    expect(String(deep.headers["content-security-policy"])).toContain("img-src 'self' data: blob:");
    expect(deep.headers["x-frame-options"]).toBe("SAMEORIGIN");
    const asset = await web.inject({ url: "/assets/app-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
  });

  it("keeps API 404s as problems", async () => {
    const res = await web.inject({ url: "/api/v1/nothing" });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("request.not_found");
  });
});
