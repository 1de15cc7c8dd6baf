import { Checkbox, Group, Paper, Select, Stack } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  ORGANIZATION_TYPES,
  type Organization,
  type OrganizationType,
} from "../../../contracts/organizations.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { type Column, PagedTable } from "../../shared/paged-table.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { SearchInput } from "../../shared/search-input.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useRegionName } from "../territories/territories.api.ts";
import { RegionSelect } from "../territories/territory-selects.tsx";
import { OrganizationStatus } from "./organization-status.tsx";
import { organizationListQueryOptions } from "./organizations.api.ts";
import type { OrganizationSearch } from "./organizations.search.ts";

const route = getRouteApi("/_app/organizations");

export function OrganizationListPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(organizationListQueryOptions(search));
  const canWrite = useCan("organizations.write");
  const regionName = useRegionName();

  const filter = (changes: Partial<OrganizationSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const columns: Column<Organization>[] = [
    {
      key: "nameFr",
      header: t("organizations.fields.nameFr"),
      render: (organization) => (
        <AnchorLink to="/organizations/$id" params={{ id: organization.id }} lang="fr" dir="ltr" fw={500}>
          {organization.nameFr}
        </AnchorLink>
      ),
    },
    {
      key: "nameAr",
      header: t("organizations.fields.nameAr"),
      render: (organization) => organization.nameAr,
      cellProps: { dir: "rtl", lang: "ar" },
    },
    {
      key: "type",
      header: t("organizations.fields.type"),
      render: (organization) => t(`orgTypes.${organization.type}`),
    },
    {
      key: "region",
      header: t("organizations.fields.regionCode"),
      render: (organization) => regionName(organization.regionCode),
    },
    {
      key: "status",
      header: t("organizations.fields.status"),
      render: (organization) => <OrganizationStatus archivedAt={organization.archivedAt} />,
    },
  ];

  const filtered = Boolean(search.q || search.type || search.region);

  return (
    <>
      <PageHeader
        title={t("organizations.title")}
        actions={canWrite && <ButtonLink to="/organizations/new">{t("organizations.new")}</ButtonLink>}
      />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <SearchInput
              label={t("common.search")}
              placeholder={t("organizations.searchPlaceholder")}
              value={search.q}
              onSearch={(q) => filter({ q })}
              flex="1 1 240px"
            />
            <Select
              label={t("organizations.fields.type")}
              placeholder={t("organizations.allTypes")}
              clearable
              data={ORGANIZATION_TYPES.map((type) => ({ value: type, label: t(`orgTypes.${type}`) }))}
              value={search.type ?? null}
              onChange={(type) => filter({ type: (type as OrganizationType | null) ?? undefined })}
              w={220}
            />
            <RegionSelect
              label={t("organizations.fields.regionCode")}
              placeholder={t("organizations.allRegions")}
              value={search.region ?? null}
              onChange={(region) => filter({ region: region ?? undefined })}
              w={260}
            />
            <Checkbox
              label={t("organizations.includeArchived")}
              checked={search.archived === true}
              onChange={(event) => filter({ archived: event.currentTarget.checked || undefined })}
              mb={8}
            />
          </Group>
        </Paper>
        <PagedTable
          query={query}
          columns={columns}
          rowKey={(organization) => organization.id}
          label={t("organizations.title")}
          emptyTitle={t(filtered ? "organizations.emptyFiltered" : "organizations.empty")}
        />
      </Stack>
    </>
  );
}
