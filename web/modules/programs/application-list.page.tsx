import { Button, Group, Menu, Paper, Select, Stack, Text } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type ApplicationSummary,
} from "../../../contracts/applications.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { type Column, PagedTable } from "../../shared/paged-table.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { ApplicationStatusBadge, OutcomeBadge, useBilingual } from "./program-labels.tsx";
import {
  type ApplicationSearch,
  activeProgramsQueryOptions,
  applicationExportUrl,
  applicationListQueryOptions,
} from "./programs.api.ts";

const route = getRouteApi("/_app/applications");

/** Applications of persons in the reader's scope, newest first, with filters and exports. */
export function ApplicationListPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(applicationListQueryOptions(search));
  const programs = useQuery(activeProgramsQueryOptions);
  const canWrite = useCan("applications.write");
  const name = useBilingual();
  const format = useFormat();
  const filter = (changes: Partial<ApplicationSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const columns: Column<ApplicationSummary>[] = [
    {
      key: "person",
      header: t("programs.applications.person"),
      render: (a) => (
        <Stack gap={0}>
          <AnchorLink to="/applications/$id" params={{ id: a.id }} fw={500}>
            {a.personName}
          </AnchorLink>
          {a.personNameAr && (
            <Text size="xs" lang="ar" dir="rtl">
              {a.personNameAr}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "program",
      header: t("programs.applications.program"),
      render: (a) => name({ nameFr: a.programNameFr, nameAr: a.programNameAr }),
    },
    { key: "stage", header: t("programs.applications.stage"), render: (a) => name(a.stage) },
    {
      key: "status",
      header: t("programs.fields.status"),
      render: (a) => <ApplicationStatusBadge status={a.status} />,
    },
    {
      key: "eligibility",
      header: t("programs.applications.eligibility"),
      render: (a) => <OutcomeBadge outcome={a.eligibility} />,
    },
    { key: "filed", header: t("programs.applications.filedAt"), render: (a) => format.date(a.filedAt) },
  ];

  return (
    <>
      <PageHeader
        title={t("programs.applications.title")}
        actions={
          <Group gap="xs">
            <Menu>
              <Menu.Target>
                <Button variant="default">{t("programs.applications.export")}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={applicationExportUrl(search, "csv")}>
                  CSV
                </Menu.Item>
                <Menu.Item component="a" href={applicationExportUrl(search, "xlsx")}>
                  Excel (XLSX)
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {canWrite && (
              <ButtonLink to="/applications/new" search={{ programId: search.programId }}>
                {t("programs.applications.new")}
              </ButtonLink>
            )}
          </Group>
        }
      />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <Select
              label={t("programs.applications.program")}
              placeholder={t("programs.applications.allPrograms")}
              clearable
              searchable
              w={360}
              data={(programs.data ?? []).map((p) => ({ value: p.id, label: name(p) }))}
              value={search.programId ?? null}
              onChange={(programId) => filter({ programId: programId ?? undefined, stage: undefined })}
            />
            <Select
              label={t("programs.fields.status")}
              placeholder={t("programs.allStatuses")}
              clearable
              w={200}
              data={APPLICATION_STATUSES.map((s) => ({
                value: s,
                label: t(`programs.applicationStatuses.${s}`),
              }))}
              value={search.status ?? null}
              onChange={(s) => filter({ status: (s as ApplicationStatus | null) ?? undefined })}
            />
          </Group>
        </Paper>
        <PagedTable
          query={query}
          columns={columns}
          rowKey={(a) => a.id}
          label={t("programs.applications.title")}
          emptyTitle={t("programs.applications.empty")}
        />
      </Stack>
    </>
  );
}
