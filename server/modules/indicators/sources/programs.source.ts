import { sql } from "drizzle-orm";
import { persons } from "../../beneficiaries/index.ts";
import { applications, programFunders, programStages, programs } from "../../programs/index.ts";
import type { DatasetSource } from "../indicators.datasets.ts";

export interface ProgramFact {
  id: string;
  code: string;
  nameFr: string;
  nameAr: string;
  funderIds: string[];
  stages: { id: string; code: string; position: number; nameFr: string; nameAr: string }[];
}

/** Applications counted by programme, stage, territory, sex and age band (ages as of today). */
export interface ApplicationCount {
  programId: string;
  stageId: string;
  /** Not rejected nor withdrawn. */
  active: boolean;
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

export const applicationCounts: DatasetSource<ApplicationCount> = {
  name: "applications",
  tables: ["applications", "persons"],
  daily: true,
  async load(q, today) {
    const a = applications;
    const p = persons;
    const result = await q.execute(sql`
      with t as (
        select ${a.programId} as program_id, ${a.stageId} as stage_id,
               ${a.status} not in ('rejected', 'withdrawn') as active,
               ${p.regionCode} as region_code, ${p.provinceCode} as province_code, ${p.sex}::text as sex,
               extract(year from age(${today}::date, ${p.birthDate}))::int as age
          from ${a} join ${p} on ${p.id} = ${a.personId})
      select program_id as "programId", stage_id as "stageId", active, region_code as "regionCode",
             province_code as "provinceCode", sex,
             case when age < 18 then '0-17' when age < 25 then '18-24' when age < 35 then '25-34'
                  when age < 60 then '35-59' else '60+' end as "ageBand",
             count(*)::int as "count"
        from t group by 1, 2, 3, 4, 5, 6, 7`);
    return result.rows as unknown as ApplicationCount[];
  },
};
