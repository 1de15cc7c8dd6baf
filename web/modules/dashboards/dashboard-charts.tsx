import { BarChart, DonutChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Dashboard } from "../../../contracts/dashboards.ts";
import { useFormat } from "../../shared/format.ts";

/** Charts of a dashboard (loaded with the dashboard route only: recharts stays out of the first visit). */

const mad = (centimes: number) => Math.round(centimes / 100);
/** Long organisation names would overlap on an axis: the tooltip keeps the full name. */
const short = (name: string) => (name.length > 26 ? `${name.slice(0, 25)}…` : name);
const STATUS_COLOURS: Record<string, string> = {
  planned: "gray.5",
  in_progress: "blue.6",
  suspended: "orange.6",
  completed: "teal.6",
  cancelled: "red.6",
};

export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

export function HeadlineStats({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (k: string) => t(`dashboards.measures.${k}` as "dashboards.measures.count");
  const rate =
    d.money.committedCentimes > 0 ? (d.money.disbursedCentimes / d.money.committedCentimes) * 100 : 0;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
      <Stat label={m("committed")} value={f.number(mad(d.money.committedCentimes))} />
      <Stat label={m("disbursed")} value={f.number(mad(d.money.disbursedCentimes))} />
      <Stat label={m("disbursementRate")} value={`${f.number(Math.round(rate * 10) / 10)} %`} />
      <Stat label={m("projects")} value={f.number(d.projects.total)} />
      <Stat label={m("withLateMilestones")} value={f.number(d.projects.withLateMilestones)} />
      <Stat label={m("establishments")} value={f.number(d.infrastructure.establishments)} />
    </SimpleGrid>
  );
}

export function MoneyCharts({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const series = [
    { name: "committed", label: t("dashboards.measures.committed"), color: "teal.6" },
    { name: "disbursed", label: t("dashboards.measures.disbursed"), color: "indigo.6" },
  ];
  const partners = d.money.byPartner.slice(0, 10).map((p) => ({
    name: (i18n.language === "ar" && p.nameAr) || p.name,
    committed: mad(p.committedCentimes),
    disbursed: mad(p.disbursedCentimes),
  }));
  const regions = d.money.byRegion.map((r) => ({
    name: r.name,
    committed: mad(r.committedCentimes),
    disbursed: mad(r.disbursedCentimes),
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Section title={t("dashboards.sections.moneyByPartner")}>
        <BarChart
          h={Math.max(200, partners.length * 44 + 60)}
          data={partners}
          dataKey="name"
          series={series}
          valueFormatter={f.number}
          withLegend
          orientation="vertical"
          yAxisProps={{ width: 170, interval: 0, tickFormatter: short }}
        />
      </Section>
      <Section title={t("dashboards.sections.moneyByRegion")}>
        <BarChart
          h={280}
          data={regions}
          dataKey="name"
          series={series}
          valueFormatter={f.number}
          withLegend
        />
      </Section>
    </SimpleGrid>
  );
}

export function ProjectsAndInfrastructure({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const f = useFormat();
  const statuses = d.projects.byStatus.map((s) => ({
    name: t(`dashboards.statuses.${s.status}` as "dashboards.statuses.planned"),
    value: s.count,
    color: STATUS_COLOURS[s.status] ?? "gray.6",
  }));
  const i = d.infrastructure;
  const rates = [
    { name: t("dashboards.measures.connected"), rate: i.connectedRate },
    { name: t("dashboards.measures.solar"), rate: i.solarRate },
    { name: t("dashboards.measures.solarHotWater"), rate: i.solarHotWaterRate },
    { name: t("dashboards.measures.occupancyRate"), rate: i.occupancyRate },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Section title={t("dashboards.sections.projects")}>
        <Group align="center" wrap="nowrap">
          <DonutChart data={statuses} withLabelsLine={false} withTooltip size={180} thickness={28} />
          <Stack gap={4}>
            {statuses.map((s) => (
              <Text key={s.name} size="sm">
                {s.name} : <b>{f.number(s.value)}</b>
              </Text>
            ))}
            <Text size="sm" c="red.7">
              {t("dashboards.measures.lateMilestones")} : <b>{f.number(d.projects.lateMilestones)}</b>
            </Text>
          </Stack>
        </Group>
      </Section>
      <Section title={t("dashboards.sections.infrastructure")}>
        <BarChart
          h={220}
          data={rates}
          dataKey="name"
          series={[{ name: "rate", label: "%", color: "cyan.6" }]}
          yAxisProps={{ domain: [0, 100] }}
          xAxisProps={{ interval: 0, tickFormatter: short }}
          valueFormatter={(v) => `${f.number(v)} %`}
        />
      </Section>
    </SimpleGrid>
  );
}

export function ProgramsChart({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const ar = i18n.language === "ar";
  if (!d.programs.length) return <Text c="dimmed">{t("dashboards.noPrograms")}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {d.programs.map((p) => (
        <Stack key={p.programId} gap={4}>
          <Text fw={600} size="sm">
            {ar ? p.nameAr : p.nameFr} — {f.number(p.total)}
          </Text>
          <BarChart
            h={200}
            data={p.stages.map((s) => ({ name: ar ? s.nameAr : s.nameFr, count: s.count }))}
            dataKey="name"
            series={[{ name: "count", label: t("dashboards.measures.count"), color: "grape.6" }]}
            valueFormatter={f.number}
          />
        </Stack>
      ))}
    </SimpleGrid>
  );
}

export function IndicatorTargets({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  if (!d.indicators.length) return <Text c="dimmed">{t("dashboards.noIndicators")}</Text>;
  const value = (v: number | null) => (v === null ? "—" : f.number(v));
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("indicators.fields.name")}</Table.Th>
          <Table.Th>{t("dashboards.measures.target")}</Table.Th>
          <Table.Th>{t("dashboards.measures.actual")}</Table.Th>
          <Table.Th>{t("dashboards.measures.gap")}</Table.Th>
          <Table.Th w="30%">{t("indicators.progress.achievement")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {d.indicators.map((x) => (
          <Table.Tr key={x.indicatorId}>
            <Table.Td>{i18n.language === "ar" ? x.nameAr : x.nameFr}</Table.Td>
            <Table.Td>{value(x.target)}</Table.Td>
            <Table.Td>{value(x.actual)}</Table.Td>
            <Table.Td c={x.gap !== null && x.gap < 0 === (x.direction === "higher") ? "red.7" : "teal.8"}>
              {value(x.gap)}
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Progress
                  value={Math.min(100, x.achievement ?? 0)}
                  color={(x.achievement ?? 0) >= 100 ? "teal" : (x.achievement ?? 0) >= 60 ? "yellow" : "red"}
                  flex={1}
                  aria-label={t("indicators.progress.achievement")}
                />
                <Text size="xs">{x.achievement === null ? "—" : `${f.number(x.achievement)} %`}</Text>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
