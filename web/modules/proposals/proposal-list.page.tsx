import { Badge, Button, Group, Menu, Paper, Select, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  PROPOSAL_STATUSES,
  PROPOSAL_THEMES,
  type Proposal,
  type ProposalStatus,
  type ProposalTheme,
} from "../../../contracts/proposals.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { type Column, PagedTable } from "../../shared/paged-table.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { SearchInput } from "../../shared/search-input.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useMoney } from "../programs/program-labels.tsx";
import { useRegionName } from "../territories/territories.api.ts";
import { RegionSelect } from "../territories/territory-selects.tsx";
import { ProposalChart } from "./proposal-chart.tsx";
import { ProposalStatusBadge, useOrganizationLabel } from "./proposal-labels.tsx";
import { exportUrl, proposalListQueryOptions } from "./proposals.api.ts";
import type { ProposalSearch } from "./proposals.search.ts";

const route = getRouteApi("/_app/proposals");

export function ProposalListPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(proposalListQueryOptions(search));
  const canSubmit = useCan("proposals.submit");
  const regionName = useRegionName();
  const organizationLabel = useOrganizationLabel();
  const money = useMoney();
  const format = useFormat();

  const filter = (changes: Partial<ProposalSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const columns: Column<Proposal>[] = [
    {
      key: "title",
      header: t("proposals.fields.title"),
      render: (p) => (
        <Stack gap={2}>
          <AnchorLink to="/proposals/$id" params={{ id: p.id }} fw={500}>
            {p.title}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {organizationLabel(p)}
          </Text>
        </Stack>
      ),
    },
    { key: "theme", header: t("proposals.fields.theme"), render: (p) => t(`proposals.themes.${p.theme}`) },
    { key: "region", header: t("proposals.fields.region"), render: (p) => regionName(p.regionCode) },
    {
      key: "cost",
      header: t("proposals.fields.estimatedCost"),
      render: (p) => <span className="jisr-ltr">{money(p.estimatedCostCentimes)}</span>,
    },
    {
      key: "status",
      header: t("proposals.fields.status"),
      render: (p) => <ProposalStatusBadge status={p.status} />,
    },
    {
      key: "supports",
      header: t("proposals.fields.supportCount"),
      render: (p) => (
        <Badge
          variant={p.supportCount ? "filled" : "outline"}
          color="grape"
          aria-label={t("proposals.supports.count", { count: p.supportCount })}
        >
          {p.supportCount}
        </Badge>
      ),
    },
    { key: "createdAt", header: t("proposals.fields.createdAt"), render: (p) => format.date(p.createdAt) },
  ];

  const filtered = Boolean(search.q || search.status || search.theme || search.region);

  return (
    <>
      <PageHeader
        title={t("proposals.title")}
        actions={
          <Group gap="xs">
            <Menu>
              <Menu.Target>
                <Button variant="default">{t("proposals.export")}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportUrl(search, "csv")} download>
                  {t("proposals.exportCsv")}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(search, "xlsx")} download>
                  {t("proposals.exportXlsx")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {canSubmit && <ButtonLink to="/proposals/new">{t("proposals.new")}</ButtonLink>}
          </Group>
        }
      />
      <Stack>
        <Text size="sm" c="dimmed">
          {t("proposals.intro")}
        </Text>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <SearchInput
              label={t("common.search")}
              placeholder={t("proposals.searchPlaceholder")}
              value={search.q}
              onSearch={(q) => filter({ q })}
              flex="1 1 220px"
            />
            <Select
              label={t("proposals.fields.status")}
              placeholder={t("proposals.allStatuses")}
              clearable
              data={PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposals.statuses.${s}`) }))}
              value={search.status ?? null}
              onChange={(status) => filter({ status: (status as ProposalStatus | null) ?? undefined })}
              w={180}
            />
            <Select
              label={t("proposals.fields.theme")}
              placeholder={t("proposals.allThemes")}
              clearable
              data={PROPOSAL_THEMES.map((s) => ({ value: s, label: t(`proposals.themes.${s}`) }))}
              value={search.theme ?? null}
              onChange={(theme) => filter({ theme: (theme as ProposalTheme | null) ?? undefined })}
              w={260}
            />
            <RegionSelect
              label={t("proposals.fields.region")}
              placeholder={t("proposals.allRegions")}
              value={search.region ?? null}
              onChange={(region) => filter({ region: region ?? undefined })}
              w={240}
            />
          </Group>
        </Paper>
        <ProposalChart search={search} />
        <PagedTable
          query={query}
          columns={columns}
          rowKey={(p) => p.id}
          label={t("proposals.title")}
          emptyTitle={t(filtered ? "proposals.emptyFiltered" : "proposals.empty")}
        />
      </Stack>
    </>
  );
}
