import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Convention } from "../../../contracts/conventions.ts";
import {
  CONVENTION_STATUSES,
  CONVENTION_TYPES,
  type ConventionStatus,
  type ConventionType,
} from "../../../contracts/partnerships.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { RegionSelect } from "../territories/territory-selects.tsx";
import { useConventionTitle } from "./convention-labels.tsx";
import {
  AxisFields,
  type AxisValues,
  PartyFields,
  type PartyValues,
  toAxis,
  toParty,
} from "./convention-parts.tsx";
import { type ConventionInput, frameworkQueryOptions } from "./conventions.api.ts";

export interface ConventionFormValues {
  reference: string;
  titleFr: string;
  titleAr: string;
  type: string | null;
  parentId: string | null;
  status: string | null;
  signedOn: string;
  signedPlace: string;
  startDate: string;
  endDate: string;
  regionCode: string | null;
  summary: string;
  /** Only when creating: later changes go through the detail page. */
  parties: (PartyValues & { key: string })[];
  axes: (AxisValues & { key: string })[];
}

const toValues = (c?: Convention): ConventionFormValues => ({
  reference: c?.reference ?? "",
  titleFr: c?.titleFr ?? "",
  titleAr: c?.titleAr ?? "",
  type: c?.type ?? "framework",
  parentId: c?.parentId ?? null,
  status: c?.status ?? "draft",
  signedOn: c?.signedOn ?? "",
  signedPlace: c?.signedPlace ?? "",
  startDate: c?.startDate ?? "",
  endDate: c?.endDate ?? "",
  regionCode: c?.regionCode ?? null,
  summary: c?.summary ?? "",
  parties: [],
  axes: [],
});

const optional = (value: string | null) => (value?.trim() ? value.trim() : null);

/** The request body: trimmed, empty fields as null (so a field can be cleared). */
export const toInput = (v: ConventionFormValues): ConventionInput => ({
  reference: v.reference.trim(),
  titleFr: v.titleFr.trim(),
  titleAr: optional(v.titleAr),
  type: v.type as ConventionType,
  parentId: v.type === "specific" ? v.parentId : null,
  status: v.status as ConventionStatus,
  signedOn: optional(v.signedOn),
  signedPlace: optional(v.signedPlace),
  startDate: optional(v.startDate),
  endDate: optional(v.endDate),
  regionCode: v.regionCode,
  summary: optional(v.summary),
  ...(v.parties.length ? { parties: v.parties.map(toParty) } : {}),
  ...(v.axes.length ? { axes: v.axes.map(toAxis) } : {}),
});

/** Only the fields that differ from the record, as PATCH expects. */
export function changedFields(values: ConventionFormValues, c: Convention): Partial<ConventionInput> {
  const before = toInput(toValues(c));
  const after = toInput(values);
  return Object.fromEntries(
    (Object.keys(after) as (keyof ConventionInput)[])
      .filter((key) => key !== "parties" && key !== "axes" && after[key] !== before[key])
      .map((key) => [key, after[key]]),
  );
}

interface ConventionFormProps {
  convention?: Convention;
  submitLabel: string;
  onSubmit: (values: ConventionFormValues) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}

export function ConventionForm({
  convention,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
}: ConventionFormProps) {
  const { t } = useTranslation();
  const title = useConventionTitle();
  const form = useForm<ConventionFormValues>({
    initialValues: toValues(convention),
    validate: {
      reference: (v) => (v.trim() ? null : t("validation.required")),
      titleFr: (v) => (v.trim() ? null : t("validation.required")),
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const values = form.getValues();
  const frameworks = useQuery({ ...frameworkQueryOptions(), enabled: values.type === "specific" });
  const submit = form.onSubmit(async (submitted) => {
    clear();
    await onSubmit(submitted).catch(report);
  });
  const date = (field: "signedOn" | "startDate" | "endDate") => (
    <TextInput type="date" label={t(`conventions.fields.${field}`)} {...form.getInputProps(field)} />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Paper withBorder p="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t("conventions.fields.reference")}
                withAsterisk
                dir="ltr"
                {...form.getInputProps("reference")}
              />
              <Select
                label={t("conventions.fields.type")}
                withAsterisk
                allowDeselect={false}
                data={CONVENTION_TYPES.map((v) => ({ value: v, label: t(`conventions.types.${v}`) }))}
                {...form.getInputProps("type")}
              />
              <Select
                label={t("conventions.fields.status")}
                withAsterisk
                allowDeselect={false}
                data={CONVENTION_STATUSES.map((v) => ({ value: v, label: t(`conventions.statuses.${v}`) }))}
                {...form.getInputProps("status")}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("conventions.fields.titleFr")}
                withAsterisk
                lang="fr"
                dir="ltr"
                {...form.getInputProps("titleFr")}
              />
              <TextInput
                label={t("conventions.fields.titleAr")}
                lang="ar"
                dir="rtl"
                {...form.getInputProps("titleAr")}
              />
            </SimpleGrid>
            {values.type === "specific" && (
              <Select
                label={t("conventions.fields.parent")}
                searchable
                clearable
                data={(frameworks.data ?? [])
                  .filter((f) => f.id !== convention?.id)
                  .map((f) => ({ value: f.id, label: `${f.reference} — ${title(f)}` }))}
                {...form.getInputProps("parentId")}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {date("signedOn")}
              <TextInput label={t("conventions.fields.signedPlace")} {...form.getInputProps("signedPlace")} />
              {date("startDate")}
              {date("endDate")}
            </SimpleGrid>
            <RegionSelect
              label={t("conventions.fields.region")}
              placeholder={t("conventions.national")}
              {...form.getInputProps("regionCode")}
            />
            <Textarea
              label={t("conventions.fields.summary")}
              autosize
              minRows={2}
              {...form.getInputProps("summary")}
            />
          </Stack>
        </Paper>
        {!convention && (
          <>
            <Paper withBorder p="md">
              <Stack>
                <Group justify="space-between">
                  <Title order={3} size="h4">
                    {t("conventions.sections.parties")}
                  </Title>
                  <Button
                    variant="light"
                    size="xs"
                    onClick={() =>
                      form.insertListItem("parties", {
                        key: randomId(),
                        organizationId: null,
                        role: "signatory",
                        committedMad: "",
                        otherCommitments: "",
                      })
                    }
                  >
                    {t("conventions.ui.addParty")}
                  </Button>
                </Group>
                {values.parties.map((row, i) => (
                  <PartyFields
                    key={row.key}
                    form={form}
                    path={`parties.${i}`}
                    onRemove={() => form.removeListItem("parties", i)}
                  />
                ))}
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Stack>
                <Group justify="space-between">
                  <Title order={3} size="h4">
                    {t("conventions.sections.axes")}
                  </Title>
                  <Button
                    variant="light"
                    size="xs"
                    onClick={() =>
                      form.insertListItem("axes", {
                        key: randomId(),
                        titleFr: "",
                        titleAr: "",
                        targetLabel: "",
                        targetValue: "",
                        unit: "",
                      })
                    }
                  >
                    {t("conventions.ui.addAxis")}
                  </Button>
                </Group>
                {values.axes.map((row, i) => (
                  <AxisFields
                    key={row.key}
                    form={form}
                    path={`axes.${i}`}
                    n={i + 1}
                    onRemove={() => form.removeListItem("axes", i)}
                  />
                ))}
              </Stack>
            </Paper>
          </>
        )}
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} onReload={onReload} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
