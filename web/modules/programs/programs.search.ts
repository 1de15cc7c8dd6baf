import type { ApplicationStatus } from "../../../contracts/applications.ts";
import type { ProgramStatus } from "../../../contracts/programs.ts";
import { text } from "../../shared/search-params.ts";

/** URL searches of the programmes pages; the server checks the values themselves. */
export interface ProgramListSearch {
  q?: string;
  status?: ProgramStatus;
}
export const validateProgramListSearch = (search: Record<string, unknown>): ProgramListSearch => ({
  q: text(search.q),
  status: text(search.status) as ProgramStatus | undefined,
});

export interface ApplicationSearch {
  programId?: string;
  personId?: string;
  status?: ApplicationStatus;
  stage?: string;
}
export const validateApplicationSearch = (search: Record<string, unknown>): ApplicationSearch => ({
  programId: text(search.programId),
  personId: text(search.personId),
  status: text(search.status) as ApplicationStatus | undefined,
  stage: text(search.stage),
});

export const validateQueueSearch = (search: Record<string, unknown>): { stage?: string } => ({
  stage: text(search.stage),
});

export const validateApplicationNewSearch = (
  search: Record<string, unknown>,
): { personId?: string; programId?: string } => ({
  personId: text(search.personId),
  programId: text(search.programId),
});
