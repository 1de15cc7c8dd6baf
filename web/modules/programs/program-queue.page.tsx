import { Group, Paper, Select, Stack, Text } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { type Column, PagedTable } from "../../shared/paged-table.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { OutcomeBadge, useBilingual, useWaiting } from "./program-labels.tsx";
import { programQueryOptions, type QueueItem, queueQueryOptions } from "./programs.api.ts";

const route = getRouteApi("/_app/programs/$id/queue");

/** Pending applications of a programme in the reader's scope, longest waiting first. */
export function ProgramQueuePage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const { stage } = route.useSearch();
  const navigate = route.useNavigate();
  const program = useQuery(programQueryOptions(id));
  const query = useInfiniteQuery(queueQueryOptions(id, stage));
  const name = useBilingual();
  const waiting = useWaiting();
  const format = useFormat();

  const columns: Column<QueueItem>[] = [
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
    { key: "stage", header: t("programs.applications.stage"), render: (a) => name(a.stage) },
    {
      key: "waiting",
      header: t("programs.queue.waiting"),
      render: (a) => (
        <Text size="sm" c={a.waitingSeconds > 30 * 86_400 ? "red.7" : undefined} fw={500}>
          {waiting(a.waitingSeconds)}
        </Text>
      ),
    },
    { key: "since", header: t("programs.queue.since"), render: (a) => format.date(a.stageChangedAt) },
    {
      key: "eligibility",
      header: t("programs.applications.eligibility"),
      render: (a) => <OutcomeBadge outcome={a.eligibility} />,
    },
    {
      key: "channel",
      header: t("programs.applications.channel"),
      render: (a) => t(`programs.channels.${a.channel}`),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("programs.queue.title")}
        meta={program.data && <Text c="dimmed">{name(program.data)}</Text>}
        back={
          <AnchorLink to="/programs/$id" params={{ id }} size="sm">
            {t("programs.backToDetail")}
          </AnchorLink>
        }
      />
      <Stack>
        <Paper withBorder p="sm">
          <Group>
            <Select
              label={t("programs.applications.stage")}
              placeholder={t("programs.queue.allStages")}
              clearable
              w={260}
              data={(program.data?.stages ?? [])
                .filter((s) => s.kind === "intake" || s.kind === "review" || s.kind === "decision")
                .map((s) => ({ value: s.code, label: name(s) }))}
              value={stage ?? null}
              onChange={(s) => navigate({ search: { stage: s ?? undefined }, replace: true })}
            />
          </Group>
        </Paper>
        <PagedTable
          query={query}
          columns={columns}
          rowKey={(a) => a.id}
          label={t("programs.queue.title")}
          emptyTitle={t("programs.queue.empty")}
        />
      </Stack>
    </>
  );
}
