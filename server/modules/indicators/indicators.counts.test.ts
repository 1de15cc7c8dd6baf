import { type SQL, sql } from "drizzle-orm";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../platform/ids.ts";
import { setupTestEnv } from "../../platform/testing.ts";
import { systemToday } from "./indicators.datasets.ts";
import { createIndicatorsService } from "./indicators.service.ts";
import { seedMonitoringData } from "./indicators.testing.ts";
import { applicationCounts } from "./sources/programs.source.ts";

/**
 * The application counts of migration 0015, kept by triggers, against the naive GROUP BY over
 * applications joined to persons (ages written out here, not through the migration's function).
 */
const env = setupTestEnv();
let data: Awaited<ReturnType<typeof seedMonitoringData>>;
let stages: string[];
const today = systemToday();

const rows = async <T>(q: SQL) => (await env.db.execute(q)).rows as T[];
const key = (r: Record<string, unknown>) =>
  [r.program_id, r.stage_id, r.active, r.region_code, r.province_code, r.sex, r.age_band, Number(r.n)].join(
    "|",
  );

async function naive(day: string): Promise<string[]> {
  const r = await rows<Record<string, unknown>>(sql`
    with t as (
      select a.program_id, a.stage_id, a.status not in ('rejected', 'withdrawn') as active, p.region_code,
             p.province_code, p.sex::text as sex, extract(year from age(${day}::date, p.birth_date))::int as age
        from applications a join persons p on p.id = a.person_id)
    select program_id, stage_id, active, region_code, province_code, sex,
           case when age < 18 then '0-17' when age < 25 then '18-24' when age < 35 then '25-34'
                when age < 60 then '35-59' else '60+' end as age_band, count(*) as n
      from t group by 1, 2, 3, 4, 5, 6, 7`);
  return r.map(key).sort();
}

async function maintained(): Promise<string[]> {
  const r = await rows<Record<string, unknown>>(sql`select * from application_counts where n <> 0`);
  return r.map(key).sort();
}

/** The counts equal the naive query (and the table holds today's bands). */
async function expectExact() {
  const [asOf] = await rows<{ as_of: string }>(sql`select as_of::text from application_counts_as_of`);
  expect(asOf?.as_of).toBe(today);
  const expected = await naive(today);
  expect(expected.length).toBeGreaterThan(0);
  expect(await maintained()).toEqual(expected);
}

/** Born `years` years before `day`, shifted by `days` (negative: the birthday has passed). */
const bornBefore = (day: string, years: number, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function person(q: pg.ClientBase | null, birth: string, province = "MA-CAS", sex = "female") {
  const id = newId();
  const region = province === "MA-CAS" || province === "MA-MOH" ? "MA-06" : "MA-04";
  const text = `insert into persons (id, first_name_latin, last_name_latin, sex, birth_date, region_code, province_code)
    values ($1, 'Prenom', 'Nom', $2, $3, $4, $5)`;
  const args = [id, sex, birth, region, province];
  if (q) await q.query(text, args);
  else await env.pool.query(text, args);
  return id;
}

async function apply(q: pg.ClientBase, personId: string, stage: string, status = "pending") {
  const id = newId();
  await q.query(
    `insert into applications (id, program_id, person_id, channel, status, stage_id) values ($1, $2, $3, 'office', $4, $5)`,
    [id, data.programId, personId, status, stage],
  );
  return id;
}

beforeAll(async () => {
  data = await seedMonitoringData(env.db);
  stages = (
    await rows<{ id: string }>(
      sql`select id from program_stages where program_id = ${data.programId} order by position`,
    )
  ).map((s) => s.id);
  // Applicants on both sides of every band boundary, today and around it, and one born on 29 February.
  for (const years of [18, 25, 35, 60])
    for (const days of [-1, 0, 1, 2, 40]) {
      const p = await person(null, bornBefore(today, years, days), days % 2 ? "MA-RAB" : "MA-CAS");
      await env.pool.query(
        `insert into applications (id, program_id, person_id, channel, status, stage_id) values ($1, $2, $3, 'office', 'pending', $4)`,
        [newId(), data.programId, p, stages[days & 3]],
      );
    }
  const leap = await person(null, "2008-02-29", "MA-MOH", "male");
  await env.pool.query(
    `insert into applications (id, program_id, person_id, channel, status, stage_id) values ($1, $2, $3, 'office', 'enrolled', $4)`,
    [newId(), data.programId, leap, stages[1]],
  );
});

describe("application counts (migration 0015)", () => {
  it("equal the naive GROUP BY after the seed's inserts", async () => {
    await expectExact();
  });

  it("stay exact after every kind of write in one transaction, and across several", async () => {
    const c = await env.pool.connect();
    try {
      await c.query("begin");
      const p1 = await person(c, "1990-05-10", "MA-CAS");
      const p2 = await person(c, "2001-07-01", "MA-RAB", "male");
      const a1 = await apply(c, p1, stages[0] as string);
      const a2 = await apply(c, p2, stages[1] as string);
      await apply(c, p2, stages[2] as string, "rejected");
      // Bulk insert in one statement.
      await c.query(
        `insert into applications (id, program_id, person_id, channel, status, stage_id)
         select gen_random_uuid(), $1, id, 'office', 'pending', $2 from persons p where province_code = 'MA-RAB'
            and not exists (select 1 from applications x where x.person_id = p.id and x.status in ('pending', 'enrolled'))
          limit 5`,
        [data.programId, stages[3]],
      );
      await c.query("update applications set stage_id = $1 where id = $2", [stages[2], a1]); // stage move
      await c.query("update applications set status = 'withdrawn' where id = $1", [a2]); // status change
      await c.query("update applications set notes = 'seen' where program_id = $1", [data.programId]); // no count change
      await c.query("update applications set stage_id = $1 where stage_id = $2", [stages[3], stages[0]]); // bulk move
      await c.query("update persons set province_code = 'MA-KEN', region_code = 'MA-04' where id = $1", [p1]);
      await c.query("update persons set birth_date = '1950-01-01', sex = 'male' where id = $1", [p2]);
      await c.query("delete from applications where id = $1", [a1]);
      await c.query("commit");
    } finally {
      await c.query("rollback").catch(() => {});
      c.release();
    }
    await expectExact();

    // Several transactions: a move between regions, then a merge that moves applications.
    const from = await person(null, "1985-03-03", "MA-MOH");
    const into = await person(null, "1999-12-31", "MA-KEN", "male");
    const c2 = await env.pool.connect();
    try {
      await apply(c2, from, stages[0] as string);
      await apply(c2, from, stages[1] as string, "rejected");
      await apply(c2, into, stages[2] as string, "rejected");
      await c2.query("update persons set province_code = 'MA-RAB', region_code = 'MA-04' where id = $1", [
        from,
      ]);
      await c2.query("begin");
      await c2.query("update applications set person_id = $1 where person_id = $2", [into, from]);
      await c2.query("update persons set merged_into_id = $1, merged_at = now() where id = $2", [into, from]);
      await c2.query("commit");
    } finally {
      await c2.query("rollback").catch(() => {});
      c2.release();
    }
    await expectExact();
  });

  it("a rolled-back transaction leaves them unchanged", async () => {
    const before = await maintained();
    const c = await env.pool.connect();
    try {
      await c.query("begin");
      const p = await person(c, "1970-01-01", "MA-RAB");
      await apply(c, p, stages[0] as string);
      await c.query("update applications set stage_id = $1", [stages[2]]);
      await c.query(
        "update persons set province_code = 'MA-MOH', region_code = 'MA-06' where province_code = 'MA-CAS'",
      );
      const inside = await c.query("select * from application_counts where n <> 0");
      expect(inside.rows.map(key).sort()).not.toEqual(before);
      await c.query("rollback");
    } finally {
      await c.query("rollback").catch(() => {});
      c.release();
    }
    expect(await maintained()).toEqual(before);
    await expectExact();
  });

  it("concurrent writers lose no count (same bucket; a person moved while applying)", async () => {
    const a = await env.pool.connect();
    const b = await env.pool.connect();
    try {
      // Two transactions adding to the same bucket: the second waits on the first's row.
      const p1 = await person(null, "1980-06-06", "MA-CAS");
      const p2 = await person(null, "1980-06-07", "MA-CAS");
      await a.query("begin");
      await b.query("begin");
      await apply(a, p1, stages[0] as string);
      const pending = apply(b, p2, stages[0] as string);
      await new Promise((r) => setTimeout(r, 100));
      await a.query("commit");
      await pending;
      await b.query("commit");
      await expectExact();

      // A person moves to another region while an application of theirs is filed and moved.
      const p3 = await person(null, "1995-02-02", "MA-CAS");
      const app = await apply(a, p3, stages[0] as string);
      await a.query("begin");
      await b.query("begin");
      await a.query(
        "update persons set province_code = 'MA-RAB', region_code = 'MA-04', birth_date = '2010-01-01' where id = $1",
        [p3],
      );
      const filing = (async () => {
        await apply(b, p3, stages[2] as string, "rejected");
        await b.query("update applications set stage_id = $1 where id = $2", [stages[1], app]);
      })();
      await new Promise((r) => setTimeout(r, 100));
      await a.query("commit");
      await filing;
      await b.query("commit");
      await expectExact();

      // The other order: the application is filed first, the move waits for it.
      const p4 = await person(null, "1960-04-04", "MA-KEN", "male");
      await a.query("begin");
      await b.query("begin");
      await apply(a, p4, stages[3] as string, "enrolled");
      const moving = b.query(
        "update persons set province_code = 'MA-MOH', region_code = 'MA-06' where id = $1",
        [p4],
      );
      await new Promise((r) => setTimeout(r, 100));
      await a.query("commit");
      await moving;
      await b.query("commit");
      await expectExact();
    } finally {
      await a.query("rollback").catch(() => {});
      await b.query("rollback").catch(() => {});
      a.release();
      b.release();
    }
  });

  it("the applications dataset is exact on another day and back (ages move with the calendar)", async () => {
    for (const day of [
      bornBefore(today, 0, 1),
      bornBefore(today, 0, 45),
      bornBefore(today, -3, 100),
      today,
    ]) {
      const indicators = createIndicatorsService({ db: env.db, today: () => day });
      const { rows: read } = await indicators.datasets.read(applicationCounts);
      const got = read
        .map((r) =>
          key({
            program_id: r.programId,
            stage_id: r.stageId,
            active: true,
            region_code: r.regionCode,
            province_code: r.provinceCode,
            sex: r.sex,
            age_band: r.ageBand,
            n: r.count,
          }),
        )
        .sort();
      // The dataset holds the active applications (the only ones dashboards and computations count).
      expect(got, day).toEqual((await naive(day)).filter((k) => k.split("|")[2] === "true"));
      // The table itself now holds that day's bands, exactly.
      expect(await maintained(), day).toEqual(await naive(day));
    }
    await expectExact();
  });

  it("a full recount (after a bulk load without triggers) gives the same counts", async () => {
    const before = await maintained();
    await env.db.execute(sql`update application_counts set n = n + 7`);
    await env.db.execute(sql`select application_counts_rebuild()`);
    expect(await maintained()).toEqual(before);
  });
});
