import { ActionIcon, Group, NumberInput, Paper, Select, SimpleGrid, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { AxisBody, PartyBody } from "../../../contracts/conventions.ts";
import { PARTY_ROLES, type PartyRole } from "../../../contracts/partnerships.ts";
import { OrganizationSelect } from "../organizations/organization-select.tsx";
import { toCentimes } from "../projects/project-money.ts";

/** A party as typed in a form: the amount in dirhams. */
export interface PartyValues {
  organizationId: string | null;
  role: string | null;
  committedMad: string | number;
  otherCommitments: string;
}

/** An axis as typed in a form, with its first target. */
export interface AxisValues {
  titleFr: string;
  titleAr: string;
  targetLabel: string;
  targetValue: string | number;
  unit: string;
}

const optional = (value: string) => (value.trim() ? value.trim() : null);

export const toParty = (p: PartyValues): z.input<typeof PartyBody> => ({
  organizationId: p.organizationId ?? "",
  role: (p.role ?? "signatory") as PartyRole,
  committedCentimes: p.committedMad === "" ? 0 : toCentimes(p.committedMad),
  otherCommitments: optional(p.otherCommitments),
});

export const toAxis = (a: AxisValues): z.input<typeof AxisBody> => ({
  titleFr: a.titleFr.trim(),
  titleAr: optional(a.titleAr),
  targets: a.targetLabel.trim()
    ? [
        {
          labelFr: a.targetLabel.trim(),
          targetValue: a.targetValue === "" ? null : Number(a.targetValue),
          unit: optional(a.unit),
        },
      ]
    : [],
});

// biome-ignore lint/suspicious/noExplicitAny: the rows live in different forms (creation, detail page)
type AnyForm = UseFormReturnType<any>;

export function PartyFields({
  form,
  path,
  onRemove,
}: {
  form: AnyForm;
  path: string;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Group align="flex-end" wrap="nowrap">
        <SimpleGrid cols={{ base: 1, sm: 4 }} style={{ flex: 1 }}>
          <OrganizationSelect
            label={t("conventions.fields.organization")}
            withAsterisk
            {...form.getInputProps(`${path}.organizationId`)}
          />
          <Select
            label={t("conventions.fields.role")}
            allowDeselect={false}
            data={PARTY_ROLES.map((r) => ({ value: r, label: t(`conventions.roles.${r}`) }))}
            {...form.getInputProps(`${path}.role`)}
          />
          <NumberInput
            label={t("conventions.fields.committedMad")}
            min={0}
            thousandSeparator=" "
            decimalSeparator=","
            hideControls
            {...form.getInputProps(`${path}.committedMad`)}
          />
          <TextInput
            label={t("conventions.fields.otherCommitments")}
            {...form.getInputProps(`${path}.otherCommitments`)}
          />
        </SimpleGrid>
        {onRemove && (
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t("conventions.ui.remove")}
            mb={4}
          >
            ×
          </ActionIcon>
        )}
      </Group>
    </Paper>
  );
}

export function AxisFields({
  form,
  path,
  n,
  onRemove,
}: {
  form: AnyForm;
  path: string;
  n: number;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Group align="flex-end" wrap="nowrap">
        <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
          <TextInput
            label={`${t("conventions.ui.axisN", { n })} — ${t("conventions.fields.axisTitleFr")}`}
            withAsterisk
            {...form.getInputProps(`${path}.titleFr`)}
          />
          <TextInput
            label={t("conventions.fields.axisTitleAr")}
            lang="ar"
            dir="rtl"
            {...form.getInputProps(`${path}.titleAr`)}
          />
          <TextInput
            label={t("conventions.fields.targetLabel")}
            {...form.getInputProps(`${path}.targetLabel`)}
          />
          <Group grow>
            <NumberInput
              label={t("conventions.fields.targetValue")}
              min={0}
              hideControls
              {...form.getInputProps(`${path}.targetValue`)}
            />
            <TextInput label={t("conventions.fields.unit")} {...form.getInputProps(`${path}.unit`)} />
          </Group>
        </SimpleGrid>
        {onRemove && (
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t("conventions.ui.remove")}
            mb={4}
          >
            ×
          </ActionIcon>
        )}
      </Group>
    </Paper>
  );
}
