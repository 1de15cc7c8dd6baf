import { Group, Paper, Select, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PROGRAM_STATUSES, type ProgramStatus, type ProgramSummary } from "../../../contracts/programs.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { type Column, PagedTable } from "../../shared/paged-table.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { SearchInput } from "../../shared/search-input.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useRegionName } from "../territories/territories.api.ts";
import { ProgramStatusBadge, useBilingual } from "./program-labels.tsx";
import { type ProgramListSearch, programListQueryOptions } from "./programs.api.ts";

const route = getRouteApi("/_app/programs");

/** The programme catalogue: every programme, with its coverage and how many are pending or enrolled. */
export function ProgramListPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(programListQueryOptions(search));
  const canDesign = useCan("programs.design");
  const name = useBilingual();
  const regionName = useRegionName();
  const format = useFormat();
  const filter = (changes: Partial<ProgramListSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const columns: Column<ProgramSummary>[] = [
    {
      key: "name",
      header: t("programs.fields.name"),
      render: (p) => (
        <Stack gap={0}>
          <AnchorLink to="/programs/$id" params={{ id: p.id }} fw={500}>
            {name(p)}
          </AnchorLink>
          <Text size="xs" c="dimmed" dir="ltr">
            {p.code}
          </Text>
        </Stack>
      ),
    },
    {
      key: "benefit",
      header: t("programs.fields.benefitType"),
      render: (p) => t(`programs.benefitTypes.${p.benefitType}`),
    },
    {
      key: "coverage",
      header: t("programs.fields.coverage"),
      render: (p) =>
        p.coverage.national
          ? t("programs.national")
          : p.coverage.regionCodes.map((c) => regionName(c)).join(", "),
    },
    {
      key: "status",
      header: t("programs.fields.status"),
      render: (p) => <ProgramStatusBadge status={p.status} />,
    },
    { key: "pending", header: t("programs.fields.pending"), render: (p) => format.number(p.pending) },
    {
      key: "enrolled",
      header: t("programs.fields.enrolled"),
      render: (p) =>
        p.capacity
          ? `${format.number(p.enrolled)} / ${format.number(p.capacity)}`
          : format.number(p.enrolled),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("programs.title")}
        actions={canDesign && <ButtonLink to="/programs/new">{t("programs.new")}</ButtonLink>}
      />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <SearchInput
              label={t("common.search")}
              placeholder={t("programs.searchPlaceholder")}
              value={search.q}
              onSearch={(q) => filter({ q })}
              flex="1 1 240px"
            />
            <Select
              label={t("programs.fields.status")}
              placeholder={t("programs.allStatuses")}
              clearable
              data={PROGRAM_STATUSES.map((s) => ({ value: s, label: t(`programs.statuses.${s}`) }))}
              value={search.status ?? null}
              onChange={(s) => filter({ status: (s as ProgramStatus | null) ?? undefined })}
              w={200}
            />
          </Group>
        </Paper>
        <PagedTable
          query={query}
          columns={columns}
          rowKey={(p) => p.id}
          label={t("programs.title")}
          emptyTitle={t("programs.empty")}
        />
      </Stack>
    </>
  );
}
