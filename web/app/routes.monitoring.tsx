import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { validateConventionSearch } from "../modules/conventions/conventions.search.ts";
import { validateProjectSearch } from "../modules/projects/projects.search.ts";
import { validateProposalSearch } from "../modules/proposals/proposals.search.ts";
import { appRoute, requirePermission } from "./routes.base.tsx";

/** Monitoring pages: dashboards, indicators, stakeholder proposals, conventions and social projects. */
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

export const monitoringRoutes = [
  dashboardRoute,
  regionDashboardRoute,
  provinceDashboardRoute,
  indicatorsRoute,
  indicatorRoute,
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
] as const;
