import { type AnyPgColumn, foreignKey, integer, pgEnum, pgTable, text, unique } from "drizzle-orm/pg-core";

export const provinceKindEnum = pgEnum("province_kind", ["province", "prefecture"]);

export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  nameFr: text("name_fr").notNull(),
  nameAr: text("name_ar").notNull(),
  nameEn: text("name_en").notNull(),
  population2024: integer("population_2024").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

export const provinces = pgTable(
  "provinces",
  {
    code: text("code").primaryKey(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    kind: provinceKindEnum("kind").notNull(),
    nameFr: text("name_fr").notNull(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en").notNull(),
  },
  // The target of the registry's (province, region) foreign keys (see provinceInRegion).
  (t) => [unique("provinces_code_region_key").on(t.code, t.regionCode)],
);

/**
 * Foreign key of a row placed in a province and a region: one check (one lookup per written
 * row) that the province exists and lies in that region, where two keys to provinces and to
 * regions cost two lookups and let a row name a province of another region.
 */
export const provinceInRegion = (name: string, t: { provinceCode: AnyPgColumn; regionCode: AnyPgColumn }) =>
  foreignKey({
    name,
    columns: [t.provinceCode, t.regionCode],
    foreignColumns: [provinces.code, provinces.regionCode],
  });
