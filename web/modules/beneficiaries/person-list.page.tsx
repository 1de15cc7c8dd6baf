import { Alert, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../../contracts/beneficiaries.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { type Column, PagedTable } from "../../shared/paged-table.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { SearchInput } from "../../shared/search-input.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useRegionName } from "../territories/territories.api.ts";
import { ProvinceSelect, RegionSelect } from "../territories/territory-selects.tsx";
import {
  arabicName,
  exportUrl,
  personListQueryOptions,
  personName,
  useSearchCapped,
} from "./beneficiaries.api.ts";
import type { PersonSearch } from "./persons.search.ts";
import { useProvinceName } from "./province-name.ts";

const route = getRouteApi("/_app/persons");

export function PersonListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(personListQueryOptions(search));
  const canWrite = useCan("persons.write");
  const regionName = useRegionName();
  const provinceName = useProvinceName();

  const filter = (changes: Partial<PersonSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const columns: Column<PersonSummary>[] = [
    {
      key: "name",
      header: t("beneficiaries.fields.name"),
      render: (person) => (
        <AnchorLink to="/persons/$id" params={{ id: person.id }} fw={500} dir="ltr">
          {personName(person)}
        </AnchorLink>
      ),
    },
    {
      key: "nameAr",
      header: t("beneficiaries.fields.nameAr"),
      render: (person) => arabicName(person),
      cellProps: { dir: "rtl", lang: "ar" },
    },
    {
      key: "cin",
      header: t("beneficiaries.fields.cin"),
      render: (person) => <span className="jisr-ltr">{person.cinMasked}</span>,
    },
    {
      key: "sex",
      header: t("beneficiaries.fields.sex"),
      render: (person) => t(`beneficiaries.sexes.${person.sex}`),
    },
    {
      key: "birthDate",
      header: t("beneficiaries.fields.birthDate"),
      render: (person) => (person.birthDate ? format.date(person.birthDate) : null),
    },
    {
      key: "place",
      header: t("beneficiaries.fields.regionCode"),
      render: (person) => (
        <Stack gap={0}>
          <Text size="sm">
            {[person.commune, provinceName(person.provinceCode)].filter(Boolean).join(", ")}
          </Text>
          <Text size="xs" c="dimmed">
            {regionName(person.regionCode)}
          </Text>
        </Stack>
      ),
    },
    ...(search.q
      ? [
          {
            key: "score",
            header: t("beneficiaries.fields.score"),
            render: (person: PersonSummary) =>
              person.score === null ? null : `${Math.round(person.score * 100)} %`,
          },
        ]
      : []),
  ];

  const filtered = Boolean(search.q || search.region || search.province);
  // The server ranks a bounded set of candidates; beyond it, the search must be narrowed.
  const capped = useSearchCapped(search);

  return (
    <>
      <PageHeader
        title={t("beneficiaries.title")}
        actions={
          <>
            {(["csv", "xlsx"] as const).map((format) => (
              // A capped search would export a part of its matches only: the server refuses it.
              <Button
                key={format}
                component="a"
                variant="default"
                href={capped ? undefined : exportUrl(search, format)}
                disabled={capped}
                title={capped ? t("beneficiaries.exportCapped") : undefined}
                download
              >
                {t(format === "csv" ? "beneficiaries.exportCsv" : "beneficiaries.exportXlsx")}
              </Button>
            ))}
            {canWrite && <ButtonLink to="/persons/new">{t("beneficiaries.new")}</ButtonLink>}
          </>
        }
      />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <SearchInput
              label={t("common.search")}
              placeholder={t("beneficiaries.searchPlaceholder")}
              value={search.q}
              onSearch={(q) => filter({ q })}
              dir="auto"
              flex="1 1 280px"
            />
            <RegionSelect
              label={t("beneficiaries.fields.regionCode")}
              placeholder={t("beneficiaries.allRegions")}
              value={search.region ?? null}
              onChange={(region) => filter({ region: region ?? undefined, province: undefined })}
              w={240}
            />
            <ProvinceSelect
              key={search.region ?? "all"}
              label={t("beneficiaries.fields.provinceCode")}
              placeholder={t("beneficiaries.allProvinces")}
              region={search.region ?? null}
              value={search.province ?? null}
              onChange={(province) => filter({ province: province ?? undefined })}
              w={240}
            />
          </Group>
        </Paper>
        {capped && (
          <Alert color="yellow" role="status" data-testid="persons-search-capped">
            {t("beneficiaries.searchCapped")}
          </Alert>
        )}
        <PagedTable
          query={query}
          columns={columns}
          rowKey={(person) => person.id}
          label={t("beneficiaries.title")}
          emptyTitle={t(filtered ? "beneficiaries.emptyFiltered" : "beneficiaries.empty")}
        />
      </Stack>
    </>
  );
}
