import { inArray, sql } from "drizzle-orm";
import { addDays, today as todayInMorocco } from "../../contracts/calendar.ts";
import type { StageInput } from "../../contracts/programs.ts";
import { organizations } from "../modules/organizations/index.ts";
import { evaluateResult, noNames, type Profile } from "../modules/programs/programs.eligibility.ts";
import {
  applicationEvents,
  applicationServices,
  applications,
  programFunders,
  programRegions,
  programStages,
  programs,
} from "../modules/programs/programs.table.ts";
import { trackingHash } from "../modules/programs/programs.tracking.ts";
import { recordAudit } from "../platform/audit.ts";
import { systemContext } from "../platform/context.ts";
import type { Db, Tx } from "../platform/database.ts";
import { newId } from "../platform/ids.ts";
import { insertMany } from "./demo.insert.ts";
import { type Candidate, DAY, DEMO_PROGRAMS, type Rand } from "./programs.demo.catalog.ts";

/**
 * Demo programmes of the source texts, with applications at every stage of their workflows for
 * persons of the demo registry (loadDemoPersons runs first): the accompaniment of about 3,000
 * young project holders in Casablanca-Settat (candidature → sélection → formation → plan
 * d'affaires → financement → création → suivi), Maroc Attamkine Wariyada (women's empowerment
 * and leadership), establishment-based care, and direct aid to widows and their children.
 * A seeded generator makes runs identical. One online application has a known tracking code.
 */

/** Tracking code of a demo online application, with its applicant's birth date (see the report). */
export const DEMO_TRACKING_CODE = "TRACK23456";

/* ---------------------------------------------------------------- helpers */

function prng(seed: number): Rand {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)), chance: (p) => next() < p };
}

async function candidates(tx: Tx): Promise<Candidate[]> {
  const res = await tx.execute<{
    id: string;
    sex: string;
    birth_date: string;
    age: number;
    region_code: string;
    province_code: string;
    disability: boolean;
    score: string | null;
    size: number;
  }>(sql`
    select p.id, p.sex, p.birth_date::text, extract(year from age(current_date, p.birth_date))::int age,
           p.region_code, p.province_code, p.disability_type is not null disability,
           h.socio_economic_score::text score, coalesce(n.size, 1)::int size
    from persons p
    left join household_members m on m.person_id = p.id
    left join households h on h.id = m.household_id
    left join (select household_id, count(*) size from household_members group by household_id) n
      on n.household_id = m.household_id
    where p.merged_into_id is null
    order by p.id`);
  return res.rows.map((r) => ({
    id: r.id,
    sex: r.sex,
    birthDate: r.birth_date,
    ageYears: Number(r.age),
    regionCode: r.region_code,
    provinceCode: r.province_code,
    disability: r.disability,
    householdScore: r.score === null ? null : Number(r.score),
    householdSize: Number(r.size),
  }));
}

/**
 * Where an application stops: earlier stages more often (a pipeline narrows), a tenth rejected,
 * a few withdrawn. Returns the index of the last stage reached and how it ended.
 */
function fate(r: Rand, stages: number): { reached: number; end: "open" | "rejected" | "withdrawn" } {
  let reached = 0;
  while (reached < stages - 1 && r.chance(0.72)) reached++;
  const x = r.next();
  return { reached, end: x < 0.1 ? "rejected" : x < 0.14 ? "withdrawn" : "open" };
}

const REJECTIONS = [
  "Dossier incomplet après relance",
  "Ne remplit pas la condition de résidence",
  "Projet non retenu par le comité de sélection",
  "Ressources du ménage au-dessus du seuil",
];

/* ----------------------------------------------------------------- loader */

export async function loadDemoPrograms(
  db: Db,
  opts: { seed?: number; scale?: number } = {},
): Promise<{
  programs: number;
  applications: number;
  services: number;
  /** An online application anyone can follow on the public status page. */
  tracking: { code: string; birthDate: string } | null;
}> {
  const r = prng(opts.seed ?? 3_000);
  const scale = opts.scale ?? 1;
  const ctx = systemContext("demo");
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ code: programs.code })
      .from(programs)
      .where(
        inArray(
          programs.code,
          DEMO_PROGRAMS.map((p) => p.code),
        ),
      );
    if (existing.length) return { programs: 0, applications: 0, services: 0, tracking: null };

    const orgRows = await tx
      .select({ id: organizations.id, acronym: organizations.acronym, nameFr: organizations.nameFr })
      .from(organizations);
    const orgId = (key: string) =>
      orgRows.find((o) => o.acronym === key)?.id ??
      (key === "CRCS"
        ? orgRows.find((o) => o.nameFr.startsWith("Conseil de la région Casablanca"))?.id
        : undefined);

    const people = await candidates(tx);
    const used = new Set<string>();
    const today = todayInMorocco();
    let appCount = 0;
    let serviceCount = 0;
    let tracking: { code: string; birthDate: string } | null = null;

    for (const d of DEMO_PROGRAMS) {
      const programId = newId();
      await tx.insert(programs).values({
        id: programId,
        code: d.code,
        nameFr: d.nameFr,
        nameAr: d.nameAr,
        objectiveFr: d.objectiveFr,
        objectiveAr: d.objectiveAr,
        targetGroups: d.targetGroups,
        benefitType: d.benefitType,
        amountCentimes: d.amountCentimes ?? null,
        amountPeriodicity: d.amountPeriodicity ?? null,
        amountCeilingCentimes: d.amountCeilingCentimes ?? null,
        budgetCentimes: d.budgetCentimes ?? null,
        national: !d.regions,
        capacity: d.capacity ?? null,
        startDate: d.startDate,
        endDate: d.endDate ?? null,
        status: d.status,
        eligibility: d.eligibility,
      });
      const funderIds = d.funders.map(orgId).filter((x): x is string => !!x);
      if (funderIds.length)
        await tx
          .insert(programFunders)
          .values(funderIds.map((organizationId) => ({ programId, organizationId })));
      if (d.regions)
        await tx.insert(programRegions).values(d.regions.map((regionCode) => ({ programId, regionCode })));
      const stageIds = d.stages.map(() => newId());
      await tx
        .insert(programStages)
        .values(
          d.stages.map((s, position) => ({ id: stageIds[position] as string, programId, position, ...s })),
        );
      await recordAudit(tx, ctx, {
        action: "program.create",
        entityType: "program",
        entityId: programId,
        after: { code: d.code, status: d.status, source: "demo" },
      });

      const pool = people.filter((p) => d.candidates?.(p) && !used.has(`${d.code}:${p.id}`));
      const wanted = Math.min(pool.length, Math.round(d.applications * scale));
      const appRows: (typeof applications.$inferInsert)[] = [];
      const eventRows: (typeof applicationEvents.$inferInsert)[] = [];
      const serviceRows: (typeof applicationServices.$inferInsert)[] = [];
      let enrolled = 0;
      for (let i = 0; i < wanted; i++) {
        const p = pool.splice(Math.floor(r.next() * pool.length), 1)[0] as Candidate;
        used.add(`${d.code}:${p.id}`);
        const profile: Profile = { ...p, enrolledPrograms: [] };
        const result = evaluateResult("fr", d.eligibility, profile, noNames());
        let { reached, end } = fate(r, d.stages.length);
        // Capacity holds: once full, nobody else reaches an enrolment stage.
        const firstEnrolled = d.stages.findIndex((s) => s.kind === "enrolled" || s.kind === "follow_up");
        if (d.capacity && firstEnrolled >= 0 && reached >= firstEnrolled) {
          if (enrolled >= d.capacity) reached = firstEnrolled - 1;
          else enrolled++;
        }
        if (result.outcome === "failed" && reached > 1) {
          reached = 1;
          end = "rejected";
        }
        const applicationId = newId();
        const filedOn = addDays(today, -r.int(20, 420));
        let at = Date.parse(`${filedOn}T09:00:00Z`) + r.int(0, 8 * 3600) * 1000;
        const online = r.chance(0.2);
        eventRows.push({
          applicationId,
          kind: "filed",
          toStage: d.stages[0]?.code,
          actorLabel: online ? "online" : "demo",
          occurredAt: new Date(at).toISOString(),
        });
        let enrolledOn: string | null = null;
        for (let s = 1; s <= reached; s++) {
          const next = Math.min(at + r.int(3, 35) * DAY, Date.now() - DAY);
          at = Math.max(at + 3_600_000, next);
          const stage = d.stages[s] as StageInput;
          if (!enrolledOn && (stage.kind === "enrolled" || stage.kind === "follow_up"))
            enrolledOn = new Date(at).toISOString().slice(0, 10);
          eventRows.push({
            applicationId,
            kind: stage.kind === "closed" ? "completed" : "advanced",
            fromStage: d.stages[s - 1]?.code,
            toStage: stage.code,
            actorLabel: "demo",
            occurredAt: new Date(at).toISOString(),
          });
        }
        const stage = d.stages[reached] as StageInput;
        let status: "pending" | "enrolled" | "completed" | "rejected" | "withdrawn" =
          stage.kind === "closed" ? "completed" : enrolledOn ? "enrolled" : "pending";
        let closedOn: string | null = status === "completed" ? new Date(at).toISOString().slice(0, 10) : null;
        let rejectionReason: string | null = null;
        if (status !== "completed" && end !== "open") {
          at = Math.min(at + r.int(2, 20) * DAY, Date.now() - 3_600_000);
          status = end;
          closedOn = new Date(at).toISOString().slice(0, 10);
          if (end === "rejected") rejectionReason = REJECTIONS[r.int(0, REJECTIONS.length - 1)] as string;
          eventRows.push({
            applicationId,
            kind: end,
            fromStage: stage.code,
            toStage: stage.code,
            reason: rejectionReason,
            actorLabel: "demo",
            occurredAt: new Date(at).toISOString(),
          });
        }
        let hash: string | null = null;
        if (online) {
          const known = !tracking && status === "pending" && reached > 0;
          if (known) tracking = { code: DEMO_TRACKING_CODE, birthDate: p.birthDate };
          hash = trackingHash(known ? DEMO_TRACKING_CODE : `demo:${applicationId}`);
        }
        appRows.push({
          id: applicationId,
          programId,
          personId: p.id,
          channel: online ? "online" : "office",
          status,
          stageId: stageIds[reached] as string,
          stageChangedAt: new Date(at).toISOString(),
          eligibilityOutcome: result.outcome,
          eligibilityResult: result,
          enrolledOn,
          closedOn,
          rejectionReason,
          trackingHash: hash,
          createdAt: new Date(Date.parse(`${filedOn}T09:00:00Z`)).toISOString(),
          updatedAt: new Date(at).toISOString(),
          version: 1 + reached + (end !== "open" ? 1 : 0),
        });
        if (enrolledOn && d.services)
          for (const s of d.services(r, enrolledOn))
            if (s.deliveredOn <= today) serviceRows.push({ ...s, applicationId, recordedBy: "demo" });
      }
      await insertMany(tx, applications, appRows);
      await insertMany(tx, applicationEvents, eventRows);
      await insertMany(tx, applicationServices, serviceRows);
      if (appRows.length)
        await recordAudit(tx, ctx, {
          action: "application.import",
          entityType: "program",
          entityId: programId,
          after: { applications: appRows.length, services: serviceRows.length, source: "demo" },
        });
      appCount += appRows.length;
      serviceCount += serviceRows.length;
    }
    await tx.execute(sql`analyze applications`);
    return { programs: DEMO_PROGRAMS.length, applications: appCount, services: serviceCount, tracking };
  });
}
