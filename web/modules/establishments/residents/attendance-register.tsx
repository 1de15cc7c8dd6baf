import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { today } from "../../../../contracts/calendar.ts";
import { ATTENDANCE_STATUSES, type AttendanceStatus } from "../../../../contracts/residents.ts";
import { useFormat } from "../../../shared/format.ts";
import { ProblemAlert } from "../../../shared/problem-alert.tsx";
import { QueryState } from "../../../shared/query-state.tsx";
import { useCan } from "../../auth/auth.api.ts";
import { arabicName, personName } from "../../beneficiaries/beneficiaries.api.ts";
import { attendanceQueryOptions, useSaveAttendance } from "./residents.api.ts";

const COLORS: Record<AttendanceStatus, string> = { present: "teal", absent: "red", excused: "yellow" };

/**
 * The day's register on one screen: one row per resident with big present/absent/excused toggles,
 * and one save that sends the whole day in one small request (safe to repeat on a weak connection).
 */
export function AttendanceRegister({ establishmentId }: { establishmentId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const canWrite = useCan("residents.write");
  const [date, setDate] = useState(today());
  const query = useQuery(attendanceQueryOptions(establishmentId, date));
  const save = useSaveAttendance(establishmentId);
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>({});

  useEffect(() => {
    if (!query.data) return;
    setMarks(
      Object.fromEntries(
        query.data.lines.filter((l) => l.status).map((l) => [l.residentId, l.status as AttendanceStatus]),
      ),
    );
  }, [query.data]);

  const dirty = query.data?.lines.some((l) => (marks[l.residentId] ?? null) !== l.status) ?? false;
  const submit = () =>
    save.mutate(
      {
        date,
        entries: Object.entries(marks).map(([residentId, status]) => ({ residentId, status })),
      },
      { onSuccess: () => notifications.show({ color: "teal", message: t("residents.attendanceSaved") }) },
    );

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t("residents.attendance")}
        </Title>
        <TextInput
          type="date"
          dir="ltr"
          aria-label={t("residents.attendanceDate")}
          value={date}
          max={today()}
          onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
        />
      </Group>
      <QueryState query={query}>
        {(day) =>
          day.lines.length === 0 ? (
            <Text c="dimmed">{t("residents.noResidentsThatDay")}</Text>
          ) : (
            <Stack gap="xs">
              {canWrite && (
                <Button
                  variant="light"
                  size="md"
                  onClick={() =>
                    setMarks(Object.fromEntries(day.lines.map((l) => [l.residentId, "present" as const])))
                  }
                >
                  {t("residents.allPresent")}
                </Button>
              )}
              {day.lines.map((l) => {
                const name = (i18n.language === "ar" && arabicName(l)) || personName(l);
                const value = marks[l.residentId];
                return (
                  <Paper key={l.residentId} withBorder p="xs" data-testid="attendance-line">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <div>
                        <Text fw={500}>{name}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`residents.sexShort.${l.sex}`)}
                          {l.place ? ` · ${l.place}` : ""}
                        </Text>
                      </div>
                      <SegmentedControl
                        size="md"
                        disabled={!canWrite}
                        aria-label={name}
                        color={value ? COLORS[value] : undefined}
                        value={value ?? ""}
                        onChange={(v) => setMarks((m) => ({ ...m, [l.residentId]: v as AttendanceStatus }))}
                        data={ATTENDANCE_STATUSES.map((s) => ({
                          value: s,
                          label: t(`residents.attendanceStatuses.${s}`),
                        }))}
                      />
                    </Group>
                  </Paper>
                );
              })}
              {save.error && <ProblemAlert error={save.error} />}
              <Group justify="space-between" pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="xs">
                {day.savedAt && !dirty ? (
                  <Badge color="teal" variant="light">
                    {t("residents.saved")} · {format.dateTime(day.savedAt)}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    {t("residents.unsaved")}
                  </Badge>
                )}
                {canWrite && (
                  <Button
                    size="lg"
                    onClick={submit}
                    loading={save.isPending}
                    disabled={!Object.keys(marks).length}
                  >
                    {t("residents.saveAttendance")}
                  </Button>
                )}
              </Group>
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}
