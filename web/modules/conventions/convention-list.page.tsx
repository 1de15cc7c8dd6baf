import { Button, Checkbox, Group, Paper, Select, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ConventionSummary } from "../../../contracts/conventions.ts";
import {
  CONVENTION_STATUSES,
  CONVENTION_TYPES,
  type ConventionStatus,
  type ConventionType,
} from "../../../contracts/partnerships.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { type Column, PagedTable } from "../../shared/paged-table.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { SearchInput } from "../../shared/search-input.tsx";
import { useCan } from "../auth/auth.api.ts";
import { OrganizationSelect } from "../organizations/organization-select.tsx";
import { useMad } from "../projects/project-money.ts";
import { useRegionName } from "../territories/territories.api.ts";
import { RegionSelect } from "../territories/territory-selects.tsx";
import { ConventionStatusBadge, useConventionTitle } from "./convention-labels.tsx";
import { conventionExportUrl, conventionListQueryOptions } from "./conventions.api.ts";
import type { ConventionSearch } from "./conventions.search.ts";

const route = getRouteApi("/_app/conventions");

export function ConventionListPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(conventionListQueryOptions(search));
  const canWrite = useCan("conventions.write");
  const regionName = useRegionName();
  const title = useConventionTitle();
  const mad = useMad();

  const filter = (changes: Partial<ConventionSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const columns: Column<ConventionSummary>[] = [
    {
      key: "reference",
      header: t("conventions.fields.reference"),
      render: (c) => (
        <Text size="sm" ff="monospace" dir="ltr">
          {c.reference}
        </Text>
      ),
    },
    {
      key: "title",
      header: t("conventions.fields.title"),
      render: (c) => (
        <AnchorLink to="/conventions/$id" params={{ id: c.id }} fw={500}>
          {title(c)}
        </AnchorLink>
      ),
    },
    { key: "type", header: t("conventions.fields.type"), render: (c) => t(`conventions.types.${c.type}`) },
    {
      key: "status",
      header: t("conventions.fields.status"),
      render: (c) => <ConventionStatusBadge status={c.status} />,
    },
    {
      key: "region",
      header: t("conventions.fields.region"),
      render: (c) => (c.regionCode ? regionName(c.regionCode) : t("conventions.national")),
    },
    {
      key: "parties",
      header: t("conventions.fields.parties"),
      render: (c) => c.parties.map((p) => (i18n.language === "ar" && p.nameAr) || p.nameFr).join(" · "),
    },
    {
      key: "committed",
      header: t("conventions.fields.committed"),
      render: (c) => (
        <Text size="sm" ta="end" style={{ whiteSpace: "nowrap" }}>
          {mad(c.committedCentimes)}
        </Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("conventions.ui.title")}
        actions={
          <Group gap="xs">
            <Button component="a" href={conventionExportUrl(search, "csv")} download variant="default">
              {t("conventions.ui.exportCsv")}
            </Button>
            <Button component="a" href={conventionExportUrl(search, "xlsx")} download variant="default">
              {t("conventions.ui.exportXlsx")}
            </Button>
            {canWrite && <ButtonLink to="/conventions/new">{t("conventions.ui.new")}</ButtonLink>}
          </Group>
        }
      />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <SearchInput
              label={t("common.search")}
              placeholder={t("conventions.ui.searchPlaceholder")}
              value={search.q}
              onSearch={(q) => filter({ q })}
              flex="1 1 220px"
            />
            <Select
              label={t("conventions.fields.type")}
              placeholder={t("conventions.ui.allTypes")}
              clearable
              data={CONVENTION_TYPES.map((v) => ({ value: v, label: t(`conventions.types.${v}`) }))}
              value={search.type ?? null}
              onChange={(v) => filter({ type: (v as ConventionType | null) ?? undefined })}
              w={200}
            />
            <Select
              label={t("conventions.fields.status")}
              placeholder={t("conventions.ui.allStatuses")}
              clearable
              data={CONVENTION_STATUSES.map((v) => ({ value: v, label: t(`conventions.statuses.${v}`) }))}
              value={search.status ?? null}
              onChange={(v) => filter({ status: (v as ConventionStatus | null) ?? undefined })}
              w={200}
            />
            <RegionSelect
              label={t("conventions.fields.region")}
              placeholder={t("conventions.ui.allRegions")}
              value={search.region ?? null}
              onChange={(region) => filter({ region: region ?? undefined })}
              w={240}
            />
            <OrganizationSelect
              label={t("conventions.ui.partyFilter")}
              clearable
              value={search.party ?? null}
              onChange={(party) => filter({ party: party ?? undefined })}
              w={240}
            />
            <Checkbox
              label={t("conventions.ui.archived")}
              checked={search.archived === true}
              onChange={(event) => filter({ archived: event.currentTarget.checked || undefined })}
              mb={8}
            />
          </Group>
        </Paper>
        <PagedTable
          query={query}
          columns={columns}
          rowKey={(c) => c.id}
          label={t("conventions.ui.title")}
          emptyTitle={t("conventions.ui.noResults")}
        />
      </Stack>
    </>
  );
}
