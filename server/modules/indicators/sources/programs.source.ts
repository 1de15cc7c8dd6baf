import { sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/database.ts";
import { persons } from "../../beneficiaries/index.ts";
import { applications, programFunders, programStages, programs } from "../../programs/index.ts";
import type { DatasetSource } from "../indicators.datasets.ts";
import { applicationCountsAsOf, applicationCounts as applicationCountsTable } from "../indicators.table.ts";

export interface ProgramFact {
  id: string;
  code: string;
  nameFr: string;
  nameAr: string;
  funderIds: string[];
  stages: { id: string; code: string; position: number; nameFr: string; nameAr: string }[];
}

/**
 * Active applications (not rejected nor withdrawn: the only ones dashboards and computations
 * count) by programme, stage, territory, sex and age band (ages as of today).
 */
export interface ApplicationCount {
  programId: string;
  stageId: string;
  regionCode: string;
  provinceCode: string;
  sex: "female" | "male";
  ageBand: string;
  count: number;
}

export const programFacts: DatasetSource<ProgramFact> = {
  name: "programs",
  tables: ["programs", "program_stages", "program_funders"],
  async load(q) {
    const p = programs;
    const result = await q.execute(sql`
      select ${p.id} as "id", ${p.code} as "code", ${p.nameFr} as "nameFr", ${p.nameAr} as "nameAr",
             coalesce((select array_agg(f.organization_id) from ${programFunders} f
                        where f.program_id = ${p.id}), '{}') as "funderIds",
             coalesce((select json_agg(json_build_object('id', s.id, 'code', s.code, 'position', s.position,
                               'nameFr', s.name_fr, 'nameAr', s.name_ar) order by s.position)
                         from ${programStages} s where s.program_id = ${p.id}), '[]') as "stages"
        from ${p} order by ${p.code}`);
    return result.rows as unknown as ProgramFact[];
  },
};

/** The same counts straight from the base rows: the fallback, slow at scale (every application). */
async function countedFromBaseTables(q: Queryable, today: string): Promise<ApplicationCount[]> {
  const a = applications;
  const p = persons;
  const result = await q.execute(sql`
    select ${a.programId} as "programId", ${a.stageId} as "stageId", ${p.regionCode} as "regionCode", ${p.provinceCode} as "provinceCode", ${p.sex}::text as "sex",
           application_age_band(${p.birthDate}, ${today}::date) as "ageBand", count(*)::int as "count"
      from ${a} join ${p} on ${p.id} = ${a.personId}
     where ${a.status} not in ('rejected', 'withdrawn')
     group by 1, 2, 3, 4, 5, 6`);
  return result.rows as unknown as ApplicationCount[];
}

/**
 * Read from `application_counts` (migration 0015), which triggers keep exact on every write to
 * applications and persons: a few thousand rows, milliseconds, however many applications there
 * are. Its age bands are as of one day; `prepare` moves them to today (a small write, once a
 * day). Should another instance move them to another day in between, the base tables answer.
 */
export const applicationCounts: DatasetSource<ApplicationCount> = {
  name: "applications",
  tables: ["applications", "persons"],
  daily: true,
  persist: false,
  async prepare(db, today) {
    await db.execute(sql`select application_counts_rebase(${today}::date)`);
  },
  async load(q, today) {
    const [asOf] = await q.select({ day: applicationCountsAsOf.asOf }).from(applicationCountsAsOf);
    if (asOf?.day !== today) return countedFromBaseTables(q, today);
    // Plain SQL rows (no per-row mapping): thousands of rows, read after every write.
    const c = applicationCountsTable;
    const result = await q.execute(sql`
      select ${c.programId} as "programId", ${c.stageId} as "stageId", ${c.regionCode} as "regionCode",
             ${c.provinceCode} as "provinceCode", ${c.sex} as "sex", ${c.ageBand} as "ageBand", ${c.n} as "count"
        from ${c} where ${c.active} and ${c.n} <> 0`);
    return result.rows as unknown as ApplicationCount[];
  },
};
