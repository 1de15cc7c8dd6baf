import type {
  AuthorisationStatus,
  Connectivity,
  EstablishmentCategory,
} from "../../../contracts/establishments.ts";
import { flag, text } from "../../shared/search-params.ts";

/** The establishments list's URL search. */
export interface EstablishmentSearch {
  q?: string;
  region?: string;
  province?: string;
  category?: EstablishmentCategory;
  authorisation?: AuthorisationStatus;
  connectivity?: Connectivity;
  cohort?: string;
  overdue?: true;
  archived?: true;
}

export const validateEstablishmentSearch = (search: Record<string, unknown>): EstablishmentSearch => ({
  q: text(search.q),
  region: text(search.region),
  province: text(search.province),
  category: text(search.category) as EstablishmentCategory | undefined,
  authorisation: text(search.authorisation) as AuthorisationStatus | undefined,
  connectivity: text(search.connectivity) as Connectivity | undefined,
  cohort: text(search.cohort),
  overdue: flag(search.overdue),
  archived: flag(search.archived),
});
