import { Stack, Table } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Dashboard } from "../../../contracts/dashboards.ts";
import { useFormat } from "../../shared/format.ts";
import { AnchorLink } from "../../shared/router-links.tsx";
import {
  HeadlineStats,
  IndicatorTargets,
  MoneyCharts,
  ProgramsChart,
  ProjectsAndInfrastructure,
  Section,
} from "./dashboard-charts.tsx";

/** Every section of a dashboard, national, regional or provincial; `extra` goes after the headline figures. */
export function DashboardView({ d, extra }: { d: Dashboard; extra?: ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap="md">
      <HeadlineStats d={d} />
      {extra}
      <MoneyCharts d={d} />
      <ProjectsAndInfrastructure d={d} />
      <Section title={t("dashboards.sections.programs")}>
        <ProgramsChart d={d} />
      </Section>
      <Section title={t("dashboards.sections.indicators")}>
        <IndicatorTargets d={d} />
      </Section>
      {d.territories.length > 0 && (
        <Section
          title={t(
            d.scope.level === "national" ? "dashboards.sections.regions" : "dashboards.sections.provinces",
          )}
        >
          <Table striped highlightOnHover data-testid="dashboard-territories">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("dashboards.columns.name")}</Table.Th>
                <Table.Th>{t("dashboards.columns.population")}</Table.Th>
                <Table.Th>{t("dashboards.measures.establishments")}</Table.Th>
                <Table.Th>{t("dashboards.measures.connectedRate")}</Table.Th>
                <Table.Th>{t("dashboards.measures.projects")}</Table.Th>
                <Table.Th>{t("dashboards.measures.committed")}</Table.Th>
                <Table.Th>{t("dashboards.measures.disbursed")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.territories.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>
                    {c.level === "region" ? (
                      <AnchorLink to="/dashboard/regions/$code" params={{ code: c.code }}>
                        {c.name}
                      </AnchorLink>
                    ) : (
                      <AnchorLink to="/dashboard/provinces/$code" params={{ code: c.code }}>
                        {c.name}
                      </AnchorLink>
                    )}
                  </Table.Td>
                  <Table.Td>{c.population === null ? "—" : f.number(c.population)}</Table.Td>
                  <Table.Td>{f.number(c.establishments)}</Table.Td>
                  <Table.Td>{f.number(c.connectedRate)} %</Table.Td>
                  <Table.Td>{f.number(c.projects)}</Table.Td>
                  <Table.Td>{f.number(Math.round(c.committedCentimes / 100))}</Table.Td>
                  <Table.Td>{f.number(Math.round(c.disbursedCentimes / 100))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      )}
    </Stack>
  );
}
