export { registerAccessHooks } from "./access.hooks.ts";
export { ROLE_PERMISSIONS } from "./access.permissions.ts";
export { accessRoutes } from "./access.routes.ts";
export { createAccessService, type AccessService, type ScopeDirectory, scopeKey } from "./access.service.ts";
export { createSessionKeys, type SessionKeys } from "./access.sessions.ts";
export { ensureUser } from "./access.bootstrap.ts";
