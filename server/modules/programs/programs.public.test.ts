import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../platform/testing.ts";
import { setupProgramsTest } from "./programs.testing.ts";

const { env, users, program, count } = setupProgramsTest();
let worker: Client;

beforeAll(() => {
  ({ worker } = users);
});

describe("public access", () => {
  let p: { id: string; nameFr: string };
  const from = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const pub = (method: "GET" | "POST", url: string, payload?: object, headers: Record<string, string> = {}) =>
    env.app.inject({ method, url, remoteAddress: from(), headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    p = await program({
      objectiveFr: "Accompagner les jeunes",
      coverage: { national: true, regionCodes: [] },
    });
    await program({}, false); // a draft: never public
  });

  it("lists active programmes with who can apply, in the reader's language, without sign-in", async () => {
    const res = await pub("GET", "/api/v1/public/programs");
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { id: string }) => i.id === p.id);
    expect(item.whoCanApply).toEqual(["Âge entre 18 et 35", "Région de résidence : Casablanca-Settat"]);
    expect(item.questions).toEqual(["age", "region"]);
    expect(res.json().items.every((i: { code: string }) => !i.code.includes("draft"))).toBe(true);
    const ar = await pub("GET", `/api/v1/public/programs/${p.id}`, undefined, { "accept-language": "ar" });
    expect(ar.json().whoCanApply[0]).toContain("السن بين");
    const drafts = await env.pool.query("select id from programs where status = 'draft'");
    for (const d of drafts.rows)
      expect((await pub("GET", `/api/v1/public/programs/${d.id}`)).statusCode).toBe(404);
  });

  it("checks eligibility from answers and stores nothing", async () => {
    const before = await count("persons");
    const res = await pub("POST", `/api/v1/public/programs/${p.id}/eligibility`, {
      answers: { birthDate: "2001-05-05", provinceCode: "MA-CAS" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcome).toBe("passed");
    const partial = await pub("POST", `/api/v1/public/programs/${p.id}/eligibility`, {
      answers: { ageYears: 30 },
    });
    expect(partial.json().outcome).toBe("unknown");
    expect(await count("persons")).toBe(before);
  });

  it("applies online, gets a tracking code, and sees the status with code + birth date only", async () => {
    const body = {
      programId: p.id,
      firstNameLatin: "Salma",
      lastNameLatin: "Enligne",
      firstNameAr: "سلمى",
      lastNameAr: "أونلاين",
      cin: "BK123987",
      sex: "female",
      birthDate: "1999-04-02",
      phone: "+212 600 000 001",
      provinceCode: "MA-CAS",
      consent: true,
    };
    const noConsent = await pub("POST", "/api/v1/public/applications", { ...body, consent: false });
    expect(noConsent.statusCode).toBe(400);
    const res = await pub("POST", "/api/v1/public/applications", body);
    expect(res.statusCode, res.body).toBe(201);
    const { trackingCode } = res.json();
    expect(trackingCode).toMatch(/^[ABCDEFGHJKMNPQRSTVWXYZ2-9]{10}$/);
    const stored = await env.pool.query(
      "select channel, tracking_hash from applications where tracking_hash is not null",
    );
    expect(stored.rows.some((r) => r.tracking_hash.includes(trackingCode))).toBe(false);
    expect(stored.rows[0].channel).toBe("online");
    const consents = await env.pool.query(
      "select c.purpose from consents c join persons p on p.id = c.person_id where p.cin = 'BK123987' order by purpose",
    );
    expect(consents.rows.map((r) => r.purpose)).toEqual(["registry", "programmes"]);

    const status = await pub("POST", "/api/v1/public/applications/status", {
      trackingCode: `${trackingCode.slice(0, 5)}-${trackingCode.slice(5).toLowerCase()}`,
      birthDate: "1999-04-02",
    });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toEqual({
      programNameFr: p.nameFr,
      programNameAr: expect.any(String),
      stageNameFr: "Candidature",
      stageNameAr: "الترشيح",
      status: "pending",
      filedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      lastChangeOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const wrongDate = await pub("POST", "/api/v1/public/applications/status", {
      trackingCode,
      birthDate: "1999-04-03",
    });
    const wrongCode = await pub("POST", "/api/v1/public/applications/status", {
      trackingCode: "ABCDEFGHJK",
      birthDate: "1999-04-02",
    });
    expect(wrongDate.statusCode).toBe(404);
    expect(wrongCode.statusCode).toBe(404);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: null });
    expect(strip(wrongDate.json())).toEqual(strip(wrongCode.json()));
    // The worker of the province sees it in the first stage.
    const mine = (await worker.get(`/api/v1/applications?programId=${p.id}&stage=candidature`)).json().items;
    expect(
      mine.some(
        (a: { personName: string; channel: string }) =>
          a.personName === "Salma Enligne" && a.channel === "online",
      ),
    ).toBe(true);
    // Applying again while open: a clear refusal; a CIN known with another birth date: nothing revealed.
    expect((await pub("POST", "/api/v1/public/applications", body)).json().code).toBe(
      "applications.already_open",
    );
    const impostor = await pub("POST", "/api/v1/public/applications", { ...body, birthDate: "1980-01-01" });
    expect(impostor.statusCode).toBe(409);
    expect(impostor.json().code).toBe("public.identity_mismatch");
    expect(JSON.stringify(impostor.json())).not.toContain("Salma");
  });

  it("rate-limits the status page", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await env.app.inject({
        method: "POST",
        url: "/api/v1/public/applications/status",
        remoteAddress: "10.200.1.1",
        payload: { trackingCode: "ZZZZZZZZZZ", birthDate: "1990-01-01" },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("gives the regions and provinces for the public forms", async () => {
    const res = await pub("GET", "/api/v1/public/places");
    expect(res.statusCode).toBe(200);
    expect(res.json().regions).toHaveLength(12);
    expect(res.json().provinces.find((p: { code: string }) => p.code === "MA-CAS")).toMatchObject({
      regionCode: "MA-06",
    });
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await env.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/programs",
      "/api/v1/programs/{id}/queue",
      "/api/v1/applications/{id}/transitions",
      "/api/v1/public/applications/status",
    ])
      expect(doc.paths[path], path).toBeDefined();
  });
});
