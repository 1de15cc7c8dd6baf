import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Menu,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  AUTHORISATION_STATUSES,
  type AuthorisationStatus,
  CONNECTIVITY_TYPES,
  type Connectivity,
  ESTABLISHMENT_CATEGORIES,
  type EstablishmentCategory,
  type EstablishmentSummary,
  type ImportResult,
} from "../../../contracts/establishments.ts";
import { useFormat } from "../../shared/format.ts";
import { ProblemError } from "../../shared/http.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { type Column, PagedTable } from "../../shared/paged-table.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { RegionMap } from "../../shared/region-map.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { SearchInput } from "../../shared/search-input.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useRegionName } from "../territories/territories.api.ts";
import { RegionSelect } from "../territories/territory-selects.tsx";
import { CategoryCounts } from "./category-counts.tsx";
import {
  cohortsQueryOptions,
  establishmentListQueryOptions,
  establishmentStatsQueryOptions,
  exportUrl,
  useImportEstablishments,
} from "./establishments.api.ts";
import type { EstablishmentSearch } from "./establishments.search.ts";

const route = getRouteApi("/_app/establishments");

export function EstablishmentListPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(establishmentListQueryOptions(search));
  const cohorts = useQuery(cohortsQueryOptions);
  const canWrite = useCan("establishments.write");
  const regionName = useRegionName();
  const [importing, setImporting] = useState(false);

  const filter = (changes: Partial<EstablishmentSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const columns: Column<EstablishmentSummary>[] = [
    {
      key: "code",
      header: t("establishments.fields.code"),
      render: (e) => (
        <Text ff="monospace" size="sm">
          {e.code}
        </Text>
      ),
    },
    {
      key: "name",
      header: t("establishments.fields.nameFr"),
      render: (e) => (
        <Stack gap={2}>
          <AnchorLink to="/establishments/$id" params={{ id: e.id }} fw={500}>
            {(i18n.language === "ar" && e.nameAr) || e.nameFr}
          </AnchorLink>
          <Group gap={4}>
            {e.overdueActions > 0 && (
              <Badge color="red" size="xs">
                {t("establishments.overdue", { count: e.overdueActions })}
              </Badge>
            )}
            {e.authorisationExpiring && (
              <Badge color="orange" size="xs">
                {t("establishments.expiring")}
              </Badge>
            )}
            {e.archivedAt && (
              <Badge color="gray" size="xs">
                {t("establishments.archivedBadge")}
              </Badge>
            )}
          </Group>
        </Stack>
      ),
    },
    {
      key: "category",
      header: t("establishments.fields.category"),
      render: (e) => t(`establishments.categories.${e.category}`),
    },
    { key: "region", header: t("establishments.fields.regionCode"), render: (e) => regionName(e.regionCode) },
    {
      key: "authorisation",
      header: t("establishments.fields.authorisationStatus"),
      render: (e) => t(`establishments.authorisationStatuses.${e.authorisationStatus}`),
    },
    {
      key: "capacity",
      header: t("establishments.capacity"),
      render: (e) => t("establishments.places", { count: e.capacityMale + e.capacityFemale }),
    },
    {
      key: "connectivity",
      header: t("establishments.fields.connectivity"),
      render: (e) => t(`establishments.connectivityTypes.${e.connectivity}`),
    },
  ];

  const filtered = Object.values(search).some((v) => v !== undefined);
  const options = <T extends string>(values: readonly T[], label: (value: T) => string) =>
    values.map((value) => ({ value, label: label(value) }));

  return (
    <>
      <PageHeader
        title={t("establishments.title")}
        actions={
          <Group gap="xs">
            <Menu>
              <Menu.Target>
                <Button variant="default">{t("establishments.export")}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportUrl(search, "csv")} download>
                  {t("establishments.exportCsv")}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(search, "xlsx")} download>
                  {t("establishments.exportXlsx")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {canWrite && (
              <Button variant="default" onClick={() => setImporting(true)}>
                {t("establishments.import")}
              </Button>
            )}
            {canWrite && <ButtonLink to="/establishments/new">{t("establishments.new")}</ButtonLink>}
          </Group>
        }
      />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <SearchInput
              label={t("common.search")}
              placeholder={t("establishments.searchPlaceholder")}
              value={search.q}
              onSearch={(q) => filter({ q })}
              flex="1 1 220px"
            />
            <RegionSelect
              label={t("establishments.fields.regionCode")}
              placeholder={t("establishments.allRegions")}
              value={search.region ?? null}
              onChange={(region) => filter({ region: region ?? undefined })}
              w={220}
            />
            <Select
              label={t("establishments.fields.category")}
              placeholder={t("establishments.allCategories")}
              clearable
              data={options(ESTABLISHMENT_CATEGORIES, (v) => t(`establishments.categories.${v}`))}
              value={search.category ?? null}
              onChange={(v) => filter({ category: (v as EstablishmentCategory | null) ?? undefined })}
              w={220}
            />
            <Select
              label={t("establishments.fields.authorisationStatus")}
              placeholder={t("establishments.allAuthorisations")}
              clearable
              data={options(AUTHORISATION_STATUSES, (v) => t(`establishments.authorisationStatuses.${v}`))}
              value={search.authorisation ?? null}
              onChange={(v) => filter({ authorisation: (v as AuthorisationStatus | null) ?? undefined })}
              w={180}
            />
            <Select
              label={t("establishments.fields.connectivity")}
              placeholder={t("establishments.allConnectivity")}
              clearable
              data={options(CONNECTIVITY_TYPES, (v) => t(`establishments.connectivityTypes.${v}`))}
              value={search.connectivity ?? null}
              onChange={(v) => filter({ connectivity: (v as Connectivity | null) ?? undefined })}
              w={170}
            />
            <Select
              label={t("establishments.tabs.cohorts")}
              placeholder={t("establishments.allCohorts")}
              clearable
              data={(cohorts.data ?? []).map((c) => ({
                value: c.id,
                label: (i18n.language === "ar" && c.nameAr) || c.nameFr,
              }))}
              value={search.cohort ?? null}
              onChange={(v) => filter({ cohort: v ?? undefined })}
              w={260}
            />
            <Checkbox
              label={t("establishments.overdueOnly")}
              checked={search.overdue === true}
              onChange={(event) => filter({ overdue: event.currentTarget.checked || undefined })}
              mb={8}
            />
            <Checkbox
              label={t("establishments.includeArchived")}
              checked={search.archived === true}
              onChange={(event) => filter({ archived: event.currentTarget.checked || undefined })}
              mb={8}
            />
          </Group>
        </Paper>
        <StatsPanel search={search} onRegion={(region) => filter({ region: region ?? undefined })} />
        <PagedTable
          query={query}
          columns={columns}
          rowKey={(e) => e.id}
          label={t("establishments.title")}
          emptyTitle={t(filtered ? "establishments.emptyFiltered" : "establishments.empty")}
        />
      </Stack>
      <ImportModal opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}

/** The map of the regions (filters the list on click) and the counts by category of the filtered list. */
function StatsPanel({
  search,
  onRegion,
}: {
  search: EstablishmentSearch;
  onRegion: (region: string | null) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const regionName = useRegionName();
  // The map ignores the region filter so every region keeps its count; the categories follow all filters.
  const map = useQuery(establishmentStatsQueryOptions({ ...search, region: undefined }));
  const stats = useQuery(establishmentStatsQueryOptions(search));
  const values = Object.fromEntries((map.data?.byRegion ?? []).map((r) => [r.regionCode, r.count]));
  return (
    <Paper withBorder p="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t("establishments.map.title")}
          </Text>
          <Text size="xs" c="dimmed">
            {t("establishments.map.hint")}
          </Text>
          <RegionMap
            values={values}
            selected={search.region ?? null}
            onSelect={onRegion}
            label={(code) => t(`establishments.map.regions.${code as "MA-01"}`)}
            describe={(code, count) =>
              t("establishments.map.regionLabel", { name: regionName(code), value: format.number(count) })
            }
            format={format.number}
            legend={t("establishments.map.legend")}
            title={t("establishments.map.title")}
          />
        </Stack>
        <Stack gap="xs">
          <CategoryCounts
            title={t("establishments.map.byCategory")}
            empty={t("establishments.map.none")}
            format={format.number}
            items={(stats.data?.byCategory ?? []).map((c) => ({
              key: c.category,
              label: t(`establishments.categories.${c.category}`),
              count: c.count,
            }))}
          />
          {stats.data && (
            <Text size="sm" c="dimmed">
              {t("establishments.map.total", { value: format.number(stats.data.total) })}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

/** Upload of a CSV/XLSX file; a refused file shows its row-by-row report. */
function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const run = useImportEstablishments();
  const rowErrors = run.error instanceof ProblemError ? run.error.errors : [];
  const close = () => {
    setFile(null);
    setResult(null);
    run.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t("establishments.importTitle")} size="xl">
      <Stack>
        <Text size="sm">{t("establishments.importHint")}</Text>
        <FileInput
          label={t("establishments.importFile")}
          accept=".csv,.xlsx,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
            run.reset();
          }}
        />
        {result && <Alert color="teal">{t("establishments.importDone", result)}</Alert>}
        {run.error && !rowErrors.length && <ProblemAlert error={run.error} />}
        {rowErrors.length > 0 && (
          <Stack gap="xs">
            <Alert color="red">{run.error instanceof ProblemError ? run.error.message : null}</Alert>
            <Text fw={600}>{t("establishments.importErrors")}</Text>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("establishments.row")}</Table.Th>
                  <Table.Th>{t("establishments.column")}</Table.Th>
                  <Table.Th>{t("establishments.message")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rowErrors.map((e) => {
                  const [, row, ...column] = e.path.split(".");
                  return (
                    <Table.Tr key={`${e.path}-${e.code}`}>
                      <Table.Td>{row}</Table.Td>
                      <Table.Td>{column.join(".")}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.close")}
          </Button>
          <Button
            disabled={!file}
            loading={run.isPending}
            onClick={() => file && run.mutate(file, { onSuccess: (r) => setResult(r) })}
          >
            {t("establishments.importRun")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
