import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { EMPTY_RULE, type RuleGroup } from "../../../contracts/eligibility.ts";
import {
  BENEFIT_TYPES,
  type BenefitType,
  PERIODICITIES,
  type Periodicity,
  type Program,
  type StageInput,
  TARGET_GROUPS,
  type TargetGroup,
} from "../../../contracts/programs.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { organizationSearchQueryOptions } from "../organizations/organizations.api.ts";
import { regionsQueryOptions, useTerritoryName } from "../territories/territories.api.ts";
import type { ProgramInput } from "./programs.api.ts";
import { RuleEditor } from "./rule-editor.tsx";
import { StageEditor } from "./stage-editor.tsx";

export interface ProgramFormValues {
  code: string;
  nameFr: string;
  nameAr: string;
  objectiveFr: string;
  objectiveAr: string;
  targetGroups: string[];
  benefitType: string | null;
  amountMad: number | string;
  amountPeriodicity: string | null;
  amountCeilingMad: number | string;
  budgetMad: number | string;
  funderIds: string[];
  national: boolean;
  regionCodes: string[];
  capacity: number | string;
  startDate: string;
  endDate: string;
  eligibility: RuleGroup;
  stages: StageInput[];
}

const mad = (centimes: number | null | undefined) => (centimes == null ? "" : centimes / 100);
const centimes = (value: number | string) =>
  value === "" || value === null ? null : Math.round(Number(value) * 100);
const optional = (value: string) => (value.trim() ? value.trim() : null);

export const toValues = (p?: Program): ProgramFormValues => ({
  code: p?.code ?? "",
  nameFr: p?.nameFr ?? "",
  nameAr: p?.nameAr ?? "",
  objectiveFr: p?.objectiveFr ?? "",
  objectiveAr: p?.objectiveAr ?? "",
  targetGroups: p?.targetGroups ?? [],
  benefitType: p?.benefitType ?? null,
  amountMad: mad(p?.amountCentimes),
  amountPeriodicity: p?.amountPeriodicity ?? null,
  amountCeilingMad: mad(p?.amountCeilingCentimes),
  budgetMad: mad(p?.budgetCentimes),
  funderIds: p?.funders.map((f) => f.id) ?? [],
  national: p?.coverage.national ?? true,
  regionCodes: p?.coverage.regionCodes ?? [],
  capacity: p?.capacity ?? "",
  startDate: p?.startDate ?? "",
  endDate: p?.endDate ?? "",
  eligibility: p?.eligibility ?? EMPTY_RULE,
  stages: p?.stages.map(({ code, nameFr, nameAr, kind }) => ({ code, nameFr, nameAr, kind })) ?? [],
});

export const toInput = (v: ProgramFormValues): ProgramInput => ({
  code: v.code.trim().toUpperCase(),
  nameFr: v.nameFr.trim(),
  nameAr: v.nameAr.trim(),
  objectiveFr: optional(v.objectiveFr),
  objectiveAr: optional(v.objectiveAr),
  targetGroups: v.targetGroups as TargetGroup[],
  benefitType: v.benefitType as BenefitType,
  amountCentimes: centimes(v.amountMad),
  amountPeriodicity: (v.amountPeriodicity as Periodicity | null) ?? null,
  amountCeilingCentimes: centimes(v.amountCeilingMad),
  budgetCentimes: centimes(v.budgetMad),
  funderIds: v.funderIds,
  coverage: { national: v.national, regionCodes: v.national ? [] : v.regionCodes },
  capacity: v.capacity === "" ? null : Number(v.capacity),
  startDate: v.startDate || null,
  endDate: v.endDate || null,
  eligibility: v.eligibility,
  stages: v.stages,
});

interface ProgramFormProps {
  program?: Program;
  /** The workflow is edited here for a new programme; an existing one has its own editor. */
  withStages: boolean;
  submitLabel: string;
  onSubmit: (values: ProgramFormValues) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}

/** The programme designer: identity, benefit, budget and funders, coverage, eligibility rules, workflow. */
export function ProgramForm({
  program,
  withStages,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
}: ProgramFormProps) {
  const { t } = useTranslation();
  const form = useForm<ProgramFormValues>({
    initialValues: toValues(program),
    validate: { benefitType: (v) => (v ? null : t("validation.required")) },
  });
  const { problem, report, clear } = useFormProblem(form);
  const values = form.getValues();
  const regions = useQuery(regionsQueryOptions);
  const territoryName = useTerritoryName();
  const errorAt = (path: string) => {
    const e = form.errors[path];
    return typeof e === "string" ? e : undefined;
  };

  const submit = form.onSubmit(async (submitted) => {
    clear();
    await onSubmit(submitted).catch(report);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              {t("programs.form.identity")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t("programs.fields.code")}
                description={t("programs.form.codeHint")}
                withAsterisk
                dir="ltr"
                disabled={program !== undefined && program.status !== "draft"}
                {...form.getInputProps("code")}
              />
              <Select
                label={t("programs.fields.benefitType")}
                withAsterisk
                data={BENEFIT_TYPES.map((b) => ({ value: b, label: t(`programs.benefitTypes.${b}`) }))}
                {...form.getInputProps("benefitType")}
              />
              <MultiSelect
                label={t("programs.fields.targetGroups")}
                data={TARGET_GROUPS.map((g) => ({ value: g, label: t(`programs.targetGroups.${g}`) }))}
                {...form.getInputProps("targetGroups")}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("programs.fields.nameFr")}
                withAsterisk
                lang="fr"
                dir="ltr"
                {...form.getInputProps("nameFr")}
              />
              <TextInput
                label={t("programs.fields.nameAr")}
                withAsterisk
                lang="ar"
                dir="rtl"
                {...form.getInputProps("nameAr")}
              />
              <Textarea
                label={t("programs.fields.objectiveFr")}
                lang="fr"
                dir="ltr"
                autosize
                minRows={2}
                {...form.getInputProps("objectiveFr")}
              />
              <Textarea
                label={t("programs.fields.objectiveAr")}
                lang="ar"
                dir="rtl"
                autosize
                minRows={2}
                {...form.getInputProps("objectiveAr")}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              {t("programs.form.benefit")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={t("programs.fields.amount")}
                suffix=" MAD"
                min={0}
                decimalScale={2}
                thousandSeparator=" "
                {...form.getInputProps("amountMad")}
                error={errorAt("amountCentimes")}
              />
              <Select
                label={t("programs.fields.amountPeriodicity")}
                clearable
                data={PERIODICITIES.map((p) => ({ value: p, label: t(`programs.periodicities.${p}`) }))}
                {...form.getInputProps("amountPeriodicity")}
              />
              <NumberInput
                label={t("programs.fields.amountCeiling")}
                suffix=" MAD"
                min={0}
                decimalScale={2}
                thousandSeparator=" "
                {...form.getInputProps("amountCeilingMad")}
                error={errorAt("amountCeilingCentimes")}
              />
              <NumberInput
                label={t("programs.fields.budget")}
                suffix=" MAD"
                min={0}
                decimalScale={2}
                thousandSeparator=" "
                {...form.getInputProps("budgetMad")}
                error={errorAt("budgetCentimes")}
              />
              <NumberInput
                label={t("programs.fields.capacity")}
                min={1}
                {...form.getInputProps("capacity")}
              />
              <FunderSelect
                program={program}
                value={values.funderIds}
                onChange={(ids) => form.setFieldValue("funderIds", ids)}
                error={errorAt("funderIds")}
              />
              <TextInput
                type="date"
                label={t("programs.fields.startDate")}
                dir="ltr"
                {...form.getInputProps("startDate")}
              />
              <TextInput
                type="date"
                label={t("programs.fields.endDate")}
                dir="ltr"
                {...form.getInputProps("endDate")}
              />
            </SimpleGrid>
            <Checkbox
              label={t("programs.fields.national")}
              {...form.getInputProps("national", { type: "checkbox" })}
            />
            {!values.national && (
              <MultiSelect
                label={t("programs.fields.regions")}
                data={(regions.data ?? []).map((r) => ({ value: r.code, label: territoryName(r) }))}
                {...form.getInputProps("regionCodes")}
                error={errorAt("coverage.regionCodes") ?? errorAt("coverage")}
              />
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              {t("programs.form.eligibility")}
            </Title>
            <RuleEditor
              value={values.eligibility}
              onChange={(rule) => form.setFieldValue("eligibility", rule)}
              errorAt={errorAt}
            />
          </Stack>
        </Paper>
        {withStages && (
          <Paper withBorder p="md">
            <Stack>
              <Title order={2} size="h4">
                {t("programs.form.workflow")}
              </Title>
              <StageEditor
                value={values.stages}
                onChange={(stages) => form.setFieldValue("stages", stages)}
                errorAt={errorAt}
              />
            </Stack>
          </Paper>
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

/** Funders: organisations picked by searching the server. */
function FunderSelect({
  program,
  value,
  onChange,
  error,
}: {
  program?: Program;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const results = useQuery(organizationSearchQueryOptions(q));
  const labels = useRef(new Map<string, string>(program?.funders.map((f) => [f.id, f.nameFr]) ?? []));
  for (const o of results.data ?? [])
    labels.current.set(o.id, o.acronym ? `${o.nameFr} (${o.acronym})` : o.nameFr);
  const ids = new Set([...value, ...(results.data ?? []).map((o) => o.id)]);
  return (
    <MultiSelect
      label={t("programs.fields.funders")}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={[...ids].map((id) => ({ value: id, label: labels.current.get(id) ?? id }))}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage={t("common.noMatch")}
    />
  );
}
