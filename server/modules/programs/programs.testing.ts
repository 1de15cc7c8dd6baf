import { beforeAll, expect } from "vitest";
import { systemContext } from "../../platform/context.ts";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { createPerson, householdMembers, households } from "../beneficiaries/index.ts";

/**
 * What the programmes test files share: a database and app per file, the users
 * (designer, social workers, partner, regional officer), and helpers that
 * register a person, design a programme and file an application.
 */
export interface ProgramsUsers {
  designer: Client;
  /** social worker, province of Casablanca */
  worker: Client;
  /** social worker, region of Rabat-Salé-Kénitra */
  otherWorker: Client;
  partner: Client;
  /** regional officer of Casablanca-Settat */
  regional: Client;
}

export const YOUTH_STAGES = [
  { code: "candidature", nameFr: "Candidature", nameAr: "الترشيح", kind: "intake" },
  { code: "selection", nameFr: "Sélection", nameAr: "الانتقاء", kind: "decision" },
  { code: "formation", nameFr: "Formation", nameAr: "التكوين", kind: "enrolled" },
  { code: "plan_affaires", nameFr: "Plan d'affaires", nameAr: "مخطط الأعمال", kind: "follow_up" },
  { code: "financement", nameFr: "Financement", nameAr: "التمويل", kind: "follow_up" },
  { code: "creation", nameFr: "Création", nameAr: "الإحداث", kind: "follow_up" },
  { code: "suivi", nameFr: "Suivi", nameAr: "التتبع", kind: "follow_up" },
];

export const YOUTH_RULE = {
  combinator: "all",
  conditions: [
    { field: "age", operator: "between", value: [18, 35] },
    { field: "region", operator: "eq", value: "MA-06" },
  ],
};

export function setupProgramsTest() {
  const env = setupTestEnv();
  const users = {} as ProgramsUsers;
  let seq = 0;

  beforeAll(async () => {
    users.designer = await env.userWith("national_officer", "national");
    users.worker = await env.userWith("social_worker", "province", "MA-CAS");
    users.otherWorker = await env.userWith("social_worker", "region", "MA-04");
    users.partner = await env.userWith("partner", "national");
    users.regional = await env.userWith("regional_officer", "region", "MA-06");
  });

  async function person(over: Record<string, unknown> = {}, household?: { score: number; size: number }) {
    seq++;
    const p = await createPerson(env.db, systemContext("test"), {
      cin: `PT${100000 + seq}`,
      firstNameLatin: `Prenom${seq}`,
      lastNameLatin: "Testeur",
      firstNameAr: "سعيد",
      lastNameAr: "المختبر",
      sex: "female",
      birthDate: "2000-03-10",
      provinceCode: "MA-CAS",
      ...over,
    } as never);
    if (household) {
      const [h] = await env.db
        .insert(households)
        .values({
          headPersonId: p.id,
          regionCode: "MA-06",
          provinceCode: "MA-CAS",
          socioEconomicScore: household.score,
        })
        .returning({ id: households.id });
      await env.db
        .insert(householdMembers)
        .values({ householdId: h?.id as string, personId: p.id, relationship: "head" });
      for (let i = 1; i < household.size; i++) {
        seq++;
        const m = await createPerson(env.db, systemContext("test"), {
          firstNameLatin: `Membre${seq}`,
          lastNameLatin: "Testeur",
          sex: "male",
          birthDate: "2015-01-01",
          provinceCode: "MA-CAS",
        } as never);
        await env.db
          .insert(householdMembers)
          .values({ householdId: h?.id as string, personId: m.id, relationship: "child" });
      }
    }
    return p.id;
  }

  async function program(over: Record<string, unknown> = {}, activate = true) {
    seq++;
    const res = await users.designer.post("/api/v1/programs", {
      code: `PRG-${seq}`,
      nameFr: `Programme ${seq}`,
      nameAr: `برنامج ${seq}`,
      benefitType: "accompaniment",
      stages: YOUTH_STAGES,
      eligibility: YOUTH_RULE,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    let p = res.json();
    if (activate) {
      const r = await users.designer.post(`/api/v1/programs/${p.id}/status`, {
        version: p.version,
        status: "active",
      });
      expect(r.statusCode, r.body).toBe(200);
      p = r.json();
    }
    return p;
  }

  const file = (client: Client, programId: string, personId: string) =>
    client.post("/api/v1/applications", { programId, personId });

  const count = async (table: string) =>
    (await env.pool.query(`select count(*)::int n from ${table}`)).rows[0].n;

  return { env, users, person, program, file, count };
}
