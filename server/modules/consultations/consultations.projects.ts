import type { ProjectSector } from "../../../contracts/partnerships.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Queryable } from "../../platform/database.ts";

/** What a project made from a proposal is created with: the proposal's own fields plus the reviewer's. */
export interface NewProjectFromProposal {
  code: string;
  titleFr: string;
  titleAr: string | null;
  regionCode: string;
  provinceCode: string | null;
  sector: ProjectSector;
  targetGroup: string | null;
  startDate: string;
  endDate: string;
  responsibleOrgId: string;
  description: string;
}

/**
 * Creates the project inside the caller's transaction (so the proposal and its
 * project are linked or neither exists): app.ts passes the partnerships
 * module's `createIn`, which checks projects.write and the territory itself.
 */
export type ProjectCreator = (
  tx: Queryable,
  ctx: AuthenticatedContext,
  input: NewProjectFromProposal,
) => Promise<{ id: string }>;
