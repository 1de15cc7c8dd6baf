import { seedTerritories } from "../server/modules/territories/index.ts";
import { rebuildAggregates } from "./dataset/aggregates.ts";
import { AUDIT_COLUMNS, auditRows } from "./dataset/audit.ts";
import {
  type Admitted,
  ATTENDANCE_COLUMNS,
  associationRows,
  attendanceRows,
  ESTABLISHMENT_COLUMNS,
  type EstablishmentFacts,
  establishmentRows,
  insertOrganizations,
  ORGANIZATION_COLUMNS,
  STAY_COLUMNS,
  stayRows,
} from "./dataset/establishments.ts";
import {
  APPLICATION_COLUMNS,
  type AppFacts,
  applicationRows,
  EVENT_COLUMNS,
  insertCatalog,
  SERVICE_COLUMNS,
  serviceRows,
} from "./dataset/programs.ts";
import {
  HOUSEHOLD_COLUMNS,
  MEMBER_COLUMNS,
  NAME_WORD_COLUMNS,
  nameWordRows,
  newFacts,
  PERSON_COLUMNS,
  registryRows,
} from "./dataset/registry.ts";
import { SCALES } from "./dataset/scales.ts";
import { type BenchArgs, parseArgs, type ScaleName } from "./lib/args.ts";
import { type CopyReport, copyRows } from "./lib/copy.ts";
import { openBenchServer, openMigrated, plainClient, recreateDatabase } from "./lib/database.ts";
import { dropSecondaryIndexes, rebuildIndexes } from "./lib/indexes.ts";

/**
 * `npm run bench:data -- --scale <small|agency|national> [--seed N]`: a deterministic dataset on
 * the real Jisr schema (migrations first), written with COPY into `jisr_bench_<scale>` on the
 * server named by BENCH_DATABASE_URL / DATABASE_URL, or on an embedded PostgreSQL in data/bench.
 * The database is recreated on every run.
 */

const LOADED_TABLES = [
  "organizations",
  "persons",
  "households",
  "household_members",
  "applications",
  "application_events",
  "application_services",
  "establishments",
  "resident_stays",
  "resident_attendance",
  "audit_events",
];

export interface GenerationReport {
  scale: ScaleName;
  seed: number;
  seconds: number;
  copies: CopyReport[];
  indexSeconds: number;
  rows: number;
}

export async function generate(url: string, scaleName: ScaleName, seed: number, log = console.log) {
  const scale = SCALES[scaleName];
  const started = performance.now();
  const database = await openMigrated(url);
  await seedTerritories(database.db);
  const client = await plainClient(url);
  try {
    // COPY without foreign-key triggers (the generator writes consistent data), with big sort memory.
    await client
      .query("SET session_replication_role = replica")
      .catch(() => log("  (foreign keys checked: not a superuser)"));
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query("SET synchronous_commit = off");
    await client.query(
      "CREATE TABLE IF NOT EXISTS bench_dataset (scale text NOT NULL, seed bigint NOT NULL, started_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz, report jsonb)",
    );
    await client.query("INSERT INTO bench_dataset (scale, seed) VALUES ($1, $2)", [scaleName, seed]);
    const indexes = await dropSecondaryIndexes(client, LOADED_TABLES);
    const copies: CopyReport[] = [];
    const copy = async (table: string, cols: readonly string[], rows: Iterable<unknown[]>, total?: number) =>
      copies.push(await copyRows(client, table, cols, rows as Iterable<never>, { total, log }));

    log(`generating ${scaleName} (seed ${seed}) into ${new URL(url).pathname.slice(1)}`);
    const orgs = await insertOrganizations(client, seed);
    await copy("organizations", ORGANIZATION_COLUMNS, associationRows(scale, seed));
    const catalog = await insertCatalog(client, seed, orgs);

    const facts = newFacts(scale.persons);
    await copy("persons", PERSON_COLUMNS, registryRows(scale, seed, "persons", facts), scale.persons);
    await copy("person_name_words", NAME_WORD_COLUMNS, nameWordRows());
    await copy("households", HOUSEHOLD_COLUMNS, registryRows(scale, seed, "households"), scale.households);
    await copy("household_members", MEMBER_COLUMNS, registryRows(scale, seed, "members"));

    const n = Math.min(scale.applications, scale.persons);
    const appFacts: AppFacts = {
      program: new Uint8Array(n),
      enrolledDay: new Int32Array(n),
      enrolled: new Int32Array(n),
      enrolledCount: 0,
    };
    await copy(
      "applications",
      APPLICATION_COLUMNS,
      applicationRows(scale, seed, facts, catalog, "applications", appFacts),
      n,
    );
    await copy("application_events", EVENT_COLUMNS, applicationRows(scale, seed, facts, catalog, "events"));
    await copy(
      "application_services",
      SERVICE_COLUMNS,
      serviceRows(scale, seed, catalog, appFacts),
      scale.services,
    );

    const est: EstablishmentFacts = {
      category: [],
      region: new Uint8Array(scale.establishments),
      capacityMale: new Int32Array(scale.establishments),
      capacityFemale: new Int32Array(scale.establishments),
    };
    await copy(
      "establishments",
      ESTABLISHMENT_COLUMNS,
      establishmentRows(scale, seed, est),
      scale.establishments,
    );
    const maxStays = Math.floor(scale.persons / 2) + 1;
    const admitted: Admitted = {
      stay: new Int32Array(maxStays),
      establishment: new Int32Array(maxStays),
      count: 0,
    };
    await copy("resident_stays", STAY_COLUMNS, stayRows(scale, seed, facts, est, admitted));
    await copy("resident_attendance", ATTENDANCE_COLUMNS, attendanceRows(scale, seed, admitted));
    await copy("audit_events", AUDIT_COLUMNS, auditRows(scale, seed), scale.auditEvents);

    log(`rebuilding ${indexes.length} indexes`);
    const indexStart = performance.now();
    await rebuildIndexes(client, indexes, log);
    const indexSeconds = (performance.now() - indexStart) / 1000;
    const rebuilt = await rebuildAggregates(database.db, log);
    if (rebuilt.length) log(`  summaries rebuilt: ${rebuilt.join(", ")}`);
    log("vacuum analyze");
    await client.query("VACUUM (ANALYZE)");
    // Written now rather than by the checkpointer during the first benchmarks: an agency run that
    // measured right after generating read CIN p95 6.7 ms (bare 5.3), 5.1 (4.2) after a checkpoint.
    await client.query("CHECKPOINT").catch((err) => log(`checkpoint skipped: ${(err as Error).message}`));

    const rows = copies.reduce((s, c) => s + c.rows, 0);
    const seconds = (performance.now() - started) / 1000;
    const report: GenerationReport = { scale: scaleName, seed, seconds, copies, indexSeconds, rows };
    await client.query(
      "UPDATE bench_dataset SET finished_at = now(), report = $1 WHERE finished_at IS NULL",
      [JSON.stringify(report)],
    );
    log(
      `done: ${rows.toLocaleString("en")} rows in ${seconds.toFixed(0)} s (${Math.round(rows / seconds).toLocaleString("en")} rows/s overall, indexes ${indexSeconds.toFixed(0)} s)`,
    );
    return report;
  } finally {
    await client.end();
    await database.close();
  }
}

async function main(args: BenchArgs) {
  const server = await openBenchServer(args.scale);
  try {
    await recreateDatabase(server);
    await generate(server.url, args.scale, args.seed);
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(parseArgs()).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
