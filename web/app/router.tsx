import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import type { Me, Permission } from "../../contracts/access.ts";
import { validateAuditSearch } from "../modules/audit/audit.search.ts";
import { meQueryKey, meQueryOptions } from "../modules/auth/auth.api.ts";
import { validateOrganizationSearch } from "../modules/organizations/organizations.search.ts";
import { validateTerritorySearch } from "../modules/territories/territories.search.ts";
import { validateUserSearch } from "../modules/users/users.search.ts";
import { ProblemError } from "../shared/http.ts";
import { PageLoader } from "../shared/query-state.tsx";
import { safeRedirect } from "../shared/search-params.ts";
import { i18n } from "./i18n.ts";
import { createQueryClient } from "./query-client.ts";
import { NotFoundPage, RouteErrorPage } from "./route-pages.tsx";
import { AppShellLayout } from "./shell.tsx";

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "login",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (me) throw redirect({ href: search.redirect ?? "/organizations" });
  },
  component: lazyRouteComponent(() => import("../modules/auth/login.page.tsx"), "LoginPage"),
});

/** Every page but the login page: requires a session, renders the menu and header. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "_app",
  beforeLoad: async ({ context, location }): Promise<{ me: Me }> => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: "/login", search: { redirect: location.href } });
    return { me };
  },
  component: AppShellLayout,
});

function requirePermission(permission: Permission) {
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

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/organizations" });
  },
});

const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "organizations",
  beforeLoad: requirePermission("organizations.read"),
  validateSearch: validateOrganizationSearch,
  component: lazyRouteComponent(
    () => import("../modules/organizations/organization-list.page.tsx"),
    "OrganizationListPage",
  ),
});

const organizationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "organizations/new",
  beforeLoad: requirePermission("organizations.write"),
  component: lazyRouteComponent(
    () => import("../modules/organizations/organization-create.page.tsx"),
    "OrganizationCreatePage",
  ),
});

const organizationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "organizations/$id",
  beforeLoad: requirePermission("organizations.read"),
  component: lazyRouteComponent(
    () => import("../modules/organizations/organization-detail.page.tsx"),
    "OrganizationDetailPage",
  ),
});

const organizationEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "organizations/$id/edit",
  beforeLoad: requirePermission("organizations.write"),
  component: lazyRouteComponent(
    () => import("../modules/organizations/organization-edit.page.tsx"),
    "OrganizationEditPage",
  ),
});

const territoriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "territories",
  beforeLoad: requirePermission("territories.read"),
  validateSearch: validateTerritorySearch,
  component: lazyRouteComponent(
    () => import("../modules/territories/territories.page.tsx"),
    "TerritoriesPage",
  ),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "users",
  beforeLoad: requirePermission("users.manage"),
  validateSearch: validateUserSearch,
  component: lazyRouteComponent(() => import("../modules/users/user-list.page.tsx"), "UserListPage"),
});

const userNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "users/new",
  beforeLoad: requirePermission("users.manage"),
  component: lazyRouteComponent(() => import("../modules/users/user-create.page.tsx"), "UserCreatePage"),
});

const userRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "users/$id",
  beforeLoad: requirePermission("users.manage"),
  component: lazyRouteComponent(() => import("../modules/users/user-detail.page.tsx"), "UserDetailPage"),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "audit",
  beforeLoad: requirePermission("audit.read"),
  validateSearch: validateAuditSearch,
  component: lazyRouteComponent(() => import("../modules/audit/audit.page.tsx"), "AuditPage"),
});

const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "tokens",
  component: lazyRouteComponent(() => import("../modules/tokens/tokens.page.tsx"), "TokensPage"),
});

/** Any other address: "page not found", inside the frame so the menu stays at hand. */
const notFoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "$",
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    organizationsRoute,
    organizationNewRoute,
    organizationRoute,
    organizationEditRoute,
    territoriesRoute,
    usersRoute,
    userNewRoute,
    userRoute,
    auditRoute,
    tokensRoute,
    notFoundRoute,
  ]),
]);

/** When any request says the session is over, forget the user; the shell then sends them to the login page. */
export const queryClient = createQueryClient(() => queryClient.setQueryData(meQueryKey, null));

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: PageLoader,
  defaultErrorComponent: RouteErrorPage,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
