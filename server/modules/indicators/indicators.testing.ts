import { sql } from "drizzle-orm";
import type { Db } from "../../platform/database.ts";
import { newId } from "../../platform/ids.ts";

/**
 * A small monitoring dataset written straight in SQL (the tests compare the API with direct
 * queries on these rows): establishments in two regions, a programme with applications at
 * every stage, projects funded by two partners with disbursements and a late milestone.
 */
export async function seedMonitoringData(db: Db) {
  const ocpId = newId();
  const fundId = newId();
  await db.execute(sql`insert into organizations (id, type, name_fr, name_ar) values
    (${ocpId}, 'partner', 'Groupe OCP (test)', 'مجموعة OCP'),
    (${fundId}, 'partner', 'Fonds public (test)', 'صندوق عمومي')`);

  const est = [
    {
      region: "MA-06",
      province: "MA-CAS",
      conn: "fibre",
      solar: 12,
      hot: "solar",
      cf: 20,
      cm: 10,
      funder: ocpId,
    },
    {
      region: "MA-06",
      province: "MA-MOH",
      conn: "adsl",
      solar: null,
      hot: "electric",
      cf: 10,
      cm: 10,
      funder: null,
    },
    { region: "MA-06", province: "MA-CAS", conn: "none", solar: 5, hot: "none", cf: 0, cm: 15, funder: null },
    {
      region: "MA-04",
      province: "MA-RAB",
      conn: "mobile",
      solar: null,
      hot: "solar",
      cf: 8,
      cm: 8,
      funder: null,
    },
    {
      region: "MA-04",
      province: "MA-KEN",
      conn: "none",
      solar: null,
      hot: "none",
      cf: 5,
      cm: 5,
      funder: null,
    },
  ];
  const estIds = est.map(() => newId());
  for (const [i, e] of est.entries())
    await db.execute(sql`insert into establishments
      (id, code, name_fr, category, region_code, province_code, connectivity, connectivity_funder_id, solar_kwp,
       hot_water, capacity_female, capacity_male)
      values (${estIds[i]}, ${`T-EPS-${i}`}, ${`EPS test ${i}`}, 'elderly', ${e.region}, ${e.province}, ${e.conn},
              ${e.funder}, ${e.solar}, ${e.hot}, ${e.cf}, ${e.cm})`);

  // A programme with four stages; persons of both sexes in two regions.
  const programId = newId();
  await db.execute(sql`insert into programs (id, code, name_fr, name_ar, benefit_type)
    values (${programId}, 'T-YOUTH', 'Jeunes porteurs (test)', 'الشباب حاملو المشاريع', 'one_off_grant')`);
  await db.execute(
    sql`insert into program_funders (program_id, organization_id) values (${programId}, ${ocpId})`,
  );
  const stages = ["intake", "review", "decision", "enrolled"].map((code, position) => ({
    id: newId(),
    code,
    position,
  }));
  for (const s of stages)
    await db.execute(sql`insert into program_stages (id, program_id, position, code, name_fr, name_ar, kind)
      values (${s.id}, ${programId}, ${s.position}, ${s.code}, ${s.code}, ${s.code}, ${s.code})`);
  const places = [
    ["MA-06", "MA-CAS"],
    ["MA-04", "MA-RAB"],
  ] as const;
  const statuses = ["pending", "pending", "enrolled", "rejected", "withdrawn", "pending", "enrolled"];
  for (let i = 0; i < 28; i++) {
    const personId = newId();
    const [region, province] = places[i % 2] ?? places[0];
    const birth = `${1975 + (i % 30)}-0${1 + (i % 9)}-15`;
    await db.execute(sql`insert into persons (id, first_name_latin, last_name_latin, sex, birth_date, region_code, province_code)
      values (${personId}, ${`Prenom${i}`}, ${`Nom${i}`}, ${i % 3 === 0 ? "male" : "female"}, ${birth}, ${region}, ${province})`);
    const stage = stages[i % 4];
    await db.execute(sql`insert into applications (id, program_id, person_id, channel, status, stage_id)
      values (${newId()}, ${programId}, ${personId}, 'office', ${statuses[i % statuses.length]}, ${stage?.id})`);
  }

  // Projects: OCP is party to the first two; the third belongs to the public fund only.
  const projects = [
    {
      region: "MA-06",
      province: "MA-CAS",
      status: "in_progress",
      parties: [ocpId],
      lines: [
        [ocpId, 500_000_00],
        [fundId, 200_000_00],
      ],
      paid: [[ocpId, 150_000_00]],
      late: true,
    },
    {
      region: "MA-06",
      province: "MA-MOH",
      status: "planned",
      parties: [ocpId],
      lines: [[ocpId, 100_000_00]],
      paid: [],
      late: false,
    },
    {
      region: "MA-04",
      province: "MA-RAB",
      status: "in_progress",
      parties: [fundId],
      lines: [[fundId, 300_000_00]],
      paid: [[fundId, 300_000_00]],
      late: true,
    },
  ] as const;
  const projectIds: string[] = [];
  for (const [i, p] of projects.entries()) {
    const id = newId();
    projectIds.push(id);
    await db.execute(sql`insert into projects (id, code, title_fr, region_code, province_code, sector, start_date, end_date, status, party_org_ids)
      values (${id}, ${`T-PRJ-${i}`}, ${`Projet test ${i}`}, ${p.region}, ${p.province}, 'establishments', '2024-01-01', '2027-12-31',
              ${p.status}, ${sql.raw(`ARRAY[${p.parties.map((o) => `'${o}'`).join(",")}]::uuid[]`)})`);
    for (const [funder, amount] of p.lines)
      await db.execute(sql`insert into project_budget_lines (id, project_id, label, category, funder_id, amount_centimes)
        values (${newId()}, ${id}, 'Travaux', 'works', ${funder}, ${amount})`);
    for (const [funder, amount] of p.paid)
      await db.execute(sql`insert into disbursements (id, project_id, funder_id, paid_on, amount_centimes)
        values (${newId()}, ${id}, ${funder}, '2025-03-01', ${amount})`);
    await db.execute(sql`insert into project_milestones (id, project_id, title_fr, planned_date, actual_date)
      values (${newId()}, ${id}, 'Étape', ${p.late ? "2025-01-01" : "2099-01-01"}, null)`);
  }
  return { ocpId, fundId, unconnectedId: estIds[2] as string, projectIds, programId };
}
