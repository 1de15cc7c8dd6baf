import { sql } from "drizzle-orm";
import type { Locale } from "../../../contracts/common.ts";
import type { TerritoryLevel } from "../../../contracts/indicators.ts";
import type { Access } from "../../platform/scope.ts";
import { provinces, regions } from "../territories/index.ts";
import type { DatasetSource } from "./indicators.datasets.ts";

export interface Place {
  code: string;
  nameFr: string;
  nameAr: string;
  nameEn: string;
  /** Region of a province; a region's own code. */
  regionCode: string;
  /** Reference population (census), regions only. */
  population: number | null;
  level: "region" | "province";
}

/** Regions (with their reference population) and provinces, from the territories module. */
export const places: DatasetSource<Place> = {
  name: "territories",
  tables: ["regions"],
  async load(q) {
    const result = await q.execute(sql`
      select code, name_fr as "nameFr", name_ar as "nameAr", name_en as "nameEn", code as "regionCode",
             population_2024 as "population", 'region' as "level"
        from ${regions}
      union all
      select code, name_fr, name_ar, name_en, region_code, null, 'province' from ${provinces}
      order by 1`);
    return result.rows as unknown as Place[];
  },
};

export class Territories {
  readonly byCode: Map<string, Place>;
  constructor(readonly all: Place[]) {
    this.byCode = new Map(all.map((p) => [p.code, p]));
  }
  get regions() {
    return this.all.filter((p) => p.level === "region");
  }
  provincesOf(regionCode: string) {
    return this.all.filter((p) => p.level === "province" && p.regionCode === regionCode);
  }
  /** The place of that level and code, or undefined (an unknown territory). */
  find(level: TerritoryLevel, code: string | null | undefined): Place | undefined {
    if (level === "national" || !code) return undefined;
    const p = this.byCode.get(code);
    return p?.level === level ? p : undefined;
  }
  name(level: TerritoryLevel, code: string | null, locale: Locale, national: string) {
    if (level === "national" || !code) return national;
    const p = this.byCode.get(code);
    if (!p) return code;
    return locale === "ar" ? p.nameAr : locale === "en" ? p.nameEn : p.nameFr;
  }
  /**
   * Whether a reader sees figures of that territory: national readers all; regional ones
   * their region and its provinces; provincial ones their province; readers scoped to
   * organisations or establishments (partners, managers) every territory, since the
   * figures they get are computed from what they reach only.
   */
  visible(access: Access, level: TerritoryLevel, code: string | null) {
    if (access.national || access.organizations.length || access.establishments.length) return true;
    if (level === "national" || !code) return false;
    const region = this.byCode.get(code)?.regionCode;
    return (
      (!!region && access.regions.includes(region)) ||
      (level === "province" && access.provinces.includes(code))
    );
  }
  /** Whether a writer may set targets or measurements of that territory. */
  writable(access: Access, level: TerritoryLevel, code: string | null) {
    if (access.national) return true;
    if (level === "national" || !code) return false;
    const region = this.byCode.get(code)?.regionCode;
    return (
      (!!region && access.regions.includes(region)) ||
      (level === "province" && access.provinces.includes(code))
    );
  }
}
