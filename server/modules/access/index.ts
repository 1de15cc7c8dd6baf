export { ensureUser } from "./access.bootstrap.ts";
export { registerAccessHooks } from "./access.hooks.ts";
export { ROLE_PERMISSIONS } from "./access.permissions.ts";
export { accessRoutes } from "./access.routes.ts";
export { type AccessService, createAccessService, type ScopeDirectory, scopeKey } from "./access.service.ts";
export { createSessionKeys, type SessionKeys } from "./access.sessions.ts";
export { users } from "./access.table.ts";
