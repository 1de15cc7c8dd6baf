import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ORGANIZATION_TYPES } from "../../../contracts/organizations.ts";
import { idColumn, tz, versioned } from "../../platform/columns.ts";
import { provinces, regions } from "../territories/territories.table.ts";

export const organizationTypeEnum = pgEnum("organization_type", ORGANIZATION_TYPES);

export const organizations = pgTable(
  "organizations",
  {
    id: idColumn(),
    type: organizationTypeEnum("type").notNull(),
    nameFr: text("name_fr").notNull(),
    nameAr: text("name_ar"),
    acronym: text("acronym"),
    regionCode: text("region_code").references(() => regions.code),
    provinceCode: text("province_code").references(() => provinces.code),
    parentId: uuid("parent_id").references((): AnyPgColumn => organizations.id),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    website: text("website"),
    archivedAt: tz("archived_at"),
    ...versioned(),
  },
  (t) => [
    index("organizations_name_idx").on(t.nameFr, t.id),
    index("organizations_region_name_idx").on(t.regionCode, t.nameFr, t.id),
    index("organizations_parent_idx").on(t.parentId),
    // Accent- and case-insensitive substring search (f_unaccent comes from migration 0000).
    index("organizations_search_idx").using(
      "gin",
      sql`f_unaccent(${t.nameFr} || ' ' || coalesce(${t.nameAr}, '') || ' ' || coalesce(${t.acronym}, '')) gin_trgm_ops`,
    ),
  ],
);
