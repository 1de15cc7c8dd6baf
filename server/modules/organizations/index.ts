export { namesOf as organizationNames } from "./organizations.repository.ts";
export { organizationsRoutes } from "./organizations.routes.ts";
export { createOrganizationsService, type OrganizationsService } from "./organizations.service.ts";
export { organizations } from "./organizations.table.ts";
