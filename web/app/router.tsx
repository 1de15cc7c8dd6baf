import { createRoute, createRouter, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { validateAuditSearch } from "../modules/audit/audit.search.ts";
import { meQueryKey, meQueryOptions } from "../modules/auth/auth.api.ts";
import { validatePersonSearch } from "../modules/beneficiaries/persons.search.ts";
import { validateEstablishmentSearch } from "../modules/establishments/establishments.search.ts";
import { validateOrganizationSearch } from "../modules/organizations/organizations.search.ts";
import {
  validateApplicationNewSearch,
  validateApplicationSearch,
  validateProgramListSearch,
  validateQueueSearch,
} from "../modules/programs/programs.search.ts";
import { validatePublicStatusSearch } from "../modules/public/public.search.ts";
import { validateTerritorySearch } from "../modules/territories/territories.search.ts";
import { validateUserSearch } from "../modules/users/users.search.ts";
import { PageLoader } from "../shared/query-state.tsx";
import { safeRedirect } from "../shared/search-params.ts";
import { createQueryClient } from "./query-client.ts";
import { NotFoundPage, RouteErrorPage } from "./route-pages.tsx";
import { appRoute, requirePermission, rootRoute } from "./routes.base.tsx";
import { monitoringRoutes } from "./routes.monitoring.tsx";

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

const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "persons",
  beforeLoad: requirePermission("persons.read"),
  validateSearch: validatePersonSearch,
  component: lazyRouteComponent(
    () => import("../modules/beneficiaries/person-list.page.tsx"),
    "PersonListPage",
  ),
});

const personNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "persons/new",
  beforeLoad: requirePermission("persons.write"),
  component: lazyRouteComponent(
    () => import("../modules/beneficiaries/person-create.page.tsx"),
    "PersonCreatePage",
  ),
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "persons/$id",
  beforeLoad: requirePermission("persons.read"),
  component: lazyRouteComponent(
    () => import("../modules/beneficiaries/person-detail.page.tsx"),
    "PersonDetailPage",
  ),
});

const personEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "persons/$id/edit",
  beforeLoad: requirePermission("persons.write"),
  component: lazyRouteComponent(
    () => import("../modules/beneficiaries/person-edit.page.tsx"),
    "PersonEditPage",
  ),
});

const personImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "persons/import",
  beforeLoad: requirePermission("persons.import"),
  component: lazyRouteComponent(
    () => import("../modules/beneficiaries/person-import.page.tsx"),
    "PersonImportPage",
  ),
});

const householdRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "households/$id",
  beforeLoad: requirePermission("persons.read"),
  component: lazyRouteComponent(() => import("../modules/beneficiaries/household.page.tsx"), "HouseholdPage"),
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

const programsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "programs",
  beforeLoad: requirePermission("programs.read"),
  validateSearch: validateProgramListSearch,
  component: lazyRouteComponent(() => import("../modules/programs/program-list.page.tsx"), "ProgramListPage"),
});

const programNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "programs/new",
  beforeLoad: requirePermission("programs.design"),
  component: lazyRouteComponent(
    () => import("../modules/programs/program-create.page.tsx"),
    "ProgramCreatePage",
  ),
});

const programRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "programs/$id",
  beforeLoad: requirePermission("programs.read"),
  component: lazyRouteComponent(
    () => import("../modules/programs/program-detail.page.tsx"),
    "ProgramDetailPage",
  ),
});

const programEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "programs/$id/edit",
  beforeLoad: requirePermission("programs.design"),
  component: lazyRouteComponent(() => import("../modules/programs/program-edit.page.tsx"), "ProgramEditPage"),
});

const programQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "programs/$id/queue",
  beforeLoad: requirePermission("applications.read"),
  validateSearch: validateQueueSearch,
  component: lazyRouteComponent(
    () => import("../modules/programs/program-queue.page.tsx"),
    "ProgramQueuePage",
  ),
});

const applicationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "applications",
  beforeLoad: requirePermission("applications.read"),
  validateSearch: validateApplicationSearch,
  component: lazyRouteComponent(
    () => import("../modules/programs/application-list.page.tsx"),
    "ApplicationListPage",
  ),
});

const applicationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "applications/new",
  beforeLoad: requirePermission("applications.write"),
  validateSearch: validateApplicationNewSearch,
  component: lazyRouteComponent(
    () => import("../modules/programs/application-create.page.tsx"),
    "ApplicationCreatePage",
  ),
});

const applicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "applications/$id",
  beforeLoad: requirePermission("applications.read"),
  component: lazyRouteComponent(
    () => import("../modules/programs/application-detail.page.tsx"),
    "ApplicationDetailPage",
  ),
});

/** Citizen pages: no sign-in, their own frame. */
const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "public",
  component: lazyRouteComponent(() => import("../modules/public/public-layout.tsx"), "PublicLayout"),
});

const publicProgramsRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: "programs",
  component: lazyRouteComponent(
    () => import("../modules/public/public-programs.page.tsx"),
    "PublicProgramsPage",
  ),
});

const publicProgramRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: "programs/$id",
  component: lazyRouteComponent(
    () => import("../modules/public/public-program.page.tsx"),
    "PublicProgramPage",
  ),
});

const publicStatusRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: "status",
  validateSearch: validatePublicStatusSearch,
  component: lazyRouteComponent(() => import("../modules/public/public-status.page.tsx"), "PublicStatusPage"),
});

/** Any other address: "page not found", inside the frame so the menu stays at hand. */
const establishmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "establishments",
  beforeLoad: requirePermission("establishments.read"),
  validateSearch: validateEstablishmentSearch,
  component: lazyRouteComponent(
    () => import("../modules/establishments/establishment-list.page.tsx"),
    "EstablishmentListPage",
  ),
});

const establishmentNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "establishments/new",
  beforeLoad: requirePermission("establishments.write"),
  component: lazyRouteComponent(
    () => import("../modules/establishments/establishment-create.page.tsx"),
    "EstablishmentCreatePage",
  ),
});

const establishmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "establishments/$id",
  beforeLoad: requirePermission("establishments.read"),
  component: lazyRouteComponent(
    () => import("../modules/establishments/establishment-detail.page.tsx"),
    "EstablishmentDetailPage",
  ),
});

const establishmentEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "establishments/$id/edit",
  beforeLoad: requirePermission("establishments.write"),
  component: lazyRouteComponent(
    () => import("../modules/establishments/establishment-edit.page.tsx"),
    "EstablishmentEditPage",
  ),
});

const cohortsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "cohorts",
  beforeLoad: requirePermission("establishments.read"),
  component: lazyRouteComponent(
    () => import("../modules/establishments/cohort-list.page.tsx"),
    "CohortListPage",
  ),
});

const cohortRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "cohorts/$id",
  beforeLoad: requirePermission("establishments.read"),
  component: lazyRouteComponent(() => import("../modules/establishments/cohort.page.tsx"), "CohortPage"),
});

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
    personsRoute,
    personImportRoute,
    personNewRoute,
    personRoute,
    personEditRoute,
    householdRoute,
    territoriesRoute,
    usersRoute,
    userNewRoute,
    userRoute,
    auditRoute,
    tokensRoute,
    programsRoute,
    programNewRoute,
    programRoute,
    programEditRoute,
    programQueueRoute,
    applicationsRoute,
    applicationNewRoute,
    applicationRoute,
    establishmentsRoute,
    establishmentNewRoute,
    establishmentRoute,
    establishmentEditRoute,
    cohortsRoute,
    cohortRoute,
    ...monitoringRoutes,
    notFoundRoute,
  ]),
  publicRoute.addChildren([publicProgramsRoute, publicProgramRoute, publicStatusRoute]),
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
