import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../platform/testing.ts";
import { moveApplications } from "./index.ts";
import { setupProgramsTest, YOUTH_STAGES } from "./programs.testing.ts";

const { env, users, person, program, file, count } = setupProgramsTest();
let designer: Client;
let worker: Client;
let otherWorker: Client;
let partner: Client;
let regional: Client;

beforeAll(() => {
  ({ designer, worker, otherWorker, partner, regional } = users);
});

describe("applications", () => {
  it("files for a person in scope with eligibility kept; a second open application is refused", async () => {
    const p = await program();
    const id = await person();
    const res = await file(worker, p.id, id);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      status: "pending",
      channel: "office",
      stage: { code: "candidature" },
      eligibility: "passed",
      nextStage: { code: "selection" },
      allowedActions: ["advance", "reject", "withdraw"],
    });
    expect(a.eligibilityResult.explanation.children).toHaveLength(2);
    expect(a.events).toMatchObject([{ kind: "filed", toStage: "candidature" }]);
    const before = await count("applications");
    const again = await file(worker, p.id, id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("applications.already_open");
    expect(await count("applications")).toBe(before);
  });

  it("refuses filing for a person out of the worker's scope, on a draft programme, or outside coverage", async () => {
    const p = await program({ coverage: { national: false, regionCodes: ["MA-06"] } });
    const id = await person();
    const out = await file(otherWorker, p.id, id);
    expect(out.statusCode).toBe(400);
    expect(out.json().errors[0]).toMatchObject({ path: "personId", code: "applications.person_not_found" });
    const draft = await program({}, false);
    expect((await file(worker, draft.id, id)).json().errors[0].code).toBe("applications.program_not_active");
    const rabat = await person({ provinceCode: "MA-RAB" });
    const outside = await file(designer, p.id, rabat);
    expect(outside.json().errors[0].code).toBe("applications.outside_coverage");
    expect((await file(partner, p.id, id)).statusCode).toBe(403);
  });

  it("moves only along the workflow, with who/when/why; enrolment records the start; rejection needs a reason", async () => {
    const p = await program();
    const a = (await file(worker, p.id, await person())).json();
    const skip = await worker.post(`/api/v1/applications/${a.id}/transitions`, {
      version: a.version,
      action: "advance",
      toStage: "formation",
    });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().code).toBe("applications.transition_not_allowed");
    expect(skip.json().detail).toContain("candidature");
    const next = await worker.post(`/api/v1/applications/${a.id}/transitions`, {
      version: a.version,
      action: "advance",
      toStage: "selection",
      reason: "Dossier complet",
    });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({
      status: "pending",
      stage: { code: "selection" },
      version: a.version + 1,
    });
    const stale = await worker.post(`/api/v1/applications/${a.id}/transitions`, {
      version: a.version,
      action: "advance",
    });
    expect(stale.statusCode).toBe(409);
    const enrol = await worker.post(`/api/v1/applications/${a.id}/transitions`, {
      version: next.json().version,
      action: "advance",
      startDate: "2026-01-15",
    });
    expect(enrol.json()).toMatchObject({
      status: "enrolled",
      enrolledOn: "2026-01-15",
      stage: { code: "formation" },
    });
    const noReason = await worker.post(`/api/v1/applications/${a.id}/transitions`, {
      version: enrol.json().version,
      action: "reject",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ path: "reason", code: "applications.reason_required" });
    const rejected = await worker.post(`/api/v1/applications/${a.id}/transitions`, {
      version: enrol.json().version,
      action: "reject",
      reason: "Abandon de la formation",
    });
    expect(rejected.json()).toMatchObject({
      status: "rejected",
      rejectionReason: "Abandon de la formation",
      allowedActions: [],
    });
    const after = await worker.post(`/api/v1/applications/${a.id}/transitions`, {
      version: rejected.json().version,
      action: "advance",
    });
    expect(after.statusCode).toBe(400);
    const events = rejected.json().events;
    expect(
      events.map((e: { kind: string; fromStage: string | null; toStage: string | null }) => [
        e.kind,
        e.fromStage,
        e.toStage,
      ]),
    ).toEqual([
      ["filed", null, "candidature"],
      ["advanced", "candidature", "selection"],
      ["advanced", "selection", "formation"],
      ["rejected", "formation", "formation"],
    ]);
    expect(events[1]).toMatchObject({
      reason: "Dossier complet",
      actorLabel: expect.stringContaining("social_worker"),
    });
    const audit = await env.pool.query(
      "select action from audit_events where entity_id = $1 order by occurred_at, id",
      [a.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      "application.create",
      "application.advance",
      "application.advance",
      "application.reject",
    ]);
    // A closed application no longer blocks a new one.
    expect((await file(worker, p.id, a.personId)).statusCode).toBe(201);
  });

  it("walks the whole youth workflow to completion and logs services delivered", async () => {
    const org = (
      await designer.post("/api/v1/organizations", { type: "financial_institution", nameFr: "Banque test" })
    ).json();
    const p = await program();
    let a = (await file(worker, p.id, await person())).json();
    const notYet = await worker.post(`/api/v1/applications/${a.id}/services`, {
      deliveredOn: "2026-01-01",
      type: "training",
      quantity: 1,
    });
    expect(notYet.statusCode).toBe(422);
    for (const code of YOUTH_STAGES.slice(1).map((s) => s.code)) {
      const r = await worker.post(`/api/v1/applications/${a.id}/transitions`, {
        version: a.version,
        action: "advance",
        toStage: code,
        startDate: "2025-09-01",
      });
      expect(r.statusCode, r.body).toBe(200);
      a = r.json();
    }
    expect(a).toMatchObject({
      stage: { code: "suivi" },
      status: "enrolled",
      allowedActions: ["complete", "reject", "withdraw"],
    });
    const bad = await worker.post(`/api/v1/applications/${a.id}/services`, {
      deliveredOn: "2099-01-01",
      type: "financing",
    });
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["amountCentimes", "deliveredOn"]);
    const s = await worker.post(`/api/v1/applications/${a.id}/services`, {
      deliveredOn: "2025-10-01",
      type: "financing",
      amountCentimes: 5_000_000,
      providerId: org.id,
      notes: "Prêt d'honneur",
    });
    expect(s.statusCode, s.body).toBe(201);
    expect(s.json().services).toMatchObject([
      { type: "financing", amountCentimes: 5_000_000, providerName: "Banque test" },
    ]);
    const done = await worker.post(`/api/v1/applications/${a.id}/transitions`, {
      version: s.json().version,
      action: "complete",
    });
    expect(done.json()).toMatchObject({ status: "completed", allowedActions: [] });
  });

  it("enforces capacity at enrolment", async () => {
    const p = await program({
      capacity: 1,
      stages: YOUTH_STAGES.slice(0, 3).map((s, i) => (i === 1 ? { ...s, kind: "review" } : s)),
    });
    const enrol = async () => {
      let a = (await file(worker, p.id, await person())).json();
      for (let i = 0; i < 2; i++) {
        const r = await worker.post(`/api/v1/applications/${a.id}/transitions`, {
          version: a.version,
          action: "advance",
        });
        if (r.statusCode !== 200) return r;
        a = r.json();
      }
      return a;
    };
    expect((await enrol()).status).toBe("enrolled");
    const second = await enrol();
    expect(second.statusCode).toBe(422);
    expect(second.json().code).toBe("applications.capacity_reached");
  });

  it("review queue: pending applications, longest waiting first, scoped", async () => {
    const p = await program();
    const first = (await file(worker, p.id, await person())).json();
    const second = (await file(worker, p.id, await person())).json();
    const rabat = (await file(otherWorker, p.id, await person({ provinceCode: "MA-RAB" }))).json();
    await env.pool.query(
      "update applications set stage_changed_at = now() - interval '3 days' where id = $1",
      [second.id],
    );
    const q = await worker.get(`/api/v1/programs/${p.id}/queue`);
    expect(q.statusCode).toBe(200);
    expect(q.json().items.map((i: { id: string }) => i.id)).toEqual([second.id, first.id]);
    expect(q.json().items[0].waitingSeconds).toBeGreaterThanOrEqual(3 * 86400);
    expect((await regional.get(`/api/v1/programs/${p.id}/queue`)).json().items).toHaveLength(2);
    expect(
      (await otherWorker.get(`/api/v1/programs/${p.id}/queue`)).json().items.map((i: { id: string }) => i.id),
    ).toEqual([rabat.id]);
    expect((await designer.get(`/api/v1/programs/${p.id}/queue`)).json().items).toHaveLength(3);
    expect((await partner.get(`/api/v1/programs/${p.id}/queue`)).statusCode).toBe(403);
  });
});

describe("scope", () => {
  it("a user of one region cannot see another region's applications: list, queue, detail, export", async () => {
    const p = await program({ coverage: { national: true, regionCodes: [] } });
    const casa = (await file(worker, p.id, await person({ lastNameLatin: "Casablancaise" }))).json();
    const rabatPerson = await person({ provinceCode: "MA-RAB", lastNameLatin: "Rbatia" });
    const rabat = (await file(otherWorker, p.id, rabatPerson)).json();
    const listed = (who: Client) =>
      who
        .get(`/api/v1/applications?programId=${p.id}`)
        .then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await listed(worker)).toEqual([casa.id]);
    expect(await listed(otherWorker)).toEqual([rabat.id]);
    expect((await listed(designer)).sort()).toEqual([casa.id, rabat.id].sort());
    expect((await otherWorker.get(`/api/v1/applications/${casa.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/v1/applications/${rabat.id}`)).statusCode).toBe(404);
    expect(
      (
        await otherWorker.post(`/api/v1/applications/${casa.id}/transitions`, {
          version: 1,
          action: "withdraw",
        })
      ).statusCode,
    ).toBe(404);
    const queue = (await otherWorker.get(`/api/v1/programs/${p.id}/queue`))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(queue).toEqual([rabat.id]);
    const csv = await otherWorker.get(`/api/v1/applications/export?programId=${p.id}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("Rbatia");
    expect(csv.body).not.toContain("Casablancaise");
    const xlsx = await worker.get(`/api/v1/applications/export?programId=${p.id}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    // Partners never see applications.
    expect((await partner.get("/api/v1/applications")).statusCode).toBe(403);
    expect((await partner.get(`/api/v1/applications/${casa.id}`)).statusCode).toBe(403);
    expect((await partner.get("/api/v1/applications/export")).statusCode).toBe(403);
    // Reading an application is audited.
    await worker.get(`/api/v1/applications/${casa.id}`);
    const reads = await env.pool.query(
      "select 1 from audit_events where entity_id = $1 and action = 'application.read'",
      [casa.id],
    );
    expect(reads.rowCount).toBeGreaterThan(0);
  });
});

describe("merge", () => {
  it("moves applications to the record kept, withdrawing a clashing open one", async () => {
    const p = await program();
    const q = await program({ coverage: { national: true, regionCodes: [] } });
    const kept = await person();
    const gone = await person();
    const keptApp = (await file(worker, p.id, kept)).json();
    const clash = (await file(worker, p.id, gone)).json();
    const other = (await file(worker, q.id, gone)).json();
    await env.db.transaction((tx) => moveApplications(tx, gone, kept));
    const mine = (await worker.get(`/api/v1/applications?personId=${kept}`)).json().items;
    expect(mine.map((a: { id: string }) => a.id).sort()).toEqual([keptApp.id, clash.id, other.id].sort());
    expect(mine.find((a: { id: string }) => a.id === clash.id).status).toBe("withdrawn");
    expect(mine.find((a: { id: string }) => a.id === other.id).status).toBe("pending");
    const timeline = await worker.get(`/api/v1/persons/${kept}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const kinds = timeline.json().items.filter((e: { source: string }) => e.source === "programs");
    expect(kinds.map((e: { kind: string }) => e.kind)).toContain("application_filed");
    expect(kinds.map((e: { label: string }) => e.label)).toContain(q.nameFr);
  });

  it("counts pending and enrolled per programme, open applications per stage, exact after each write", async () => {
    const p = await program();
    const [a, b] = [
      (await file(worker, p.id, await person())).json(),
      (await file(worker, p.id, await person())).json(),
    ];
    await file(worker, p.id, await person());
    const move = async (id: string, body: Record<string, unknown>) => {
      const version = (await worker.get(`/api/v1/applications/${id}`)).json().version;
      const res = await worker.post(`/api/v1/applications/${id}/transitions`, { version, ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    await move(a.id, { action: "advance" });
    await move(a.id, { action: "advance", startDate: "2026-01-15" });
    await move(b.id, { action: "reject", reason: "Hors critères" });
    const list = (await partner.get(`/api/v1/programs?q=${encodeURIComponent(p.code)}`)).json();
    expect(list.items).toMatchObject([{ id: p.id, pending: 1, enrolled: 1 }]);
    const stages = (await partner.get(`/api/v1/programs/${p.id}`)).json().stages;
    expect(stages.map((s: { openApplications: number }) => s.openApplications)).toEqual([
      1, 0, 1, 0, 0, 0, 0,
    ]);
    // The counters (migration 0022) equal a count of the applications, for every programme of this file.
    const counters = await env.pool.query(
      "select program_id, stage_id, status, n from program_stage_counts where n <> 0 order by 1, 2, 3",
    );
    const counted = await env.pool.query(
      "select program_id, stage_id, status, count(*)::int n from applications group by 1, 2, 3 order by 1, 2, 3",
    );
    expect(counted.rows.length).toBeGreaterThan(3);
    expect(counters.rows).toEqual(counted.rows);
  });

  it("keeps the counters exact under concurrent filings and moves in one programme (same counter rows)", async () => {
    const p = await program();
    const people = await Promise.all(Array.from({ length: 8 }, () => person()));
    const filed = await Promise.all(people.map((id) => file(worker, p.id, id)));
    expect(filed.map((r) => r.statusCode)).toEqual(filed.map(() => 201));
    // Half advance while the other half is rejected, all at once: both counters of a stage move together.
    const moved = await Promise.all(
      filed.map((r, i) =>
        worker.post(`/api/v1/applications/${r.json().id}/transitions`, {
          version: r.json().version,
          ...(i % 2 ? { action: "advance" } : { action: "reject", reason: "Hors critères" }),
        }),
      ),
    );
    expect(moved.map((r) => r.statusCode)).toEqual(moved.map(() => 200));
    const counters = await env.pool.query(
      "select stage_id, status, n from program_stage_counts where program_id = $1 and n <> 0 order by 1, 2",
      [p.id],
    );
    const counted = await env.pool.query(
      "select stage_id, status, count(*)::int n from applications where program_id = $1 group by 1, 2 order by 1, 2",
      [p.id],
    );
    expect(counted.rows.map((r) => r.n)).toEqual([4, 4]);
    expect(counters.rows).toEqual(counted.rows);
  });
});
