import {
  Button,
  Group,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { ESTABLISHMENT_CATEGORIES } from "../../../contracts/establishments.ts";
import {
  AGGREGATIONS,
  COMPUTATION_PARAMS,
  COMPUTATIONS,
  type ComputationParams,
  DIRECTIONS,
  DISAGGREGATIONS,
  INDICATOR_KINDS,
  INDICATOR_UNITS,
  type Indicator,
} from "../../../contracts/indicators.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { useCreateIndicator, useUpdateIndicator } from "./indicators.api.ts";

type Param = keyof ComputationParams;

const toValues = (i?: Indicator) => ({
  code: i?.code ?? "",
  nameFr: i?.nameFr ?? "",
  nameAr: i?.nameAr ?? "",
  description: i?.description ?? "",
  unit: i?.unit ?? "count",
  direction: i?.direction ?? "higher",
  aggregation: i?.aggregation ?? "sum",
  disaggregations: i?.disaggregations ?? [],
  kind: i?.kind ?? "entered",
  computation: i?.computation ?? null,
  computationParams: {
    programCode: i?.computationParams.programCode ?? "",
    stageCode: i?.computationParams.stageCode ?? "",
    category: (i?.computationParams.category ?? null) as string | null,
  },
});
type Values = ReturnType<typeof toValues>;

/** The parameters of the chosen computation that were filled in; none for an entered indicator. */
function paramsOf(v: Values): ComputationParams {
  if (v.kind !== "computed" || !v.computation) return {};
  const params: ComputationParams = {};
  for (const name of COMPUTATION_PARAMS[v.computation] ?? []) {
    const value = v.computationParams[name]?.trim();
    if (value) params[name] = value;
  }
  return params;
}

/** What both creating and changing send (UpdateIndicatorBody's fields, without the version). */
const definitionOf = (v: Values) => ({
  nameFr: v.nameFr,
  nameAr: v.nameAr,
  description: v.description,
  unit: v.unit,
  direction: v.direction,
  aggregation: v.aggregation,
  disaggregations: v.disaggregations,
  computationParams: paramsOf(v),
});

interface IndicatorDefinitionFormProps {
  /** The indicator to change (with the version read); none to define a new one. */
  indicator?: Indicator;
  onDone: (saved: Indicator) => void;
  onCancel: () => void;
  /** Offered after a version conflict: read the indicator again. */
  onReload?: () => void;
}

/**
 * Defines an indicator, or corrects its definition naming the version read (a 409 shows the
 * conflict and keeps what was typed). The code, the kind and the computation are fixed once
 * created; the computation's parameters shown are those it reads.
 */
export function IndicatorDefinitionForm({
  indicator,
  onDone,
  onCancel,
  onReload,
}: IndicatorDefinitionFormProps) {
  const { t } = useTranslation();
  const create = useCreateIndicator();
  const update = useUpdateIndicator(indicator?.id ?? "");
  const form = useForm({ initialValues: toValues(indicator) });
  const { problem, report, clear } = useFormProblem(form);
  const values = form.getValues();
  const fixed = indicator !== undefined;
  const options = <T extends string>(list: readonly T[], label: (v: T) => string) =>
    list.map((value) => ({ value, label: label(value) }));

  const submit = form.onSubmit((v) => {
    clear();
    const saved = indicator
      ? update.mutateAsync({ ...definitionOf(v), version: indicator.version })
      : create.mutateAsync({
          ...definitionOf(v),
          code: v.code.trim().toUpperCase(),
          kind: v.kind,
          computation: v.kind === "computed" ? v.computation : null,
        });
    saved
      .then((i) => {
        notifications.show({
          color: "teal",
          message: t(indicator ? "indicators.saved" : "indicators.created"),
        });
        onDone(i);
      })
      .catch(report);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("indicators.fields.code")}
            description={t("indicators.form.codeHint")}
            withAsterisk
            dir="ltr"
            disabled={fixed}
            {...form.getInputProps("code")}
          />
          <Radio.Group label={t("indicators.fields.kind")} withAsterisk {...form.getInputProps("kind")}>
            <Group mt="xs">
              {INDICATOR_KINDS.map((k) => (
                <Radio key={k} value={k} label={t(`indicators.kinds.${k}`)} disabled={fixed} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label={t("indicators.fields.nameFr")}
            withAsterisk
            lang="fr"
            dir="ltr"
            {...form.getInputProps("nameFr")}
          />
          <TextInput
            label={t("indicators.fields.nameAr")}
            withAsterisk
            lang="ar"
            dir="rtl"
            {...form.getInputProps("nameAr")}
          />
        </SimpleGrid>
        <Textarea
          label={t("indicators.fields.description")}
          autosize
          minRows={2}
          // French or Arabic: each paragraph reads in the direction of its first letter (like dir="auto").
          styles={{ input: { unicodeBidi: "plaintext" } }}
          {...form.getInputProps("description")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t("indicators.fields.unit")}
            withAsterisk
            allowDeselect={false}
            data={options(INDICATOR_UNITS, (u) => t(`indicators.units.${u}`))}
            {...form.getInputProps("unit")}
          />
          <Select
            label={t("indicators.fields.direction")}
            withAsterisk
            allowDeselect={false}
            data={options(DIRECTIONS, (d) => t(`indicators.directions.${d}`))}
            {...form.getInputProps("direction")}
          />
          <Select
            label={t("indicators.fields.aggregation")}
            withAsterisk
            allowDeselect={false}
            data={options(AGGREGATIONS, (a) => t(`indicators.aggregations.${a}`))}
            {...form.getInputProps("aggregation")}
          />
        </SimpleGrid>
        <MultiSelect
          label={t("indicators.fields.disaggregations")}
          data={options(DISAGGREGATIONS, (d) => t(`indicators.disaggregationNames.${d}`))}
          {...form.getInputProps("disaggregations")}
        />
        {values.kind === "computed" && (
          <>
            <Select
              label={t("indicators.fields.computation")}
              withAsterisk
              disabled={fixed}
              data={options(COMPUTATIONS, (c) => t(`indicators.computations.${c}`))}
              {...form.getInputProps("computation")}
            />
            <ComputationParamFields
              form={form}
              params={values.computation ? (COMPUTATION_PARAMS[values.computation] ?? []) : []}
            />
          </>
        )}
        {fixed && (
          <Text size="sm" c="dimmed">
            {t("indicators.form.fixedHint")}
          </Text>
        )}
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} onReload={onReload} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {fixed ? t("common.save") : t("indicators.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A programme and its stage, or an establishment category: optional, all of them when left empty. */
function ComputationParamFields({ form, params }: { form: UseFormReturnType<Values>; params: Param[] }) {
  const { t } = useTranslation();
  const inputProps = (name: Param) => form.getInputProps(`computationParams.${name}`);
  if (params.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {params.includes("programCode") && (
        <TextInput
          label={t("indicators.fields.programCode")}
          placeholder={t("indicators.form.anyProgram")}
          dir="ltr"
          {...inputProps("programCode")}
        />
      )}
      {params.includes("stageCode") && (
        <TextInput
          label={t("indicators.fields.stageCode")}
          placeholder={t("indicators.form.anyStage")}
          dir="ltr"
          {...inputProps("stageCode")}
        />
      )}
      {params.includes("category") && (
        <Select
          label={t("indicators.fields.category")}
          placeholder={t("indicators.form.anyCategory")}
          clearable
          data={ESTABLISHMENT_CATEGORIES.map((c) => ({
            value: c,
            label: t(`establishments.categories.${c}`),
          }))}
          {...inputProps("category")}
        />
      )}
    </SimpleGrid>
  );
}
