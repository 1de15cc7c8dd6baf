import { text } from "../../shared/search-params.ts";

/** The territory browser's URL search: the region whose provinces are listed. */
export interface TerritorySearch {
  region?: string;
}

export const validateTerritorySearch = (search: Record<string, unknown>): TerritorySearch => ({
  region: text(search.region),
});
