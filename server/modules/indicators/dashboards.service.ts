import type { Locale } from "../../../contracts/common.ts";
import type { Dashboard, DashboardProject, MapData, MapQuery } from "../../../contracts/dashboards.ts";
import type { Indicator, Target, TerritoryLevel } from "../../../contracts/indicators.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { t } from "../../platform/i18n.ts";
import { type Access, accessFor } from "../../platform/scope.ts";
import { organizationNames } from "../organizations/index.ts";
import { visible } from "./indicators.computations.ts";
import type { DatasetSource } from "./indicators.datasets.ts";
import { actualFinder, currentPeriods, progressRow } from "./indicators.progress.ts";
import * as repo from "./indicators.repository.ts";
import type { IndicatorsService } from "./indicators.service.ts";
import type { Territories } from "./indicators.territories.ts";
import { establishmentFacts } from "./sources/establishments.source.ts";
import { projectFacts } from "./sources/partnerships.source.ts";
import { applicationCounts, programFacts } from "./sources/programs.source.ts";

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 100 : 0);
const nameIn = (p: { nameFr: string; nameAr: string; nameEn: string }, locale: Locale) =>
  locale === "ar" ? p.nameAr : locale === "en" ? p.nameEn : p.nameFr;

interface Area {
  level: TerritoryLevel;
  code: string | null;
}
type Placed = { regionCode: string; provinceCode: string | null };
const inArea = (area: Area, r: Placed) =>
  area.level === "national" ||
  (area.level === "region" ? r.regionCode === area.code : r.provinceCode === area.code);

function groupBy<R>(rows: R[], key: (r: R) => string | null) {
  const groups = new Map<string | null, R[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/**
 * A dataset's rows by region and by province, built once per computed dataset (its rows array
 * is shared by every request until the next recomputation): a regional view then walks its
 * region's rows, not the country's.
 */
const areaIndexes = new WeakMap<
  object,
  { region: Map<string | null, Placed[]>; province: Map<string | null, Placed[]> }
>();
function rowsIn<R extends Placed>(rows: R[], area: Area): R[] {
  if (area.level === "national") return rows;
  let index = areaIndexes.get(rows);
  if (!index) {
    index = {
      region: groupBy<Placed>(rows, (r) => r.regionCode),
      province: groupBy<Placed>(rows, (r) => r.provinceCode),
    };
    areaIndexes.set(rows, index);
  }
  return (index[area.level].get(area.code) ?? []) as R[];
}

/**
 * Dashboards read the cached datasets of the indicators module (recomputed only after a
 * write to their source tables), then filter them to the reader's scope and the
 * territory in memory: a page view costs a few primary-key lookups and some thousand
 * rows of arithmetic, never a scan of the base tables.
 */
export function createDashboardsService(deps: { db: Db; indicators: IndicatorsService }) {
  const { db, indicators } = deps;

  async function areaFor(
    access: Access,
    level: TerritoryLevel,
    code: string | null,
    territories: Territories,
  ) {
    if (level === "national") return { level, code: null } as Area;
    if (!territories.find(level, code) || !territories.visible(access, level, code))
      throw notFound("dashboards.territory_not_found");
    return { level, code } as Area;
  }

  async function build(
    ctx: AuthenticatedContext,
    level: TerritoryLevel,
    code: string | null,
    locale: Locale,
  ): Promise<Dashboard> {
    const access = accessFor(ctx.actor, "dashboards.read");
    const reader = indicators.session();
    // This year's targets at the place are read while the source versions are (one round trip,
    // not two); they are used only once the place is known to be visible.
    const targets = repo.targetsAt(db, currentPeriods(indicators.today())[0], level, code);
    targets.catch(() => {}); // awaited below; a failure before that must not be "unhandled"
    const territories = await indicators.territories(reader);
    const area = await areaFor(access, level, code, territories);
    const rows = async <R>(source: DatasetSource<R>) => (await reader(source)).rows;
    const [establishments, projects, programs, applications, indicatorRows] = await Promise.all([
      rows(establishmentFacts),
      rows(projectFacts),
      rows(programFacts),
      rows(applicationCounts),
      indicatorsAgainstTargets(access, area, territories, reader, targets),
    ]);
    const est = visible(rowsIn(establishments, area), access, (e) => ({
      region: e.regionCode,
      province: e.provinceCode,
      organization: e.organizationId,
      establishment: e.id,
      parties: e.funderIds,
    })).filter((e) => inArea(area, e));
    const prj = visible(rowsIn(projects, area), access, (p) => ({
      region: p.regionCode,
      province: p.provinceCode,
      parties: p.partyOrgIds,
    })).filter((p) => inArea(area, p));
    const funders = new Map(programs.map((p) => [p.id, p.funderIds]));
    const apps = visible(rowsIn(applications, area), access, (a) => ({
      region: a.regionCode,
      province: a.provinceCode,
      parties: funders.get(a.programId) ?? [],
    })).filter((a) => inArea(area, a));

    // Money by partner and by region.
    const byFunder = new Map<string, { committed: number; disbursed: number }>();
    const byRegion = new Map<string, { committed: number; disbursed: number }>();
    let committed = 0;
    let disbursed = 0;
    for (const p of prj)
      for (const m of p.money) {
        const c = Number(m.committed);
        const d = Number(m.disbursed);
        committed += c;
        disbursed += d;
        const f = byFunder.get(m.funderId) ?? { committed: 0, disbursed: 0 };
        f.committed += c;
        f.disbursed += d;
        byFunder.set(m.funderId, f);
        const r = byRegion.get(p.regionCode) ?? { committed: 0, disbursed: 0 };
        r.committed += c;
        r.disbursed += d;
        byRegion.set(p.regionCode, r);
      }
    const orgs = await organizationNames(db, [...byFunder.keys()]);

    const statuses = new Map<string, number>();
    for (const p of prj) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);

    const sum = <R>(rows: R[], f: (r: R) => number) => rows.reduce((s, r) => s + f(r), 0);
    const capacity = sum(est, (e) => e.capacityFemale + e.capacityMale);
    const residents = sum(est, (e) => e.residentsFemale + e.residentsMale);
    const connected = est.filter((e) => e.connected).length;
    const solar = est.filter((e) => e.solar).length;
    const solarHotWater = est.filter((e) => e.solarHotWater).length;

    const stageCounts = new Map<string, number>();
    for (const a of apps) stageCounts.set(a.stageId, (stageCounts.get(a.stageId) ?? 0) + a.count);
    const programRows = programs
      .map((p) => {
        const stages = p.stages.map((s) => ({
          stageId: s.id,
          code: s.code,
          nameFr: s.nameFr,
          nameAr: s.nameAr,
          count: stageCounts.get(s.id) ?? 0,
        }));
        return {
          programId: p.id,
          code: p.code,
          nameFr: p.nameFr,
          nameAr: p.nameAr,
          total: sum(stages, (s) => s.count),
          stages,
        };
      })
      .filter((p) => p.total > 0);

    // Drill-down: the regions of the country, or the provinces of a region.
    const children =
      area.level === "national"
        ? territories.regions
        : area.level === "region"
          ? territories.provincesOf(area.code ?? "")
          : [];
    const childKey = (x: Placed) => (area.level === "national" ? x.regionCode : x.provinceCode);
    const estByChild = groupBy(est, childKey);
    const prjByChild = groupBy(prj, childKey);
    const territoryRows = children
      .filter((c) => territories.visible(access, c.level, c.code))
      .map((c) => {
        const e = estByChild.get(c.code) ?? [];
        const p = prjByChild.get(c.code) ?? [];
        return {
          level: c.level,
          code: c.code,
          name: nameIn(c, locale),
          population: c.population,
          establishments: e.length,
          connectedRate: rate(e.filter((x) => x.connected).length, e.length),
          projects: p.length,
          committedCentimes: sum(p, (x) => sum(x.money, (m) => Number(m.committed))),
          disbursedCentimes: sum(p, (x) => sum(x.money, (m) => Number(m.disbursed))),
        };
      });

    const place = area.code ? territories.byCode.get(area.code) : undefined;
    return {
      scope: {
        level: area.level,
        code: area.code,
        name: place ? nameIn(place, locale) : t(locale, "indicators.national"),
        population: place
          ? place.population
          : area.level === "national"
            ? sum(territories.regions, (r) => r.population ?? 0)
            : null,
      },
      money: {
        committedCentimes: committed,
        disbursedCentimes: disbursed,
        byPartner: [...byFunder]
          .map(([id, m]) => ({
            funderId: id,
            name: orgs.get(id)?.nameFr ?? "",
            nameAr: orgs.get(id)?.nameAr ?? null,
            committedCentimes: m.committed,
            disbursedCentimes: m.disbursed,
          }))
          .sort((a, b) => b.committedCentimes - a.committedCentimes || a.name.localeCompare(b.name)),
        byRegion: [...byRegion]
          .map(([c, m]) => ({
            code: c,
            name: territories.name("region", c, locale, c),
            committedCentimes: m.committed,
            disbursedCentimes: m.disbursed,
          }))
          .sort((a, b) => a.code.localeCompare(b.code)),
      },
      projects: {
        total: prj.length,
        byStatus: [...statuses]
          .map(([status, count]) => ({ status, count }))
          .sort((a, b) => a.status.localeCompare(b.status)),
        withLateMilestones: prj.filter((p) => p.lateMilestones > 0).length,
        lateMilestones: sum(prj, (p) => p.lateMilestones),
      },
      infrastructure: {
        establishments: est.length,
        connected,
        solar,
        solarHotWater,
        connectedRate: rate(connected, est.length),
        solarRate: rate(solar, est.length),
        solarHotWaterRate: rate(solarHotWater, est.length),
        capacity,
        residents,
        occupancyRate: rate(residents, capacity),
      },
      programs: programRows,
      indicators: indicatorRows,
      territories: territoryRows,
    };
  }

  /** Each indicator with a target this year at the area: its actual, gap and achievement. */
  async function indicatorsAgainstTargets(
    access: Access,
    area: Area,
    territories: Territories,
    reader: ReturnType<IndicatorsService["session"]>,
    targetsAtArea: Promise<Target[]>,
  ) {
    // National targets compare with national figures: a reader who sees only part of the country gets none.
    if (area.level === "national" && !access.national) return [];
    const [year] = currentPeriods(indicators.today());
    // Only the targets of this year at this place, then only the indicators and measurements they
    // name: a view costs one small query when no target is set, never every measurement.
    const targets = await targetsAtArea;
    if (!targets.length) return [];
    const wanted = new Set(targets.map((x) => x.indicatorId));
    const defs = (await repo.list(db, { limit: 1000 })).filter((i) => wanted.has(i.id));
    const measured = new Map(
      await Promise.all(
        defs
          .filter((i) => i.kind !== "computed")
          .map(async (i) => [i.id, await repo.measurementsOf(db, i.id)] as const),
      ),
    );
    const rows = [];
    for (const indicator of defs) {
      const target = targets.find((x) => x.indicatorId === indicator.id);
      if (!target) continue;
      let actual: number | null;
      if (indicator.kind === "computed") {
        const values = await indicators.valuesAt(indicator, access, year, reader);
        actual =
          values.find(
            (v) => v.territoryLevel === area.level && v.territoryCode === area.code && !v.sex && !v.ageBand,
          )?.value ?? 0;
      } else {
        const own = measured.get(indicator.id) ?? [];
        actual = actualFinder(indicator, own, territories)(year, area.level, area.code)?.value ?? null;
      }
      const p = progressRow(
        indicator,
        { period: year, territoryLevel: area.level, territoryCode: area.code, territoryName: "" },
        target,
        actual,
      );
      rows.push({
        indicatorId: indicator.id,
        code: indicator.code,
        nameFr: indicator.nameFr,
        nameAr: indicator.nameAr,
        unit: indicator.unit,
        direction: indicator.direction,
        period: year,
        target: p.target,
        actual: p.actual,
        gap: p.gap,
        achievement: p.achievement,
      });
    }
    return rows;
  }

  return {
    national: (ctx: AuthenticatedContext, locale: Locale) => build(ctx, "national", null, locale),
    region: (ctx: AuthenticatedContext, code: string, locale: Locale) => build(ctx, "region", code, locale),
    province: (ctx: AuthenticatedContext, code: string, locale: Locale) =>
      build(ctx, "province", code, locale),

    /** A region's projects, for drill-down to a project. */
    async regionProjects(ctx: AuthenticatedContext, code: string): Promise<DashboardProject[]> {
      const access = accessFor(ctx.actor, "dashboards.read");
      const reader = indicators.session();
      const territories = await indicators.territories(reader);
      const area = await areaFor(access, "region", code, territories);
      const rows = visible((await reader(projectFacts)).rows, access, (p) => ({
        region: p.regionCode,
        province: p.provinceCode,
        parties: p.partyOrgIds,
      })).filter((p) => inArea(area, p));
      return rows.map((p) => ({
        id: p.id,
        code: p.code,
        titleFr: p.titleFr,
        titleAr: p.titleAr,
        regionCode: p.regionCode,
        provinceCode: p.provinceCode,
        status: p.status,
        physicalProgress: p.physicalProgress,
        lateMilestones: p.lateMilestones,
        committedCentimes: p.money.reduce((s, m) => s + Number(m.committed), 0),
        disbursedCentimes: p.money.reduce((s, m) => s + Number(m.disbursed), 0),
      }));
    },

    /** Any indicator by region, absolute and per 10,000 inhabitants, for the map. */
    async map(ctx: AuthenticatedContext, query: MapQuery, locale: Locale): Promise<MapData> {
      const access = accessFor(ctx.actor, "dashboards.read");
      const indicator: Indicator | undefined = /^[0-9a-f-]{36}$/i.test(query.indicator)
        ? await repo.find(db, query.indicator)
        : await repo.findByCode(db, query.indicator);
      if (!indicator) throw new AppError(404, "indicators.not_found");
      const reader = indicators.session();
      const territories = await indicators.territories(reader);
      const period = query.period ?? currentPeriods(indicators.today())[0];
      const values = await indicators.valuesAt(indicator, access, period, reader);
      const perInhabitant = indicator.unit === "count" || indicator.unit === "mad";
      const regions = territories.regions
        .filter((r) => territories.visible(access, "region", r.code))
        .map((r) => {
          const v = values.find(
            (x) => x.territoryLevel === "region" && x.territoryCode === r.code && !x.sex && !x.ageBand,
          );
          const value = v ? v.value : indicator.kind === "computed" ? 0 : null;
          const population = r.population ?? 0;
          return {
            code: r.code,
            name: nameIn(r, locale),
            population,
            value,
            per10k:
              perInhabitant && value !== null && population > 0
                ? Math.round((value / population) * 10000 * 10000) / 10000
                : null,
          };
        });
      return {
        indicatorId: indicator.id,
        code: indicator.code,
        unit: indicator.unit,
        period,
        perInhabitant,
        regions,
      };
    },
  };
}

export type DashboardsService = ReturnType<typeof createDashboardsService>;
