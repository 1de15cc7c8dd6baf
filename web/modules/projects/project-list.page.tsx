import { Badge, Button, Checkbox, Group, Menu, Paper, Progress, Select, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  PROJECT_SECTORS,
  PROJECT_STATUSES,
  type ProjectSector,
  type ProjectStatus,
} from "../../../contracts/partnerships.ts";
import type { ProjectSummary } from "../../../contracts/projects.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { type Column, PagedTable } from "../../shared/paged-table.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { SearchInput } from "../../shared/search-input.tsx";
import { useCan } from "../auth/auth.api.ts";
import { OrganizationSelect } from "../organizations/organization-select.tsx";
import { useRegionName } from "../territories/territories.api.ts";
import { ProvinceSelect, RegionSelect } from "../territories/territory-selects.tsx";
import { useMad } from "./project-money.ts";
import { projectExportUrl, projectListQueryOptions } from "./projects.api.ts";
import type { ProjectSearch } from "./projects.search.ts";

const route = getRouteApi("/_app/projects");

export function ProjectListPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(projectListQueryOptions(search));
  const canWrite = useCan("projects.write");
  const regionName = useRegionName();
  const mad = useMad();

  const filter = (changes: Partial<ProjectSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const columns: Column<ProjectSummary>[] = [
    {
      key: "title",
      header: t("socialProjects.fields.title"),
      render: (p) => (
        <Stack gap={2}>
          <AnchorLink to="/projects/$id" params={{ id: p.id }} fw={500}>
            {(i18n.language === "ar" && p.titleAr) || p.titleFr}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {p.code}
            {p.conventionReference ? ` · ${p.conventionReference}` : ""}
          </Text>
        </Stack>
      ),
    },
    { key: "region", header: t("socialProjects.fields.region"), render: (p) => regionName(p.regionCode) },
    {
      key: "sector",
      header: t("socialProjects.fields.sector"),
      render: (p) => t(`socialProjects.sectors.${p.sector}`),
    },
    {
      key: "status",
      header: t("socialProjects.fields.status"),
      render: (p) => (
        <Group gap={4}>
          <Badge variant="light">{t(`socialProjects.statuses.${p.status}`)}</Badge>
          {p.lateMilestones > 0 && (
            <Badge color="red" variant="light">
              {t("socialProjects.lateBadge", { count: p.lateMilestones })}
            </Badge>
          )}
          {p.archivedAt && <Badge color="gray">{t("socialProjects.archivedBadge")}</Badge>}
        </Group>
      ),
    },
    { key: "budget", header: t("socialProjects.fields.budget"), render: (p) => mad(p.budgetCentimes) },
    {
      key: "financial",
      header: t("socialProjects.fields.financialProgress"),
      render: (p) => (
        <Stack gap={2} miw={110}>
          <Text size="xs">{p.financialProgress} %</Text>
          <Progress
            value={p.financialProgress}
            size="sm"
            aria-label={t("socialProjects.fields.financialProgress")}
          />
        </Stack>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("socialProjects.title")}
        actions={
          <Group gap="xs">
            <Menu>
              <Menu.Target>
                <Button variant="default">{t("socialProjects.export")}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={projectExportUrl(search, "csv")} download>
                  {t("socialProjects.exportCsv")}
                </Menu.Item>
                <Menu.Item component="a" href={projectExportUrl(search, "xlsx")} download>
                  {t("socialProjects.exportXlsx")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {canWrite && <ButtonLink to="/projects/new">{t("socialProjects.new")}</ButtonLink>}
          </Group>
        }
      />
      <Stack>
        <Text c="dimmed" size="sm">
          {t("socialProjects.subtitle")}
        </Text>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <SearchInput
              label={t("common.search")}
              placeholder={t("socialProjects.searchPlaceholder")}
              value={search.q}
              onSearch={(q) => filter({ q })}
              flex="1 1 200px"
            />
            <RegionSelect
              label={t("socialProjects.fields.region")}
              value={search.region ?? null}
              onChange={(region) => filter({ region: region ?? undefined, province: undefined })}
              w={220}
            />
            {search.region && (
              <ProvinceSelect
                region={search.region}
                label={t("socialProjects.fields.province")}
                value={search.province ?? null}
                onChange={(province) => filter({ province: province ?? undefined })}
                w={200}
              />
            )}
            <Select
              label={t("socialProjects.fields.status")}
              clearable
              data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`socialProjects.statuses.${s}`) }))}
              value={search.status ?? null}
              onChange={(s) => filter({ status: (s as ProjectStatus | null) ?? undefined })}
              w={160}
            />
            <Select
              label={t("socialProjects.fields.sector")}
              clearable
              data={PROJECT_SECTORS.map((s) => ({ value: s, label: t(`socialProjects.sectors.${s}`) }))}
              value={search.sector ?? null}
              onChange={(s) => filter({ sector: (s as ProjectSector | null) ?? undefined })}
              w={220}
            />
            <OrganizationSelect
              label={t("socialProjects.fields.funder")}
              clearable
              value={search.funder ?? null}
              onChange={(funder) => filter({ funder: funder ?? undefined })}
              w={220}
            />
            <Stack gap={4} mb={4}>
              <Checkbox
                label={t("socialProjects.onlyLate")}
                checked={search.late === true}
                onChange={(e) => filter({ late: e.currentTarget.checked || undefined })}
              />
              <Checkbox
                label={t("socialProjects.includeArchived")}
                checked={search.archived === true}
                onChange={(e) => filter({ archived: e.currentTarget.checked || undefined })}
              />
            </Stack>
          </Group>
        </Paper>
        <PagedTable
          query={query}
          columns={columns}
          rowKey={(p) => p.id}
          label={t("socialProjects.title")}
          emptyTitle={t("socialProjects.empty")}
        />
      </Stack>
    </>
  );
}
