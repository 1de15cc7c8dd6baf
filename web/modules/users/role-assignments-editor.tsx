import { Button, CloseButton, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role, SCOPE_TYPES, type ScopeType } from "../../../contracts/access.ts";
import { OrganizationSelect } from "../organizations/organization-select.tsx";
import { ProvinceSelect, RegionSelect } from "../territories/territory-selects.tsx";
import { emptyRoleRow, type RoleRow } from "./role-assignments.ts";

interface RoleAssignmentsEditorProps {
  value: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  /** The Mantine form's errors; this editor reads `roles`, `roles.<i>.role`, `roles.<i>.scopeRef`… */
  errors: Record<string, ReactNode>;
}

/** Roles of a user, each on a scope: national, a region, a province, an organisation or an establishment. */
export function RoleAssignmentsEditor({ value, onChange, errors }: RoleAssignmentsEditorProps) {
  const { t } = useTranslation();
  const update = (index: number, changes: Partial<RoleRow>) =>
    onChange(value.map((row, position) => (position === index ? { ...row, ...changes } : row)));

  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("users.roles.none")}
        </Text>
      )}
      {value.map((row, index) => (
        <Paper key={row.key} withBorder p="sm" component="fieldset" m={0}>
          <Text component="legend" size="sm" fw={600} px={4}>
            {t("users.roles.assignment", { number: index + 1 })}
          </Text>
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" flex={1}>
              <Select
                label={t("users.roles.role")}
                withAsterisk
                data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                value={row.role}
                onChange={(role) => update(index, { role: role as Role | null })}
                error={errors[`roles.${index}.role`]}
              />
              <Select
                label={t("users.roles.scopeType")}
                withAsterisk
                data={SCOPE_TYPES.map((scopeType) => ({
                  value: scopeType,
                  label: t(`scopeTypes.${scopeType}`),
                }))}
                value={row.scopeType}
                onChange={(scopeType) =>
                  update(index, {
                    scopeType: scopeType as ScopeType | null,
                    scopeRef: null,
                    scopeLabel: null,
                  })
                }
                error={errors[`roles.${index}.scopeType`]}
              />
              <ScopeRefInput
                row={row}
                onChange={(scopeRef) => update(index, { scopeRef })}
                error={errors[`roles.${index}.scopeRef`]}
              />
            </SimpleGrid>
            <CloseButton
              mt={28}
              onClick={() => onChange(value.filter((_, position) => position !== index))}
              aria-label={t("users.roles.remove", { number: index + 1 })}
              title={t("users.roles.remove", { number: index + 1 })}
            />
          </Group>
        </Paper>
      ))}
      {errors.roles && (
        <Text size="sm" c="red" role="alert">
          {errors.roles}
        </Text>
      )}
      <div>
        <Button variant="light" size="xs" onClick={() => onChange([...value, emptyRoleRow()])}>
          {t("users.roles.add")}
        </Button>
      </div>
    </Stack>
  );
}

interface ScopeRefInputProps {
  row: RoleRow;
  onChange: (scopeRef: string | null) => void;
  error: ReactNode;
}

/** The scope picker that fits the scope type; nothing for the national scope. */
function ScopeRefInput({ row, onChange, error }: ScopeRefInputProps) {
  const { t } = useTranslation();
  if (!row.scopeType || row.scopeType === "national") return null;
  const common = {
    label: t(`scopeTypes.${row.scopeType}`),
    withAsterisk: true,
    value: row.scopeRef,
    onChange,
    error,
  };
  switch (row.scopeType) {
    case "region":
      return <RegionSelect {...common} />;
    case "province":
      return <ProvinceSelect {...common} region={null} />;
    case "organization":
      return <OrganizationSelect {...common} selectedLabel={row.scopeLabel} />;
    case "establishment":
      return (
        <TextInput
          {...common}
          value={row.scopeRef ?? ""}
          onChange={(event) => onChange(event.currentTarget.value)}
          description={t("users.roles.establishmentHint")}
          dir="ltr"
        />
      );
  }
}
