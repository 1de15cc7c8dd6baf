import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type ImportBatch, MEMBER_COLUMNS, PERSON_COLUMNS } from "./beneficiaries.import.batch.ts";

/**
 * The set-based parts of an import, inside its transaction. Per batch: one statement, given
 * the batch's CINs, tells which rows carry a CIN the registry already holds, either from before
 * the import or from an earlier row of the file (then which row: person_import_rows, filled as
 * persons are written). At the end: households without exactly one head are rejected whole
 * (their members, already written, are removed again), then the households and their members
 * are created.
 */

export const CREATE_IMPORT_TABLES = `
  CREATE TEMP TABLE person_import_rows (id uuid PRIMARY KEY, row_number integer NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE person_import_members (row_number integer NOT NULL, id uuid NOT NULL,
    household_ref text NOT NULL, relationship household_relationship NOT NULL, region_code text,
    province_code text, commune text, address text, cells jsonb NOT NULL) ON COMMIT DROP`;

const COPY_PERSONS = `COPY persons (${PERSON_COLUMNS}) FROM STDIN`;
const COPY_MEMBERS = `COPY person_import_members (${MEMBER_COLUMNS}) FROM STDIN`;
const COPY_REJECTIONS = "COPY person_import_rejections (import_id, row_number, cells, errors) FROM STDIN";
const COPY_ROWS = "COPY person_import_rows (id, row_number) FROM STDIN";

const copyIn = (client: pg.PoolClient, statement: string, text: string) =>
  text ? pipeline(Readable.from([text]), client.query(copyFrom(statement))) : Promise.resolve();

/**
 * Writes one batch: its CINs checked, then its persons (and the file rows of those with a CIN),
 * rejected rows and household members. Returns the persons written.
 */
export async function writeBatch(client: pg.PoolClient, batch: ImportBatch): Promise<number> {
  const settled = batch.settle(await takenCins(client, batch.cins));
  await copyIn(client, COPY_PERSONS, settled.persons);
  await copyIn(client, COPY_ROWS, settled.rows);
  await copyIn(client, COPY_REJECTIONS, settled.rejected);
  await copyIn(client, COPY_MEMBERS, settled.members);
  return settled.imported;
}

/**
 * Rows of the batch whose CIN the registry holds: `first` is the file's row that wrote it, or
 * null when it was there before the import (repeats within the batch: ImportBatch.settle). Each
 * CIN is one probe of persons_cin_idx, forced by LATERAL … LIMIT 1: as a plain join the planner
 * merged the batch with a walk of the whole index once the registry grew within the import,
 * so each batch cost more than the one before (1 M rows: 16 s of CIN checks; now 0.3 s for
 * 200,000 rows imported into the national registry).
 */
export const CHECK_BATCH_CINS = `SELECT b.row_number, r.row_number AS first
  FROM unnest($1::int[], $2::text[]) AS b (row_number, cin)
    CROSS JOIN LATERAL (SELECT id FROM persons p WHERE p.cin = b.cin LIMIT 1) p
    LEFT JOIN LATERAL (SELECT row_number FROM person_import_rows r WHERE r.id = p.id LIMIT 1) r ON true`;

async function takenCins(
  client: pg.PoolClient,
  batch: { rows: number[]; cins: string[] },
): Promise<Map<number, number | null>> {
  if (!batch.rows.length) return new Map();
  const { rows } = await client.query<{ row_number: number; first: number | null }>(CHECK_BATCH_CINS, [
    batch.rows,
    batch.cins,
  ]);
  return new Map(rows.map((r) => [r.row_number, r.first]));
}

const HOUSEHOLD_HEAD_REASON = `jsonb_build_array(jsonb_build_object('column', 'householdRef',
  'code', 'person_imports.household_head', 'params', jsonb_build_object('row', gone.row_number, 'ref', gone.household_ref)))`;

/** A UUIDv7 computed by PostgreSQL 15+ (no uuidv7() before 18): time in the first 48 bits, version 7. */
const UUID_V7 = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
  substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/** Households of the file, once every row is written: returns the persons removed again and the households created. */
export async function finishHouseholds(client: pg.PoolClient, jobId: string) {
  const removed = await client.query(
    `WITH headless AS (
      SELECT household_ref FROM person_import_members
      GROUP BY household_ref HAVING count(*) FILTER (WHERE relationship = 'head') <> 1),
    gone AS (
      DELETE FROM person_import_members m USING headless h WHERE m.household_ref = h.household_ref
      RETURNING m.row_number, m.id, m.household_ref, m.cells),
    rejected AS (
      INSERT INTO person_import_rejections (import_id, row_number, cells, errors)
      SELECT $1, gone.row_number, gone.cells, ${HOUSEHOLD_HEAD_REASON} FROM gone)
    DELETE FROM persons p USING gone WHERE p.id = gone.id`,
    [jobId],
  );

  // Households of the imported heads, with their members (the count is the heads').
  const created = await client.query(`WITH heads AS MATERIALIZED (
      SELECT household_ref, ${UUID_V7} AS household_id, id, region_code, province_code, commune, address
      FROM person_import_members WHERE relationship = 'head'),
    households AS (
      INSERT INTO households (id, head_person_id, region_code, province_code, commune, address)
      SELECT household_id, id, region_code, province_code, commune, address FROM heads),
    members AS (
      INSERT INTO household_members (id, household_id, person_id, relationship)
      SELECT ${UUID_V7}, h.household_id, m.id, m.relationship
      FROM person_import_members m JOIN heads h USING (household_ref))
    SELECT count(*)::int AS n FROM heads`);
  return { removed: removed.rowCount ?? 0, households: (created.rows[0] as { n: number }).n };
}

export async function countRejected(client: pg.PoolClient, jobId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM person_import_rejections WHERE import_id = $1",
    [jobId],
  );
  return rows[0]?.n ?? 0;
}
