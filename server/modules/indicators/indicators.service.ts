import { eq } from "drizzle-orm";
import type { Locale } from "../../../contracts/common.ts";
import type {
  ComputedValues,
  CreateIndicatorBody,
  CreateMeasurementBody,
  Indicator,
  IndicatorListQuery,
  IndicatorValue,
  Measurement,
  Progress,
  ProgressQuery,
  ProgressRow,
  PutTargetBody,
  UpdateIndicatorBody,
} from "../../../contracts/indicators.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { AppError, forbidden, invalidField, notFound } from "../../platform/errors.ts";
import { storedFiles } from "../../platform/files.table.ts";
import { t as translate } from "../../platform/i18n.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { type Access, accessFor } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import { type ComputationSource, RATE_COMPUTATIONS, valuesOf } from "./indicators.computations.ts";
import { createDatasetCache, type DatasetSource, systemToday } from "./indicators.datasets.ts";
import { actualFinder, currentPeriods, progressRow } from "./indicators.progress.ts";
import * as repo from "./indicators.repository.ts";
import { places, Territories } from "./indicators.territories.ts";

const ENTITY = "indicator";

const editable = (i: Indicator) => ({
  code: i.code,
  nameFr: i.nameFr,
  nameAr: i.nameAr,
  description: i.description,
  unit: i.unit,
  direction: i.direction,
  aggregation: i.aggregation,
  disaggregations: i.disaggregations,
  kind: i.kind,
  computation: i.computation,
  computationParams: i.computationParams,
  archivedAt: i.archivedAt,
});

export function createIndicatorsService(deps: { db: Db; today?: () => string }) {
  const { db } = deps;
  const today = deps.today ?? systemToday;
  const cache = createDatasetCache({ db, today });
  const computations = new Map<string, ComputationSource>();
  /** Reads datasets for one request (see DatasetCache.session). */
  type Reader = ReturnType<typeof cache.session>;
  const session = () => cache.session();

  async function territories(reader: Reader = session()) {
    return new Territories((await reader(places)).rows);
  }

  async function found(q: Queryable, id: string, lock = false) {
    const row = await repo.find(q, id, { lock });
    if (!row) throw notFound("indicators.not_found");
    return row;
  }

  /** Definitions are national: only a national writer creates or changes them. */
  function nationalWriter(ctx: AuthenticatedContext) {
    const access = accessFor(ctx.actor, "indicators.write");
    if (!access.national) throw forbidden();
    return access;
  }

  function checkComputation(kind: Indicator["kind"], computation: string | null | undefined) {
    if (kind === "computed" && !computation)
      throw invalidField("computation", "indicators.computation_required");
    if (kind === "computed" && computation && !computations.has(computation))
      throw invalidField("computation", "indicators.computation_unknown");
    if (kind === "entered" && computation)
      throw invalidField("computation", "indicators.computation_not_allowed");
  }

  /** A known territory of that level that the writer reaches; a 4xx naming the field otherwise. */
  async function checkTerritory(
    access: Access,
    level: "national" | "region" | "province",
    code: string | null | undefined,
  ): Promise<string | null> {
    if (level === "national") {
      if (code) throw invalidField("territoryCode", "indicators.national_has_no_code");
      if (!access.national) throw invalidField("territoryLevel", "indicators.territory_out_of_scope");
      return null;
    }
    if (!code) throw invalidField("territoryCode", "indicators.territory_required");
    const t = await territories();
    if (!t.find(level, code)) throw invalidField("territoryCode", "indicators.unknown_territory", { code });
    if (!t.writable(access, level, code))
      throw invalidField("territoryCode", "indicators.territory_out_of_scope");
    return code;
  }

  /** Current values of a computed indicator, limited to what the reader reaches. */
  async function computedValues(indicator: Indicator, access: Access, reader: Reader = session()) {
    const computation = computations.get(indicator.computation ?? "");
    if (!computation) throw new AppError(422, "indicators.not_computed");
    let computedAt = "";
    const tracked = async <R>(source: DatasetSource<R>) => {
      const r = await reader(source);
      if (r.computedAt > computedAt) computedAt = r.computedAt;
      return r.rows;
    };
    const facts = await computation.facts(tracked, indicator.computationParams, access);
    const isRate = RATE_COMPUTATIONS.has(computation.name);
    return { values: valuesOf(facts, isRate, computation.divideBy), computedAt };
  }

  /** Values at every territory the reader sees, for a period: computed now, or entered and aggregated. */
  async function valuesAt(
    indicator: Indicator,
    access: Access,
    period: string,
    reader: Reader = session(),
  ): Promise<IndicatorValue[]> {
    const t = await territories(reader);
    if (indicator.kind === "computed") {
      const { values } = await computedValues(indicator, access, reader);
      return values.filter((v) => t.visible(access, v.territoryLevel, v.territoryCode));
    }
    const actual = actualFinder(indicator, await repo.measurementsOf(db, indicator.id), t);
    const keys: [IndicatorValue["territoryLevel"], string | null][] = [
      ["national", null],
      ...t.all.map((p) => [p.level, p.code] as [IndicatorValue["territoryLevel"], string]),
    ];
    return keys
      .filter(([level, code]) => t.visible(access, level, code))
      .flatMap(([level, code]) => {
        const a = actual(period, level, code);
        return a
          ? [
              {
                territoryLevel: level,
                territoryCode: code,
                sex: null,
                ageBand: null,
                value: a.value,
                numerator: a.num,
                denominator: a.den,
              },
            ]
          : [];
      });
  }

  return {
    addComputations(sources: readonly ComputationSource[]) {
      for (const s of sources) computations.set(s.name, s);
    },
    datasets: cache,
    session,
    territories,
    valuesAt,
    today,

    async list(ctx: AuthenticatedContext, query: IndicatorListQuery) {
      accessFor(ctx.actor, "indicators.read");
      const rows = await repo.list(db, {
        q: query.q,
        kind: query.kind,
        limit: query.limit,
        cursorKey: decodeCursor(query.cursor, 2),
      });
      return toPage(rows, query.limit, (r) => [r.nameFr, r.id]);
    },

    async all(ctx: AuthenticatedContext) {
      accessFor(ctx.actor, "indicators.read");
      return repo.list(db, { limit: 10_000 });
    },

    async get(ctx: AuthenticatedContext, id: string) {
      accessFor(ctx.actor, "indicators.read");
      return found(db, id);
    },

    async findByCode(code: string) {
      return repo.findByCode(db, code);
    },

    async create(ctx: AuthenticatedContext, input: CreateIndicatorBody): Promise<Indicator> {
      nationalWriter(ctx);
      checkComputation(input.kind, input.computation);
      return db.transaction(async (tx) => {
        if (await repo.findByCode(tx, input.code)) throw invalidField("code", "indicators.code_taken");
        const id = await repo.insert(tx, { ...input, computation: input.computation ?? null });
        const created = await found(tx, id);
        await recordAudit(tx, ctx, {
          action: "indicator.create",
          entityType: ENTITY,
          entityId: id,
          after: editable(created),
        });
        return created;
      });
    },

    async update(ctx: AuthenticatedContext, id: string, input: UpdateIndicatorBody): Promise<Indicator> {
      nationalWriter(ctx);
      return db.transaction(async (tx) => {
        const current = await found(tx, id, true);
        assertVersion(current.version, input.version);
        const { version: _, ...changes } = input;
        await repo.update(tx, id, changes);
        const updated = await found(tx, id);
        await recordAudit(tx, ctx, {
          action: "indicator.update",
          entityType: ENTITY,
          entityId: id,
          before: editable(current),
          after: editable(updated),
        });
        return updated;
      });
    },

    async targets(ctx: AuthenticatedContext, id: string) {
      const access = accessFor(ctx.actor, "indicators.read");
      await found(db, id);
      const t = await territories();
      return (await repo.targetsOf(db, id)).filter((x) =>
        t.visible(access, x.territoryLevel, x.territoryCode),
      );
    },

    async putTarget(ctx: AuthenticatedContext, id: string, input: PutTargetBody) {
      const access = accessFor(ctx.actor, "indicators.write");
      return db.transaction(async (tx) => {
        const indicator = await found(tx, id, true);
        const code = await checkTerritory(access, input.territoryLevel, input.territoryCode);
        const target = await repo.upsertTarget(tx, {
          indicatorId: indicator.id,
          period: input.period,
          territoryLevel: input.territoryLevel,
          territoryCode: code,
          value: input.value,
        });
        await recordAudit(tx, ctx, {
          action: "indicator.target.set",
          entityType: ENTITY,
          entityId: indicator.id,
          after: {
            period: target.period,
            territoryLevel: target.territoryLevel,
            territoryCode: code,
            value: target.value,
          },
        });
        return target;
      });
    },

    async measurements(
      ctx: AuthenticatedContext,
      id: string,
      query: { period?: string; limit: number; cursor?: string },
    ) {
      const access = accessFor(ctx.actor, "indicators.read");
      await found(db, id);
      const t = await territories();
      const open = access.national || access.organizations.length || access.establishments.length;
      const codes = open
        ? undefined
        : t.all.filter((p) => t.visible(access, p.level, p.code)).map((p) => p.code);
      const rows = await repo.measurementsOf(db, id, {
        period: query.period,
        limit: query.limit,
        cursorKey: decodeCursor(query.cursor, 2),
        territoryCodes: codes,
      });
      return toPage(rows, query.limit, (r) => [r.createdAt, r.id]);
    },

    async addMeasurement(
      ctx: AuthenticatedContext,
      id: string,
      input: CreateMeasurementBody,
    ): Promise<Measurement> {
      const access = accessFor(ctx.actor, "indicators.write");
      return db.transaction(async (tx) => {
        const indicator = await found(tx, id);
        if (indicator.kind === "computed") throw new AppError(422, "indicators.computed_not_entered");
        if (indicator.archivedAt) throw new AppError(422, "indicators.archived");
        const code = await checkTerritory(access, input.territoryLevel, input.territoryCode);
        if (input.sex && !indicator.disaggregations.includes("sex"))
          throw invalidField("sex", "indicators.not_disaggregated");
        if (input.ageBand && !indicator.disaggregations.includes("age_band"))
          throw invalidField("ageBand", "indicators.not_disaggregated");
        if (input.evidenceFileId) {
          const [file] = await tx
            .select({ id: storedFiles.id })
            .from(storedFiles)
            .where(eq(storedFiles.id, input.evidenceFileId));
          if (!file) throw invalidField("evidenceFileId", "indicators.evidence_not_found");
        }
        const m = await repo.insertMeasurement(tx, {
          indicatorId: id,
          period: input.period,
          territoryLevel: input.territoryLevel,
          territoryCode: code,
          sex: input.sex ?? null,
          ageBand: input.ageBand ?? null,
          value: input.value,
          numerator: input.numerator ?? null,
          denominator: input.denominator ?? null,
          source: input.source,
          evidenceNote: input.evidenceNote ?? null,
          evidenceFileId: input.evidenceFileId ?? null,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: "indicator.measurement.create",
          entityType: ENTITY,
          entityId: id,
          after: {
            period: m.period,
            territoryLevel: m.territoryLevel,
            territoryCode: code,
            value: m.value,
            source: m.source,
          },
        });
        return m;
      });
    },

    async computed(ctx: AuthenticatedContext, id: string): Promise<ComputedValues> {
      const access = accessFor(ctx.actor, "indicators.read");
      const indicator = await found(db, id);
      if (indicator.kind !== "computed") throw new AppError(422, "indicators.not_computed");
      const reader = session();
      const t = await territories(reader);
      const { values, computedAt } = await computedValues(indicator, access, reader);
      return {
        indicatorId: id,
        computation: indicator.computation as ComputedValues["computation"],
        period: currentPeriods(today())[0],
        computedAt,
        values: values.filter((v) => t.visible(access, v.territoryLevel, v.territoryCode)),
      };
    },

    /** Targets against actuals by period and territory, with the gap. */
    async progress(
      ctx: AuthenticatedContext,
      id: string,
      query: ProgressQuery,
      locale: Locale,
    ): Promise<Progress> {
      const access = accessFor(ctx.actor, "indicators.read");
      const indicator = await found(db, id);
      const reader = session();
      const t = await territories(reader);
      const targets = await repo.targetsOf(db, id);
      const key = (p: string, l: string, c: string | null) => `${p}|${l}|${c ?? ""}`;
      const targetBy = new Map(targets.map((x) => [key(x.period, x.territoryLevel, x.territoryCode), x]));
      const cells = new Map<
        string,
        { period: string; level: ProgressRow["territoryLevel"]; code: string | null }
      >();
      const addCell = (period: string, level: ProgressRow["territoryLevel"], code: string | null) =>
        cells.set(key(period, level, code), { period, level, code });
      for (const x of targets) addCell(x.period, x.territoryLevel, x.territoryCode);
      let actualOf: (
        period: string,
        level: ProgressRow["territoryLevel"],
        code: string | null,
      ) => number | null;
      if (indicator.kind === "computed") {
        // A computed value is the state now: it is the actual of the current year and quarter.
        const current = new Set(currentPeriods(today()));
        const { values } = await computedValues(indicator, access, reader);
        const now = new Map(
          values
            .filter((v) => !v.sex && !v.ageBand)
            .map((v) => [`${v.territoryLevel}|${v.territoryCode ?? ""}`, v.value]),
        );
        for (const period of current)
          for (const v of values)
            if (!v.sex && !v.ageBand) addCell(period, v.territoryLevel, v.territoryCode);
        actualOf = (period, level, code) =>
          current.has(period) ? (now.get(`${level}|${code ?? ""}`) ?? 0) : null;
      } else {
        const measurements = await repo.measurementsOf(db, id);
        for (const m of measurements)
          if (!m.sex && !m.ageBand) addCell(m.period, m.territoryLevel, m.territoryCode);
        const finder = actualFinder(indicator, measurements, t);
        actualOf = (period, level, code) => finder(period, level, code)?.value ?? null;
      }
      const national = translate(locale, "indicators.national");
      const rows = [...cells.values()]
        .filter(
          (c) => (!query.level || c.level === query.level) && (!query.period || c.period === query.period),
        )
        .filter((c) => t.visible(access, c.level, c.code))
        .map((c) =>
          progressRow(
            indicator,
            {
              period: c.period,
              territoryLevel: c.level,
              territoryCode: c.code,
              territoryName: t.name(c.level, c.code, locale, national),
            },
            targetBy.get(key(c.period, c.level, c.code)),
            actualOf(c.period, c.level, c.code),
          ),
        )
        .sort(
          (a, b) =>
            a.period.localeCompare(b.period) ||
            ["national", "region", "province"].indexOf(a.territoryLevel) -
              ["national", "region", "province"].indexOf(b.territoryLevel) ||
            (a.territoryCode ?? "").localeCompare(b.territoryCode ?? ""),
        );
      return { indicator, rows };
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
