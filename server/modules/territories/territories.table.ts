import { integer, pgEnum, pgTable, text } from "drizzle-orm/pg-core";

export const provinceKindEnum = pgEnum("province_kind", ["province", "prefecture"]);

export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  nameFr: text("name_fr").notNull(),
  nameAr: text("name_ar").notNull(),
  nameEn: text("name_en").notNull(),
  population2024: integer("population_2024").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

export const provinces = pgTable("provinces", {
  code: text("code").primaryKey(),
  regionCode: text("region_code")
    .notNull()
    .references(() => regions.code),
  kind: provinceKindEnum("kind").notNull(),
  nameFr: text("name_fr").notNull(),
  nameAr: text("name_ar").notNull(),
  nameEn: text("name_en").notNull(),
});
