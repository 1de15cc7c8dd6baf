import type { Db } from "../../platform/database.ts";
import { createApplicationsService } from "./programs.applications.service.ts";
import { createCatalogService } from "./programs.catalog.service.ts";
import { createPublicService } from "./programs.public.service.ts";

/** The programmes module's use cases: the catalogue, applications and public access, over one database. */
export function createProgramsService(deps: { db: Db }) {
  return {
    ...createCatalogService(deps),
    ...createApplicationsService(deps),
    ...createPublicService(deps),
  };
}

export type ProgramsService = ReturnType<typeof createProgramsService>;
