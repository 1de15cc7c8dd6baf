/** What other modules may use from the partnerships module. */
export { conventionsInScope } from "./partnerships.conventions.repository.ts";
export { conventionsRoutes } from "./partnerships.conventions.routes.ts";
export {
  type ConventionsService,
  createConventionsService,
  DOCUMENT_OWNER as CONVENTION_DOCUMENT_OWNER,
} from "./partnerships.conventions.service.ts";
export {
  createMoneyService as createProjectMoneyService,
  type MoneyService,
} from "./partnerships.money.service.ts";
export { fundersMoney, isLate, percent, trancheState } from "./partnerships.money.ts";
export {
  projectsInScope,
  refreshParties as refreshProjectParties,
} from "./partnerships.projects.repository.ts";
export { type ProjectServices, socialProjectsRoutes } from "./partnerships.projects.routes.ts";
/**
 * `createSocialProjectsService(...).createIn(tx, ctx, input, { proposalId })` creates a project
 * inside the caller's transaction (a retained proposal becoming a project keeps its link).
 */
export {
  createProjectsService as createSocialProjectsService,
  type ProjectsService as SocialProjectsService,
} from "./partnerships.projects.service.ts";
export * from "./partnerships.table.ts";
