import { Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { Section } from "./dashboard-charts.tsx";
import { DashboardView } from "./dashboard-view.tsx";
import { dashboardExportUrl, dashboardQueryOptions } from "./dashboards.api.ts";
import { ExportMenu } from "./export-menu.tsx";
import { IndicatorMap } from "./indicator-map.tsx";

export function NationalDashboardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery(dashboardQueryOptions("national"));
  return (
    <>
      <PageHeader
        title={t("dashboards.title")}
        meta={
          <Text c="dimmed" size="sm">
            {t("dashboards.subtitle")}
            {query.data?.scope.population
              ? ` · ${t("dashboards.population", { count: f.number(query.data.scope.population) as unknown as number })}`
              : ""}
          </Text>
        }
        actions={
          <ExportMenu
            csv={dashboardExportUrl("national", "csv")}
            xlsx={dashboardExportUrl("national", "xlsx")}
          />
        }
      />
      <QueryState query={query}>
        {(d) => (
          <DashboardView
            d={d}
            extra={
              <Section title={t("dashboards.sections.map")}>
                <IndicatorMap />
              </Section>
            }
          />
        )}
      </QueryState>
    </>
  );
}
