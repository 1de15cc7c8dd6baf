import type { ProjectSector } from "../../../contracts/partnerships.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Queryable } from "../../platform/database.ts";
import { invalidField } from "../../platform/errors.ts";
import { accessFor, reaches } from "../../platform/scope.ts";
import { projects } from "../partnerships/partnerships.table.ts";

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
 * project are linked or neither exists). app.ts passes the partnerships
 * module's own creation function when it has one.
 */
export type ProjectCreator = (
  tx: Queryable,
  ctx: AuthenticatedContext,
  input: NewProjectFromProposal,
) => Promise<{ id: string }>;

/**
 * Stand-in used until the partnerships module exports its project service:
 * the same permission and territory check it would make, one row, one audit event.
 */
export const insertProject: ProjectCreator = async (tx, ctx, input) => {
  const access = accessFor(ctx.actor, "projects.write");
  if (!reaches(access, { region: input.regionCode, province: input.provinceCode }))
    throw invalidField("regionCode", "proposals.project_out_of_scope");
  const [row] = await tx
    .insert(projects)
    .values({ ...input, status: "planned", partyOrgIds: [input.responsibleOrgId] })
    .returning({ id: projects.id });
  const id = row?.id as string;
  await recordAudit(tx, ctx, {
    action: "project.create",
    entityType: "project",
    entityId: id,
    after: { ...input },
  });
  return { id };
};
