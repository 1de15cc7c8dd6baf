import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  ORGANIZATION_TYPES,
  type Organization,
  type OrganizationType,
} from "../../../contracts/organizations.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { ProvinceSelect, RegionSelect } from "../territories/territory-selects.tsx";
import { OrganizationSelect } from "./organization-select.tsx";
import type { OrganizationInput } from "./organizations.api.ts";

export interface OrganizationFormValues {
  type: string | null;
  nameFr: string;
  nameAr: string;
  acronym: string;
  regionCode: string | null;
  provinceCode: string | null;
  parentId: string | null;
  email: string;
  phone: string;
  address: string;
  website: string;
}

const toValues = (organization?: Organization): OrganizationFormValues => ({
  type: organization?.type ?? null,
  nameFr: organization?.nameFr ?? "",
  nameAr: organization?.nameAr ?? "",
  acronym: organization?.acronym ?? "",
  regionCode: organization?.regionCode ?? null,
  provinceCode: organization?.provinceCode ?? null,
  parentId: organization?.parentId ?? null,
  email: organization?.email ?? "",
  phone: organization?.phone ?? "",
  address: organization?.address ?? "",
  website: organization?.website ?? "",
});

const optional = (value: string | null) => (value?.trim() ? value.trim() : null);

/** The request body: trimmed, empty fields as null (so a field can be cleared). */
export const toInput = (values: OrganizationFormValues): OrganizationInput => ({
  type: values.type as OrganizationType,
  nameFr: values.nameFr.trim(),
  nameAr: optional(values.nameAr),
  acronym: optional(values.acronym),
  regionCode: values.regionCode,
  provinceCode: values.provinceCode,
  parentId: values.parentId,
  email: optional(values.email),
  phone: optional(values.phone),
  address: optional(values.address),
  website: optional(values.website),
});

/** Only the fields that differ from the record, as PATCH expects. */
export function changedFields(
  values: OrganizationFormValues,
  organization: Organization,
): Partial<OrganizationInput> {
  const before = toInput(toValues(organization));
  const after = toInput(values);
  return Object.fromEntries(
    (Object.keys(after) as (keyof OrganizationInput)[])
      .filter((key) => after[key] !== before[key])
      .map((key) => [key, after[key]]),
  );
}

interface OrganizationFormProps {
  /** The record being edited; a new organisation when absent. */
  organization?: Organization;
  submitLabel: string;
  onSubmit: (values: OrganizationFormValues) => Promise<unknown>;
  onCancel: () => void;
  /** Offered when the server answers that someone else changed the record. */
  onReload?: () => void;
}

export function OrganizationForm({
  organization,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
}: OrganizationFormProps) {
  const { t } = useTranslation();
  const form = useForm<OrganizationFormValues>({
    initialValues: toValues(organization),
    validate: { type: (value) => (value ? null : t("validation.required")) },
  });
  const { problem, report, clear } = useFormProblem(form);
  const values = form.getValues();

  const submit = form.onSubmit(async (submitted) => {
    clear();
    await onSubmit(submitted).catch(report);
  });

  const changeRegion = (regionCode: string | null) => {
    form.setFieldValue("regionCode", regionCode);
    form.setFieldValue("provinceCode", null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Paper withBorder p="md">
          <Stack>
            <Select
              label={t("organizations.fields.type")}
              withAsterisk
              data={ORGANIZATION_TYPES.map((type) => ({ value: type, label: t(`orgTypes.${type}`) }))}
              {...form.getInputProps("type")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("organizations.fields.nameFr")}
                withAsterisk
                lang="fr"
                dir="ltr"
                {...form.getInputProps("nameFr")}
              />
              <TextInput
                label={t("organizations.fields.nameAr")}
                lang="ar"
                dir="rtl"
                {...form.getInputProps("nameAr")}
              />
            </SimpleGrid>
            <TextInput
              label={t("organizations.fields.acronym")}
              maw={240}
              {...form.getInputProps("acronym")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <RegionSelect
                label={t("organizations.fields.regionCode")}
                {...form.getInputProps("regionCode")}
                onChange={changeRegion}
              />
              <ProvinceSelect
                key={values.regionCode ?? "none"}
                label={t("organizations.fields.provinceCode")}
                placeholder={values.regionCode ? undefined : t("organizations.form.regionFirst")}
                region={values.regionCode}
                disabled={!values.regionCode}
                {...form.getInputProps("provinceCode")}
              />
            </SimpleGrid>
            <OrganizationSelect
              label={t("organizations.fields.parentId")}
              description={t("organizations.form.parentHint")}
              selectedLabel={organization?.parentName}
              excludeId={organization?.id}
              {...form.getInputProps("parentId")}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("organizations.fields.email")}
                type="email"
                dir="ltr"
                autoComplete="email"
                {...form.getInputProps("email")}
              />
              <TextInput
                label={t("organizations.fields.phone")}
                type="tel"
                dir="ltr"
                autoComplete="tel"
                {...form.getInputProps("phone")}
              />
            </SimpleGrid>
            <TextInput
              label={t("organizations.fields.website")}
              type="url"
              dir="ltr"
              placeholder="https://"
              {...form.getInputProps("website")}
            />
            <Textarea
              label={t("organizations.fields.address")}
              autosize
              minRows={2}
              {...form.getInputProps("address")}
            />
          </Stack>
        </Paper>
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
