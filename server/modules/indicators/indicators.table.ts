import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  AGGREGATIONS,
  type ComputationParams,
  DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_UNITS,
  TERRITORY_LEVELS,
} from "../../../contracts/indicators.ts";
import { idColumn, now, tz, versioned } from "../../platform/columns.ts";
import { storedFiles } from "../../platform/files.table.ts";
import { users } from "../access/index.ts";

export const indicatorUnitEnum = pgEnum("indicator_unit", INDICATOR_UNITS);
export const indicatorDirectionEnum = pgEnum("indicator_direction", DIRECTIONS);
export const indicatorAggregationEnum = pgEnum("indicator_aggregation", AGGREGATIONS);
export const indicatorKindEnum = pgEnum("indicator_kind", INDICATOR_KINDS);
export const territoryLevelEnum = pgEnum("territory_level", TERRITORY_LEVELS);

const value = (name: string) => numeric(name, { precision: 18, scale: 4, mode: "number" });

export const indicators = pgTable(
  "indicators",
  {
    id: idColumn(),
    code: text("code").notNull(),
    nameFr: text("name_fr").notNull(),
    nameAr: text("name_ar").notNull(),
    description: text("description"),
    unit: indicatorUnitEnum("unit").notNull(),
    direction: indicatorDirectionEnum("direction").notNull(),
    aggregation: indicatorAggregationEnum("aggregation").notNull(),
    disaggregations: text("disaggregations").array().notNull().default(sql`'{}'::text[]`),
    kind: indicatorKindEnum("kind").notNull(),
    /** Name of the computation in the registry (kind "computed"). */
    computation: text("computation"),
    computationParams: jsonb("computation_params").$type<ComputationParams>().notNull().default({}),
    archivedAt: tz("archived_at"),
    ...versioned(),
  },
  (t) => [
    uniqueIndex("indicators_code_key").on(t.code),
    index("indicators_name_idx").on(t.nameFr, t.id),
    check("indicators_computation_check", sql`(${t.kind} = 'computed') = (${t.computation} is not null)`),
  ],
);

/**
 * Territory of a target or measurement: national (no code), a region or a province.
 * `territory_key` is the code, or '' for national, so a unique index can include it.
 */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    id: idColumn(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    territoryLevel: territoryLevelEnum("territory_level").notNull(),
    territoryCode: text("territory_code"),
    value: value("value").notNull(),
    ...versioned(),
  },
  (t) => [
    uniqueIndex("indicator_targets_key").on(
      t.indicatorId,
      t.period,
      t.territoryLevel,
      sql`coalesce(${t.territoryCode}, '')`,
    ),
  ],
);

export const indicatorMeasurements = pgTable(
  "indicator_measurements",
  {
    id: idColumn(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    territoryLevel: territoryLevelEnum("territory_level").notNull(),
    territoryCode: text("territory_code"),
    sex: text("sex", { enum: ["female", "male"] }),
    ageBand: text("age_band"),
    value: value("value").notNull(),
    numerator: value("numerator"),
    denominator: value("denominator"),
    source: text("source"),
    evidenceNote: text("evidence_note"),
    evidenceFileId: uuid("evidence_file_id").references(() => storedFiles.id),
    createdBy: uuid("created_by").references(() => users.id),
    ...versioned(),
  },
  (t) => [index("indicator_measurements_idx").on(t.indicatorId, t.period, t.territoryLevel, t.territoryCode)],
);

/**
 * Freshness of computed indicators. A statement trigger on each source table notes,
 * once per transaction, that the table changed (indicator_source_touches); a deferred
 * trigger on that note bumps the table's version at commit, locking versions in name
 * order (no deadlock, lock held only while committing). A cached result remembers the
 * versions it was computed at, read in the same snapshot as the data: equal versions
 * mean equal data, so reads serve the cache; any committed write makes the next read
 * recompute that one dataset.
 */
export const indicatorSourceVersions = pgTable("indicator_source_versions", {
  source: text("source").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});

export const indicatorSourceTouches = pgTable("indicator_source_touches", {
  source: text("source").notNull(),
});

/** Last computed rows of each dataset, with the source versions they reflect. */
export const indicatorDatasetCache = pgTable("indicator_dataset_cache", {
  name: text("name").primaryKey(),
  stamp: text("stamp").notNull(),
  rows: jsonb("rows").notNull(),
  computedAt: tz("computed_at").notNull().default(now),
});

/**
 * Applications counted by programme × stage × active × territory × sex × age band, kept exact
 * by the triggers of migration 0015 on applications and persons (the `applications` dataset reads
 * it instead of grouping every application). Age bands are as of `applicationCountsAsOf.asOf`,
 * moved to a new day by `application_counts_rebase(day)`. Written only by those SQL functions.
 */
export const applicationCounts = pgTable(
  "application_counts",
  {
    programId: uuid("program_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    active: boolean("active").notNull(),
    regionCode: text("region_code").notNull(),
    provinceCode: text("province_code").notNull(),
    sex: text("sex").notNull(),
    ageBand: text("age_band").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({
      name: "application_counts_pkey",
      columns: [t.programId, t.stageId, t.active, t.regionCode, t.provinceCode, t.sex, t.ageBand],
    }),
  ],
);

/** The one day the age bands of `application_counts` are computed at. */
export const applicationCountsAsOf = pgTable(
  "application_counts_as_of",
  {
    singleton: boolean("singleton").primaryKey().default(true),
    asOf: date("as_of", { mode: "string" }).notNull(),
  },
  (t) => [check("application_counts_as_of_singleton_check", sql`${t.singleton}`)],
);
