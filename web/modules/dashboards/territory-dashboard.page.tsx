import { Badge, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { Section } from "./dashboard-charts.tsx";
import { DashboardView } from "./dashboard-view.tsx";
import {
  type DashboardLevel,
  dashboardExportUrl,
  dashboardQueryOptions,
  projectsExportUrl,
  regionProjectsQueryOptions,
} from "./dashboards.api.ts";
import { ExportMenu } from "./export-menu.tsx";

/** A region's projects, each linking to its page. */
function RegionProjects({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const query = useQuery(regionProjectsQueryOptions(code));
  return (
    <Section
      title={t("dashboards.sections.regionProjects")}
      actions={<ExportMenu csv={projectsExportUrl(code, "csv")} xlsx={projectsExportUrl(code, "xlsx")} />}
    >
      <QueryState query={query}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t("dashboards.noProjects")}</Text>
          ) : (
            <Table striped highlightOnHover data-testid="region-projects">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("dashboards.columns.code")}</Table.Th>
                  <Table.Th>{t("dashboards.columns.title")}</Table.Th>
                  <Table.Th>{t("dashboards.columns.status")}</Table.Th>
                  <Table.Th>{t("dashboards.columns.committed")}</Table.Th>
                  <Table.Th>{t("dashboards.columns.disbursed")}</Table.Th>
                  <Table.Th>{t("dashboards.columns.lateMilestones")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.code}</Table.Td>
                    <Table.Td>
                      {/* The project page belongs to the partnerships module. */}
                      <AnchorLink to={"/projects/$id" as never} params={{ id: p.id } as never}>
                        {(i18n.language === "ar" && p.titleAr) || p.titleFr}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">
                        {t(`dashboards.statuses.${p.status}` as "dashboards.statuses.planned")}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{f.number(Math.round(p.committedCentimes / 100))}</Table.Td>
                    <Table.Td>{f.number(Math.round(p.disbursedCentimes / 100))}</Table.Td>
                    <Table.Td c={p.lateMilestones > 0 ? "red.7" : undefined}>
                      {f.number(p.lateMilestones)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Section>
  );
}

function TerritoryDashboard({ level, code }: { level: Exclude<DashboardLevel, "national">; code: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery(dashboardQueryOptions(level, code));
  const name = query.data?.scope.name ?? code;
  return (
    <>
      <PageHeader
        title={t(level === "regions" ? "dashboards.regionTitle" : "dashboards.provinceTitle", { name })}
        back={
          <AnchorLink to="/dashboard" size="sm">
            {t("dashboards.back")}
          </AnchorLink>
        }
        meta={
          query.data?.scope.population ? (
            <Text c="dimmed" size="sm">
              {t("dashboards.population", {
                count: f.number(query.data.scope.population) as unknown as number,
              })}
            </Text>
          ) : undefined
        }
        actions={
          <ExportMenu
            csv={dashboardExportUrl(level, "csv", code)}
            xlsx={dashboardExportUrl(level, "xlsx", code)}
          />
        }
      />
      <QueryState query={query}>
        {(d) => (
          <DashboardView d={d} extra={level === "regions" ? <RegionProjects code={code} /> : undefined} />
        )}
      </QueryState>
    </>
  );
}

export function RegionDashboardPage() {
  const { code } = useParams({ from: "/_app/dashboard/regions/$code" });
  return <TerritoryDashboard key={code} level="regions" code={code} />;
}

export function ProvinceDashboardPage() {
  const { code } = useParams({ from: "/_app/dashboard/provinces/$code" });
  return <TerritoryDashboard key={code} level="provinces" code={code} />;
}
