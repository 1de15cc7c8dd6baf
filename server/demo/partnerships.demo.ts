import { sql } from "drizzle-orm";
import { organizations } from "../modules/organizations/index.ts";
import {
  axisTargets,
  conventionAxes,
  conventionParties,
  conventions,
  disbursements,
  projectBudgetLines,
  projectEstablishments,
  projectMilestones,
  projectPrograms,
  projects,
  projectTranches,
} from "../modules/partnerships/index.ts";
import { PROVINCES } from "../modules/territories/index.ts";
import { recordAudit } from "../platform/audit.ts";
import { systemContext } from "../platform/context.ts";
import type { Db, Queryable } from "../platform/database.ts";
import { newId } from "../platform/ids.ts";
import { NATIONAL_ORGANIZATIONS } from "./demo.data.ts";
import {
  DEMO_CONVENTIONS,
  type DemoProjectKind,
  MILESTONES,
  NAMED_AXES,
  NAMED_PROJECTS,
  PLACE_AR,
  PROJECT_KINDS,
  REGION_PROJECTS,
} from "./partnerships.demo.data.ts";

/**
 * The demo partnerships: the three conventions of the source texts with their parties, axes and
 * targets, and ~50 projects in every region with budgets by funder, milestones (some late),
 * tranches tied to milestones and disbursements that never exceed what a funder committed.
 * Written with a few bulk inserts in one transaction; does nothing if conventions exist.
 */

function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, chance: (p: number) => next() < p };
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, n: number) => iso(new Date(Date.parse(date) + n * DAY));
const addMonths = (date: string, n: number) => {
  const d = new Date(Date.parse(date));
  d.setUTCMonth(d.getUTCMonth() + n);
  return iso(d);
};
const provinceOf = (nameFr: string) => PROVINCES.find((p) => p.nameFr === nameFr)?.code ?? null;

/** Organisations by acronym or demo key; national ones missing (a bare test database) are added. */
async function organisationIds(tx: Queryable) {
  const rows = await tx
    .select({ id: organizations.id, acronym: organizations.acronym, nameFr: organizations.nameFr })
    .from(organizations);
  const ids = new Map<string, string>();
  for (const o of NATIONAL_ORGANIZATIONS) {
    const found = rows.find((r) => r.nameFr === o.nameFr);
    const id =
      found?.id ??
      (
        await tx
          .insert(organizations)
          .values({
            type: o.type,
            nameFr: o.nameFr,
            nameAr: o.nameAr,
            acronym: o.acronym ?? null,
            regionCode: o.regionCode ?? null,
            provinceCode: o.provinceCode ?? null,
          })
          .returning({ id: organizations.id })
      )[0]?.id;
    ids.set(o.acronym ?? o.key.toUpperCase(), id as string);
  }
  // Regional associations run the regional projects when the demo has them.
  const associations = new Map<string, string>();
  for (const r of await tx
    .execute<{ id: string; region_code: string }>(
      sql`select distinct on (region_code) id, region_code from organizations where type = 'association' and region_code is not null order by region_code, name_fr`,
    )
    .then((x) => x.rows))
    associations.set(r.region_code, r.id);
  return { ids, associations };
}

export async function loadDemoPartnerships(db: Db) {
  const started = Date.now();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(conventions);
    if ((existing?.n ?? 0) > 0)
      return { conventions: 0, projects: 0, disbursements: 0, lateMilestones: 0, ms: 0 };
    const { ids: org, associations } = await organisationIds(tx);
    const orgId = (key: string) => org.get(key) as string;
    const rand = prng(2026);
    const today = iso(new Date());

    // Conventions, parties, axes and their targets.
    const conventionIds = new Map<string, string>();
    const axisIds = new Map<string, string>();
    const parties: (typeof conventionParties.$inferInsert)[] = [];
    const axes: (typeof conventionAxes.$inferInsert)[] = [];
    const targets: (typeof axisTargets.$inferInsert)[] = [];
    const conventionRows = DEMO_CONVENTIONS.map((c) => {
      const id = newId();
      conventionIds.set(c.key, id);
      for (const p of c.parties)
        parties.push({
          conventionId: id,
          organizationId: orgId(p.org),
          role: p.role,
          committedCentimes: Math.round(p.committedMad * 100),
          otherCommitments: p.other ?? null,
        });
      c.axes.forEach((a, i) => {
        const axisId = newId();
        axisIds.set(`${c.key}:${i + 1}`, axisId);
        axes.push({ id: axisId, conventionId: id, position: i + 1, titleFr: a.titleFr, titleAr: a.titleAr });
        for (const t of a.targets)
          targets.push({
            axisId,
            labelFr: t.labelFr,
            labelAr: t.labelAr,
            targetValue: t.value,
            unit: t.unit,
          });
      });
      return {
        id,
        reference: c.reference,
        titleFr: c.titleFr,
        titleAr: c.titleAr,
        type: "framework" as const,
        status: "in_progress" as const,
        signedOn: c.signedOn,
        signedPlace: c.signedPlace,
        startDate: c.startDate,
        endDate: c.endDate,
        regionCode: c.regionCode,
        summary: c.summary,
        partyOrgIds: [...new Set(c.parties.map((p) => orgId(p.org)))],
      };
    });
    await tx.insert(conventions).values(conventionRows);
    await tx.insert(conventionParties).values(parties);
    await tx.insert(conventionAxes).values(axes);
    await tx.insert(axisTargets).values(targets);

    // Establishments and programmes to link, when those parts of the demo are loaded.
    const eps = await tx.execute<{ id: string; region_code: string }>(
      sql`select id, region_code from establishments order by code`,
    );
    const epsByRegion = new Map<string, string[]>();
    for (const e of eps.rows)
      epsByRegion.set(e.region_code, [...(epsByRegion.get(e.region_code) ?? []), e.id]);
    const programRows = await tx.execute<{ id: string; code: string }>(sql`select id, code from programs`);
    const programId = new Map(programRows.rows.map((p) => [p.code, p.id]));

    // Projects: the kinds declined in every region, then the named ones.
    interface Plan {
      code: string;
      kind: DemoProjectKind;
      axis: number;
      region: string;
      province: string | null;
      titleFr: string;
      titleAr: string;
      responsible: string | null;
      budgetMad: number;
      start: string;
      months: number;
    }
    const plans: Plan[] = [];
    const special: Record<string, [string, string][]> = {
      connectivity: [
        ["MA-05", "Khouribga"],
        ["MA-06", "El Jadida"],
        ["MA-07", "Rehamna"],
        ["MA-11", "Laâyoune"],
      ],
      youth: [
        ["MA-06", "Casablanca"],
        ["MA-06", "El Jadida"],
        ["MA-06", "Settat"],
        ["MA-06", "Berrechid"],
        ["MA-06", "Mohammédia"],
      ],
    };
    for (const [region, seatProvince, city, kinds] of REGION_PROJECTS)
      for (const k of kinds) {
        const kind = PROJECT_KINDS[k] as DemoProjectKind;
        const places =
          special[k]?.filter(([r]) => r === region).map(([, name]) => [provinceOf(name), name] as const) ??
          [];
        for (const [province, place] of places.length ? places : [[seatProvince, city] as const]) {
          const [min, max] = kind.budgetMad;
          plans.push({
            code: `PRJ-${kind.key}-${region.slice(3)}${places.length > 1 ? `-${(province ?? "").slice(3)}` : ""}`,
            kind,
            axis: kind.axis,
            region,
            province,
            titleFr: kind.titleFr(place),
            titleAr: kind.titleAr(PLACE_AR[place] ?? place),
            responsible: associations.get(region) ?? null,
            budgetMad: Math.round(rand.int(min, max) / 10_000) * 10_000,
            start: addDays("2023-06-01", rand.int(0, 700)),
            months: rand.int(18, 36),
          });
        }
      }
    for (const n of NAMED_PROJECTS)
      plans.push({
        ...n,
        kind: PROJECT_KINDS[n.kind] as DemoProjectKind,
        axis: NAMED_AXES[n.code] as number,
        responsible: orgId(n.responsible),
      });

    const projectRows: (typeof projects.$inferInsert)[] = [];
    const lines: (typeof projectBudgetLines.$inferInsert)[] = [];
    const steps: (typeof projectMilestones.$inferInsert)[] = [];
    const parts: (typeof projectTranches.$inferInsert)[] = [];
    const paid: (typeof disbursements.$inferInsert)[] = [];
    const epsLinks: (typeof projectEstablishments.$inferInsert)[] = [];
    const programLinks: (typeof projectPrograms.$inferInsert)[] = [];
    let late = 0;
    const usedEps = new Map<string, number>();

    for (const p of plans) {
      const id = newId();
      const end = addMonths(p.start, p.months);
      const conventionId = conventionIds.get(p.kind.convention) as string;
      const conventionParties = DEMO_CONVENTIONS.find((c) => c.key === p.kind.convention)?.parties ?? [];
      const funders = p.kind.funders.map(([key, share]) => [orgId(key), share] as const);
      // Milestones spread over the project; those past are mostly reached, some are late.
      const projectMilestones = MILESTONES.map(([fr, ar], i) => {
        const planned = addDays(
          p.start,
          Math.round((((i + 0.5) / MILESTONES.length) * (Date.parse(end) - Date.parse(p.start))) / DAY),
        );
        const reached = planned < today && rand.chance(i === 0 ? 0.95 : 0.7);
        const actual = reached
          ? ([addDays(planned, rand.int(-10, 25))].map((d) => (d > today ? today : d))[0] ?? null)
          : null;
        if (!reached && planned < today) late += 1;
        return {
          id: newId(),
          projectId: id,
          titleFr: fr,
          titleAr: ar,
          plannedDate: planned,
          actualDate: actual,
        };
      });
      steps.push(...projectMilestones);
      const reachedCount = projectMilestones.filter((m) => m.actualDate).length;
      for (const [funderId, share] of funders) {
        const committed = Math.round(p.budgetMad * share) * 100;
        // Two budget lines per funder: works or services, then equipment or training.
        const first = Math.round(committed * 0.6);
        lines.push(
          {
            projectId: id,
            label: "Réalisation",
            category: p.kind.sector === "infrastructure" ? "works" : "services",
            funderId,
            amountCentimes: first,
          },
          {
            projectId: id,
            label: "Équipement et formation",
            category: p.kind.sector === "capacity_building" ? "training" : "equipment",
            funderId,
            amountCentimes: committed - first,
          },
        );
        // Three tranches (30 / 40 / 30) tied to the first three milestones.
        const amounts = [Math.round(committed * 0.3), Math.round(committed * 0.4)];
        amounts.push(committed - (amounts[0] as number) - (amounts[1] as number));
        amounts.forEach((amount, i) => {
          const trancheId = newId();
          const milestone = projectMilestones[i] as (typeof projectMilestones)[number];
          parts.push({
            id: trancheId,
            projectId: id,
            funderId,
            milestoneId: milestone.id,
            position: i + 1,
            label: `Tranche ${i + 1}`,
            amountCentimes: amount,
          });
          if (!milestone.actualDate) return;
          // A due tranche is paid in full, in part, or not yet: never more than the tranche.
          const r = rand.next();
          const value = r < 0.65 ? amount : r < 0.85 ? Math.round(amount * 0.5) : 0;
          if (value <= 0) return;
          const paidOn = [addDays(milestone.actualDate, rand.int(5, 45))].map((d) =>
            d > today ? today : d,
          )[0] as string;
          paid.push({
            projectId: id,
            funderId,
            trancheId,
            paidOn,
            amountCentimes: value,
            reference: `VIR-${p.code.slice(4)}-${i + 1}`,
          });
        });
      }
      const status =
        p.start > today
          ? "planned"
          : end < today && reachedCount === MILESTONES.length
            ? "completed"
            : "in_progress";
      projectRows.push({
        id,
        code: p.code,
        titleFr: p.titleFr,
        titleAr: p.titleAr,
        conventionId,
        axisId: axisIds.get(`${p.kind.convention}:${p.axis}`) ?? null,
        regionCode: p.region,
        provinceCode: p.province,
        sector: p.kind.sector,
        targetGroup: p.kind.targetGroup,
        startDate: p.start,
        endDate: end,
        status,
        responsibleOrgId: p.responsible,
        physicalProgress: Math.max(
          0,
          Math.min(100, Math.round((reachedCount / MILESTONES.length) * 100 - rand.int(0, 10))),
        ),
        description: `${p.kind.targetGroup}. Décliné de la convention ${DEMO_CONVENTIONS.find((c) => c.key === p.kind.convention)?.reference}.`,
        // The convention's parties and the funders see the project as partners.
        partyOrgIds: [
          ...new Set([...conventionParties.map((cp) => orgId(cp.org)), ...funders.map(([f]) => f)]),
        ],
      });
      const regionEps = epsByRegion.get(p.region) ?? [];
      const offset = usedEps.get(p.region) ?? 0;
      for (const e of regionEps.slice(offset, offset + p.kind.establishments))
        epsLinks.push({ projectId: id, establishmentId: e });
      usedEps.set(p.region, offset + p.kind.establishments);
      const program = p.kind.program ? programId.get(p.kind.program) : undefined;
      if (program) programLinks.push({ projectId: id, programId: program });
    }

    await tx.insert(projects).values(projectRows);
    await tx.insert(projectBudgetLines).values(lines);
    await tx.insert(projectMilestones).values(steps);
    await tx.insert(projectTranches).values(parts);
    if (paid.length) await tx.insert(disbursements).values(paid);
    if (epsLinks.length) await tx.insert(projectEstablishments).values(epsLinks);
    if (programLinks.length) await tx.insert(projectPrograms).values(programLinks);
    const figures = {
      conventions: conventionRows.length,
      projects: projectRows.length,
      disbursements: paid.length,
      lateMilestones: late,
    };
    await recordAudit(tx, systemContext("demo"), {
      action: "demo.partnerships.load",
      entityType: "project",
      entityId: null,
      after: figures,
    });
    return { ...figures, ms: Date.now() - started };
  });
}
