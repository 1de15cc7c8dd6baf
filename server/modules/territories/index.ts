import type { Locale } from "../../../contracts/common.ts";
import type { Queryable } from "../../platform/database.ts";
import * as repo from "./territories.repository.ts";

export { REGIONS } from "./territories.data.ts";
export { PROVINCES } from "./territories.provinces.data.ts";
export { territoriesRoutes } from "./territories.routes.ts";
export { seedTerritories } from "./territories.seed.ts";
export { provinces, regions } from "./territories.table.ts";

const nameIn = (r: { nameFr: string; nameAr: string; nameEn: string }, locale: Locale) =>
  locale === "ar" ? r.nameAr : locale === "en" ? r.nameEn : r.nameFr;

/** Names of regions and provinces by code, in the reader's language; unknown codes are absent. */
export async function territoryNames(
  db: Queryable,
  codes: { regions: string[]; provinces: string[] },
  locale: Locale,
) {
  const [rs, ps] = await Promise.all([
    repo.findRegions(db, codes.regions),
    repo.findProvinces(db, codes.provinces),
  ]);
  return {
    regions: new Map(rs.map((r) => [r.code, nameIn(r, locale)])),
    provinces: new Map(ps.map((p) => [p.code, { name: nameIn(p, locale), regionCode: p.regionCode }])),
  };
}
