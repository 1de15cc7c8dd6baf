import { sql } from "drizzle-orm";
import { addDays, today } from "../../contracts/calendar.ts";
import type { ProjectDomain } from "../../contracts/establishment-projects.ts";
import { PROJECT_DOMAINS, PROJECT_PHASES } from "../../contracts/establishment-projects.ts";
import type { AttendanceStatus, ReferralSource, ResidentServiceType } from "../../contracts/residents.ts";
import {
  establishmentProjects,
  establishments,
  projectActionItems,
  projectDiagnostics,
  projectMeetings,
  residentAttendance,
  residentServices,
  residentStays,
} from "../modules/establishments/index.ts";
import { organizations } from "../modules/organizations/index.ts";
import { recordAudit } from "../platform/audit.ts";
import { systemContext } from "../platform/context.ts";
import type { Db, Queryable } from "../platform/database.ts";
import { newId } from "../platform/ids.ts";
import { insertMany } from "./demo.insert.ts";

/**
 * Residents of the demo establishments (stays admitted over the last two years, some discharged,
 * a few pending requests), the services they received, the attendance register of the last
 * `days` days, and establishment projects at every phase with diagnostics, action items and
 * governance meetings. Runs after the establishments demo; does nothing if residents exist.
 */

interface Rand {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
}

function prng(seed: number): Rand {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, chance: (p) => next() < p, pick: (list) => list[int(0, list.length - 1)] as never };
}

const DAY = 86_400_000;

/** Ages a category receives (inclusive); the sexes it receives. */
export const PUBLIC: Record<string, { ages: [number, number]; sexes: ("female" | "male")[] }> = {
  children_in_difficulty: { ages: [4, 17], sexes: ["female", "male"] },
  elderly: { ages: [60, 99], sexes: ["female", "male"] },
  disability: { ages: [6, 60], sexes: ["female", "male"] },
  women_in_difficulty: { ages: [18, 60], sexes: ["female"] },
  homeless: { ages: [18, 80], sexes: ["female", "male"] },
  student_house_boys: { ages: [12, 19], sexes: ["male"] },
  student_house_girls: { ages: [12, 19], sexes: ["female"] },
  multipurpose_social_centre: { ages: [6, 80], sexes: ["female", "male"] },
  other: { ages: [6, 80], sexes: ["female", "male"] },
};

const REFERRALS: ReferralSource[] = [
  "family",
  "social_services",
  "court",
  "hospital",
  "association",
  "self",
  "other",
];
const REASONS = [
  "Rupture familiale",
  "Précarité du logement",
  "Éloignement de l'établissement scolaire",
  "Isolement et perte d'autonomie",
  "Placement judiciaire",
  "Sortie d'hospitalisation sans solution d'hébergement",
];
const DISCHARGES: [string, string][] = [
  ["Retour en famille", "Famille"],
  ["Fin de l'année scolaire", "Domicile familial"],
  ["Insertion professionnelle", "Logement autonome"],
  ["Orientation vers un autre établissement", "Autre EPS"],
];
const SERVICES: ResidentServiceType[] = [
  "care",
  "schooling_support",
  "psychological_support",
  "meals",
  "activities",
];
const ACTIONS: Record<ProjectDomain, string[]> = {
  governance: [
    "Tenir l'assemblée générale annuelle",
    "Adopter un règlement intérieur",
    "Renouveler le bureau",
  ],
  services: ["Mettre en place le dossier individuel de chaque résident", "Organiser le soutien scolaire"],
  human_resources: ["Former les éducateurs à l'écoute active", "Recruter un assistant social"],
  finances: ["Tenir une comptabilité conforme", "Diversifier les ressources de l'association"],
  infrastructure: [
    "Rénover les sanitaires",
    "Installer des chauffe-eau solaires",
    "Raccorder l'établissement à Internet",
  ],
  partnerships: ["Signer une convention avec la délégation de la santé", "Conventionner avec la commune"],
};

export async function loadDemoResidents(
  db: Db,
  opts: { seed?: number; days?: number; maxPerEstablishment?: number; projectShare?: number } = {},
): Promise<{ stays: number; residents: number; attendance: number; services: number; projects: number }> {
  const r = prng(opts.seed ?? 4_004);
  const days = opts.days ?? 30;
  const maxPer = opts.maxPerEstablishment ?? 24;
  const end = today();
  const ctx = systemContext("demo");
  const empty = { stays: 0, residents: 0, attendance: 0, services: 0, projects: 0 };

  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(residentStays);
    if ((existing?.n ?? 0) > 0) return empty;
    const ests = await tx
      .select({
        id: establishments.id,
        category: establishments.category,
        regionCode: establishments.regionCode,
        capacityMale: establishments.capacityMale,
        capacityFemale: establishments.capacityFemale,
      })
      .from(establishments)
      .where(sql`${establishments.archivedAt} is null`)
      .orderBy(establishments.code);
    if (!ests.length) return empty;

    const people = await candidates(tx);
    const used = new Set<string>();
    const pickPerson = (region: string, sex: "female" | "male", ages: [number, number]) => {
      const pool = people.get(`${region}:${sex}`) ?? [];
      for (let tries = 0; tries < 40 && pool.length; tries++) {
        const p = r.pick(pool);
        if (!used.has(p.id) && p.age >= ages[0] && p.age <= ages[1]) {
          used.add(p.id);
          return p;
        }
      }
      const any = pool.find((p) => !used.has(p.id) && p.age >= ages[0] && p.age <= ages[1]);
      if (any) used.add(any.id);
      return any;
    };

    const stays: (typeof residentStays.$inferInsert)[] = [];
    const services: (typeof residentServices.$inferInsert)[] = [];
    const attendance: (typeof residentAttendance.$inferInsert)[] = [];
    const registerStart = addDays(end, -(days - 1));

    for (const e of ests) {
      const pub = PUBLIC[e.category] ?? (PUBLIC.other as (typeof PUBLIC)[string]);
      for (const sex of pub.sexes) {
        const capacity = sex === "male" ? e.capacityMale : e.capacityFemale;
        if (capacity <= 0) continue;
        const current = Math.min(maxPer, Math.round(capacity * (0.55 + r.next() * 0.4)));
        const past = Math.min(6, Math.round(current / 3));
        const pending = r.int(0, 2);
        for (let i = 0; i < current + past + pending; i++) {
          const person = pickPerson(e.regionCode, sex, pub.ages);
          if (!person) break;
          const id = newId();
          const requestedOn = addDays(end, -r.int(20, 720));
          const base = {
            id,
            establishmentId: e.id,
            personId: person.id,
            sex,
            referralSource: r.pick(REFERRALS),
            requestReason: r.pick(REASONS),
            requestedOn,
          };
          if (i >= current + past) {
            // pending: a recent request, sometimes already accepted, sometimes refused
            const recent = addDays(end, -r.int(0, 15));
            const x = r.next();
            stays.push(
              x < 0.5
                ? { ...base, requestedOn: recent, status: "requested" }
                : x < 0.8
                  ? { ...base, requestedOn: recent, status: "accepted", decidedOn: recent }
                  : {
                      ...base,
                      status: "refused",
                      decidedOn: addDays(requestedOn, 7),
                      decisionReason: "Hors du public accueilli",
                    },
            );
            continue;
          }
          const admittedOn = addDays(requestedOn, r.int(3, 15));
          const discharged = i >= current;
          const dischargedOn = discharged
            ? addDays(
                admittedOn,
                Math.min(r.int(30, 400), Math.max(1, (Date.parse(end) - Date.parse(admittedOn)) / DAY - 1)),
              )
            : null;
          const [dischargeReason, dischargeDestination] = r.pick(DISCHARGES);
          stays.push({
            ...base,
            status: discharged ? "discharged" : "admitted",
            decidedOn: addDays(requestedOn, 2),
            admittedOn,
            place: `${sex === "male" ? "A" : "B"}-${String(r.int(1, 40)).padStart(2, "0")}`,
            dischargedOn,
            dischargeReason: discharged ? dischargeReason : null,
            dischargeDestination: discharged ? dischargeDestination : null,
          });
          for (let s = r.int(1, 4); s > 0; s--)
            services.push({
              stayId: id,
              deliveredOn: [addDays(admittedOn, r.int(0, 25)), end].sort()[0] as string,
              type: r.pick(SERVICES),
              note: null,
              provider: r.chance(0.5) ? "Équipe de l'établissement" : null,
            });
          for (let d = 0; d < days; d++) {
            const day = addDays(registerStart, d);
            if (day < admittedOn || (dischargedOn && day >= dischargedOn)) continue;
            if (d === days - 1 && r.chance(0.5)) continue; // today's register is not always filled yet
            const x = r.next();
            const status: AttendanceStatus = x < 0.88 ? "present" : x < 0.95 ? "absent" : "excused";
            attendance.push({ stayId: id, day, establishmentId: e.id, status });
          }
        }
      }
    }

    await insertMany(tx, residentStays, stays);
    await insertMany(tx, residentServices, services);
    await insertMany(tx, residentAttendance, attendance);
    await recordAudit(tx, ctx, {
      action: "demo.residents_load",
      entityType: "resident_stay",
      entityId: null,
      after: { stays: stays.length, services: services.length, attendance: attendance.length },
    });

    const projects = await loadProjects(
      tx,
      r,
      ests.map((e) => e.id),
      opts.projectShare ?? 0.3,
      end,
    );
    await recordAudit(tx, ctx, {
      action: "demo.projects_load",
      entityType: "establishment_project",
      entityId: null,
      after: { projects },
    });
    return {
      stays: stays.length,
      residents: stays.filter((s) => s.status === "admitted").length,
      attendance: attendance.length,
      services: services.length,
      projects,
    };
  });
}

async function candidates(tx: Queryable) {
  const res = await tx.execute<{ id: string; sex: "female" | "male"; region_code: string; age: number }>(sql`
    select id, sex, region_code, date_part('year', age(birth_date))::int as age
    from persons where merged_into_id is null order by id`);
  const byKey = new Map<string, { id: string; age: number }[]>();
  for (const p of res.rows) {
    const key = `${p.region_code}:${p.sex}`;
    const list = byKey.get(key) ?? [];
    list.push({ id: p.id, age: p.age });
    byKey.set(key, list);
  }
  return byKey;
}

async function loadProjects(tx: Queryable, r: Rand, establishmentIds: string[], share: number, end: string) {
  const orgs = await tx.select({ id: organizations.id, type: organizations.type }).from(organizations);
  const partners = orgs.filter((o) => o.type !== "ministry");
  let count = 0;
  for (const establishmentId of establishmentIds) {
    if (!r.chance(share)) continue;
    count++;
    const phaseIndex = r.int(0, PROJECT_PHASES.length - 1);
    const startedOn = addDays(end, -r.int(60 + phaseIndex * 90, 120 + phaseIndex * 120));
    const [project] = await tx
      .insert(establishmentProjects)
      .values({
        establishmentId,
        phase: PROJECT_PHASES[phaseIndex],
        partnerOrganizationId: partners.length ? r.pick(partners).id : null,
        startedOn,
        summary: "Projet d'établissement accompagné : diagnostic partagé, plan d'action et gouvernance.",
      })
      .returning({ id: establishmentProjects.id });
    const projectId = project?.id as string;
    await tx.insert(projectDiagnostics).values(
      PROJECT_DOMAINS.map((domain) => ({
        projectId,
        domain,
        score: r.int(1, 4),
        notes: r.chance(0.5) ? "Constat partagé avec l'équipe et le bureau de l'association." : null,
      })),
    );
    if (phaseIndex >= 1) {
      const items: (typeof projectActionItems.$inferInsert)[] = [];
      for (const domain of PROJECT_DOMAINS) {
        if (!r.chance(0.75)) continue;
        const x = r.next();
        // later phases have more done
        const doneShare = [0, 0.1, 0.45, 0.8][phaseIndex] ?? 0;
        const status =
          x < doneShare ? "done" : x < doneShare + 0.2 ? "in_progress" : x < 0.95 ? "todo" : "cancelled";
        items.push({
          projectId,
          domain,
          title: r.pick(ACTIONS[domain]),
          owner: r.pick(["Directeur", "Président de l'association", "Trésorier", "Responsable pédagogique"]),
          dueOn: addDays(startedOn, r.int(60, 400)),
          costCentimes: r.chance(0.6) ? r.int(5, 400) * 100_000 : null,
          funderOrganizationId: partners.length && r.chance(0.5) ? r.pick(partners).id : null,
          status,
          evidence: status === "done" ? "Procès-verbal et photos archivés à l'établissement" : null,
        });
      }
      if (items.length) await tx.insert(projectActionItems).values(items);
    }
    const meetings = r.int(0, 3);
    for (let m = 0; m < meetings; m++)
      await tx.insert(projectMeetings).values({
        projectId,
        heldOn: addDays(startedOn, 30 + m * 90) > end ? end : addDays(startedOn, 30 + m * 90),
        attendees: "Président, trésorier, secrétaire général, directeur de l'établissement",
        decisions: r.pick([
          "Adoption du diagnostic et du calendrier du plan d'action",
          "Validation du budget prévisionnel",
          "Désignation d'un référent pour le suivi du projet",
        ]),
      });
  }
  return count;
}
