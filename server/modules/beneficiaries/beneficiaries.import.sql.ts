import type pg from "pg";

/**
 * The set-based end of an import, on the staging table filled by COPY, inside the import's
 * transaction: rows rejected by the row checks go to the report; then CINs already in the
 * registry or repeated in the file (the first row keeps it), then households without exactly
 * one head; what is left goes into the registry with one INSERT … SELECT, households and
 * their members with two more.
 */

/** A UUIDv7 computed by PostgreSQL 15+ (no uuidv7() before 18): time in the first 48 bits, version 7. */
const UUID_V7 = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
  substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/** The row as the report shows it, from the staged (already normalised) values. */
const CELLS = `jsonb_strip_nulls(jsonb_build_object(
  'cin', s.cin, 'lastNameLatin', s.last_name_latin, 'firstNameLatin', s.first_name_latin,
  'lastNameAr', s.last_name_ar, 'firstNameAr', s.first_name_ar, 'sex', s.sex, 'birthDate', s.birth_date,
  'phone', s.phone, 'regionCode', s.region_code, 'provinceCode', s.province_code, 'commune', s.commune,
  'address', s.address, 'maritalStatus', s.marital_status, 'schoolingLevel', s.schooling_level,
  'disabilityType', s.disability_type, 'disabilityCardNumber', s.disability_card_number,
  'situationNotes', s.situation_notes, 'householdRef', s.household_ref, 'relationship', s.relationship))`;

const reason = (column: string, code: string, params: string) =>
  `jsonb_build_array(jsonb_build_object('column', '${column}', 'code', '${code}', 'params', ${params}))`;

export async function finishImport(client: pg.PoolClient, jobId: string) {
  const q = (text: string) => client.query(text, [jobId]);
  await q(`INSERT INTO person_import_rejections (import_id, row_number, cells, errors)
    SELECT $1, row_number, cells, errors FROM person_import_staging WHERE errors IS NOT NULL`);
  await client.query("DELETE FROM person_import_staging WHERE errors IS NOT NULL");
  await client.query("ANALYZE person_import_staging");

  await q(`WITH repeated AS (
      SELECT cin, min(row_number) AS first_row FROM person_import_staging
      WHERE cin IS NOT NULL GROUP BY cin HAVING count(*) > 1),
    rejected AS (
      INSERT INTO person_import_rejections (import_id, row_number, cells, errors)
      SELECT $1, s.row_number, ${CELLS},
        CASE WHEN p.id IS NOT NULL
          THEN ${reason("cin", "person_imports.cin_registered", "jsonb_build_object('row', s.row_number)")}
          ELSE ${reason("cin", "person_imports.cin_in_file", "jsonb_build_object('row', s.row_number, 'first', r.first_row)")}
        END
      FROM person_import_staging s
      LEFT JOIN repeated r ON r.cin = s.cin
      LEFT JOIN persons p ON p.cin = s.cin
      WHERE s.cin IS NOT NULL AND (p.id IS NOT NULL OR s.row_number <> r.first_row)
      RETURNING row_number)
    DELETE FROM person_import_staging s USING rejected WHERE s.row_number = rejected.row_number`);

  await q(`WITH headless AS (
      SELECT household_ref FROM person_import_staging WHERE household_ref IS NOT NULL
      GROUP BY household_ref HAVING count(*) FILTER (WHERE relationship = 'head') <> 1),
    rejected AS (
      INSERT INTO person_import_rejections (import_id, row_number, cells, errors)
      SELECT $1, s.row_number, ${CELLS},
        ${reason("householdRef", "person_imports.household_head", "jsonb_build_object('row', s.row_number, 'ref', s.household_ref)")}
      FROM person_import_staging s JOIN headless h USING (household_ref)
      RETURNING row_number)
    DELETE FROM person_import_staging s USING rejected WHERE s.row_number = rejected.row_number`);

  const inserted =
    await client.query(`INSERT INTO persons (id, cin, first_name_latin, last_name_latin, first_name_ar,
      last_name_ar, sex, birth_date, phone, region_code, province_code, commune, address, marital_status,
      schooling_level, disability_type, disability_card_number, situation_notes,
      search_latin, search_latin_key, search_arabic_key, phone_key)
    SELECT id, cin, first_name_latin, last_name_latin, first_name_ar, last_name_ar, sex::sex, birth_date::date, phone,
      region_code, province_code, commune, address, marital_status::marital_status, schooling_level::schooling_level,
      disability_type::disability_type, disability_card_number, situation_notes,
      search_latin, search_latin_key, search_arabic_key, phone_key
    FROM person_import_staging`);

  // Households of the imported heads, with their members (the count is the heads').
  await client.query(`WITH heads AS MATERIALIZED (
      SELECT household_ref, ${UUID_V7} AS household_id, id, region_code, province_code, commune, address
      FROM person_import_staging WHERE relationship = 'head'),
    created AS (
      INSERT INTO households (id, head_person_id, region_code, province_code, commune, address)
      SELECT household_id, id, region_code, province_code, commune, address FROM heads RETURNING id)
    INSERT INTO household_members (id, household_id, person_id, relationship)
    SELECT ${UUID_V7}, h.household_id, s.id, s.relationship::household_relationship
    FROM person_import_staging s JOIN heads h USING (household_ref)`);

  const rejected = await q("SELECT count(*)::int AS n FROM person_import_rejections WHERE import_id = $1");
  const heads = await client.query(
    "SELECT count(*)::int AS n FROM person_import_staging WHERE relationship = 'head'",
  );
  return {
    imported: inserted.rowCount ?? 0,
    rejected: (rejected.rows[0] as { n: number }).n,
    households: (heads.rows[0] as { n: number }).n,
  };
}
