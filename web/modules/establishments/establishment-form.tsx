import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  AUTHORISATION_STATUSES,
  type AuthorisationStatus,
  CONNECTIVITY_TYPES,
  type Connectivity,
  ESTABLISHMENT_CATEGORIES,
  type Establishment,
  type EstablishmentCategory,
  HOT_WATER_TYPES,
  type HotWater,
  STAFF_FUNCTIONS,
} from "../../../contracts/establishments.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { OrganizationSelect } from "../organizations/organization-select.tsx";
import { ProvinceSelect, RegionSelect } from "../territories/territory-selects.tsx";
import type { EstablishmentInput } from "./establishments.api.ts";

const TEXT = [
  "code",
  "nameFr",
  "nameAr",
  "commune",
  "address",
  "openingDate",
  "phone",
  "email",
  "directorName",
  "authorisationNumber",
  "authorisationIssuedOn",
  "authorisationExpiresOn",
  "connectivitySince",
  "solarInstalledOn",
] as const;
type TextKey = (typeof TEXT)[number];

export type EstablishmentFormValues = Record<TextKey, string> & {
  category: string | null;
  managingOrganizationId: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  authorisationStatus: string;
  capacityMale: number;
  capacityFemale: number;
  connectivity: string;
  hotWater: string;
  solarKwp: number | string;
  staff: { function: string; male: number; female: number }[];
};

const toValues = (e?: Establishment): EstablishmentFormValues => ({
  ...(Object.fromEntries(TEXT.map((k) => [k, (e?.[k] as string | null | undefined) ?? ""])) as Record<
    TextKey,
    string
  >),
  category: e?.category ?? null,
  managingOrganizationId: e?.managingOrganizationId ?? null,
  regionCode: e?.regionCode ?? null,
  provinceCode: e?.provinceCode ?? null,
  authorisationStatus: e?.authorisationStatus ?? "pending",
  capacityMale: e?.capacityMale ?? 0,
  capacityFemale: e?.capacityFemale ?? 0,
  connectivity: e?.connectivity ?? "none",
  hotWater: e?.hotWater ?? "none",
  solarKwp: e?.solarKwp ?? "",
  staff: STAFF_FUNCTIONS.map((f) => {
    const line = e?.staff.find((s) => s.function === f);
    return { function: f, male: line?.male ?? 0, female: line?.female ?? 0 };
  }),
});

const optional = (v: string) => (v.trim() ? v.trim() : null);

export const toInput = (v: EstablishmentFormValues): EstablishmentInput => ({
  code: v.code.trim(),
  nameFr: v.nameFr.trim(),
  nameAr: optional(v.nameAr),
  category: v.category as EstablishmentCategory,
  managingOrganizationId: v.managingOrganizationId,
  regionCode: v.regionCode,
  provinceCode: v.provinceCode,
  commune: optional(v.commune),
  address: optional(v.address),
  openingDate: optional(v.openingDate),
  phone: optional(v.phone),
  email: optional(v.email),
  directorName: optional(v.directorName),
  authorisationStatus: v.authorisationStatus as AuthorisationStatus,
  authorisationNumber: optional(v.authorisationNumber),
  authorisationIssuedOn: optional(v.authorisationIssuedOn),
  authorisationExpiresOn: optional(v.authorisationExpiresOn),
  capacityMale: Number(v.capacityMale) || 0,
  capacityFemale: Number(v.capacityFemale) || 0,
  connectivity: v.connectivity as Connectivity,
  connectivitySince: optional(v.connectivitySince),
  hotWater: v.hotWater as HotWater,
  solarKwp: v.solarKwp === "" ? null : Number(v.solarKwp),
  solarInstalledOn: optional(v.solarInstalledOn),
  staff: v.staff
    .filter((s) => s.male || s.female)
    .map((s) => ({
      function: s.function as (typeof STAFF_FUNCTIONS)[number],
      male: s.male,
      female: s.female,
    })),
});

export function EstablishmentForm({
  establishment,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  establishment?: Establishment;
  submitLabel: string;
  onSubmit: (values: EstablishmentFormValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<EstablishmentFormValues>({
    mode: "uncontrolled",
    initialValues: toValues(establishment),
  });
  const { problem, report, clear } = useFormProblem(form);
  const label = (k: string) => t(`establishments.fields.${k}` as "establishments.fields.code");
  const text = (k: TextKey, extra: Record<string, unknown> = {}) => (
    <TextInput key={form.key(k)} label={label(k)} {...form.getInputProps(k)} {...extra} />
  );
  const date = (k: TextKey) => text(k, { type: "date" });

  return (
    <form
      onSubmit={form.onSubmit(async (values) => {
        clear();
        try {
          await onSubmit(values);
        } catch (error) {
          report(error);
        }
      })}
      noValidate
    >
      <Stack>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t("establishments.tabs.identity")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text("code", { required: true, dir: "ltr" })}
            <Select
              key={form.key("category")}
              label={label("category")}
              required
              data={ESTABLISHMENT_CATEGORIES.map((c) => ({
                value: c,
                label: t(`establishments.categories.${c}`),
              }))}
              {...form.getInputProps("category")}
            />
            {text("nameFr", { required: true, lang: "fr", dir: "ltr" })}
            {text("nameAr", { lang: "ar", dir: "rtl" })}
            <OrganizationSelect
              key={form.key("managingOrganizationId")}
              label={label("managingOrganization")}
              selectedLabel={establishment?.managingOrganizationName}
              {...form.getInputProps("managingOrganizationId")}
            />
            {text("directorName")}
            <RegionSelect
              key={form.key("regionCode")}
              label={label("regionCode")}
              {...form.getInputProps("regionCode")}
            />
            <ProvinceSelect
              key={form.key("provinceCode")}
              region={null}
              label={label("provinceCode")}
              {...form.getInputProps("provinceCode")}
            />
            {text("commune")}
            {text("address")}
            {text("phone", { dir: "ltr" })}
            {text("email", { dir: "ltr" })}
            {date("openingDate")}
            <Select
              key={form.key("authorisationStatus")}
              label={label("authorisationStatus")}
              data={AUTHORISATION_STATUSES.map((s) => ({
                value: s,
                label: t(`establishments.authorisationStatuses.${s}`),
              }))}
              {...form.getInputProps("authorisationStatus")}
            />
            {text("authorisationNumber")}
            {date("authorisationIssuedOn")}
            {date("authorisationExpiresOn")}
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t("establishments.tabs.capacity")}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <NumberInput
              key={form.key("capacityMale")}
              min={0}
              label={label("capacityMale")}
              {...form.getInputProps("capacityMale")}
            />
            <NumberInput
              key={form.key("capacityFemale")}
              min={0}
              label={label("capacityFemale")}
              {...form.getInputProps("capacityFemale")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 3 }} mt="sm" spacing="xs">
            {STAFF_FUNCTIONS.map((f, i) => (
              <Group key={f} gap="xs" grow style={{ gridColumn: "1 / -1" }}>
                <span>{t(`establishments.staffFunctions.${f}`)}</span>
                <NumberInput
                  key={form.key(`staff.${i}.male`)}
                  min={0}
                  aria-label={`${t(`establishments.staffFunctions.${f}`)} — ${t("establishments.staffMale")}`}
                  placeholder={t("establishments.staffMale")}
                  {...form.getInputProps(`staff.${i}.male`)}
                />
                <NumberInput
                  key={form.key(`staff.${i}.female`)}
                  min={0}
                  aria-label={`${t(`establishments.staffFunctions.${f}`)} — ${t("establishments.staffFemale")}`}
                  placeholder={t("establishments.staffFemale")}
                  {...form.getInputProps(`staff.${i}.female`)}
                />
              </Group>
            ))}
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t("establishments.tabs.infrastructure")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              key={form.key("connectivity")}
              label={label("connectivity")}
              data={CONNECTIVITY_TYPES.map((c) => ({
                value: c,
                label: t(`establishments.connectivityTypes.${c}`),
              }))}
              {...form.getInputProps("connectivity")}
            />
            {date("connectivitySince")}
            <NumberInput
              key={form.key("solarKwp")}
              min={0}
              decimalScale={2}
              label={label("solarKwp")}
              {...form.getInputProps("solarKwp")}
            />
            {date("solarInstalledOn")}
            <Select
              key={form.key("hotWater")}
              label={label("hotWater")}
              data={HOT_WATER_TYPES.map((c) => ({ value: c, label: t(`establishments.hotWaterTypes.${c}`) }))}
              {...form.getInputProps("hotWater")}
            />
          </SimpleGrid>
        </Paper>
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
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
