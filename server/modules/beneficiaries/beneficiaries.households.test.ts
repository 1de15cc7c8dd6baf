import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { create } from "./beneficiaries.testing.ts";
import { eligibilityProfile } from "./index.ts";

const env = setupTestEnv();
let admin: Client;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
});

describe("households", () => {
  it("creates around a head, adds and removes members, updates the imported score with the version", async () => {
    const head = await create(admin, {
      sex: "male",
      firstNameLatin: "Abdellah",
      lastNameLatin: "Menage",
      commune: "Settat",
    });
    const child = await create(admin, {
      firstNameLatin: "Salma",
      lastNameLatin: "Menage",
      birthDate: "2015-09-01",
    });
    const res = await admin.post("/api/v1/households", {
      headPersonId: head.id,
      socioEconomicScore: 9.3264284,
      scoreDate: "2025-12-01",
    });
    expect(res.statusCode, res.body).toBe(201);
    const h = res.json();
    expect(h).toMatchObject({
      headName: "Abdellah Menage",
      memberCount: 1,
      socioEconomicScore: 9.3264284,
      commune: "Settat",
    });
    const added = (
      await admin.post(`/api/v1/households/${h.id}/members`, {
        version: h.version,
        personId: child.id,
        relationship: "child",
      })
    ).json();
    expect(added.members.map((m: { relationship: string }) => m.relationship)).toEqual(["head", "child"]);
    const twice = await admin.post(`/api/v1/households/${h.id}/members`, {
      version: added.version,
      personId: child.id,
      relationship: "child",
    });
    expect(twice.json().errors[0]).toMatchObject({
      path: "personId",
      code: "beneficiaries.already_in_household",
    });
    const asHead = await admin.post(`/api/v1/households/${h.id}/members`, {
      version: added.version,
      personId: child.id,
      relationship: "head",
    });
    expect(asHead.statusCode).toBe(400);
    const noHeadRemoval = await admin.post(`/api/v1/households/${h.id}/members/${head.id}/remove`, {
      version: added.version,
    });
    expect(noHeadRemoval.json().code).toBe("beneficiaries.head_required");
    const score = await admin.patch(`/api/v1/households/${h.id}`, {
      version: added.version,
      socioEconomicScore: 8.5,
    });
    expect(score.json()).toMatchObject({ socioEconomicScore: 8.5, version: added.version + 1 });
    const stale = await admin.patch(`/api/v1/households/${h.id}`, {
      version: added.version,
      socioEconomicScore: 1,
    });
    expect(stale.statusCode).toBe(409);
    const profile = await eligibilityProfile(env.db, child.id);
    expect(profile).toMatchObject({
      personId: child.id,
      sex: "female",
      householdScore: 8.5,
      householdSize: 2,
      disability: false,
    });
    expect(profile?.ageYears).toBeGreaterThanOrEqual(10);
    const removed = await admin.post(`/api/v1/households/${h.id}/members/${child.id}/remove`, {
      version: score.json().version,
    });
    expect(removed.json().memberCount).toBe(1);
    const person = (await admin.get(`/api/v1/persons/${head.id}`)).json();
    expect(person.household).toMatchObject({ id: h.id, relationship: "head", memberCount: 1 });
    const list = (await admin.get("/api/v1/households?q=abdellah%20menage")).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([h.id]);
  });
});
