import type { ConventionStatus, ConventionType } from "../../../contracts/partnerships.ts";
import { flag, text } from "../../shared/search-params.ts";

/** The conventions list's URL search: text, type, status, region, party, archived. */
export interface ConventionSearch {
  q?: string;
  type?: ConventionType;
  status?: ConventionStatus;
  region?: string;
  party?: string;
  archived?: true;
}

export const validateConventionSearch = (search: Record<string, unknown>): ConventionSearch => ({
  q: text(search.q),
  // The server checks the values; a hand-typed unknown one gets its message.
  type: text(search.type) as ConventionType | undefined,
  status: text(search.status) as ConventionStatus | undefined,
  region: text(search.region),
  party: text(search.party),
  archived: flag(search.archived),
});
