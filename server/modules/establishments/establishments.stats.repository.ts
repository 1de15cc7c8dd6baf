import { and, sql } from "drizzle-orm";
import type { EstablishmentCategory } from "../../../contracts/establishments.ts";
import type { Queryable } from "../../platform/database.ts";
import type { Access } from "../../platform/scope.ts";
import { conditions, type EstablishmentFilter } from "./establishments.repository.ts";
import { establishments } from "./establishments.table.ts";

export interface EstablishmentStats {
  byRegion: { regionCode: string; count: number }[];
  byCategory: { category: EstablishmentCategory; count: number }[];
  total: number;
}

/** Counts by region, by category and in total, in one GROUPING SETS query over the filtered, scoped list. */
export async function stats(
  db: Queryable,
  access: Access,
  f: EstablishmentFilter,
): Promise<EstablishmentStats> {
  const rows = await db
    .select({
      regionCode: establishments.regionCode,
      category: establishments.category,
      byRegion: sql<number>`grouping(${establishments.regionCode})`.mapWith(Number),
      byCategory: sql<number>`grouping(${establishments.category})`.mapWith(Number),
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(establishments)
    .where(and(...conditions(access, f)))
    .groupBy(sql`grouping sets ((${establishments.regionCode}), (${establishments.category}), ())`);
  const result: EstablishmentStats = { byRegion: [], byCategory: [], total: 0 };
  for (const r of rows) {
    if (r.byRegion === 0 && r.byCategory === 1) {
      if (r.regionCode) result.byRegion.push({ regionCode: r.regionCode, count: r.count });
    } else if (r.byRegion === 1 && r.byCategory === 0) {
      result.byCategory.push({ category: r.category as EstablishmentCategory, count: r.count });
    } else if (r.byRegion === 1 && r.byCategory === 1) {
      result.total = r.count;
    }
  }
  result.byRegion.sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  result.byCategory.sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  return result;
}
