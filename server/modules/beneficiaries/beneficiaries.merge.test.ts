import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../platform/context.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { create, nextCin } from "./beneficiaries.testing.ts";

const env = setupTestEnv();
let admin: Client;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
});

describe("duplicates and merge", () => {
  it("shows probable duplicates before saving: similar name, same birth date and province; same CIN; same phone", async () => {
    const original = await create(admin, {
      cin: nextCin("WA"),
      firstNameLatin: "Youssef",
      lastNameLatin: "El Amrani",
      firstNameAr: "يوسف",
      lastNameAr: "العمراني",
      birthDate: "1985-03-12",
      provinceCode: "MA-SET",
      phone: "0677001122",
    });
    const check = async (body: Record<string, unknown>) =>
      (await admin.post("/api/v1/persons/duplicates", body)).json().items as {
        id: string;
        reasons: string[];
      }[];
    const byName = await check({
      firstNameLatin: "Youcef",
      lastNameLatin: "Elamrani",
      birthDate: "1985-03-12",
      provinceCode: "MA-SET",
    });
    expect(byName.find((d) => d.id === original.id)?.reasons).toEqual(["similar_name_birth_place"]);
    const byArabic = await check({ firstNameAr: "يوسف", lastNameAr: "العمراني", birthDate: "1985-03-12" });
    expect(byArabic.map((d) => d.id)).toContain(original.id);
    expect(
      (
        await check({
          firstNameLatin: "Youssef",
          lastNameLatin: "El Amrani",
          birthDate: "1985-03-13",
          provinceCode: "MA-SET",
        })
      ).map((d) => d.id),
    ).not.toContain(original.id);
    expect((await check({ cin: original.cin })).find((d) => d.id === original.id)?.reasons).toEqual([
      "same_cin",
    ]);
    expect((await check({ phone: "+212 677 00 11 22" })).find((d) => d.id === original.id)?.reasons).toEqual([
      "same_phone",
    ]);
  });

  it("merges: memberships and consents move, CIN goes to the survivor, both are audited, the merged one leaves lists", async () => {
    const cin = nextCin("MM");
    const keep = await create(admin, { firstNameLatin: "Naima", lastNameLatin: "Fusion" });
    const gone = await create(admin, { cin, firstNameLatin: "Naïma", lastNameLatin: "Fusion" });
    const head = await create(admin, { firstNameLatin: "Chef", lastNameLatin: "Fusion" });
    const household = (await admin.post("/api/v1/households", { headPersonId: head.id })).json();
    const withMember = await admin.post(`/api/v1/households/${household.id}/members`, {
      version: household.version,
      personId: gone.id,
      relationship: "spouse",
    });
    expect(withMember.statusCode, withMember.body).toBe(200);
    await admin.post(`/api/v1/persons/${gone.id}/consents`, { purpose: "registry", givenOn: "2025-06-01" });

    const stale = await admin.post(`/api/v1/persons/${gone.id}/merge`, {
      intoId: keep.id,
      version: 9,
      intoVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    const self = await admin.post(`/api/v1/persons/${gone.id}/merge`, {
      intoId: gone.id,
      version: 1,
      intoVersion: 1,
    });
    expect(self.json().errors[0]).toMatchObject({ path: "intoId", code: "beneficiaries.merge_self" });

    const merged = await admin.post(`/api/v1/persons/${gone.id}/merge`, {
      intoId: keep.id,
      version: gone.version,
      intoVersion: keep.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({
      id: keep.id,
      cin,
      household: { id: household.id, relationship: "spouse" },
    });
    const members = (await admin.get(`/api/v1/households/${household.id}`))
      .json()
      .members.map((m: { personId: string }) => m.personId);
    expect(members).toEqual([head.id, keep.id]);
    expect((await admin.get(`/api/v1/persons/${keep.id}/consents`)).json().items).toHaveLength(1);
    const old = (await admin.get(`/api/v1/persons/${gone.id}`)).json();
    expect(old).toMatchObject({ mergedIntoId: keep.id, cin: null });
    expect(
      (await admin.get("/api/v1/persons?q=naima%20fusion")).json().items.map((p: { id: string }) => p.id),
    ).toEqual([keep.id]);
    const audit = await env.pool.query(
      "select entity_id, action from audit_events where action like 'person.merge%' and entity_id = any($1) order by action",
      [[keep.id, gone.id]],
    );
    expect(audit.rows).toEqual([
      { entity_id: gone.id, action: "person.merge" },
      { entity_id: keep.id, action: "person.merge_into" },
    ]);
    const timeline = (await admin.get(`/api/v1/persons/${keep.id}/timeline`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(
      expect.arrayContaining(["person.created", "consent.granted", "household.joined", "person.merged_from"]),
    );
    const again = await admin.post(`/api/v1/persons/${gone.id}/merge`, {
      intoId: keep.id,
      version: 2,
      intoVersion: 2,
    });
    expect(again.json().code).toBe("beneficiaries.merged");
  });

  it("refuses to merge two records with different CINs, changing nothing", async () => {
    const a = await create(admin, { cin: nextCin() });
    const b = await create(admin, { cin: nextCin() });
    const res = await admin.post(`/api/v1/persons/${a.id}/merge`, {
      intoId: b.id,
      version: 1,
      intoVersion: 1,
    });
    expect(res.json().code).toBe("beneficiaries.merge_cin_conflict");
    expect((await admin.get(`/api/v1/persons/${a.id}`)).json()).toMatchObject({
      mergedIntoId: null,
      version: 1,
    });
  });

  it("runs the merge hooks of other modules and merges their timeline events", async () => {
    const { createBeneficiariesService } = await import("./index.ts");
    const moved: [string, string][] = [];
    const service = createBeneficiariesService({
      db: env.db,
      onMerge: async (_tx, from, into) => {
        moved.push([from, into]);
      },
      timeline: [
        {
          name: "test",
          events: async ({ personId }) => [
            {
              at: "2030-01-01T00:00:00.000Z",
              source: "programs",
              kind: "application.submitted",
              entityType: "application",
              entityId: personId,
              label: "Programme test",
              status: "submitted",
            },
          ],
        },
      ],
    });
    const a = await create(admin, {});
    const b = await create(admin, {});
    const me = (await admin.get("/api/v1/auth/me")).json();
    expect(me.permissions).toContain("persons.merge");
    const grants = new Map(
      me.permissions.map((p: string) => [p, [{ scopeType: "national", scopeRef: null }]]),
    );
    const ctx = {
      ...systemContext("test"),
      actor: {
        userId: admin.userId,
        email: me.user.email,
        fullName: me.user.fullName,
        locale: "fr" as const,
        grants,
        via: "session" as const,
        sessionId: null,
        csrfToken: null,
      },
    };
    // biome-ignore lint/suspicious/noExplicitAny: a hand-built actor for a direct service call
    await service.merge(ctx as any, a.id, { intoId: b.id, version: 1, intoVersion: 1 });
    expect(moved).toEqual([[a.id, b.id]]);
    // biome-ignore lint/suspicious/noExplicitAny: same
    const timeline = await service.timeline(ctx as any, b.id, "fr");
    expect(timeline.items[0]).toMatchObject({ kind: "application.submitted", label: "Programme test" });
  });
});
