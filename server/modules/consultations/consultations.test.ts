import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { auditActions, move, organization, proposalBody, submit } from "./consultations.testing.ts";

const env = setupTestEnv();
let admin: Client;
let association: Client;
let neighbour: Client;
let casablanca: Client;
let rabat: Client;
let national: Client;
let orgA: { id: string };
let orgB: { id: string };

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  orgA = await organization(admin, "Association Amal Test", "MA-06");
  orgB = await organization(admin, "Fondation Voisine Test", "MA-06", "partner");
  association = await env.userWith("establishment_manager", "organization", orgA.id);
  neighbour = await env.userWith("partner", "organization", orgB.id);
  casablanca = await env.userWith("regional_officer", "region", "MA-06");
  rabat = await env.userWith("regional_officer", "region", "MA-04");
  national = await env.userWith("national_officer", "national");
});

const count = async () => (await env.pool.query("select count(*)::int n from proposals")).rows[0].n;

describe("submitting a proposal", () => {
  it("an association submits for its own organisation; the proposal is received and audited", async () => {
    const p = await submit(association);
    expect(p).toMatchObject({
      organizationId: orgA.id,
      organizationName: "Association Amal Test",
      status: "received",
      regionCode: "MA-06",
      provinceCode: "MA-CAS",
      estimatedCostCentimes: 45_000_000,
      supportCount: 0,
      commentCount: 0,
      projectId: null,
      version: 1,
    });
    expect(await auditActions(env, p.id)).toEqual(["proposal.submit"]);
  });

  it("refuses an empty proposal, naming the missing fields, and writes nothing", async () => {
    const before = await count();
    const empty = await association.post("/api/v1/proposals", {
      theme: "elderly",
      regionCode: "MA-06",
      title: "  ",
    });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["description", "title"]);
    const nothing = await association.request("POST", "/api/v1/proposals", {}, { "accept-language": "en" });
    expect(
      nothing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["description", "regionCode", "theme", "title"]);
    const titleError = nothing.json().errors.find((e: { path: string }) => e.path === "title");
    expect(titleError.message).toBe("This field is required.");
    const negative = await association.post("/api/v1/proposals", proposalBody({ estimatedCostCentimes: -5 }));
    expect(negative.json().errors[0].path).toBe("estimatedCostCentimes");
    const mismatch = await association.post("/api/v1/proposals", proposalBody({ provinceCode: "MA-RAB" }));
    expect(mismatch.json().errors[0]).toMatchObject({
      path: "provinceCode",
      code: "proposals.province_region_mismatch",
    });
    expect(await count()).toBe(before);
  });

  it("a national officer names the organisation; an association cannot act for another one", async () => {
    const unnamed = await national.post("/api/v1/proposals", proposalBody());
    expect(unnamed.json().errors[0]).toMatchObject({
      path: "organizationId",
      code: "proposals.organization_required",
    });
    const named = await submit(national, { organizationId: orgB.id });
    expect(named.organizationId).toBe(orgB.id);
    const other = await association.post("/api/v1/proposals", proposalBody({ organizationId: orgB.id }));
    expect(other.json().errors[0].code).toBe("proposals.organization_out_of_scope");
    const outside = await casablanca.post(
      "/api/v1/proposals",
      proposalBody({ organizationId: (await organization(admin, "Rabat Org", "MA-04")).id }),
    );
    expect(outside.json().errors[0].code).toBe("proposals.organization_out_of_scope");
  });
});

describe("review workflow", () => {
  it("received → under study → retained, with a note, each step audited; no skipping, no going back", async () => {
    const p = await submit(association);
    const skip = await casablanca.post(`/api/v1/proposals/${p.id}/transitions`, {
      version: 1,
      action: "retain",
      note: "ok",
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().code).toBe("proposals.invalid_transition");
    const studied = await move(casablanca, p.id, "study");
    expect(studied).toMatchObject({ status: "under_study", version: 2 });
    expect(studied.can.actions).toEqual(["retain", "reject"]);
    const noNote = await casablanca.post(`/api/v1/proposals/${p.id}/transitions`, {
      version: 2,
      action: "retain",
    });
    expect(noNote.json().errors[0]).toMatchObject({ path: "note", code: "proposals.note_required" });
    const stale = await casablanca.post(`/api/v1/proposals/${p.id}/transitions`, {
      version: 1,
      action: "retain",
      note: "Pertinent",
    });
    expect(stale.statusCode).toBe(409);
    const retained = await move(casablanca, p.id, "retain", "Pertinent et finançable");
    expect(retained).toMatchObject({
      status: "retained",
      decisionNote: "Pertinent et finançable",
      version: 3,
    });
    const again = await casablanca.post(`/api/v1/proposals/${p.id}/transitions`, {
      version: 3,
      action: "study",
    });
    expect(again.json().code).toBe("proposals.invalid_transition");
    expect(await auditActions(env, p.id)).toEqual(["proposal.submit", "proposal.study", "proposal.retain"]);
    const audit = await env.pool.query(
      "select changes from audit_events where entity_id = $1 and action = 'proposal.retain'",
      [p.id],
    );
    expect(audit.rows[0].changes.status).toEqual({ before: "under_study", after: "retained" });
  });

  it("not retained needs a reason; a decision can be reopened with a reason", async () => {
    const p = await submit(association);
    await move(casablanca, p.id, "study");
    const noReason = await casablanca.post(`/api/v1/proposals/${p.id}/transitions`, {
      version: 2,
      action: "reject",
      note: " ",
    });
    expect(noReason.json().errors[0]).toMatchObject({ path: "note", code: "proposals.reason_required" });
    const rejected = await move(casablanca, p.id, "reject", "Hors des priorités de la région");
    expect(rejected.status).toBe("not_retained");
    expect(rejected.can.actions).toEqual(["reopen"]);
    const reopened = await move(casablanca, p.id, "reopen", "Nouveau cofinancement disponible");
    expect(reopened).toMatchObject({
      status: "under_study",
      decisionNote: "Nouveau cofinancement disponible",
    });
  });

  it("only reviewers of the proposal's territory move it", async () => {
    const p = await submit(association);
    expect(
      (await rabat.post(`/api/v1/proposals/${p.id}/transitions`, { version: 1, action: "study" })).statusCode,
    ).toBe(404);
    const self = await association.post(`/api/v1/proposals/${p.id}/transitions`, {
      version: 1,
      action: "study",
    });
    expect(self.statusCode).toBe(403);
    expect((await association.get(`/api/v1/proposals/${p.id}`)).json().can.actions).toEqual([]);
    await move(national, p.id, "study");
  });
});

describe("comments and supports", () => {
  it("readers in scope comment; the thread reads oldest first with the organisation", async () => {
    const p = await submit(association);
    const first = await neighbour.post(`/api/v1/proposals/${p.id}/comments`, { body: "Nous pouvons aider." });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      organizationName: "Fondation Voisine Test",
      authorName: "Test partner",
    });
    await casablanca.post(`/api/v1/proposals/${p.id}/comments`, { body: "Précisez le budget." });
    const empty = await casablanca.post(`/api/v1/proposals/${p.id}/comments`, { body: "" });
    expect(empty.json().errors[0].path).toBe("body");
    expect((await rabat.post(`/api/v1/proposals/${p.id}/comments`, { body: "x" })).statusCode).toBe(404);
    const thread = (await association.get(`/api/v1/proposals/${p.id}/comments`)).json();
    expect(thread.items.map((c: { body: string }) => c.body)).toEqual([
      "Nous pouvons aider.",
      "Précisez le budget.",
    ]);
    expect(thread.items[1].organizationName).toBeNull();
    expect((await association.get(`/api/v1/proposals/${p.id}`)).json().commentCount).toBe(2);
    expect(await auditActions(env, p.id)).toEqual([
      "proposal.submit",
      "proposal.comment",
      "proposal.comment",
    ]);
  });

  it("another organisation supports once; the author's organisation cannot; closed once decided", async () => {
    const p = await submit(association);
    expect((await neighbour.get(`/api/v1/proposals/${p.id}`)).json().can.supportAs).toEqual([
      { id: orgB.id, name: "Fondation Voisine Test", nameAr: null },
    ]);
    const supported = await neighbour.post(`/api/v1/proposals/${p.id}/supports`, {});
    expect(supported.statusCode, supported.body).toBe(200);
    expect(supported.json()).toMatchObject({
      supportCount: 1,
      can: { supportAs: [], supportedAs: [orgB.id] },
    });
    expect(supported.json().supports[0].organizationName).toBe("Fondation Voisine Test");
    const twice = await neighbour.post(`/api/v1/proposals/${p.id}/supports`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("proposals.already_supported");
    const own = await association.post(`/api/v1/proposals/${p.id}/supports`, {});
    expect(own.json().errors[0]).toMatchObject({ path: "organizationId", code: "proposals.own_support" });
    const forOther = await association.post(`/api/v1/proposals/${p.id}/supports`, {
      organizationId: orgB.id,
    });
    expect(forOther.json().errors[0].code).toBe("proposals.organization_out_of_scope");
    const listed = (await casablanca.get(`/api/v1/proposals?organizationId=${orgA.id}&limit=200`)).json();
    expect(listed.items.find((x: { id: string }) => x.id === p.id).supportCount).toBe(1);
    const withdrawn = await neighbour.delete(`/api/v1/proposals/${p.id}/supports/${orgB.id}`);
    expect(withdrawn.json().supportCount).toBe(0);
    expect((await neighbour.delete(`/api/v1/proposals/${p.id}/supports/${orgB.id}`)).statusCode).toBe(404);
    await move(casablanca, p.id, "study");
    await move(casablanca, p.id, "reject", "Doublon");
    const closed = await neighbour.post(`/api/v1/proposals/${p.id}/supports`, {});
    expect(closed.statusCode).toBe(404); // not retained: no longer visible to other organisations
    await move(casablanca, p.id, "reopen", "Erreur");
    await move(casablanca, p.id, "retain", "Retenue");
    expect((await neighbour.post(`/api/v1/proposals/${p.id}/supports`, {})).json().code).toBe(
      "proposals.support_closed",
    );
    expect(await auditActions(env, p.id)).toContain("proposal.unsupport");
  });
});

describe("a retained proposal becomes a project", () => {
  it("creates the project in the same transaction and keeps the link", async () => {
    const p = await submit(association, { theme: "elderly", title: "Foyer de jour pour personnes âgées" });
    const early = await casablanca.post(`/api/v1/proposals/${p.id}/project`, {
      version: 1,
      startDate: "2027-01-01",
      endDate: "2027-12-31",
    });
    expect(early.json().code).toBe("proposals.not_retained_yet");
    await move(casablanca, p.id, "study");
    const retained = await move(casablanca, p.id, "retain", "Retenue");
    expect(retained.can.canConvert).toBe(true);
    const projectsBefore = (await env.pool.query("select count(*)::int n from projects")).rows[0].n;
    const backwards = await casablanca.post(`/api/v1/proposals/${p.id}/project`, {
      version: 3,
      startDate: "2027-12-31",
      endDate: "2027-01-01",
    });
    expect(backwards.json().errors[0]).toMatchObject({ path: "endDate", code: "proposals.end_before_start" });
    expect(
      (
        await association.post(`/api/v1/proposals/${p.id}/project`, {
          version: 3,
          startDate: "2027-01-01",
          endDate: "2027-12-31",
        })
      ).statusCode,
    ).toBe(403);
    const converted = await casablanca.post(`/api/v1/proposals/${p.id}/project`, {
      version: 3,
      startDate: "2027-01-01",
      endDate: "2028-06-30",
    });
    expect(converted.statusCode, converted.body).toBe(201);
    const projectId = converted.json().projectId;
    expect(projectId).toBeTruthy();
    expect(converted.json().can).toMatchObject({ canConvert: false, actions: [] });
    const project = (await env.pool.query("select * from projects where id = $1", [projectId])).rows[0];
    expect(project).toMatchObject({
      title_fr: "Foyer de jour pour personnes âgées",
      region_code: "MA-06",
      province_code: "MA-CAS",
      sector: "elderly",
      responsible_org_id: orgA.id,
      status: "planned",
    });
    expect((await env.pool.query("select count(*)::int n from projects")).rows[0].n).toBe(projectsBefore + 1);
    const byProject = (await association.get(`/api/v1/proposals?projectId=${projectId}`)).json();
    expect(byProject.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    const twice = await casablanca.post(`/api/v1/proposals/${p.id}/project`, {
      version: 4,
      startDate: "2027-01-01",
      endDate: "2027-12-31",
    });
    expect(twice.json().code).toBe("proposals.already_converted");
    const reopen = await casablanca.post(`/api/v1/proposals/${p.id}/transitions`, {
      version: 4,
      action: "reopen",
      note: "x",
    });
    expect(reopen.json().code).toBe("proposals.converted");
    expect(await auditActions(env, p.id)).toEqual([
      "proposal.submit",
      "proposal.study",
      "proposal.retain",
      "proposal.convert",
    ]);
  });

  it("writes nothing when the project cannot be created", async () => {
    const p = await submit(association);
    await move(casablanca, p.id, "study");
    await move(casablanca, p.id, "retain", "Retenue");
    const first = await submit(association);
    await move(casablanca, first.id, "study");
    await move(casablanca, first.id, "retain", "Retenue");
    const ok = await casablanca.post(`/api/v1/proposals/${first.id}/project`, {
      version: 3,
      code: "PRP-TEST-DUP",
      startDate: "2027-01-01",
      endDate: "2027-12-31",
    });
    expect(ok.statusCode).toBe(201);
    const clash = await casablanca.post(`/api/v1/proposals/${p.id}/project`, {
      version: 3,
      code: "PRP-TEST-DUP",
      startDate: "2027-01-01",
      endDate: "2027-12-31",
    });
    // The partnerships module refuses the duplicate code, on the field the reviewer typed it in.
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors[0].path).toBe("code");
    expect((await casablanca.get(`/api/v1/proposals/${p.id}`)).json()).toMatchObject({
      projectId: null,
      version: 3,
    });
  });
});
