import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { today } from "../../../contracts/calendar.ts";
import { CHECK_RESULTS, type CheckResult } from "../../../contracts/establishments.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { useFormat } from "../../shared/format.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { EmptyMessage } from "../../shared/query-state.tsx";
import { useCan } from "../auth/auth.api.ts";
import { inspectionsQueryOptions, useAddInspection, useMarkActionDone } from "./establishments.api.ts";

const resultColor: Record<CheckResult, string> = {
  compliant: "teal",
  partial: "orange",
  non_compliant: "red",
};

/** Inspection visits: checklist, findings, corrective actions with their follow-up. */
export function InspectionsTab({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(inspectionsQueryOptions(establishmentId));
  const canWrite = useCan("inspections.write");
  const markDone = useMarkActionDone(establishmentId);
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      {canWrite && !adding && (
        <Group justify="flex-end">
          <Button onClick={() => setAdding(true)}>{t("establishments.inspection.add")}</Button>
        </Group>
      )}
      {adding && <NewInspection establishmentId={establishmentId} onDone={() => setAdding(false)} />}
      {query.data?.length === 0 && <EmptyMessage title={t("establishments.inspection.none")} />}
      {query.data?.map((inspection) => (
        <Paper key={inspection.id} withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>
              {format.date(inspection.visitDate)} — {inspection.inspectorName}
            </Text>
          </Group>
          {inspection.checklist.length > 0 && (
            <Table mb="sm">
              <Table.Tbody>
                {inspection.checklist.map((c) => (
                  <Table.Tr key={c.standardCode}>
                    <Table.Td w={80}>{c.standardCode}</Table.Td>
                    <Table.Td>{c.label}</Table.Td>
                    <Table.Td>
                      <Badge color={resultColor[c.result]}>
                        {t(`establishments.checkResults.${c.result}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{c.note}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {inspection.findings && (
            <Text size="sm" mb="xs">
              <b>{t("establishments.inspection.findings")} : </b>
              {inspection.findings}
            </Text>
          )}
          {inspection.followUp && (
            <Text size="sm" mb="xs">
              <b>{t("establishments.inspection.followUp")} : </b>
              {inspection.followUp}
            </Text>
          )}
          {inspection.actions.length > 0 && (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("establishments.inspection.action")}</Table.Th>
                  <Table.Th>{t("establishments.inspection.dueDate")}</Table.Th>
                  <Table.Th>{t("establishments.inspection.status")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {inspection.actions.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.description}</Table.Td>
                    <Table.Td>{format.date(a.dueDate)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {t(`establishments.actionStatuses.${a.status}`)}
                        {a.doneOn && ` (${format.date(a.doneOn)})`}
                        {a.overdue && <Badge color="red">{t("establishments.inspection.overdue")}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {canWrite && a.status === "open" && (
                        <Button
                          size="xs"
                          variant="light"
                          loading={markDone.isPending}
                          onClick={() => markDone.mutate({ id: a.id, version: a.version })}
                        >
                          {t("establishments.inspection.markDone")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

interface NewInspectionValues {
  visitDate: string;
  inspectorName: string;
  findings: string;
  followUp: string;
  checklist: { key: string; standardCode: string; label: string; result: string; note: string }[];
  actions: { key: string; description: string; dueDate: string }[];
}

function NewInspection({ establishmentId, onDone }: { establishmentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddInspection(establishmentId);
  const form = useForm<NewInspectionValues>({
    initialValues: {
      visitDate: today(),
      inspectorName: "",
      findings: "",
      followUp: "",
      checklist: [],
      actions: [],
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const values = form.getValues();
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={form.onSubmit(async (v) => {
          clear();
          try {
            await add.mutateAsync({
              visitDate: v.visitDate,
              inspectorName: v.inspectorName,
              findings: v.findings || null,
              followUp: v.followUp || null,
              checklist: v.checklist.map((c) => ({
                ...c,
                result: c.result as CheckResult,
                note: c.note || null,
              })),
              actions: v.actions.map(({ key: _, ...a }) => a),
            });
            onDone();
          } catch (error) {
            report(error);
          }
        })}
      >
        <Stack>
          <Group grow>
            <TextInput
              type="date"
              label={t("establishments.inspection.visitDate")}
              required
              {...form.getInputProps("visitDate")}
            />
            <TextInput
              label={t("establishments.inspection.inspector")}
              required
              {...form.getInputProps("inspectorName")}
            />
          </Group>
          <Text fw={600}>{t("establishments.inspection.checklist")}</Text>
          {values.checklist.map((row, i) => (
            <Group key={row.key} grow align="flex-end">
              <TextInput
                label={t("establishments.inspection.standard")}
                {...form.getInputProps(`checklist.${i}.standardCode`)}
              />
              <TextInput
                label={t("establishments.inspection.standard")}
                {...form.getInputProps(`checklist.${i}.label`)}
              />
              <Select
                label={t("establishments.inspection.result")}
                data={CHECK_RESULTS.map((r) => ({ value: r, label: t(`establishments.checkResults.${r}`) }))}
                {...form.getInputProps(`checklist.${i}.result`)}
              />
              <TextInput
                label={t("establishments.inspection.note")}
                {...form.getInputProps(`checklist.${i}.note`)}
              />
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() =>
                form.insertListItem("checklist", {
                  key: randomId(),
                  standardCode: `N${String(values.checklist.length + 1).padStart(2, "0")}`,
                  label: "",
                  result: "compliant",
                  note: "",
                })
              }
            >
              {t("establishments.inspection.addRow")}
            </Button>
          </Group>
          <Textarea label={t("establishments.inspection.findings")} {...form.getInputProps("findings")} />
          <Textarea label={t("establishments.inspection.followUp")} {...form.getInputProps("followUp")} />
          <Text fw={600}>{t("establishments.inspection.actions")}</Text>
          {values.actions.map((row, i) => (
            <Group key={row.key} grow align="flex-end">
              <TextInput
                label={t("establishments.inspection.action")}
                {...form.getInputProps(`actions.${i}.description`)}
              />
              <TextInput
                type="date"
                label={t("establishments.inspection.dueDate")}
                {...form.getInputProps(`actions.${i}.dueDate`)}
              />
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() =>
                form.insertListItem("actions", { key: randomId(), description: "", dueDate: "" })
              }
            >
              {t("establishments.inspection.addAction")}
            </Button>
          </Group>
          {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
