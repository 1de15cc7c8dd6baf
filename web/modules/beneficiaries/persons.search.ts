import { text } from "../../shared/search-params.ts";

/** The persons list's URL search: one box (CIN, phone, Latin or Arabic name) and territory filters. */
export interface PersonSearch {
  q?: string;
  region?: string;
  province?: string;
}

export const validatePersonSearch = (search: Record<string, unknown>): PersonSearch => ({
  q: text(search.q),
  region: text(search.region),
  province: text(search.province),
});
