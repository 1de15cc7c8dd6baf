import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { daysFromToday } from "../../../contracts/calendar.ts";
import { auditEvents } from "../../platform/audit.table.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { fundersMoney, percent, trancheState } from "./partnerships.money.ts";
import { fund, makeOrg, makeProject } from "./partnerships.projects.testkit.ts";
import { disbursements } from "./partnerships.table.ts";

const env = setupTestEnv();
let admin: Client;
let fundA: string;
let fundB: string;

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  fundA = await makeOrg(env.db, "Bailleur A");
  fundB = await makeOrg(env.db, "Bailleur B");
});

const disburse = (projectId: string, body: Record<string, unknown>) =>
  admin.post(`/api/v1/projects/${projectId}/disbursements`, { paidOn: daysFromToday(-1), ...body });

const paidTo = async (projectId: string) =>
  (await env.db.select().from(disbursements).where(eq(disbursements.projectId, projectId))).reduce(
    (s, d) => s + d.amountCentimes,
    0,
  );

describe("tranche state and figures (fixed date)", () => {
  const today = "2026-06-15";
  it("is paid when fully disbursed, due once its milestone is reached, late when its planned date passed", () => {
    const tranche = { amountCentimes: 1000, paidCentimes: 0 };
    expect(trancheState(tranche, { plannedDate: "2026-07-01", actualDate: null }, today)).toBe("pending");
    expect(trancheState(tranche, { plannedDate: "2026-06-15", actualDate: null }, today)).toBe("pending");
    expect(trancheState(tranche, { plannedDate: "2026-06-14", actualDate: null }, today)).toBe("late");
    expect(trancheState(tranche, { plannedDate: "2026-06-14", actualDate: "2026-06-20" }, today)).toBe("due");
    expect(
      trancheState(
        { amountCentimes: 1000, paidCentimes: 400 },
        { plannedDate: "2026-01-01", actualDate: "2026-01-02" },
        today,
      ),
    ).toBe("due");
    expect(
      trancheState(
        { amountCentimes: 1000, paidCentimes: 1000 },
        { plannedDate: "2026-01-01", actualDate: null },
        today,
      ),
    ).toBe("paid");
    expect(trancheState(tranche, null, today)).toBe("due");
  });
  it("computes per funder committed, disbursed and remaining, and progress in percent", () => {
    const names = new Map([
      ["a", { nameFr: "A", nameAr: null }],
      ["b", { nameFr: "B", nameAr: "ب" }],
    ]);
    const money = fundersMoney(
      [
        { funderId: "a", amountCentimes: 100 },
        { funderId: "a", amountCentimes: 50 },
        { funderId: "b", amountCentimes: 50 },
      ],
      [{ funderId: "a", amountCentimes: 75 }],
      names,
    );
    expect(money).toEqual([
      {
        funderId: "a",
        funderName: "A",
        funderNameAr: null,
        committedCentimes: 150,
        disbursedCentimes: 75,
        remainingCentimes: 75,
      },
      {
        funderId: "b",
        funderName: "B",
        funderNameAr: "ب",
        committedCentimes: 50,
        disbursedCentimes: 0,
        remainingCentimes: 50,
      },
    ]);
    expect(percent(75, 200)).toBe(37.5);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(5, 0)).toBe(0);
  });
});

describe("disbursements", () => {
  it("computes committed / disbursed / remaining and financial progress on read", async () => {
    const p = await makeProject(admin);
    await fund(admin, p.id, fundA, 150_000_00);
    await fund(admin, p.id, fundB, 50_000_00);
    const res = await disburse(p.id, { funderId: fundA, amountCentimes: 75_000_00, reference: "VIR-001" });
    expect(res.statusCode, res.body).toBe(201);
    const project = res.json();
    expect(project.budgetCentimes).toBe(200_000_00);
    expect(project.disbursedCentimes).toBe(75_000_00);
    expect(project.financialProgress).toBe(37.5);
    expect(project.funders).toEqual([
      expect.objectContaining({
        funderId: fundA,
        committedCentimes: 150_000_00,
        disbursedCentimes: 75_000_00,
        remainingCentimes: 75_000_00,
      }),
      expect.objectContaining({
        funderId: fundB,
        committedCentimes: 50_000_00,
        disbursedCentimes: 0,
        remainingCentimes: 50_000_00,
      }),
    ]);
    expect(project.disbursements[0]).toMatchObject({ reference: "VIR-001", funderName: "Bailleur A" });
    const listed = (await admin.get(`/api/v1/projects?q=${encodeURIComponent(p.code)}`)).json().items[0];
    expect(listed).toMatchObject({
      budgetCentimes: 200_000_00,
      disbursedCentimes: 75_000_00,
      financialProgress: 37.5,
    });
    const events = await env.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "project.disbursement.create"));
    expect(events.length).toBeGreaterThan(0);
  });

  it("never lets a funder disburse more than it committed; the error names the field and nothing is written", async () => {
    const p = await makeProject(admin);
    await fund(admin, p.id, fundA, 100_000);
    expect((await disburse(p.id, { funderId: fundA, amountCentimes: 80_000 })).statusCode).toBe(201);
    const over = await disburse(p.id, { funderId: fundA, amountCentimes: 20_001 });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: "socialProjects.over_commitment" });
    expect(over.json().errors[0]).toMatchObject({
      path: "amountCentimes",
      code: "socialProjects.over_commitment",
    });
    expect(over.json().detail).toContain("200,00 MAD");
    const notFunding = await disburse(p.id, { funderId: fundB, amountCentimes: 1 });
    expect(notFunding.statusCode).toBe(422);
    expect(await paidTo(p.id)).toBe(80_000);
    expect((await disburse(p.id, { funderId: fundA, amountCentimes: 20_000 })).statusCode).toBe(201);
    expect(await paidTo(p.id)).toBe(100_000);
    const future = await disburse(p.id, { funderId: fundA, amountCentimes: 1, paidOn: daysFromToday(5) });
    expect(future.json().errors[0]).toMatchObject({ path: "paidOn", code: "socialProjects.date_in_future" });
    const zero = await disburse(p.id, { funderId: fundA, amountCentimes: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].path).toBe("amountCentimes");
  });

  it("locks the project: of two concurrent disbursements that together exceed the commitment, only one passes", async () => {
    const p = await makeProject(admin);
    await fund(admin, p.id, fundA, 100_000);
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([
        disburse(p.id, { funderId: fundA, amountCentimes: 30_000 }),
        disburse(p.id, { funderId: fundA, amountCentimes: 30_000 }),
      ]);
      const codes = [a.statusCode, b.statusCode].sort();
      if (round === 0) expect(codes).toEqual([201, 201]);
      if (round === 1) expect(codes).toEqual([201, 422]);
      if (round === 2) expect(codes).toEqual([422, 422]);
    }
    expect(await paidTo(p.id)).toBe(90_000);
  });

  it("keeps a tranche's disbursements within the tranche and within its funder", async () => {
    const p = await makeProject(admin);
    await fund(admin, p.id, fundA, 100_000);
    await fund(admin, p.id, fundB, 100_000);
    const m = (
      await admin.post(`/api/v1/projects/${p.id}/milestones`, {
        titleFr: "Démarrage",
        plannedDate: daysFromToday(-5),
        actualDate: daysFromToday(-2),
      })
    ).json().milestones[0];
    const withTranche = await admin.post(`/api/v1/projects/${p.id}/tranches`, {
      funderId: fundA,
      milestoneId: m.id,
      amountCentimes: 40_000,
    });
    expect(withTranche.statusCode, withTranche.body).toBe(201);
    const tranche = withTranche.json().tranches[0];
    expect(tranche).toMatchObject({
      position: 1,
      state: "due",
      paidCentimes: 0,
      milestoneTitle: "Démarrage",
    });
    const over = await disburse(p.id, { funderId: fundA, trancheId: tranche.id, amountCentimes: 40_001 });
    expect(over.json().errors[0]).toMatchObject({
      path: "amountCentimes",
      code: "socialProjects.over_tranche",
    });
    const wrongFunder = await disburse(p.id, { funderId: fundB, trancheId: tranche.id, amountCentimes: 1 });
    expect(wrongFunder.json().errors[0]).toMatchObject({
      path: "trancheId",
      code: "socialProjects.tranche_funder_mismatch",
    });
    const paid = await disburse(p.id, { funderId: fundA, trancheId: tranche.id, amountCentimes: 40_000 });
    expect(paid.json().tranches[0]).toMatchObject({ state: "paid", paidCentimes: 40_000 });
    const tooMany = await admin.post(`/api/v1/projects/${p.id}/tranches`, {
      funderId: fundA,
      amountCentimes: 60_001,
    });
    expect(tooMany.json().errors[0]).toMatchObject({
      path: "amountCentimes",
      code: "socialProjects.tranches_over_commitment",
    });
    const shrink = await admin.patch(`/api/v1/projects/${p.id}/tranches/${tranche.id}`, {
      version: 1,
      amountCentimes: 10_000,
    });
    expect(shrink.json().errors?.[0]?.code, shrink.body).toBe("socialProjects.tranche_below_paid");
  });

  it("shows a tranche late when its milestone's planned date passed unreached, due once reached", async () => {
    const p = await makeProject(admin);
    await fund(admin, p.id, fundA, 100_000);
    const project = (
      await admin.post(`/api/v1/projects/${p.id}/milestones`, {
        titleFr: "Livraison",
        plannedDate: daysFromToday(-3),
      })
    ).json();
    const m = project.milestones[0];
    expect(m.late).toBe(true);
    expect(project.lateMilestones).toBe(1);
    const t = await admin.post(`/api/v1/projects/${p.id}/tranches`, {
      funderId: fundA,
      milestoneId: m.id,
      amountCentimes: 50_000,
    });
    expect(t.json().tranches[0].state).toBe("late");
    const future = (
      await admin.post(`/api/v1/projects/${p.id}/milestones`, {
        titleFr: "Plus tard",
        plannedDate: daysFromToday(30),
      })
    ).json();
    const later = future.milestones.find((x: { titleFr: string }) => x.titleFr === "Plus tard");
    const pending = await admin.post(`/api/v1/projects/${p.id}/tranches`, {
      funderId: fundA,
      milestoneId: later.id,
      amountCentimes: 10_000,
    });
    expect(
      pending.json().tranches.find((x: { milestoneId: string }) => x.milestoneId === later.id).state,
    ).toBe("pending");
    const reached = await admin.patch(`/api/v1/projects/${p.id}/milestones/${m.id}`, {
      version: 1,
      actualDate: daysFromToday(0),
    });
    expect(reached.statusCode, reached.body).toBe(200);
    expect(reached.json().milestones[0]).toMatchObject({ late: false, actualDate: daysFromToday(0) });
    expect(reached.json().tranches[0].state).toBe("due");
    expect(reached.json().lateMilestones).toBe(0);
    expect(reached.json().milestonesReached).toBe(1);
  });

  it("refuses a milestone outside the project's dates and a budget cut below what a funder paid", async () => {
    const p = await makeProject(admin, { startDate: daysFromToday(-100), endDate: daysFromToday(100) });
    const early = await admin.post(`/api/v1/projects/${p.id}/milestones`, {
      titleFr: "Trop tôt",
      plannedDate: daysFromToday(-101),
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0]).toMatchObject({
      path: "plannedDate",
      code: "socialProjects.milestone_outside_project",
    });
    expect(early.json().detail).toContain(daysFromToday(-100));
    const withLine = await fund(admin, p.id, fundA, 100_000);
    const line = withLine.budgetLines[0];
    await disburse(p.id, { funderId: fundA, amountCentimes: 70_000 });
    const cut = await admin.patch(`/api/v1/projects/${p.id}/budget-lines/${line.id}`, {
      version: 1,
      amountCentimes: 69_999,
    });
    expect(cut.statusCode).toBe(422);
    expect(cut.json().errors[0]).toMatchObject({
      path: "amountCentimes",
      code: "socialProjects.budget_below_disbursed",
    });
    const gone = await admin.delete(`/api/v1/projects/${p.id}/budget-lines/${line.id}?version=1`);
    expect(gone.statusCode).toBe(422);
    const ok = await admin.patch(`/api/v1/projects/${p.id}/budget-lines/${line.id}`, {
      version: 1,
      amountCentimes: 70_000,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().funders[0]).toMatchObject({ committedCentimes: 70_000, remainingCentimes: 0 });
    const stale = await admin.patch(`/api/v1/projects/${p.id}/budget-lines/${line.id}`, {
      version: 1,
      label: "x",
    });
    expect(stale.statusCode).toBe(409);
  });

  it("refuses money writes to partners (read-only) and to projects out of scope", async () => {
    const partner = await env.userWith("partner", "organization", fundA);
    const p = await makeProject(admin, { regionCode: "MA-01" });
    await fund(admin, p.id, fundA, 100_000);
    const res = await partner.post(`/api/v1/projects/${p.id}/disbursements`, {
      funderId: fundA,
      paidOn: daysFromToday(-1),
      amountCentimes: 1,
    });
    expect(res.statusCode).toBe(403);
    const officer = await env.userWith("regional_officer", "region", "MA-02");
    const away = await officer.post(`/api/v1/projects/${p.id}/milestones`, {
      titleFr: "x",
      plannedDate: daysFromToday(1),
    });
    expect(away.statusCode).toBe(404);
  });
});
