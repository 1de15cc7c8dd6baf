import { sql } from "drizzle-orm";
import type { Queryable } from "../../platform/database.ts";
import { REGIONS } from "./territories.data.ts";
import { PROVINCES } from "./territories.provinces.data.ts";
import { provinces, regions } from "./territories.table.ts";

/** Loads the reference territories at every start: an upsert, so corrections in code reach existing databases. */
export async function seedTerritories(db: Queryable) {
  await db
    .insert(regions)
    .values(REGIONS.map((r, i) => ({ ...r, sortOrder: i + 1 })))
    .onConflictDoUpdate({
      target: regions.code,
      set: {
        nameFr: sql`excluded.name_fr`,
        nameAr: sql`excluded.name_ar`,
        nameEn: sql`excluded.name_en`,
        population2024: sql`excluded.population_2024`,
        sortOrder: sql`excluded.sort_order`,
      },
    });
  await db
    .insert(provinces)
    .values([...PROVINCES])
    .onConflictDoUpdate({
      target: provinces.code,
      set: {
        regionCode: sql`excluded.region_code`,
        kind: sql`excluded.kind`,
        nameFr: sql`excluded.name_fr`,
        nameAr: sql`excluded.name_ar`,
        nameEn: sql`excluded.name_en`,
      },
    });
}
