import type { OrganizationType } from "../../../contracts/organizations.ts";
import { flag, text } from "../../shared/search-params.ts";

/** The organisations list's URL search: text, type, region, and whether archived ones show. */
export interface OrganizationSearch {
  q?: string;
  type?: OrganizationType;
  region?: string;
  archived?: true;
}

export const validateOrganizationSearch = (search: Record<string, unknown>): OrganizationSearch => ({
  q: text(search.q),
  // The server checks the value; an unknown type in a hand-typed URL gets its message.
  type: text(search.type) as OrganizationType | undefined,
  region: text(search.region),
  archived: flag(search.archived),
});
