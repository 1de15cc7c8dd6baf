import { Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AuditEvent } from "../../../contracts/access.ts";
import { EmptyValue } from "../../shared/field-list.tsx";
import { useFormat } from "../../shared/format.ts";
import { useAuditLabels } from "./audit-labels.ts";

/** One audit event: when, who, what on which record, and each changed field before and after. */
export function AuditEventCard({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAuditLabels();
  const changes = Object.entries(event.changes ?? {});

  const show = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return <EmptyValue />;
    const words = labels.value(field, value);
    if (words) return words;
    if (typeof value === "boolean") return t(value ? "common.yes" : "common.no");
    if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : <EmptyValue />;
    if (typeof value === "object") return <code>{JSON.stringify(value)}</code>;
    return String(value);
  };

  return (
    <Paper withBorder p="sm" component="article" data-action={event.action}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {labels.action(event.action)}
            </Badge>
            <Text size="sm">
              {labels.entityType(event.entityType)}
              {event.entityId && (
                <Text span size="xs" c="dimmed" ms={6}>
                  <span className="jisr-ltr">{event.entityId}</span>
                </Text>
              )}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
          </Text>
        </Group>
        <Text size="sm">
          {t("audit.by")} <bdi>{event.actorLabel ?? t("audit.system")}</bdi>
          {event.ip && (
            <Text span size="xs" c="dimmed" ms={6}>
              {t("audit.ip", { ip: event.ip })}
            </Text>
          )}
        </Text>
        {changes.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("audit.columns.field")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.before")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.after")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map(([field, change]) => (
                  <Table.Tr key={field}>
                    <Table.Th scope="row" fw={500}>
                      {labels.field(event.entityType, field)}
                    </Table.Th>
                    <Table.Td c="red.8">{show(field, change.before)}</Table.Td>
                    <Table.Td c="teal.8">{show(field, change.after)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
