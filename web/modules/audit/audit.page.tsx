import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type UseInfiniteQueryResult, useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { AuditEvent } from "../../../contracts/access.ts";
import { LoadMore } from "../../shared/load-more.tsx";
import { PageHeader } from "../../shared/page-header.tsx";
import { isRetryable } from "../../shared/problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { EmptyMessage, RowsSkeleton } from "../../shared/query-state.tsx";
import { auditEventsQueryOptions } from "./audit.api.ts";
import type { AuditSearch } from "./audit.search.ts";
import { AuditEventCard } from "./audit-event-card.tsx";
import { useAuditLabels } from "./audit-labels.ts";

const route = getRouteApi("/_app/audit");

type FilterValues = Required<{ [K in keyof AuditSearch]: string }>;

const toValues = (search: AuditSearch): FilterValues => ({
  entityType: search.entityType ?? "",
  entityId: search.entityId ?? "",
  actorId: search.actorId ?? "",
  action: search.action ?? "",
  from: search.from ?? "",
  to: search.to ?? "",
});

export function AuditPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(auditEventsQueryOptions(search));
  const labels = useAuditLabels();
  const form = useForm<FilterValues>({ initialValues: toValues(search) });

  const apply = form.onSubmit((values) =>
    navigate({
      search: Object.fromEntries(
        Object.entries(values).map(([key, value]) => [key, value.trim() || undefined]),
      ),
    }),
  );
  const reset = () => {
    form.setValues(toValues({}));
    void navigate({ search: {} });
  };

  return (
    <>
      <PageHeader title={t("audit.title")} />
      <Stack>
        <Paper withBorder p="sm" component="form" onSubmit={apply} aria-label={t("audit.filters")}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <Select
              label={t("audit.fields.entityType")}
              placeholder={t("audit.allEntityTypes")}
              clearable
              data={labels.entityTypeOptions}
              {...form.getInputProps("entityType")}
              value={form.getValues().entityType || null}
              onChange={(value) => form.setFieldValue("entityType", value ?? "")}
            />
            <TextInput label={t("audit.fields.entityId")} dir="ltr" {...form.getInputProps("entityId")} />
            <Select
              label={t("audit.fields.action")}
              placeholder={t("audit.allActions")}
              clearable
              searchable
              data={labels.actionOptions}
              {...form.getInputProps("action")}
              value={form.getValues().action || null}
              onChange={(value) => form.setFieldValue("action", value ?? "")}
            />
            <TextInput label={t("audit.fields.actorId")} dir="ltr" {...form.getInputProps("actorId")} />
            <TextInput label={t("audit.fields.from")} type="date" {...form.getInputProps("from")} />
            <TextInput label={t("audit.fields.to")} type="date" {...form.getInputProps("to")} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={reset}>
              {t("common.clearFilters")}
            </Button>
            <Button type="submit">{t("common.applyFilters")}</Button>
          </Group>
        </Paper>
        <AuditEvents query={query} />
      </Stack>
    </>
  );
}

function AuditEvents({ query }: { query: UseInfiniteQueryResult<AuditEvent[]> }) {
  const { t } = useTranslation();
  if (query.isPending) return <RowsSkeleton />;
  if (query.isError && !query.data) {
    return (
      <ProblemAlert
        error={query.error}
        onRetry={isRetryable(query.error) ? () => query.refetch() : undefined}
      />
    );
  }
  const events = query.data ?? [];
  if (events.length === 0) return <EmptyMessage title={t("audit.empty")} />;
  return (
    <Stack gap="sm" aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      {events.map((event) => (
        <AuditEventCard key={event.id} event={event} />
      ))}
      <LoadMore query={query} />
    </Stack>
  );
}
