import { AppError } from "../../platform/errors.ts";

/**
 * Error codes of the partnerships module (conventions and projects). Each code is the key of its
 * message under `errors.` in locales/{fr,ar,en}.json.
 */

/** Conventions, their parties, axes, targets and documents (messages under errors.conventions). */
export const CONVENTION_ERRORS = {
  notFound: "conventions.not_found",
  childNotFound: "conventions.child_not_found",
  documentNotFound: "conventions.document_not_found",
  archived: "conventions.archived",
  referenceTaken: "conventions.reference_taken",
  endBeforeStart: "conventions.end_before_start",
  signedOnRequired: "conventions.signed_on_required",
  parentOnlySpecific: "conventions.parent_only_specific",
  parentNotFound: "conventions.parent_not_found",
  parentNotFramework: "conventions.parent_not_framework",
  organizationNotFound: "conventions.organization_not_found",
  partyDuplicate: "conventions.party_duplicate",
  outOfScope: "conventions.out_of_scope",
  hasProjects: "conventions.has_projects",
  axisHasProjects: "conventions.axis_has_projects",
} as const;

/** Social projects and their money (messages under errors.socialProjects). */
export const PROJECT_ERRORS = {
  notFound: "socialProjects.not_found",
  childNotFound: "socialProjects.child_not_found",
  archived: "socialProjects.archived",
  codeTaken: "socialProjects.code_taken",
  endBeforeStart: "socialProjects.end_before_start",
  outOfScope: "socialProjects.out_of_scope",
  provinceRegionMismatch: "socialProjects.province_region_mismatch",
  conventionNotFound: "socialProjects.convention_not_found",
  axisNotInConvention: "socialProjects.axis_not_in_convention",
  organizationNotFound: "socialProjects.organization_not_found",
  establishmentNotFound: "socialProjects.establishment_not_found",
  programNotFound: "socialProjects.program_not_found",
  milestonesOutside: "socialProjects.milestones_outside",
  milestoneOutsideProject: "socialProjects.milestone_outside_project",
  dateInFuture: "socialProjects.date_in_future",
  milestoneHasTranches: "socialProjects.milestone_has_tranches",
  milestoneNotInProject: "socialProjects.milestone_not_in_project",
  overCommitment: "socialProjects.over_commitment",
  overTranche: "socialProjects.over_tranche",
  trancheFunderMismatch: "socialProjects.tranche_funder_mismatch",
  trancheNotInProject: "socialProjects.tranche_not_in_project",
  tranchesOverCommitment: "socialProjects.tranches_over_commitment",
  trancheBelowPaid: "socialProjects.tranche_below_paid",
  trancheHasDisbursements: "socialProjects.tranche_has_disbursements",
  budgetBelowDisbursed: "socialProjects.budget_below_disbursed",
} as const;

/**
 * A money or date rule that the input breaks: 422 with the rule's message as `detail` and the
 * same message beside the field, so both an API client and a form show what to change.
 */
export const ruleBroken = (path: string, code: string, params: Record<string, unknown> = {}) =>
  new AppError(422, code, params, [{ path, code, params }]);
