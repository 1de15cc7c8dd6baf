import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../platform/testing.ts";
import { setupProgramsTest, YOUTH_STAGES } from "./programs.testing.ts";

const { env, users, person, program, file, count } = setupProgramsTest();
let designer: Client;
let worker: Client;
let otherWorker: Client;
let partner: Client;

beforeAll(() => {
  ({ designer, worker, otherWorker, partner } = users);
});

describe("programme catalogue", () => {
  it("designs a programme with its workflow, funders, coverage and rules, as a draft", async () => {
    const org = await designer.post("/api/v1/organizations", { type: "partner", nameFr: "Fondation test" });
    const p = await program(
      {
        objectiveFr: "Accompagner 3 000 jeunes porteurs de projets",
        targetGroups: ["youth", "project_holders"],
        amountCentimes: 5_000_000,
        amountPeriodicity: "once",
        budgetCentimes: 15_000_000_000,
        funderIds: [org.json().id],
        coverage: { national: false, regionCodes: ["MA-06"] },
        capacity: 3000,
        startDate: "2026-01-01",
        endDate: "2028-12-31",
      },
      false,
    );
    expect(p).toMatchObject({
      status: "draft",
      version: 1,
      budgetCentimes: 15_000_000_000,
      coverage: { national: false, regionCodes: ["MA-06"] },
      funders: [{ nameFr: "Fondation test" }],
    });
    expect(p.stages.map((s: { code: string }) => s.code)).toEqual(YOUTH_STAGES.map((s) => s.code));
    const audit = await env.pool.query("select action from audit_events where entity_id = $1", [p.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(["program.create"]);
  });

  it("is readable by partners and social workers, designed only by programs.design", async () => {
    const p = await program();
    expect((await partner.get("/api/v1/programs")).statusCode).toBe(200);
    expect((await partner.get(`/api/v1/programs/${p.id}`)).statusCode).toBe(200);
    expect((await worker.get(`/api/v1/programs/${p.id}`)).statusCode).toBe(200);
    const denied = await worker.post("/api/v1/programs", {
      code: "X-1",
      nameFr: "X",
      nameAr: "س",
      benefitType: "service",
    });
    expect(denied.statusCode).toBe(403);
    expect(
      (await partner.patch(`/api/v1/programs/${p.id}`, { version: p.version, nameFr: "Y" })).statusCode,
    ).toBe(403);
  });

  it("refuses an unknown field, an operator not allowed for a field, a bad value: 400 with paths, nothing written", async () => {
    const before = await count("programs");
    const bad = await designer.post("/api/v1/programs", {
      code: "BAD-1",
      nameFr: "Mauvais",
      nameAr: "سيء",
      benefitType: "service",
      eligibility: {
        combinator: "all",
        conditions: [
          { field: "income", operator: "lt", value: 1000 },
          { combinator: "any", conditions: [{ field: "sex", operator: "gt", value: "female" }] },
          { field: "age", operator: "between", value: [60, 18] },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ["eligibility.conditions.0.field", "programs.eligibility.unknown_field"],
      ["eligibility.conditions.1.conditions.0.operator", "programs.eligibility.operator_not_allowed"],
      ["eligibility.conditions.2.value", "programs.eligibility.between_order"],
    ]);
    expect(bad.json().errors[0].message).toContain("income");
    const badOp = await designer.post("/api/v1/programs", {
      code: "BAD-2",
      nameFr: "Mauvais",
      nameAr: "سيء",
      benefitType: "service",
      eligibility: { combinator: "all", conditions: [{ field: "age", operator: "like", value: 3 }] },
    });
    expect(badOp.statusCode).toBe(400);
    expect(badOp.json().errors[0]).toMatchObject({ path: "eligibility.conditions.0.operator" });
    const unknownProgram = await designer.post("/api/v1/programs", {
      code: "BAD-3",
      nameFr: "Mauvais",
      nameAr: "سيء",
      benefitType: "service",
      eligibility: {
        combinator: "all",
        conditions: [{ field: "not_enrolled_in", operator: "in", value: ["NOPE"] }],
      },
    });
    expect(unknownProgram.json().errors[0].code).toBe("programs.eligibility.unknown_program");
    expect(await count("programs")).toBe(before);
  });

  it("validates dates, coverage, code uniqueness and workflow shape", async () => {
    const p = await program({}, false);
    const res = await designer.post("/api/v1/programs", {
      code: p.code,
      nameFr: "Doublon",
      nameAr: "مكرر",
      benefitType: "service",
      startDate: "2027-01-01",
      endDate: "2026-01-01",
      coverage: { national: false, regionCodes: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["code", "coverage.regionCodes", "endDate"]);
    const wf = await designer.post("/api/v1/programs", {
      code: "WF-BAD",
      nameFr: "Parcours",
      nameAr: "مسار",
      benefitType: "service",
      stages: [{ code: "decision", nameFr: "Décision", nameAr: "قرار", kind: "decision" }],
    });
    expect(wf.json().errors[0]).toMatchObject({
      path: "stages.0.kind",
      code: "programs.stage.first_must_be_intake",
    });
  });

  it("updates with the version read (409 when stale) and audits status transitions", async () => {
    const p = await program({}, false);
    const ok = await designer.patch(`/api/v1/programs/${p.id}`, { version: 1, nameFr: "Renommé" });
    expect(ok.json()).toMatchObject({ nameFr: "Renommé", version: 2 });
    const stale = await designer.patch(`/api/v1/programs/${p.id}`, { version: 1, nameFr: "Ancien" });
    expect(stale.statusCode).toBe(409);
    const active = await designer.post(`/api/v1/programs/${p.id}/status`, { version: 2, status: "active" });
    expect(active.json().status).toBe("active");
    const back = await designer.post(`/api/v1/programs/${p.id}/status`, { version: 3, status: "draft" });
    expect(back.statusCode).toBe(422);
    expect(back.json().code).toBe("programs.status_transition");
    const codeChange = await designer.patch(`/api/v1/programs/${p.id}`, { version: 3, code: "NEW-CODE" });
    expect(codeChange.json().errors[0].code).toBe("programs.code_locked");
    const closed = await designer.post(`/api/v1/programs/${p.id}/status`, { version: 3, status: "closed" });
    expect(closed.json().status).toBe("closed");
    expect((await designer.patch(`/api/v1/programs/${p.id}`, { version: 4, nameFr: "Z" })).statusCode).toBe(
      422,
    );
    const audit = await env.pool.query(
      "select action, changes from audit_events where entity_id = $1 order by occurred_at, id",
      [p.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      "program.create",
      "program.update",
      "program.activate",
      "program.close",
    ]);
    expect(audit.rows[2].changes).toEqual({ status: { before: "draft", after: "active" } });
  });

  it("a draft without stages cannot be opened", async () => {
    const p = await program({ stages: [] }, false);
    const res = await designer.post(`/api/v1/programs/${p.id}/status`, { version: 1, status: "active" });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("programs.no_stages");
  });

  it("edits the workflow; an active programme cannot lose a stage that holds applications", async () => {
    const p = await program();
    expect((await file(worker, p.id, await person())).statusCode).toBe(201);
    const renamed = YOUTH_STAGES.map((s) =>
      s.code === "selection" ? { ...s, nameFr: "Comité de sélection" } : s,
    );
    const ok = await designer.put(`/api/v1/programs/${p.id}/stages`, { version: p.version, stages: renamed });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().stages[1]).toMatchObject({ code: "selection", nameFr: "Comité de sélection" });
    expect(ok.json().stages[0].openApplications).toBe(1);
    const drop = await designer.put(`/api/v1/programs/${p.id}/stages`, {
      version: ok.json().version,
      stages: [
        { code: "accueil", nameFr: "Accueil", nameAr: "الاستقبال", kind: "intake" },
        ...renamed.slice(1),
      ],
    });
    expect(drop.statusCode).toBe(422);
    expect(drop.json().code).toBe("programs.stage_in_use");
  });
});

describe("eligibility endpoints", () => {
  it("evaluates a registered person with an explanation per condition", async () => {
    const p = await program({
      eligibility: {
        combinator: "all",
        conditions: [
          { field: "age", operator: "between", value: [18, 35] },
          { field: "household_score", operator: "lt", value: 9.5 },
          { field: "household_size", operator: "gte", value: 3 },
        ],
      },
    });
    const id = await person({}, { score: 8.2, size: 4 });
    const res = await worker.post(`/api/v1/programs/${p.id}/eligibility`, { personId: id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcome).toBe("passed");
    expect(res.json().explanation.children.map((c: { outcome: string }) => c.outcome)).toEqual([
      "passed",
      "passed",
      "passed",
    ]);
    expect(res.json().explanation.children[2].message).toBe(
      "Taille du ménage supérieur ou égal à 3 (valeur : 4)",
    );
    const noHousehold = await person();
    const alone = await worker.post(`/api/v1/programs/${p.id}/eligibility`, { personId: noHousehold });
    expect(alone.json().outcome).toBe("failed");
    expect(alone.json().explanation.children.map((c: { outcome: string }) => c.outcome)).toEqual([
      "passed",
      "unknown",
      "failed",
    ]);
    expect(alone.json().explanation.children[1].message).toContain("information manquante");
    const outOfScope = await otherWorker.post(`/api/v1/programs/${p.id}/eligibility`, { personId: id });
    expect(outOfScope.statusCode).toBe(400);
  });

  it("evaluates a profile typed in", async () => {
    const p = await program();
    const res = await partner.post(`/api/v1/programs/${p.id}/eligibility/check`, {
      profile: { ageYears: 40, provinceCode: "MA-CAS" },
    });
    expect(res.json().outcome).toBe("failed");
    expect(res.json().explanation.children.map((c: { outcome: string }) => c.outcome)).toEqual([
      "failed",
      "passed",
    ]);
  });
});
