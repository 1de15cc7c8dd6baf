import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit.table.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { establishments } from "./establishments.table.ts";

const env = setupTestEnv();
let admin: Client;
let managerA: Client;
let regional06: Client;
let partner: Client;
let estA: string; // MA-06 (Casablanca), 1 male place, 2 female places
let estB: string; // MA-04 (Rabat)
let estC: string; // occupancy fixture
let seq = 0;

async function establishment(values: Partial<typeof establishments.$inferInsert>) {
  const [row] = await env.db
    .insert(establishments)
    .values({
      code: `RES-${Date.now()}-${seq++}`,
      nameFr: "EPS test",
      category: "children_in_difficulty",
      regionCode: "MA-06",
      provinceCode: "MA-CAS",
      capacityMale: 1,
      capacityFemale: 2,
      ...values,
    })
    .returning({ id: establishments.id });
  return row?.id as string;
}

async function person(sex: "female" | "male", name = "Resident") {
  const res = await admin.post("/api/v1/persons", {
    firstNameLatin: `${name}${seq++}`,
    lastNameLatin: "Test",
    sex,
    birthDate: "2010-05-01",
    provinceCode: "MA-CAS",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const url = (est: string, rest = "") => `/api/v1/establishments/${est}${rest}`;

async function request(client: Client, est: string, personId: string) {
  const res = await client.post(url(est, "/admissions"), {
    personId,
    referralSource: "social_services",
    reason: "Situation de rupture familiale",
    requestedOn: "2026-01-10",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function accept(client: Client, est: string, stay: { id: string; version: number }) {
  const res = await client.post(url(est, `/residents/${stay.id}/decision`), {
    version: stay.version,
    decision: "accepted",
    decidedOn: "2026-01-11",
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function admitted(client: Client, est: string, personId: string, admittedOn = "2026-01-12") {
  const stay = await accept(client, est, await request(client, est, personId));
  const res = await client.post(url(est, `/residents/${stay.id}/admission`), {
    version: stay.version,
    admittedOn,
    place: "Chambre 1",
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  admin = await env.userWith("national_officer", "national");
  estA = await establishment({ nameFr: "EPS Casablanca" });
  estB = await establishment({ nameFr: "EPS Rabat", regionCode: "MA-04", provinceCode: "MA-RAB" });
  estC = await establishment({ nameFr: "EPS occupation", capacityMale: 2, capacityFemale: 2 });
  managerA = await env.userWith("establishment_manager", "establishment", estA);
  regional06 = await env.userWith("regional_officer", "region", "MA-06");
  partner = await env.userWith("partner", "national");
});

describe("admissions", () => {
  it("requests, accepts, admits and discharges, with one open stay per person", async () => {
    const p = await person("female");
    const requested = await request(managerA, estA, p);
    expect(requested).toMatchObject({ status: "requested", referralSource: "social_services", version: 1 });
    expect(requested.person.sex).toBe("female");

    // a second request anywhere while the first is open
    const again = await admin.post(url(estB, "/admissions"), {
      personId: p,
      referralSource: "family",
      reason: "Autre",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("residents.open_stay");

    const accepted = await accept(managerA, estA, requested);
    const admit = await managerA.post(url(estA, `/residents/${requested.id}/admission`), {
      version: accepted.version,
      admittedOn: "2026-01-12",
      place: "Chambre 3",
    });
    expect(admit.statusCode, admit.body).toBe(200);
    const resident = admit.json();
    expect(resident).toMatchObject({ status: "admitted", admittedOn: "2026-01-12", place: "Chambre 3" });

    // discharge before the admission: 400 on the field, nothing written
    const early = await managerA.post(url(estA, `/residents/${resident.id}/discharge`), {
      version: resident.version,
      dischargedOn: "2026-01-05",
      reason: "Retour en famille",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({
      path: "dischargedOn",
      code: "residents.discharge_before_admission",
    });
    const unchanged = (await managerA.get(url(estA, `/residents/${resident.id}`))).json();
    expect(unchanged).toMatchObject({ status: "admitted", version: resident.version, dischargedOn: null });

    const service = await managerA.post(url(estA, `/residents/${resident.id}/services`), {
      deliveredOn: "2026-01-15",
      type: "psychological_support",
      note: "Premier entretien",
      provider: "Psychologue de l'EPS",
    });
    expect(service.statusCode, service.body).toBe(201);

    const out = await managerA.post(url(estA, `/residents/${resident.id}/discharge`), {
      version: resident.version,
      dischargedOn: "2026-02-01",
      reason: "Retour en famille",
      destination: "Famille, Casablanca",
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ status: "discharged", dischargedOn: "2026-02-01" });

    const file = (await managerA.get(url(estA, `/residents/${resident.id}`))).json();
    expect(file.services).toHaveLength(1);
    expect(file.services[0]).toMatchObject({
      type: "psychological_support",
      provider: "Psychologue de l'EPS",
    });

    // closed stay: a new request is possible
    await request(managerA, estA, p);

    // the stay is in the person's timeline
    const timeline = (await admin.get(`/api/v1/persons/${p}/timeline`)).json();
    const kinds = timeline.items
      .filter((e: { source: string }) => e.source === "residents")
      .map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["stay_requested", "stay_admitted", "stay_discharged"]));
  });

  it("refuses an admission beyond capacity unless a reason is given, and audits it", async () => {
    const est = await establishment({ capacityMale: 1, capacityFemale: 0 });
    await admitted(admin, est, await person("male"));
    const second = await accept(admin, est, await request(admin, est, await person("male")));
    const refused = await admin.post(url(est, `/residents/${second.id}/admission`), {
      version: second.version,
      admittedOn: "2026-01-12",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "residents.over_capacity" });
    expect(refused.json().detail).toContain("1/1");
    const inArabic = await admin.request(
      "POST",
      url(est, `/residents/${second.id}/admission`),
      { version: second.version, admittedOn: "2026-01-12" },
      { "accept-language": "ar" },
    );
    expect(inArabic.json().detail).toContain("الطاقة الاستيعابية");
    const still = (await admin.get(url(est, `/residents/${second.id}`))).json();
    expect(still).toMatchObject({ status: "accepted", version: second.version });

    const forced = await admin.post(url(est, `/residents/${second.id}/admission`), {
      version: second.version,
      admittedOn: "2026-01-12",
      overCapacityReason: "Placement ordonné par le juge des mineurs",
    });
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json().overCapacityReason).toBe("Placement ordonné par le juge des mineurs");
    const audit = await env.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, second.id), eq(auditEvents.action, "resident.admit_over_capacity")),
      );
    expect(audit).toHaveLength(1);

    // capacity is per sex: a woman with no female place is refused too
    const woman = await accept(admin, est, await request(admin, est, await person("female")));
    const noPlace = await admin.post(url(est, `/residents/${woman.id}/admission`), {
      version: woman.version,
      admittedOn: "2026-01-12",
    });
    expect(noPlace.statusCode).toBe(409);
  });

  it("refuses with a reason; a refused request cannot be admitted", async () => {
    const stay = await request(admin, estA, await person("male"));
    const noReason = await admin.post(url(estA, `/residents/${stay.id}/decision`), {
      version: stay.version,
      decision: "refused",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe("reason");
    const refused = await admin.post(url(estA, `/residents/${stay.id}/decision`), {
      version: stay.version,
      decision: "refused",
      reason: "Hors du public accueilli",
    });
    expect(refused.json()).toMatchObject({ status: "refused", decisionReason: "Hors du public accueilli" });
    const admit = await admin.post(url(estA, `/residents/${stay.id}/admission`), {
      version: refused.json().version,
      admittedOn: "2026-01-12",
    });
    expect(admit.statusCode).toBe(422);
  });
});

describe("attendance", () => {
  it("lists the day's residents and saves the register idempotently, audited once per save", async () => {
    const est = await establishment({ capacityMale: 5, capacityFemale: 5 });
    const a = await admitted(admin, est, await person("male"), "2026-02-01");
    const b = await admitted(admin, est, await person("female"), "2026-02-01");
    const later = await admitted(admin, est, await person("female"), "2026-02-10");

    const day = (await admin.get(url(est, "/attendance?date=2026-02-05"))).json();
    expect(day.lines.map((l: { residentId: string }) => l.residentId).sort()).toEqual([a.id, b.id].sort());
    expect(day.lines.every((l: { status: unknown }) => l.status === null)).toBe(true);

    const body = {
      date: "2026-02-05",
      entries: [
        { residentId: a.id, status: "present" },
        { residentId: b.id, status: "excused" },
      ],
    };
    const first = await admin.put(url(est, "/attendance"), body);
    expect(first.statusCode, first.body).toBe(200);
    const second = await admin.put(url(est, "/attendance"), body);
    expect(second.statusCode).toBe(200);
    const statuses = (d: { lines: { residentId: string; status: string }[] }) =>
      Object.fromEntries(d.lines.map((l) => [l.residentId, l.status]));
    expect(statuses(second.json())).toEqual({ [a.id]: "present", [b.id]: "excused" });

    const saves = await env.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, est), eq(auditEvents.action, "attendance.save")));
    expect(saves).toHaveLength(2);

    // a resident admitted later is not on that day's register: 400 on the line, nothing written
    const wrong = await admin.put(url(est, "/attendance"), {
      date: "2026-02-05",
      entries: [
        { residentId: a.id, status: "absent" },
        { residentId: later.id, status: "present" },
      ],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({
      path: "entries.1.residentId",
      code: "residents.not_resident_that_day",
    });
    const after = (await admin.get(url(est, "/attendance?date=2026-02-05"))).json();
    expect(statuses(after)).toEqual({ [a.id]: "present", [b.id]: "excused" });

    const future = await admin.put(url(est, "/attendance"), { date: "2099-01-01", entries: [] });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe("date");
  });
});

describe("occupancy", () => {
  it("counts occupied places per day and month by sex, from the stays", async () => {
    const m = await admitted(admin, estC, await person("male"), "2026-03-01");
    await admin.post(url(estC, `/residents/${m.id}/discharge`), {
      version: m.version,
      dischargedOn: "2026-03-03",
      reason: "Fin de prise en charge",
    });
    await admitted(admin, estC, await person("female"), "2026-03-02");

    const days = (
      await admin.get(url(estC, "/occupancy?from=2026-03-01&to=2026-03-04&granularity=day"))
    ).json();
    expect(
      days.points.map((p: { period: string; male: number; female: number; rate: number }) => [
        p.period,
        p.male,
        p.female,
        p.rate,
      ]),
    ).toEqual([
      ["2026-03-01", 1, 0, 25],
      ["2026-03-02", 1, 1, 50],
      ["2026-03-03", 0, 1, 25],
      ["2026-03-04", 0, 1, 25],
    ]);
    expect(days.points[1]).toMatchObject({
      capacityMale: 2,
      capacityFemale: 2,
      rateMale: 50,
      rateFemale: 50,
    });

    const months = (
      await admin.get(url(estC, "/occupancy?from=2026-03-01&to=2026-04-30&granularity=month"))
    ).json();
    expect(months.points).toHaveLength(2);
    // March: 2 male place-days, 30 female place-days over 31 days; April: 1 female every day
    expect(months.points[0]).toMatchObject({ period: "2026-03", male: 0.06, female: 0.97 });
    expect(months.points[1]).toMatchObject({ period: "2026-04", male: 0, female: 1, rateFemale: 50 });

    const reversed = await admin.get(url(estC, "/occupancy?from=2026-03-04&to=2026-03-01"));
    expect(reversed.statusCode).toBe(400);
  });
});

describe("scope", () => {
  it("keeps a manager to their establishment, a regional officer to their region, partners out", async () => {
    const inB = await admitted(admin, estB, await person("female"));
    expect((await managerA.get(url(estB, "/residents"))).statusCode).toBe(404);
    expect((await managerA.get(url(estB, `/residents/${inB.id}`))).statusCode).toBe(404);
    const move = await managerA.post(url(estB, `/residents/${inB.id}/discharge`), {
      version: inB.version,
      dischargedOn: "2026-02-01",
      reason: "x",
    });
    expect(move.statusCode).toBe(404);
    expect((await managerA.get(url(estB, "/attendance?date=2026-02-01"))).statusCode).toBe(404);
    expect((await managerA.get(url(estA, "/residents"))).statusCode).toBe(200);

    expect((await regional06.get(url(estB, "/residents"))).statusCode).toBe(404);
    expect((await regional06.get(url(estB, `/residents/${inB.id}`))).statusCode).toBe(404);
    expect((await regional06.get(url(estA, "/residents"))).statusCode).toBe(200);

    expect((await partner.get(url(estA, "/residents"))).statusCode).toBe(403);
    expect((await partner.get(url(estB, `/residents/${inB.id}`))).statusCode).toBe(403);
    expect((await partner.get(url(estA, "/attendance?date=2026-02-01"))).statusCode).toBe(403);
    expect((await partner.get(url(estA, "/occupancy?from=2026-02-01&to=2026-02-02"))).statusCode).toBe(403);

    // personal data of the person only with persons.personal (the partner never gets here; a manager has it)
    const list = (await admin.get(url(estB, "/residents"))).json();
    expect(list.items[0].person.birthDate).toBe("2010-05-01");
  });
});

describe("openapi", () => {
  it("documents the residents and project routes", async () => {
    const res = await admin.get("/api/openapi.json");
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      "/api/v1/establishments/{id}/admissions",
      "/api/v1/establishments/{id}/residents/{residentId}/admission",
      "/api/v1/establishments/{id}/attendance",
      "/api/v1/establishments/{id}/occupancy",
      "/api/v1/establishments/{id}/project/items/{itemId}",
    ])
      expect(paths).toContain(p);
  });
});
