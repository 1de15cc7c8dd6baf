import { sql } from "drizzle-orm";
import { disbursements, projectBudgetLines, projectMilestones, projects } from "../../partnerships/index.ts";
import type { DatasetSource } from "../indicators.datasets.ts";

/** One row per open (not archived) project: place, status, parties, money by funder, late milestones. */
export interface ProjectFact {
  id: string;
  code: string;
  titleFr: string;
  titleAr: string | null;
  regionCode: string;
  provinceCode: string | null;
  status: string;
  partyOrgIds: string[];
  physicalProgress: number;
  /** Planned date passed (strictly before today) and not reached. */
  lateMilestones: number;
  /** Committed (sum of its budget lines) and disbursed, per funder, in centimes. */
  money: { funderId: string; committed: number; disbursed: number }[];
}

export const projectFacts: DatasetSource<ProjectFact> = {
  name: "projects",
  tables: ["projects", "project_budget_lines", "disbursements", "project_milestones"],
  daily: true,
  async load(q, today) {
    const p = projects;
    const result = await q.execute(sql`
      with committed as (
        select project_id, funder_id, sum(amount_centimes)::bigint as amount from ${projectBudgetLines} group by 1, 2),
      paid as (
        select project_id, funder_id, sum(amount_centimes)::bigint as amount from ${disbursements} group by 1, 2),
      money as (
        select coalesce(c.project_id, d.project_id) as project_id,
               json_agg(json_build_object('funderId', coalesce(c.funder_id, d.funder_id),
                 'committed', coalesce(c.amount, 0), 'disbursed', coalesce(d.amount, 0))
                 order by coalesce(c.funder_id, d.funder_id)) as money
          from committed c full join paid d on d.project_id = c.project_id and d.funder_id = c.funder_id
         group by 1),
      late as (
        select project_id, count(*)::int as n from ${projectMilestones}
         where actual_date is null and planned_date < ${today}::date group by 1)
      select ${p.id} as "id", ${p.code} as "code", ${p.titleFr} as "titleFr", ${p.titleAr} as "titleAr",
             ${p.regionCode} as "regionCode", ${p.provinceCode} as "provinceCode", ${p.status}::text as "status",
             ${p.partyOrgIds} as "partyOrgIds", ${p.physicalProgress} as "physicalProgress",
             coalesce(late.n, 0) as "lateMilestones", coalesce(money.money, '[]') as "money"
        from ${p}
        left join money on money.project_id = ${p.id}
        left join late on late.project_id = ${p.id}
       where ${p.archivedAt} is null
       order by ${p.code}`);
    return result.rows as unknown as ProjectFact[];
  },
};
