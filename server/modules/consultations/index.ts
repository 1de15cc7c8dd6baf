export type {
  NewProjectFromProposal,
  ProjectCreator,
} from "./consultations.projects.ts";
export { consultationsRoutes } from "./consultations.routes.ts";
export { type ConsultationsService, createConsultationsService } from "./consultations.service.ts";
export { proposalComments, proposalSupports, proposals } from "./consultations.table.ts";
