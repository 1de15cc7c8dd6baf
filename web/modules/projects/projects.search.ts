import type { ProjectSector, ProjectStatus } from "../../../contracts/partnerships.ts";
import { flag, text } from "../../shared/search-params.ts";

/** The social projects list's URL search: text, territory, status, sector, convention, funder, lateness. */
export interface ProjectSearch {
  q?: string;
  region?: string;
  province?: string;
  status?: ProjectStatus;
  sector?: ProjectSector;
  convention?: string;
  funder?: string;
  late?: true;
  archived?: true;
}

export const validateProjectSearch = (search: Record<string, unknown>): ProjectSearch => ({
  q: text(search.q),
  region: text(search.region),
  province: text(search.province),
  // The server checks the values; a hand-typed unknown one gets its message.
  status: text(search.status) as ProjectStatus | undefined,
  sector: text(search.sector) as ProjectSector | undefined,
  convention: text(search.convention),
  funder: text(search.funder),
  late: flag(search.late),
  archived: flag(search.archived),
});
