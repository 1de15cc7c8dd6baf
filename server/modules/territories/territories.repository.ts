import { asc, count, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../platform/database.ts";
import { provinces, regions } from "./territories.table.ts";

export async function listRegions(db: Queryable) {
  return db
    .select({
      code: regions.code,
      nameFr: regions.nameFr,
      nameAr: regions.nameAr,
      nameEn: regions.nameEn,
      population2024: regions.population2024,
      provinceCount: count(provinces.code),
    })
    .from(regions)
    .leftJoin(provinces, eq(provinces.regionCode, regions.code))
    .groupBy(regions.code)
    .orderBy(asc(regions.sortOrder));
}

export async function listProvinces(db: Queryable, regionCode?: string) {
  return db
    .select()
    .from(provinces)
    .where(regionCode ? eq(provinces.regionCode, regionCode) : undefined)
    .orderBy(asc(provinces.nameFr));
}

export async function findRegions(db: Queryable, codes: string[]) {
  return codes.length ? db.select().from(regions).where(inArray(regions.code, codes)) : [];
}

export async function findProvinces(db: Queryable, codes: string[]) {
  return codes.length ? db.select().from(provinces).where(inArray(provinces.code, codes)) : [];
}
