import { sql } from "drizzle-orm";
import { establishments, residentStays } from "../../establishments/index.ts";
import type { DatasetSource } from "../indicators.datasets.ts";

/** One row per open establishment: its place, infrastructure, capacity and admitted residents. */
export interface EstablishmentFact {
  id: string;
  regionCode: string;
  provinceCode: string | null;
  organizationId: string | null;
  /** Organisations that funded its connection or solar installation (partners see those). */
  funderIds: string[];
  category: string;
  connected: boolean;
  solar: boolean;
  solarHotWater: boolean;
  capacityFemale: number;
  capacityMale: number;
  residentsFemale: number;
  residentsMale: number;
}

export const establishmentFacts: DatasetSource<EstablishmentFact> = {
  name: "establishments",
  tables: ["establishments", "resident_stays"],
  // Recomputing (tens of ms) costs less than writing and reading back a megabyte of jsonb.
  persist: false,
  async load(q) {
    const e = establishments;
    const s = residentStays;
    const result = await q.execute(sql`
      select ${e.id} as "id", ${e.regionCode} as "regionCode", ${e.provinceCode} as "provinceCode",
             ${e.managingOrganizationId} as "organizationId",
             array_remove(array[${e.connectivityFunderId}, ${e.solarFunderId}], null) as "funderIds",
             ${e.category}::text as "category",
             ${e.connectivity} <> 'none' as "connected",
             coalesce(${e.solarKwp}, 0) > 0 as "solar",
             ${e.hotWater} = 'solar' as "solarHotWater",
             ${e.capacityFemale} as "capacityFemale", ${e.capacityMale} as "capacityMale",
             coalesce(r.female, 0)::int as "residentsFemale", coalesce(r.male, 0)::int as "residentsMale"
        from ${e}
        left join (
          select ${s.establishmentId} as establishment_id,
                 count(*) filter (where ${s.sex} = 'female') as female,
                 count(*) filter (where ${s.sex} = 'male') as male
            from ${s} where ${s.status} = 'admitted' group by 1
        ) r on r.establishment_id = ${e.id}
       where ${e.archivedAt} is null
       order by ${e.id}`);
    return result.rows as unknown as EstablishmentFact[];
  },
};
