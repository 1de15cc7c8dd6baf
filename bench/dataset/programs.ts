import type pg from "pg";
import { addDays } from "../../contracts/calendar.ts";
import { type Candidate, DEMO_PROGRAMS, type ServiceRow } from "../../server/demo/programs.demo.catalog.ts";
import { PROVINCES } from "../../server/modules/territories/index.ts";
import type { Cell } from "../lib/copy.ts";
import { dayOf, hash, isoDay, permutation, prng, uuid7 } from "../lib/random.ts";
import { ageOf, type Facts, personId, REGION_CODES, TODAY_DAY } from "./registry.ts";
import type { Scale } from "./scales.ts";

/**
 * Programmes and their applications at scale. The catalogue is the demo's (fields, workflows,
 * eligibility, who applies, what they receive); applicants are drawn without repetition from
 * the registry among those a programme's own candidate filter accepts; the stage reached follows
 * the demo's odds (72% go one stage further), then services are spread over the enrolled ones.
 */

const TAG = { program: 10, stage: 11, application: 12, event: 13, service: 14 } as const;

export interface CatalogProgram {
  id: string;
  code: string;
  status: "draft" | "active" | "closed";
  stages: { id: string; code: string; kind: string }[];
  candidates?: (p: Candidate) => boolean;
  services?: (r: ReturnType<typeof prng>, enrolledOn: string) => ServiceRow[];
}

export async function insertCatalog(
  client: pg.Client,
  seed: number,
  orgIdByAcronym: Map<string, string>,
): Promise<CatalogProgram[]> {
  const out: CatalogProgram[] = [];
  for (const [i, d] of DEMO_PROGRAMS.entries()) {
    const id = uuid7(seed, TAG.program, i);
    await client.query(
      `INSERT INTO programs (id, code, name_fr, name_ar, objective_fr, objective_ar, target_groups, benefit_type,
        amount_centimes, amount_periodicity, amount_ceiling_centimes, budget_centimes, national, capacity,
        start_date, end_date, status, eligibility)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
      [
        id,
        d.code,
        d.nameFr,
        d.nameAr,
        d.objectiveFr,
        d.objectiveAr,
        JSON.stringify(d.targetGroups),
        d.benefitType,
        d.amountCentimes ?? null,
        d.amountPeriodicity ?? null,
        d.amountCeilingCentimes ?? null,
        d.budgetCentimes ?? null,
        !d.regions,
        // The demo capacities are for 20,000 persons; at scale the programmes are national offers.
        null,
        d.startDate,
        d.endDate ?? null,
        d.status,
        JSON.stringify(d.eligibility),
      ],
    );
    for (const f of d.funders) {
      const org = orgIdByAcronym.get(f);
      if (org)
        await client.query("INSERT INTO program_funders (program_id, organization_id) VALUES ($1, $2)", [
          id,
          org,
        ]);
    }
    for (const regionCode of d.regions ?? [])
      await client.query("INSERT INTO program_regions (program_id, region_code) VALUES ($1, $2)", [
        id,
        regionCode,
      ]);
    const stages = d.stages.map((s, position) => ({
      id: uuid7(seed, TAG.stage, i * 32 + position),
      ...s,
      position,
    }));
    for (const s of stages)
      await client.query(
        "INSERT INTO program_stages (id, program_id, position, code, name_fr, name_ar, kind) VALUES ($1,$2,$3,$4,$5,$6,$7)",
        [s.id, id, s.position, s.code, s.nameFr, s.nameAr, s.kind],
      );
    out.push({ id, code: d.code, status: d.status, stages, candidates: d.candidates, services: d.services });
  }
  return out;
}

export const APPLICATION_COLUMNS = [
  "id",
  "program_id",
  "person_id",
  "channel",
  "status",
  "stage_id",
  "stage_changed_at",
  "eligibility_outcome",
  "enrolled_on",
  "closed_on",
  "rejection_reason",
  "version",
  "created_at",
  "updated_at",
] as const;
export const EVENT_COLUMNS = [
  "id",
  "application_id",
  "kind",
  "from_stage",
  "to_stage",
  "reason",
  "actor_label",
  "occurred_at",
] as const;
export const SERVICE_COLUMNS = [
  "id",
  "application_id",
  "delivered_on",
  "type",
  "quantity",
  "unit",
  "amount_centimes",
  "notes",
  "recorded_by",
] as const;

const REJECTIONS = [
  "Dossier incomplet après relance",
  "Ne remplit pas la condition de résidence",
  "Ressources du ménage au-dessus du seuil",
];

/** What the services pass needs of each application: its programme and enrolment day (0: not enrolled). */
export interface AppFacts {
  program: Uint8Array;
  enrolledDay: Int32Array;
  enrolled: Int32Array;
  enrolledCount: number;
}

const at = (day: number, seconds: number) => new Date(day * 86_400_000 + seconds * 1000).toISOString();

/**
 * Applications (or their events): one replay per table. Applicant i is person perm(i), so no one
 * applies twice to an open programme (the unique index on open applications holds).
 */
export function* applicationRows(
  scale: Scale,
  seed: number,
  facts: Facts,
  catalog: CatalogProgram[],
  table: "applications" | "events",
  appFacts?: AppFacts,
): Generator<Cell[]> {
  const r = prng(seed ^ 0x5eed);
  const open = catalog.filter((p) => p.status !== "draft" && p.candidates);
  const fallback = open.findIndex((p) => p.code === "PRISE-EN-CHARGE-EPS");
  const perm = permutation(scale.persons, seed);
  const n = Math.min(scale.applications, scale.persons);
  let eventSeq = 0;
  for (let i = 0; i < n; i++) {
    const k = perm(i);
    const age = ageOf(facts, k);
    const score = facts.householdScore[k] as number;
    const candidate: Candidate = {
      id: "",
      sex: facts.sex[k] ? "male" : "female",
      birthDate: "",
      ageYears: age,
      regionCode: REGION_CODES[facts.region[k] as number] as string,
      provinceCode: PROVINCES[facts.province[k] as number]?.code as string,
      disability: facts.disability[k] === 1,
      householdScore: Number.isNaN(score) ? null : score,
      householdSize: facts.householdSize[k] as number,
    };
    const start = r.int(0, open.length - 1);
    let pi = -1;
    for (let t = 0; t < open.length; t++) {
      const j = (start + t) % open.length;
      if (open[j]?.candidates?.(candidate)) {
        pi = j;
        break;
      }
    }
    if (pi < 0) pi = fallback >= 0 ? fallback : 0;
    const p = open[pi] as CatalogProgram;
    let reached = 0;
    while (reached < p.stages.length - 1 && r.chance(0.72)) reached++;
    const x = r.next();
    const end = x < 0.1 ? "rejected" : x < 0.14 ? "withdrawn" : "open";
    const filedDay = TODAY_DAY - r.int(20, 900);
    const online = r.chance(0.2);
    const secs = r.int(8 * 3600, 17 * 3600);
    let day = filedDay;
    let enrolledDay = 0;
    const steps: { day: number; from: string; to: string; kind: string }[] = [];
    for (let s = 1; s <= reached; s++) {
      day = Math.min(day + r.int(3, 35), TODAY_DAY - 1);
      const stage = p.stages[s] as CatalogProgram["stages"][number];
      if (!enrolledDay && (stage.kind === "enrolled" || stage.kind === "follow_up")) enrolledDay = day;
      steps.push({
        day,
        from: (p.stages[s - 1] as { code: string }).code,
        to: stage.code,
        kind: stage.kind === "closed" ? "completed" : "advanced",
      });
    }
    const stage = p.stages[reached] as CatalogProgram["stages"][number];
    let status = stage.kind === "closed" ? "completed" : enrolledDay ? "enrolled" : "pending";
    if (p.status === "closed" && (status === "pending" || status === "enrolled")) status = "completed";
    let closedDay = status === "completed" ? day : 0;
    let reason: string | null = null;
    if (status !== "completed" && end !== "open") {
      day = Math.min(day + r.int(2, 20), TODAY_DAY - 1);
      status = end;
      closedDay = day;
      if (end === "rejected") reason = r.pick(REJECTIONS);
    }
    const id = uuid7(seed, TAG.application, i);
    if (appFacts) {
      appFacts.program[i] = catalog.indexOf(p);
      appFacts.enrolledDay[i] = enrolledDay;
      if (enrolledDay) appFacts.enrolled[appFacts.enrolledCount++] = i;
    }
    if (table === "applications")
      yield [
        id,
        p.id,
        personId(seed, k),
        online ? "online" : "office",
        status,
        stage.id,
        at(day, secs),
        r.chance(0.9) ? "passed" : "unknown",
        enrolledDay ? isoDay(enrolledDay) : null,
        closedDay ? isoDay(closedDay) : null,
        reason,
        1 + steps.length + (closedDay && status !== "completed" ? 1 : 0),
        at(filedDay, secs),
        at(day, secs),
      ];
    else {
      r.chance(0.9);
      yield [
        uuid7(seed, TAG.event, eventSeq++),
        id,
        "filed",
        null,
        p.stages[0]?.code,
        null,
        online ? "online" : "bench",
        at(filedDay, secs),
      ];
      for (const s of steps)
        yield [uuid7(seed, TAG.event, eventSeq++), id, s.kind, s.from, s.to, null, "bench", at(s.day, secs)];
      if (closedDay && status !== "completed")
        yield [
          uuid7(seed, TAG.event, eventSeq++),
          id,
          status,
          stage.code,
          stage.code,
          reason,
          "bench",
          at(closedDay, secs),
        ];
    }
  }
}

/** Services: spread over the enrolled applications until the scale's count, after enrolment, never in the future. */
export function* serviceRows(
  scale: Scale,
  seed: number,
  catalog: CatalogProgram[],
  appFacts: AppFacts,
): Generator<Cell[]> {
  if (!appFacts.enrolledCount) return;
  const r = prng(seed ^ 0xbee);
  let produced = 0;
  for (let j = 0; produced < scale.services && j < scale.services * 4; j++) {
    const i = appFacts.enrolled[hash(seed, TAG.service, j) % appFacts.enrolledCount] as number;
    const p = catalog[appFacts.program[i] as number] as CatalogProgram;
    const enrolledOn = isoDay(appFacts.enrolledDay[i] as number);
    const shift = r.int(0, 400);
    const demo = p.services?.(r, enrolledOn) ?? [];
    const s = demo.length ? (demo[j % demo.length] as ServiceRow) : null;
    const delivered = addDays(s?.deliveredOn ?? enrolledOn, shift % 180);
    if (dayOf(delivered) > TODAY_DAY) continue;
    yield [
      uuid7(seed, TAG.service, produced++),
      uuid7(seed, TAG.application, i),
      delivered,
      s?.type ?? "care",
      s?.quantity ?? null,
      s?.unit ?? null,
      s?.amountCentimes ?? null,
      s?.notes ?? null,
      "bench",
    ];
  }
}
