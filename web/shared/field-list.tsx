import { SimpleGrid, Stack, Text, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface Field {
  label: string;
  value: ReactNode;
  /** Spans the whole width (long text such as an address). */
  wide?: boolean;
}

/** A dash for the eye, "not provided" for screen readers. */
export function EmptyValue() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden>—</span>
      <VisuallyHidden>{t("common.none")}</VisuallyHidden>
    </>
  );
}

/** Label/value pairs of a record, as a description list; empty values show a dash. */
export function FieldList({ fields }: { fields: Field[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" m={0}>
      {fields.map((field) => (
        <Stack key={field.label} gap={2} style={field.wide ? { gridColumn: "1 / -1" } : undefined}>
          <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
            {field.label}
          </Text>
          <Text component="dd" m={0} size="sm">
            {field.value === null || field.value === undefined || field.value === "" ? (
              <EmptyValue />
            ) : (
              field.value
            )}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
