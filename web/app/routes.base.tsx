import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, Outlet, redirect } from "@tanstack/react-router";
import type { Me, Permission } from "../../contracts/access.ts";
import { meQueryOptions } from "../modules/auth/auth.api.ts";
import { ProblemError } from "../shared/http.ts";
import { i18n } from "./i18n.ts";
import { AppShellLayout } from "./shell.tsx";

/** The routes every other route hangs from, shared by router.tsx and the per-area route files. */
interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

/** Every page but the login page: requires a session, renders the menu and header. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "_app",
  beforeLoad: async ({ context, location }): Promise<{ me: Me }> => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: "/login", search: { redirect: location.href } });
    return { me };
  },
  component: AppShellLayout,
});

export function requirePermission(permission: Permission) {
  return ({ context }: { context: { me: Me } }) => {
    if (!context.me.permissions.includes(permission)) {
      throw new ProblemError({
        status: 403,
        code: "auth.forbidden",
        detail: i18n.t("errors.auth.forbidden"),
      });
    }
  };
}
