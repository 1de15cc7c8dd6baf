import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Indicator, Measurement, Target } from "../../../contracts/indicators.ts";
import type { Queryable } from "../../platform/database.ts";
import { newId } from "../../platform/ids.ts";
import { after, before } from "../../platform/pagination.ts";
import { escapeLike } from "../../platform/text.ts";
import { indicatorMeasurements, indicators, indicatorTargets } from "./indicators.table.ts";

export type IndicatorInsert = typeof indicators.$inferInsert;

const columns = {
  id: indicators.id,
  code: indicators.code,
  nameFr: indicators.nameFr,
  nameAr: indicators.nameAr,
  description: indicators.description,
  unit: indicators.unit,
  direction: indicators.direction,
  aggregation: indicators.aggregation,
  disaggregations: indicators.disaggregations,
  kind: indicators.kind,
  computation: indicators.computation,
  computationParams: indicators.computationParams,
  archivedAt: indicators.archivedAt,
  createdAt: indicators.createdAt,
  updatedAt: indicators.updatedAt,
  version: indicators.version,
};

export interface IndicatorFilter {
  q?: string;
  kind?: "entered" | "computed";
  includeArchived?: boolean;
  limit: number;
  cursorKey?: unknown[];
}

export async function list(db: Queryable, f: IndicatorFilter): Promise<Indicator[]> {
  const where: (SQL | undefined)[] = [
    f.includeArchived ? undefined : isNull(indicators.archivedAt),
    f.kind ? eq(indicators.kind, f.kind) : undefined,
    f.q
      ? sql`f_unaccent(${indicators.code} || ' ' || ${indicators.nameFr} || ' ' || ${indicators.nameAr}) like '%' || f_unaccent(${escapeLike(f.q)}) || '%'`
      : undefined,
    f.cursorKey ? after([indicators.nameFr, indicators.id], f.cursorKey) : undefined,
  ];
  const rows = await db
    .select(columns)
    .from(indicators)
    .where(and(...where))
    .orderBy(indicators.nameFr, indicators.id)
    .limit(f.limit + 1);
  return rows as Indicator[];
}

export async function find(db: Queryable, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select(columns).from(indicators).where(eq(indicators.id, id));
  const [row] = opts.lock ? await q.for("update") : await q;
  return row as Indicator | undefined;
}

export async function findByCode(db: Queryable, code: string) {
  const [row] = await db.select(columns).from(indicators).where(eq(indicators.code, code));
  return row as Indicator | undefined;
}

export async function insert(db: Queryable, values: IndicatorInsert) {
  const [row] = await db.insert(indicators).values(values).returning({ id: indicators.id });
  return row?.id as string;
}

export async function update(db: Queryable, id: string, values: Partial<IndicatorInsert>) {
  await db
    .update(indicators)
    .set({ ...values, version: sql`${indicators.version} + 1`, updatedAt: sql`now()` })
    .where(eq(indicators.id, id));
}

const targetColumns = {
  id: indicatorTargets.id,
  indicatorId: indicatorTargets.indicatorId,
  period: indicatorTargets.period,
  territoryLevel: indicatorTargets.territoryLevel,
  territoryCode: indicatorTargets.territoryCode,
  value: indicatorTargets.value,
  version: indicatorTargets.version,
};

export async function targetsOf(db: Queryable, indicatorId: string): Promise<Target[]> {
  return db
    .select(targetColumns)
    .from(indicatorTargets)
    .where(eq(indicatorTargets.indicatorId, indicatorId))
    .orderBy(indicatorTargets.period, indicatorTargets.territoryLevel, indicatorTargets.territoryCode);
}

/** Sets the target of one period and territory (creates it, or replaces its value). */
export async function upsertTarget(
  db: Queryable,
  t: {
    indicatorId: string;
    period: string;
    territoryLevel: Target["territoryLevel"];
    territoryCode: string | null;
    value: number;
  },
) {
  // The key includes coalesce(territory_code, ''), an expression Drizzle's conflict target cannot name.
  const result = await db.execute(sql`
    insert into ${indicatorTargets} (id, indicator_id, period, territory_level, territory_code, value)
    values (${newId()}, ${t.indicatorId}, ${t.period}, ${t.territoryLevel}, ${t.territoryCode}, ${t.value})
    on conflict (indicator_id, period, territory_level, coalesce(territory_code, ''))
    do update set value = excluded.value, version = ${indicatorTargets}.version + 1, updated_at = now()
    returning id, indicator_id as "indicatorId", period, territory_level as "territoryLevel",
              territory_code as "territoryCode", value::float8 as value, version`);
  const row = result.rows[0];
  return row as Target;
}

const measurementColumns = {
  id: indicatorMeasurements.id,
  indicatorId: indicatorMeasurements.indicatorId,
  period: indicatorMeasurements.period,
  territoryLevel: indicatorMeasurements.territoryLevel,
  territoryCode: indicatorMeasurements.territoryCode,
  sex: indicatorMeasurements.sex,
  ageBand: indicatorMeasurements.ageBand,
  value: indicatorMeasurements.value,
  numerator: indicatorMeasurements.numerator,
  denominator: indicatorMeasurements.denominator,
  source: indicatorMeasurements.source,
  evidenceNote: indicatorMeasurements.evidenceNote,
  evidenceFileId: indicatorMeasurements.evidenceFileId,
  createdAt: indicatorMeasurements.createdAt,
  version: indicatorMeasurements.version,
};

/** Newest first. */
export async function measurementsOf(
  db: Queryable,
  indicatorId: string,
  f: { period?: string; limit?: number; cursorKey?: unknown[]; territoryCodes?: string[] } = {},
): Promise<Measurement[]> {
  const q = db
    .select(measurementColumns)
    .from(indicatorMeasurements)
    .where(
      and(
        eq(indicatorMeasurements.indicatorId, indicatorId),
        f.period ? eq(indicatorMeasurements.period, f.period) : undefined,
        f.territoryCodes
          ? sql`${indicatorMeasurements.territoryCode} = any(${sql.param(f.territoryCodes)}::text[])`
          : undefined,
        f.cursorKey
          ? before([indicatorMeasurements.createdAt, indicatorMeasurements.id], f.cursorKey)
          : undefined,
      ),
    )
    .orderBy(desc(indicatorMeasurements.createdAt), desc(indicatorMeasurements.id));
  const rows = f.limit ? await q.limit(f.limit + 1) : await q;
  return rows as Measurement[];
}

export async function insertMeasurement(db: Queryable, values: typeof indicatorMeasurements.$inferInsert) {
  const [row] = await db.insert(indicatorMeasurements).values(values).returning(measurementColumns);
  return row as Measurement;
}

/** The targets of one period at one place (a dashboard's indicators), one small query. */
export async function targetsAt(
  db: Queryable,
  period: string,
  level: Target["territoryLevel"],
  code: string | null,
): Promise<Target[]> {
  return db
    .select(targetColumns)
    .from(indicatorTargets)
    .where(
      and(
        eq(indicatorTargets.period, period),
        eq(indicatorTargets.territoryLevel, level),
        code === null ? isNull(indicatorTargets.territoryCode) : eq(indicatorTargets.territoryCode, code),
      ),
    );
}

/** Every target and measurement of every indicator, in two queries (dashboards show them all). */
export async function allTargets(db: Queryable): Promise<Target[]> {
  return db.select(targetColumns).from(indicatorTargets);
}

export async function allMeasurements(db: Queryable): Promise<Measurement[]> {
  const rows = await db
    .select(measurementColumns)
    .from(indicatorMeasurements)
    .orderBy(desc(indicatorMeasurements.createdAt), desc(indicatorMeasurements.id));
  return rows as Measurement[];
}
