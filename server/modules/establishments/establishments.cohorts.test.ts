import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";

/** Cohorts: create, edit with the version read (409 on stale), archive, membership; all audited. */
const env = setupTestEnv();
let officer: Client;
let regional: Client;
let partner: Client;
let a: { id: string };
let b: { id: string };
let partnerOrg: { id: string };

const audits = async (action: string, entityId: string) =>
  (
    await env.pool.query(
      "select actor_id, changes from audit_events where action = $1 and entity_id = $2 order by occurred_at",
      [action, entityId],
    )
  ).rows;

beforeAll(async () => {
  officer = await env.userWith("national_officer", "national");
  regional = await env.userWith("regional_officer", "region", "MA-04");
  partner = await env.userWith("partner", "national");
  const org = await officer.post("/api/v1/organizations", {
    type: "partner",
    nameFr: "Fondation Partenaire",
  });
  expect(org.statusCode, org.body).toBe(201);
  partnerOrg = org.json();
  const est = async (code: string, regionCode: string) => {
    const r = await officer.post("/api/v1/establishments", {
      code,
      nameFr: `EPS ${code}`,
      category: "student_house_girls",
      regionCode,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  a = await est("COHT-A", "MA-04");
  b = await est("COHT-B", "MA-06");
});

describe("cohorts API", () => {
  it("creates, edits with the version read (409 when stale) and audits both", async () => {
    const created = await officer.post("/api/v1/cohorts", {
      code: "DIGIT-3",
      nameFr: "3 EPS — digitalisation",
      targetCount: 3,
      partnerId: partnerOrg.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ version: 1, actualCount: 0, partnerName: "Fondation Partenaire" });
    expect(await audits("cohort.create", c.id)).toHaveLength(1);

    const edited = await officer.patch(`/api/v1/cohorts/${c.id}`, {
      version: 1,
      targetCount: 4,
      goal: "Gestion",
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, targetCount: 4, goal: "Gestion" });
    const stale = await officer.patch(`/api/v1/cohorts/${c.id}`, { version: 1, targetCount: 9 });
    expect(stale.statusCode).toBe(409);
    expect((await officer.get(`/api/v1/cohorts/${c.id}`)).json().targetCount).toBe(4);
    const [update] = await audits("cohort.update", c.id);
    expect(update.changes.targetCount).toEqual({ before: 3, after: 4 });
  });

  it("refuses bad input naming the field, writing nothing", async () => {
    const before = (await officer.get("/api/v1/cohorts")).json().items.length;
    const zero = await officer.post("/api/v1/cohorts", { code: "ZERO", nameFr: "Zéro", targetCount: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].path).toBe("targetCount");
    const dup = await officer.post("/api/v1/cohorts", { code: "DIGIT-3", nameFr: "Doublon", targetCount: 1 });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ path: "code", code: "establishments.code_taken" });
    const ghost = await officer.post("/api/v1/cohorts", {
      code: "GHOST",
      nameFr: "Partenaire fantôme",
      targetCount: 1,
      partnerId: "0190a0a0-0000-7000-8000-000000000000",
    });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().errors[0].path).toBe("partnerId");
    expect((await officer.get("/api/v1/cohorts")).json().items).toHaveLength(before);
  });

  it("adds and removes members (audited), counting actual against target", async () => {
    const c = (
      await officer.post("/api/v1/cohorts", {
        code: "REHAB-120",
        nameFr: "120 EPS réhabilitées",
        targetCount: 120,
      })
    ).json();
    const added = await officer.post(`/api/v1/cohorts/${c.id}/members`, {
      establishmentIds: [a.id, b.id, a.id],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ actualCount: 2, targetCount: 120 });
    const [add] = await audits("cohort.members.add", c.id);
    expect(add.changes.establishmentIds.after.sort()).toEqual([a.id, b.id].sort());

    const unknown = await officer.post(`/api/v1/cohorts/${c.id}/members`, {
      establishmentIds: [a.id, "0190a0a0-0000-7000-8000-000000000000"],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe("establishmentIds.1");

    const removed = await officer.delete(`/api/v1/cohorts/${c.id}/members/${b.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().actualCount).toBe(1);
    expect(await audits("cohort.members.remove", c.id)).toHaveLength(1);
    expect((await officer.delete(`/api/v1/cohorts/${c.id}/members/${b.id}`)).statusCode).toBe(404);
  });

  it("archives with the version read: gone from the list, 404 after, 409 when stale", async () => {
    const c = (
      await officer.post("/api/v1/cohorts", { code: "OLD-1", nameFr: "Ancienne", targetCount: 1 })
    ).json();
    expect((await officer.post(`/api/v1/cohorts/${c.id}/archive`, { version: 9 })).statusCode).toBe(409);
    const archived = await officer.post(`/api/v1/cohorts/${c.id}/archive`, { version: c.version });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(await audits("cohort.archive", c.id)).toHaveLength(1);
    expect((await officer.get(`/api/v1/cohorts/${c.id}`)).statusCode).toBe(404);
    const codes = (await officer.get("/api/v1/cohorts")).json().items.map((x: { code: string }) => x.code);
    expect(codes).not.toContain("OLD-1");
  });

  it("only holders of cohorts.manage write; others read", async () => {
    const c = (await officer.get("/api/v1/cohorts")).json().items[0];
    expect(
      (await regional.post("/api/v1/cohorts", { code: "R-1", nameFr: "R", targetCount: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await regional.patch(`/api/v1/cohorts/${c.id}`, { version: c.version, nameFr: "X" })).statusCode,
    ).toBe(403);
    expect((await partner.post(`/api/v1/cohorts/${c.id}/archive`, { version: c.version })).statusCode).toBe(
      403,
    );
    expect((await partner.get(`/api/v1/cohorts/${c.id}`)).statusCode).toBe(200);
  });
});
