import { randomBytes } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, inject } from "vitest";
import type { Role, ScopeType } from "../../contracts/access.ts";
import { buildApp } from "../app.ts";
import { ensureUser } from "../modules/access/index.ts";
import { connect, type Database } from "./database.ts";
import { adminQuery, withDatabase } from "./testing.global.ts";

/**
 * Test harness: each test file gets its own database cloned from the migrated
 * template, and an app built exactly as main.ts builds it, driven through
 * app.inject (real HTTP semantics, no socket).
 */
export interface TestEnv {
  db: Database["db"];
  pool: Database["pool"];
  app: FastifyInstance;
  /** Creates a user with one role on one scope and returns a signed-in client. */
  userWith(role: Role, scopeType: ScopeType, scopeRef?: string | null): Promise<Client>;
  signIn(email: string, password: string): Promise<Client>;
}

export function setupTestEnv(): TestEnv {
  const env = {} as TestEnv;
  let database: Database;
  let name: string;
  // Two queries sent at once on one connection (Promise.all inside a transaction): pg queues the
  // second with a deprecation warning today and refuses it from pg 9 (see readAll).
  const overlapping: string[] = [];
  const onWarning = (warning: Error) => {
    if (warning.message.includes("already executing a query")) overlapping.push(warning.stack ?? "");
  };
  beforeAll(async () => {
    process.on("warning", onWarning);
    const adminUrl = inject("adminUrl");
    const template = inject("templateDb");
    name = `${template.replace("template", "t")}_${randomBytes(4).toString("hex")}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    database = connect(withDatabase(adminUrl, name), "external");
    env.db = database.db;
    env.pool = database.pool;
    env.app = await buildApp({
      db: database.db,
      databaseKind: "external",
      sessionSecret: "test-secret-".padEnd(40, "x"),
      version: "test",
    });
    env.signIn = (email, password) => signIn(env.app, email, password);
    env.userWith = async (role, scopeType, scopeRef = null) => {
      const email = `${role}.${randomBytes(4).toString("hex")}@test.jisr`;
      const password = "test-password-1234";
      await ensureUser(database.db, {
        email,
        fullName: `Test ${role}`,
        password,
        roles: [{ role, scopeType, scopeRef }],
      });
      return signIn(env.app, email, password);
    };
  });
  afterAll(async () => {
    process.off("warning", onWarning);
    if (overlapping.length)
      throw new Error(`queries sent at once on one connection:\n${overlapping.join("\n")}`);
    await env.app?.close();
    await database?.close();
    await adminQuery(inject("adminUrl"), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return env;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A signed-in browser-like client: sends the session cookie and, on writes, the CSRF token. */
export interface Client {
  userId: string;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Client> {
  // Each sign-in from its own loopback address, so the per-address login rate limit does not throttle tests.
  const remoteAddress = `127.0.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    remoteAddress,
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "jisr_session");
  const me = res.json();
  const request: Client["request"] = (method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      cookies: { jisr_session: cookie?.value ?? "" },
      headers: { "x-csrf-token": me.csrfToken, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    userId: me.user.id,
    request,
    get: (url, headers) => request("GET", url, undefined, headers),
    post: (url, body) => request("POST", url, body ?? {}),
    patch: (url, body) => request("PATCH", url, body),
    put: (url, body) => request("PUT", url, body),
    delete: (url) => request("DELETE", url),
  };
}
