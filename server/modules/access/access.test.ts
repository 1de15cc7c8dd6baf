import { describe, expect, it } from "vitest";
import { setupTestEnv, signIn } from "../../platform/testing.ts";
import { forgetCredentials } from "./access.cache.ts";
import { ensureUser } from "./index.ts";

const env = setupTestEnv();
const PASSWORD = "a-long-password-123";

async function newUser(email: string, role: "administrator" | "regional_officer" = "regional_officer") {
  await ensureUser(env.db, {
    email,
    fullName: email,
    password: PASSWORD,
    roles: [
      {
        role,
        scopeType: role === "administrator" ? "national" : "region",
        scopeRef: role === "administrator" ? null : "MA-06",
      },
    ],
  });
}

async function untilSomeoneWaitsForALock() {
  for (let i = 0; i < 100; i++) {
    const { rows } = await env.pool.query(
      "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
    );
    if (rows[0].n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("no transaction waited for the held row");
}

describe("sign-in and sessions", () => {
  it("sets an httpOnly SameSite=Lax cookie, Secure only behind HTTPS, and stores an argon2id hash", async () => {
    await newUser("cookie@test.jisr");
    const res = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "COOKIE@test.jisr", password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "jisr_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    const me = res.json();
    expect(me.roles).toEqual([
      { role: "regional_officer", scopeType: "region", scopeRef: "MA-06", scopeLabel: "Casablanca-Settat" },
    ]);
    expect(me.permissions).toContain("organizations.write");
    expect(me.permissions).not.toContain("users.manage");

    const https = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "x-forwarded-proto": "https" },
      payload: { email: "cookie@test.jisr", password: PASSWORD },
    });
    expect(https.cookies.find((c) => c.name === "jisr_session")?.secure).toBe(true);
    const { rows } = await env.pool.query("select password_hash from users where email = 'cookie@test.jisr'");
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await env.pool.query("select id from sessions");
    expect(sessions.rows.every((r) => r.id !== cookie?.value)).toBe(true);
  });

  it("refuses a wrong password with the same answer as an unknown email", async () => {
    await newUser("wrong@test.jisr");
    const a = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "wrong@test.jisr", password: "nope-nope-nope" },
    });
    const b = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "ghost@test.jisr", password: "nope-nope-nope" },
    });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().code).toBe(b.json().code);
  });

  it("locks an account for a while after repeated failures, even with the right password", async () => {
    await newUser("brute@test.jisr");
    for (let i = 0; i < 5; i++)
      await env.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "brute@test.jisr", password: `guess-${i}-xxxxxx` },
      });
    const res = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "accept-language": "en" },
      payload: { email: "brute@test.jisr", password: PASSWORD },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().detail).toMatch(/Try again in \d+ seconds/);
    const audit = await env.pool.query(
      "select count(*)::int n from audit_events where action = 'auth.login_failed'",
    );
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(5);
  });

  it("rate-limits sign-in attempts per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const r = await env.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "10.9.9.9",
        payload: { email: `nobody${i}@test.jisr`, password: "whatever-123" },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses).toContain(429);
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    await newUser("csrf@test.jisr");
    const client = await signIn(env.app, "csrf@test.jisr", PASSWORD);
    const without = await client.request(
      "PATCH",
      "/api/v1/auth/me",
      { locale: "ar" },
      { "x-csrf-token": "" },
    );
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe("auth.csrf");
    const ok = await client.patch("/api/v1/auth/me", { locale: "ar" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe("ar");
    // The saved preference now decides the language when no Accept-Language is sent.
    const problem = await client.get("/api/v1/users");
    expect(problem.statusCode).toBe(403);
    expect(problem.json().detail).toMatch(/[\u0600-\u06FF]/);
  });

  it("logs out by revoking the session in the database", async () => {
    await newUser("logout@test.jisr");
    const client = await signIn(env.app, "logout@test.jisr", PASSWORD);
    expect((await client.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect((await client.post("/api/v1/auth/logout")).statusCode).toBe(204);
    expect((await client.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("expires sessions in the database", async () => {
    await newUser("expiry@test.jisr");
    const client = await signIn(env.app, "expiry@test.jisr", PASSWORD);
    expect((await client.get("/api/v1/auth/me")).statusCode).toBe(200);
    await env.pool.query("update sessions set expires_at = now() - interval '1 second' where user_id = $1", [
      client.userId,
    ]);
    // A change made outside the server is seen once the remembered session is older than the
    // cache's two seconds (access.cache.ts); here, at once.
    forgetCredentials();
    expect((await client.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("answers with a change once saved, not with what a request read while it was being saved", async () => {
    await newUser("race@test.jisr");
    const client = await signIn(env.app, "race@test.jisr", PASSWORD);
    const locale = async () => (await client.get("/api/v1/auth/me")).json().user.locale;
    expect(await locale()).toBe("fr");
    // The user's row held elsewhere: saving the language waits inside its transaction.
    const holder = await env.pool.connect();
    try {
      await holder.query("begin");
      await holder.query("select 1 from users where id = $1 for update", [client.userId]);
      const saving = client.patch("/api/v1/auth/me", { locale: "ar" });
      await untilSomeoneWaitsForALock();
      // A request arriving meanwhile reads the user as committed, and may remember it.
      expect(await locale()).toBe("fr");
      await holder.query("commit");
      expect((await saving).statusCode).toBe(200);
    } finally {
      holder.release();
    }
    // Within the credential cache's two seconds: what was remembered meanwhile must be forgotten.
    expect(await locale()).toBe("ar");
  });

  it("lets a user change their own password", async () => {
    await newUser("pw@test.jisr");
    const client = await signIn(env.app, "pw@test.jisr", PASSWORD);
    const wrong = await client.post("/api/v1/auth/password", {
      currentPassword: "bad",
      newPassword: "another-long-password",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe("currentPassword");
    const short = await client.post("/api/v1/auth/password", {
      currentPassword: PASSWORD,
      newPassword: "short",
    });
    expect(short.json().errors[0].code).toBe("validation.password_length");
    expect(
      (
        await client.post("/api/v1/auth/password", {
          currentPassword: PASSWORD,
          newPassword: "another-long-password",
        })
      ).statusCode,
    ).toBe(204);
    await signIn(env.app, "pw@test.jisr", "another-long-password");
  });
});

describe("personal API tokens", () => {
  it("are created once, work as Bearer without CSRF with the owner's scopes, and can be revoked", async () => {
    await newUser("tokens@test.jisr");
    const client = await signIn(env.app, "tokens@test.jisr", PASSWORD);
    const created = await client.post("/api/v1/auth/tokens", { name: "Tableau régional", expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret).toMatch(/^jisr_[0-9a-f]{8}_/);
    const list = (await client.get("/api/v1/auth/tokens")).json();
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    const me = await env.app.inject({ url: "/api/v1/auth/me", headers: bearer });
    expect(me.json().roles[0]).toMatchObject({ role: "regional_officer", scopeRef: "MA-06" });
    const orgs = (await env.app.inject({ url: "/api/v1/organizations", headers: bearer })).json();
    expect(orgs.items.every((o: { regionCode: string }) => o.regionCode === "MA-06")).toBe(true);
    const write = await env.app.inject({
      method: "POST",
      url: "/api/v1/organizations",
      headers: bearer,
      payload: { type: "association", nameFr: "Créée par jeton", regionCode: "MA-06" },
    });
    expect(write.statusCode).toBe(201);

    // "Last used" is recorded, but written at most once a minute: a later call leaves it as it was.
    const used = (await client.get("/api/v1/auth/tokens")).json().items[0];
    expect(used.lastUsedAt).toBeTruthy();
    await env.app.inject({ url: "/api/v1/auth/me", headers: bearer });
    expect((await client.get("/api/v1/auth/tokens")).json().items[0].lastUsedAt).toBe(used.lastUsedAt);

    expect((await client.delete(`/api/v1/auth/tokens/${token.id}`)).statusCode).toBe(204);
    expect((await env.app.inject({ url: "/api/v1/auth/me", headers: bearer })).statusCode).toBe(401);
    expect((await client.delete(`/api/v1/auth/tokens/${token.id}`)).statusCode).toBe(404);
  });
});

describe("users administration", () => {
  it("creates users with roles on scopes, rejects unknown scopes and duplicate emails", async () => {
    const admin = await env.userWith("administrator", "national");
    const bad = await admin.post("/api/v1/users", {
      email: "new@test.jisr",
      fullName: "Nouveau",
      roles: [{ role: "regional_officer", scopeType: "region", scopeRef: "MA-99" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("roles.0.scopeRef");
    const missingRef = await admin.post("/api/v1/users", {
      email: "new@test.jisr",
      fullName: "Nouveau",
      roles: [{ role: "regional_officer", scopeType: "region" }],
    });
    expect(missingRef.json().errors[0]).toMatchObject({
      path: "roles.0.scopeRef",
      code: "validation.scope_ref",
    });

    const ok = await admin.post("/api/v1/users", {
      email: "new@test.jisr",
      fullName: "Nouveau",
      roles: [{ role: "social_worker", scopeType: "province", scopeRef: "MA-CAS" }],
    });
    expect(ok.statusCode).toBe(201);
    const { user, temporaryPassword } = ok.json();
    expect(user.roles[0]).toMatchObject({ scopeLabel: "Casablanca" });
    expect(temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    await signIn(env.app, "new@test.jisr", temporaryPassword);

    const dup = await admin.post("/api/v1/users", { email: "NEW@test.jisr", fullName: "Autre" });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ path: "email", code: "users.email_taken" });
  });

  it("disables (ending sessions), enables, resets passwords and reassigns roles with version checks", async () => {
    const admin = await env.userWith("administrator", "national");
    await newUser("target@test.jisr");
    const target = await signIn(env.app, "target@test.jisr", PASSWORD);
    const user = (await admin.get(`/api/v1/users/${target.userId}`)).json();

    const disabled = await admin.post(`/api/v1/users/${user.id}/disable`, { version: user.version });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    expect((await target.get("/api/v1/auth/me")).statusCode).toBe(401);
    const login = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "target@test.jisr", password: PASSWORD },
    });
    expect(login.json().code).toBe("auth.account_disabled");

    const stale = await admin.post(`/api/v1/users/${user.id}/enable`, { version: user.version });
    expect(stale.statusCode).toBe(409);
    const enabled = await admin.post(`/api/v1/users/${user.id}/enable`, { version: disabled.json().version });
    expect(enabled.json().disabled).toBe(false);

    const reset = await admin.post(`/api/v1/users/${user.id}/reset-password`, {
      version: enabled.json().version,
    });
    const { temporaryPassword } = reset.json();
    await signIn(env.app, "target@test.jisr", temporaryPassword);

    const roles = await admin.put(`/api/v1/users/${user.id}/roles`, {
      version: reset.json().user.version,
      roles: [{ role: "auditor", scopeType: "national", scopeRef: null }],
    });
    expect(roles.statusCode).toBe(200);
    expect(roles.json().roles).toEqual([
      { role: "auditor", scopeType: "national", scopeRef: null, scopeLabel: null },
    ]);

    const self = await admin.post(`/api/v1/users/${admin.userId}/disable`, { version: 1 });
    expect(self.json().code).toBe("users.cannot_disable_self");
  });

  it("is for administrators only", async () => {
    const officer = await env.userWith("national_officer", "national");
    expect((await officer.get("/api/v1/users")).statusCode).toBe(403);
    expect((await officer.post("/api/v1/users", { email: "x@test.jisr", fullName: "X" })).statusCode).toBe(
      403,
    );
  });

  it("lists users with search and cursor pagination", async () => {
    const admin = await env.userWith("administrator", "national");
    for (const n of ["Amal", "Badr", "Chaimae"]) await newUser(`${n.toLowerCase()}@page.jisr`);
    const first = (await admin.get("/api/v1/users?q=page.jisr&limit=2")).json();
    expect(first.items).toHaveLength(2);
    const second = (await admin.get(`/api/v1/users?q=page.jisr&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });
});

describe("audit trail", () => {
  it("records writes with actor, changes, request id and ip, filterable by administrators and auditors", async () => {
    const admin = await env.userWith("administrator", "national");
    const created = (
      await admin.post("/api/v1/organizations", { type: "partner", nameFr: "Audité", regionCode: "MA-01" })
    ).json();
    await admin.patch(`/api/v1/organizations/${created.id}`, {
      version: created.version,
      nameFr: "Audité bis",
    });

    const auditor = await env.userWith("auditor", "national");
    const res = await auditor.get(`/api/v1/audit-events?entityType=organization&entityId=${created.id}`);
    expect(res.statusCode).toBe(200);
    const [update, create] = res.json().items;
    expect(create.action).toBe("organization.create");
    expect(update).toMatchObject({
      action: "organization.update",
      actorId: admin.userId,
      changes: { nameFr: { before: "Audité", after: "Audité bis" } },
      ip: "127.0.0.1",
    });
    expect(update.requestId).toBeTruthy();
    const byActor = (
      await auditor.get(`/api/v1/audit-events?actorId=${admin.userId}&action=organization.update`)
    ).json();
    expect(byActor.items).toHaveLength(1);
    const future = (await auditor.get("/api/v1/audit-events?from=2999-01-01")).json();
    expect(future.items).toHaveLength(0);

    const officer = await env.userWith("regional_officer", "region", "MA-01");
    expect((await officer.get("/api/v1/audit-events")).statusCode).toBe(403);
  });

  it("cannot be changed or deleted, even directly in the database", async () => {
    await expect(env.pool.query("update audit_events set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(env.pool.query("delete from audit_events")).rejects.toThrow(/append-only/);
    await expect(env.pool.query("truncate audit_events")).rejects.toThrow(/append-only/);
  });
});
