/** What other modules may use from the programmes module. */
export { moveApplications, programsTimeline } from "./programs.hooks.ts";
export { programsRoutes } from "./programs.routes.ts";
export { createProgramsService, type ProgramsService } from "./programs.service.ts";
export { applications, programFunders, programStages, programs } from "./programs.table.ts";
