import { BarChart } from "@mantine/charts";
import { today } from "../../../contracts/calendar.ts";
import "@mantine/charts/styles.css";
import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Indicator } from "../../../contracts/indicators.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useCan, useCanNationally } from "../auth/auth.api.ts";
import { ExportMenu } from "../dashboards/export-menu.tsx";
import { useRegionName } from "../territories/territories.api.ts";
import { IndicatorDefinitionForm } from "./indicator-definition-form.tsx";
import { MeasurementForm, TargetForm } from "./indicator-forms.tsx";
import {
  computedQueryOptions,
  indicatorQueryOptions,
  measurementsExportUrl,
  measurementsQueryOptions,
  progressExportUrl,
  progressQueryOptions,
} from "./indicators.api.ts";

function Box({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Targets against actuals by territory for a chosen period: a chart of the regions, then every row. */
function ProgressPanel({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const f = useFormat();
  const all = useQuery(progressQueryOptions(indicator.id, null));
  const periods = [...new Set((all.data?.rows ?? []).map((r) => r.period))].sort();
  const [chosen, setChosen] = useState<string | null>(null);
  const period = chosen ?? periods.find((p) => p === today().slice(0, 4)) ?? periods.at(-1) ?? null;
  const rows = (all.data?.rows ?? []).filter((r) => r.period === period);
  const regions = rows.filter((r) => r.territoryLevel === "region");
  const value = (v: number | null) => (v === null ? "—" : f.number(v));
  return (
    <Box title={t("indicators.progress.title")}>
      <Group mb="sm" justify="space-between">
        <Select
          label={t("indicators.progress.period")}
          data={periods}
          value={period}
          onChange={setChosen}
          allowDeselect={false}
          w={160}
        />
        <ExportMenu
          csv={progressExportUrl(indicator.id, "csv", period)}
          xlsx={progressExportUrl(indicator.id, "xlsx", period)}
        />
      </Group>
      <QueryState query={all}>
        {() =>
          rows.length === 0 ? (
            <Text c="dimmed">{t("indicators.progress.empty")}</Text>
          ) : (
            <Stack>
              {regions.length > 0 && (
                <BarChart
                  h={300}
                  data={regions.map((r) => ({
                    name: r.territoryName,
                    target: r.target ?? 0,
                    actual: r.actual ?? 0,
                  }))}
                  dataKey="name"
                  series={[
                    { name: "target", label: t("indicators.progress.target"), color: "gray.5" },
                    { name: "actual", label: t("indicators.progress.actual"), color: "teal.6" },
                  ]}
                  valueFormatter={f.number}
                  withLegend
                  aria-label={t("indicators.progress.chart")}
                />
              )}
              <Table striped data-testid="progress-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("indicators.progress.territory")}</Table.Th>
                    <Table.Th>{t("indicators.progress.target")}</Table.Th>
                    <Table.Th>{t("indicators.progress.actual")}</Table.Th>
                    <Table.Th>{t("indicators.progress.gap")}</Table.Th>
                    <Table.Th>{t("indicators.progress.achievement")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={`${r.territoryLevel}-${r.territoryCode}`}>
                      <Table.Td>{r.territoryName}</Table.Td>
                      <Table.Td>{value(r.target)}</Table.Td>
                      <Table.Td>{value(r.actual)}</Table.Td>
                      <Table.Td>{value(r.gap)}</Table.Td>
                      <Table.Td>{r.achievement === null ? "—" : `${f.number(r.achievement)} %`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )
        }
      </QueryState>
    </Box>
  );
}

function ComputedPanel({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery(computedQueryOptions(indicator.id, true));
  return (
    <Box title={t("indicators.computed.title")}>
      <QueryState query={query}>
        {(c) => (
          <Text size="sm" c="dimmed">
            {t("indicators.computed.computedAt", { date: f.dateTime(c.computedAt) })}
          </Text>
        )}
      </QueryState>
    </Box>
  );
}

function MeasurementsPanel({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery(measurementsQueryOptions(indicator.id));
  const regionName = useRegionName();
  return (
    <Box title={t("indicators.measurements.title")}>
      <Group mb="sm" justify="flex-end">
        <ExportMenu
          csv={measurementsExportUrl(indicator.id, "csv")}
          xlsx={measurementsExportUrl(indicator.id, "xlsx")}
        />
      </Group>
      <QueryState query={query}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t("indicators.measurements.empty")}</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("indicators.progress.period")}</Table.Th>
                  <Table.Th>{t("indicators.progress.territory")}</Table.Th>
                  <Table.Th>{t("indicators.measurements.value")}</Table.Th>
                  <Table.Th>{t("indicators.measurements.source")}</Table.Th>
                  <Table.Th>{t("indicators.measurements.date")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.slice(0, 30).map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.period}</Table.Td>
                    <Table.Td>{regionName(m.territoryCode) ?? t("indicators.levels.national")}</Table.Td>
                    <Table.Td>{f.number(m.value)}</Table.Td>
                    <Table.Td>{m.source}</Table.Td>
                    <Table.Td>{f.dateTime(m.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Box>
  );
}

export function IndicatorDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ from: "/_app/indicators/$id" });
  const query = useQuery(indicatorQueryOptions(id));
  const canWrite = useCan("indicators.write");
  const canDefine = useCanNationally("indicators.write");
  const [editing, dialog] = useDisclosure(false);
  return (
    <QueryState query={query}>
      {(indicator) => (
        <>
          <PageHeader
            title={i18n.language === "ar" ? indicator.nameAr : indicator.nameFr}
            back={
              <AnchorLink to="/indicators" size="sm">
                {t("indicators.back")}
              </AnchorLink>
            }
            actions={
              canDefine && (
                <Button variant="default" onClick={dialog.open}>
                  {t("common.edit")}
                </Button>
              )
            }
            meta={
              <Group gap="xs">
                <Badge variant="outline">{indicator.code}</Badge>
                <Badge variant="light" color={indicator.kind === "computed" ? "grape" : "blue"}>
                  {t(`indicators.kinds.${indicator.kind}`)}
                </Badge>
                <Badge variant="light">{t(`indicators.units.${indicator.unit}`)}</Badge>
                <Badge variant="light">{t(`indicators.directions.${indicator.direction}`)}</Badge>
                <Badge variant="light">{t(`indicators.aggregations.${indicator.aggregation}`)}</Badge>
                {indicator.computation && (
                  <Text size="sm">{t(`indicators.computations.${indicator.computation}`)}</Text>
                )}
              </Group>
            }
          />
          <Modal opened={editing} onClose={dialog.close} title={t("indicators.edit")} size="xl">
            <IndicatorDefinitionForm
              key={indicator.version}
              indicator={indicator}
              onDone={dialog.close}
              onCancel={dialog.close}
              onReload={() => void query.refetch()}
            />
          </Modal>
          {indicator.description && (
            <Text mb="md" maw={900} dir="auto">
              {indicator.description}
            </Text>
          )}
          <Stack gap="md">
            <ProgressPanel indicator={indicator} />
            {indicator.kind === "computed" && <ComputedPanel indicator={indicator} />}
            {canWrite && (
              <SimpleGrid cols={{ base: 1, md: indicator.kind === "entered" ? 2 : 1 }}>
                <Box title={t("indicators.targets.title")}>
                  <TargetForm indicator={indicator} />
                </Box>
                {indicator.kind === "entered" && (
                  <Box title={t("indicators.measurements.add")}>
                    <MeasurementForm indicator={indicator} />
                  </Box>
                )}
              </SimpleGrid>
            )}
            {indicator.kind === "entered" && <MeasurementsPanel indicator={indicator} />}
          </Stack>
        </>
      )}
    </QueryState>
  );
}
