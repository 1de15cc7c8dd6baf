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
import { validatePersonSearch } from "../modules/beneficiaries/persons.search.ts";
import { validateConventionSearch } from "../modules/conventions/conventions.search.ts";
import { validateEstablishmentSearch } from "../modules/establishments/establishments.search.ts";
import { validateOrganizationSearch } from "../modules/organizations/organizations.search.ts";
import {
  validateApplicationNewSearch,
  validateApplicationSearch,
  validateProgramListSearch,
  validateQueueSearch,
} from "../modules/programs/programs.search.ts";
import { validateProjectSearch } from "../modules/projects/projects.search.ts";
import { validateProposalSearch } from "../modules/proposals/proposals.search.ts";
import { validatePublicStatusSearch } from "../modules/public/public.search.ts";
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

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "dashboard",
  beforeLoad: requirePermission("dashboards.read"),
  component: lazyRouteComponent(
    () => import("../modules/dashboards/national-dashboard.page.tsx"),
    "NationalDashboardPage",
  ),
});

const regionDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "dashboard/regions/$code",
  beforeLoad: requirePermission("dashboards.read"),
  component: lazyRouteComponent(
    () => import("../modules/dashboards/territory-dashboard.page.tsx"),
    "RegionDashboardPage",
  ),
});

const provinceDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "dashboard/provinces/$code",
  beforeLoad: requirePermission("dashboards.read"),
  component: lazyRouteComponent(
    () => import("../modules/dashboards/territory-dashboard.page.tsx"),
    "ProvinceDashboardPage",
  ),
});

const indicatorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "indicators",
  beforeLoad: requirePermission("indicators.read"),
  component: lazyRouteComponent(
    () => import("../modules/indicators/indicator-list.page.tsx"),
    "IndicatorListPage",
  ),
});

const indicatorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "indicators/$id",
  beforeLoad: requirePermission("indicators.read"),
  component: lazyRouteComponent(
    () => import("../modules/indicators/indicator-detail.page.tsx"),
    "IndicatorDetailPage",
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

const proposalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "proposals",
  beforeLoad: requirePermission("proposals.read"),
  validateSearch: validateProposalSearch,
  component: lazyRouteComponent(
    () => import("../modules/proposals/proposal-list.page.tsx"),
    "ProposalListPage",
  ),
});

const proposalNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "proposals/new",
  beforeLoad: requirePermission("proposals.submit"),
  component: lazyRouteComponent(
    () => import("../modules/proposals/proposal-create.page.tsx"),
    "ProposalCreatePage",
  ),
});

const proposalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "proposals/$id",
  beforeLoad: requirePermission("proposals.read"),
  component: lazyRouteComponent(
    () => import("../modules/proposals/proposal-detail.page.tsx"),
    "ProposalDetailPage",
  ),
});

// Partnership conventions; their projects are the social projects below.
const conventionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "conventions",
  beforeLoad: requirePermission("conventions.read"),
  validateSearch: validateConventionSearch,
  component: lazyRouteComponent(
    () => import("../modules/conventions/convention-list.page.tsx"),
    "ConventionListPage",
  ),
});

const conventionNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "conventions/new",
  beforeLoad: requirePermission("conventions.write"),
  component: lazyRouteComponent(
    () => import("../modules/conventions/convention-create.page.tsx"),
    "ConventionCreatePage",
  ),
});

const conventionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "conventions/$id",
  beforeLoad: requirePermission("conventions.read"),
  component: lazyRouteComponent(
    () => import("../modules/conventions/convention-detail.page.tsx"),
    "ConventionDetailPage",
  ),
});

const conventionEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "conventions/$id/edit",
  beforeLoad: requirePermission("conventions.write"),
  component: lazyRouteComponent(
    () => import("../modules/conventions/convention-edit.page.tsx"),
    "ConventionEditPage",
  ),
});

// Social projects of the partnerships module (establishment projects live under /establishments).
const projectsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "projects",
  beforeLoad: requirePermission("projects.read"),
  validateSearch: validateProjectSearch,
  component: lazyRouteComponent(() => import("../modules/projects/project-list.page.tsx"), "ProjectListPage"),
});

const projectNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "projects/new",
  beforeLoad: requirePermission("projects.write"),
  component: lazyRouteComponent(
    () => import("../modules/projects/project-create.page.tsx"),
    "ProjectCreatePage",
  ),
});

const projectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "projects/$id",
  beforeLoad: requirePermission("projects.read"),
  component: lazyRouteComponent(
    () => import("../modules/projects/project-detail.page.tsx"),
    "ProjectDetailPage",
  ),
});

const projectEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "projects/$id/edit",
  beforeLoad: requirePermission("projects.write"),
  component: lazyRouteComponent(() => import("../modules/projects/project-edit.page.tsx"), "ProjectEditPage"),
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
    dashboardRoute,
    regionDashboardRoute,
    provinceDashboardRoute,
    indicatorsRoute,
    indicatorRoute,
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
    proposalsRoute,
    proposalNewRoute,
    proposalRoute,
    conventionsRoute,
    conventionNewRoute,
    conventionRoute,
    conventionEditRoute,
    projectsRoute,
    projectNewRoute,
    projectRoute,
    projectEditRoute,
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
