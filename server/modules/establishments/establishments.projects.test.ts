import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit.table.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { establishments } from "./establishments.table.ts";
import { projectProgress } from "./index.ts";

const env = setupTestEnv();
let admin: Client;
let managerA: Client;
let regional06: Client;
let partner: Client;
let estA: string;
let estB: string;
let seq = 0;

async function establishment(values: Partial<typeof establishments.$inferInsert> = {}) {
  const [row] = await env.db
    .insert(establishments)
    .values({
      code: `PRJ-${Date.now()}-${seq++}`,
      nameFr: "Maison de l'étudiant test",
      category: "other",
      regionCode: "MA-06",
      provinceCode: "MA-CAS",
      ...values,
    })
    .returning({ id: establishments.id });
  return row?.id as string;
}

const url = (est: string, rest = "") => `/api/v1/establishments/${est}/project${rest}`;

beforeAll(async () => {
  admin = await env.userWith("national_officer", "national");
  estA = await establishment();
  estB = await establishment({ regionCode: "MA-04", provinceCode: "MA-RAB" });
  managerA = await env.userWith("establishment_manager", "establishment", estA);
  regional06 = await env.userWith("regional_officer", "region", "MA-06");
  partner = await env.userWith("partner", "national");
});

describe("establishment project", () => {
  it("moves through the phases one step at a time, audited", async () => {
    const partnerOrg = await admin.post("/api/v1/organizations", {
      type: "association",
      nameFr: "Partenaire accompagnateur",
    });
    expect(partnerOrg.statusCode, partnerOrg.body).toBe(201);
    const created = await managerA.post(url(estA), {
      partnerOrganizationId: partnerOrg.json().id,
      startedOn: "2026-01-15",
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ phase: "diagnostic", progress: 0, partnerName: "Partenaire accompagnateur" });
    expect((await managerA.post(url(estA), {})).statusCode).toBe(409);

    const jump = await managerA.post(url(estA, "/phase"), { version: p.version, phase: "implementation" });
    expect(jump.statusCode).toBe(400);
    expect(jump.json().errors[0]).toMatchObject({ path: "phase", code: "projects.phase_order" });

    let version = p.version;
    for (const phase of ["action_plan", "implementation", "evaluation"]) {
      const res = await managerA.post(url(estA, "/phase"), { version, phase });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().phase).toBe(phase);
      version = res.json().version;
    }
    const stale = await managerA.post(url(estA, "/phase"), { version: p.version, phase: "implementation" });
    expect(stale.statusCode).toBe(409);
    const moves = await env.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, "project.phase")));
    expect(moves).toHaveLength(3);
  });

  it("scores the diagnostic 0-5 and refuses other scores", async () => {
    const ok = await managerA.put(url(estA, "/diagnostic/governance"), {
      score: 2,
      notes: "AG irrégulières",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await managerA.put(url(estA, "/diagnostic/governance"), { score: 3, notes: null });
    expect(again.json().diagnostic).toEqual([
      expect.objectContaining({ domain: "governance", score: 3, notes: null }),
    ]);
    const bad = await managerA.put(url(estA, "/diagnostic/finances"), { score: 7 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("score");
    const read = (await managerA.get(url(estA))).json();
    expect(read.diagnostic).toHaveLength(1);
    expect((await managerA.put(url(estA, "/diagnostic/weather"), { score: 1 })).statusCode).toBe(400);
  });

  it("computes progress from the action items (done / non-cancelled)", async () => {
    const add = async (status: string) => {
      const res = await managerA.post(url(estA, "/items"), {
        domain: "infrastructure",
        title: `Action ${status}`,
        owner: "Directeur",
        dueOn: "2026-06-30",
        costCentimes: 1_500_000,
        status,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    await add("done");
    await add("todo");
    await add("in_progress");
    const last = await add("cancelled");
    expect(last.progress).toBe(33);
    const item = last.items.find((i: { status: string }) => i.status === "todo");
    const done = await managerA.patch(url(estA, `/items/${item.id}`), {
      version: item.version,
      status: "done",
      evidence: "https://example.org/pv.pdf",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().progress).toBe(67);
    const map = await projectProgress.progressOf(env.db, [estA, estB]);
    expect(map.get(estA)).toBe(67);
    expect(map.has(estB)).toBe(false);

    const meeting = await managerA.post(url(estA, "/meetings"), {
      heldOn: "2026-02-10",
      attendees: "Président, trésorier, directeur",
      decisions: "Adoption du plan d'action",
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    expect(meeting.json().meetings).toHaveLength(1);
  });

  it("keeps managers and regional officers to their scope; partners read", async () => {
    const b = await admin.post(url(estB), {});
    expect(b.statusCode, b.body).toBe(201);
    expect((await managerA.get(url(estB))).statusCode).toBe(404);
    expect((await managerA.put(url(estB, "/diagnostic/services"), { score: 1 })).statusCode).toBe(404);
    expect((await regional06.get(url(estB))).statusCode).toBe(404);
    expect((await regional06.post(url(estB, "/items"), { domain: "services", title: "x" })).statusCode).toBe(
      404,
    );
    expect((await regional06.get(url(estA))).statusCode).toBe(200);
    expect((await partner.get(url(estA))).statusCode).toBe(200);
    expect(
      (await partner.post(url(estA, "/meetings"), { heldOn: "2026-01-01", attendees: "a", decisions: "b" }))
        .statusCode,
    ).toBe(403);
    const unknown = await admin.get(url(await establishment()));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("projects.not_found");
  });
});
