import { Button, Group, NumberInput, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { today } from "../../../contracts/calendar.ts";
import type { Indicator } from "../../../contracts/indicators.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { ProvinceSelect, RegionSelect } from "../territories/territory-selects.tsx";
import { useAddMeasurement, useSetTarget } from "./indicators.api.ts";

type Level = "national" | "region" | "province";
const thisYear = today().slice(0, 4);

function TerritoryFields({
  form,
}: {
  form: ReturnType<typeof useForm<{ territoryLevel: Level; territoryCode: string | null }>>;
}) {
  const { t } = useTranslation();
  const level = form.getValues().territoryLevel;
  return (
    <Group grow align="flex-start">
      <Select
        label={t("indicators.progress.level")}
        data={(["national", "region", "province"] as const).map((l) => ({
          value: l,
          label: t(`indicators.levels.${l}`),
        }))}
        allowDeselect={false}
        {...form.getInputProps("territoryLevel")}
        onChange={(v) => {
          form.setFieldValue("territoryLevel", (v ?? "national") as Level);
          form.setFieldValue("territoryCode", null);
        }}
      />
      {level === "region" && (
        <RegionSelect label={t("indicators.progress.territory")} {...form.getInputProps("territoryCode")} />
      )}
      {level === "province" && (
        <ProvinceSelect
          region={null}
          label={t("indicators.progress.territory")}
          {...form.getInputProps("territoryCode")}
        />
      )}
    </Group>
  );
}

/** Sets the target of a period and territory (replaces an existing one). */
export function TargetForm({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const mutation = useSetTarget(indicator.id);
  const form = useForm({
    mode: "controlled",
    initialValues: {
      period: thisYear,
      territoryLevel: "region" as Level,
      territoryCode: null as string | null,
      value: 0,
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    clear();
    mutation.mutate(values, {
      onSuccess: () => notifications.show({ color: "teal", message: t("indicators.targets.saved") }),
      onError: report,
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label={t("indicators.progress.period")} {...form.getInputProps("period")} />
          <NumberInput label={t("indicators.progress.target")} {...form.getInputProps("value")} />
        </Group>
        <TerritoryFields form={form as never} />
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t("indicators.targets.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Enters a measurement with its source and evidence. */
export function MeasurementForm({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const mutation = useAddMeasurement(indicator.id);
  const form = useForm({
    mode: "controlled",
    initialValues: {
      period: thisYear,
      territoryLevel: "region" as Level,
      territoryCode: null as string | null,
      sex: null as "female" | "male" | null,
      value: 0,
      numerator: null as number | null,
      denominator: null as number | null,
      source: "",
      evidenceNote: "",
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    clear();
    mutation.mutate(values, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("indicators.measurements.saved") });
        form.setFieldValue("value", 0);
      },
      onError: report,
    });
  });
  const rate = indicator.aggregation === "rate";
  return (
    <form onSubmit={submit} noValidate data-testid="measurement-form">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label={t("indicators.progress.period")} {...form.getInputProps("period")} />
          <NumberInput label={t("indicators.measurements.value")} {...form.getInputProps("value")} />
          {indicator.disaggregations.includes("sex") && (
            <Select
              label={t("indicators.measurements.sex")}
              clearable
              placeholder={t("indicators.measurements.all")}
              data={(["female", "male"] as const).map((s) => ({
                value: s,
                label: t(`indicators.sexes.${s}`),
              }))}
              {...form.getInputProps("sex")}
            />
          )}
        </Group>
        {rate && (
          <Group grow>
            <NumberInput
              label={t("indicators.measurements.numerator")}
              {...form.getInputProps("numerator")}
            />
            <NumberInput
              label={t("indicators.measurements.denominator")}
              {...form.getInputProps("denominator")}
            />
          </Group>
        )}
        <TerritoryFields form={form as never} />
        <TextInput label={t("indicators.measurements.source")} required {...form.getInputProps("source")} />
        <Textarea
          label={t("indicators.measurements.evidenceNote")}
          autosize
          minRows={2}
          {...form.getInputProps("evidenceNote")}
        />
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t("indicators.measurements.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
