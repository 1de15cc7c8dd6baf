import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  DISABILITY_TYPES,
  MARITAL_STATUSES,
  type Person,
  SCHOOLING_LEVELS,
  SEXES,
} from "../../../contracts/beneficiaries.ts";
import { today } from "../../../contracts/calendar.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { ProvinceSelect } from "../territories/territory-selects.tsx";
import type { PersonInput } from "./beneficiaries.api.ts";

export interface PersonFormValues {
  cin: string;
  firstNameLatin: string;
  lastNameLatin: string;
  firstNameAr: string;
  lastNameAr: string;
  sex: string | null;
  birthDate: string;
  phone: string;
  provinceCode: string | null;
  commune: string;
  address: string;
  maritalStatus: string | null;
  schoolingLevel: string | null;
  disabilityType: string | null;
  disabilityCardNumber: string;
  situationNotes: string;
}

const toValues = (person?: Person): PersonFormValues => ({
  cin: person?.personal ? (person.cin ?? "") : "",
  firstNameLatin: person?.firstNameLatin ?? "",
  lastNameLatin: person?.lastNameLatin ?? "",
  firstNameAr: person?.firstNameAr ?? "",
  lastNameAr: person?.lastNameAr ?? "",
  sex: person?.sex ?? null,
  birthDate: person?.birthDate ?? "",
  phone: person?.phone ?? "",
  provinceCode: person?.provinceCode ?? null,
  commune: person?.commune ?? "",
  address: person?.address ?? "",
  maritalStatus: person?.maritalStatus ?? null,
  schoolingLevel: person?.schoolingLevel ?? null,
  disabilityType: person?.disabilityType ?? null,
  disabilityCardNumber: person?.disabilityCardNumber ?? "",
  situationNotes: person?.situationNotes ?? "",
});

const optional = (value: string | null) => (value?.trim() ? value.trim() : null);

/** The request body: trimmed, empty fields as null (so a field can be cleared). */
export const toInput = (v: PersonFormValues): PersonInput => ({
  cin: optional(v.cin),
  firstNameLatin: v.firstNameLatin.trim(),
  lastNameLatin: v.lastNameLatin.trim(),
  firstNameAr: optional(v.firstNameAr),
  lastNameAr: optional(v.lastNameAr),
  sex: v.sex as PersonInput["sex"],
  birthDate: v.birthDate,
  phone: optional(v.phone),
  provinceCode: v.provinceCode ?? "",
  commune: optional(v.commune),
  address: optional(v.address),
  maritalStatus: v.maritalStatus as PersonInput["maritalStatus"],
  schoolingLevel: v.schoolingLevel as PersonInput["schoolingLevel"],
  disabilityType: v.disabilityType as PersonInput["disabilityType"],
  disabilityCardNumber: optional(v.disabilityCardNumber),
  situationNotes: optional(v.situationNotes),
});

/** Only the fields that differ from the record, as PATCH expects; personal fields only when shown. */
export function changedFields(values: PersonFormValues, person: Person): Partial<PersonInput> {
  const before = toInput(toValues(person));
  const after = toInput(values);
  const hidden = person.personal
    ? []
    : ["cin", "birthDate", "disabilityType", "disabilityCardNumber", "situationNotes"];
  return Object.fromEntries(
    (Object.keys(after) as (keyof PersonInput)[])
      .filter((key) => !hidden.includes(key) && after[key] !== before[key])
      .map((key) => [key, after[key]]),
  );
}

interface PersonFormProps {
  person?: Person;
  submitLabel: string;
  onSubmit: (values: PersonFormValues) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
  /** Shown above the buttons (probable duplicates). */
  notice?: ReactNode;
}

export function PersonForm({ person, submitLabel, onSubmit, onCancel, onReload, notice }: PersonFormProps) {
  const { t } = useTranslation();
  const required = (value: unknown) => (value ? null : t("validation.required"));
  const form = useForm<PersonFormValues>({
    initialValues: toValues(person),
    validate: {
      firstNameLatin: (v) => required(v.trim()),
      lastNameLatin: (v) => required(v.trim()),
      sex: required,
      birthDate: required,
      provinceCode: required,
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const personal = !person || person.personal;
  const options = <T extends string>(values: readonly T[], group: string) =>
    values.map((value) => ({
      value,
      label: t(`beneficiaries.${group}.${value}` as "beneficiaries.sexes.male"),
    }));

  const submit = form.onSubmit(async (values) => {
    clear();
    await onSubmit(values).catch(report);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              {t("beneficiaries.form.identity")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("beneficiaries.fields.firstNameLatin")}
                withAsterisk
                dir="ltr"
                {...form.getInputProps("firstNameLatin")}
              />
              <TextInput
                label={t("beneficiaries.fields.lastNameLatin")}
                withAsterisk
                dir="ltr"
                {...form.getInputProps("lastNameLatin")}
              />
              <TextInput
                label={t("beneficiaries.fields.firstNameAr")}
                lang="ar"
                dir="rtl"
                {...form.getInputProps("firstNameAr")}
              />
              <TextInput
                label={t("beneficiaries.fields.lastNameAr")}
                lang="ar"
                dir="rtl"
                {...form.getInputProps("lastNameAr")}
              />
              {personal && (
                <TextInput
                  label={t("beneficiaries.fields.cin")}
                  description={t("beneficiaries.form.cinHint")}
                  dir="ltr"
                  maxLength={10}
                  {...form.getInputProps("cin")}
                />
              )}
              <Select
                label={t("beneficiaries.fields.sex")}
                withAsterisk
                data={options(SEXES, "sexes")}
                {...form.getInputProps("sex")}
              />
              {personal && (
                <TextInput
                  type="date"
                  label={t("beneficiaries.fields.birthDate")}
                  withAsterisk
                  max={today()}
                  {...form.getInputProps("birthDate")}
                />
              )}
              <TextInput
                type="tel"
                label={t("beneficiaries.fields.phone")}
                dir="ltr"
                {...form.getInputProps("phone")}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              {t("beneficiaries.form.place")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <ProvinceSelect
                label={t("beneficiaries.fields.provinceCode")}
                withAsterisk
                region={null}
                {...form.getInputProps("provinceCode")}
              />
              <TextInput label={t("beneficiaries.fields.commune")} {...form.getInputProps("commune")} />
            </SimpleGrid>
            <Textarea
              label={t("beneficiaries.fields.address")}
              autosize
              minRows={2}
              {...form.getInputProps("address")}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              {t("beneficiaries.form.situation")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t("beneficiaries.fields.maritalStatus")}
                clearable
                data={options(MARITAL_STATUSES, "maritalStatuses")}
                {...form.getInputProps("maritalStatus")}
              />
              <Select
                label={t("beneficiaries.fields.schoolingLevel")}
                clearable
                data={options(SCHOOLING_LEVELS, "schoolingLevels")}
                {...form.getInputProps("schoolingLevel")}
              />
              {personal && (
                <Select
                  label={t("beneficiaries.fields.disabilityType")}
                  clearable
                  data={options(DISABILITY_TYPES, "disabilityTypes")}
                  {...form.getInputProps("disabilityType")}
                />
              )}
              {personal && (
                <TextInput
                  label={t("beneficiaries.fields.disabilityCardNumber")}
                  dir="ltr"
                  {...form.getInputProps("disabilityCardNumber")}
                />
              )}
            </SimpleGrid>
            {personal && (
              <Textarea
                label={t("beneficiaries.fields.situationNotes")}
                autosize
                minRows={3}
                {...form.getInputProps("situationNotes")}
              />
            )}
          </Stack>
        </Paper>
        {notice}
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
