import { BarChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { Paper, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { PROPOSAL_STATUSES, type ProposalStats } from "../../../contracts/proposals.ts";
import { http } from "../../shared/http.ts";
import { useRegionName } from "../territories/territories.api.ts";
import type { ProposalSearch } from "./proposals.search.ts";

const COLOURS = { received: "blue.5", under_study: "yellow.5", retained: "teal.6", not_retained: "gray.5" };

/** Proposals by region, stacked by status: where stakeholders speak up, and what became of it. */
export function ProposalChart({ search }: { search: ProposalSearch }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const stats = useQuery({
    queryKey: ["proposals", "stats", { ...search, status: undefined }],
    queryFn: ({ signal }) =>
      http.get<ProposalStats>(
        "/proposals/stats",
        { q: search.q, theme: search.theme, region: search.region },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const rows = stats.data?.byRegion ?? [];
  if (rows.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {t("proposals.byRegion")}
      </Title>
      <BarChart
        h={200}
        type="stacked"
        maxBarWidth={64}
        data={rows.map((r) => ({ ...r, region: regionName(r.regionCode) ?? r.regionCode }))}
        dataKey="region"
        withLegend
        series={PROPOSAL_STATUSES.map((s) => ({
          name: s,
          label: t(`proposals.statuses.${s}`),
          color: COLOURS[s],
        }))}
        aria-label={t("proposals.byRegion")}
      />
    </Paper>
  );
}
