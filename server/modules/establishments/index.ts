import type { Queryable } from "../../platform/database.ts";
import { namesOf } from "./establishments.repository.ts";

export {
  type CohortsService,
  createCohortsService,
  type ProjectProgressSource,
} from "./establishments.cohorts.service.ts";
export { createInfrastructureService } from "./establishments.infrastructure.service.ts";
export { createInspectionsService } from "./establishments.inspections.service.ts";
export { projectsRoutes } from "./establishments.projects.routes.ts";
export {
  createProjectsService,
  type ProjectsService,
  projectProgress,
} from "./establishments.projects.service.ts";
export {
  establishmentProjects,
  projectActionItems,
  projectDiagnostics,
  projectMeetings,
} from "./establishments.projects.table.ts";
export { residentsRoutes } from "./establishments.residents.routes.ts";
export {
  createResidentsService,
  currentResidents,
  type ResidentsService,
  residentsTimeline,
} from "./establishments.residents.service.ts";
export { residentAttendance, residentServices, residentStays } from "./establishments.residents.table.ts";
export { type EstablishmentServices, establishmentsRoutes } from "./establishments.routes.ts";
export { establishmentsScope } from "./establishments.scope.ts";
export { createEstablishmentsService, type EstablishmentsService } from "./establishments.service.ts";
export {
  cohortMembers,
  cohorts,
  correctiveActions,
  establishmentStaff,
  establishments,
  establishmentWorks,
  inspections,
} from "./establishments.table.ts";

/** Names of establishments by id (for scope labels); unknown ids are absent. */
export async function establishmentNames(
  db: Queryable,
  ids: string[],
): Promise<Map<string, { nameFr: string; nameAr: string | null }>> {
  return namesOf(db, ids);
}
