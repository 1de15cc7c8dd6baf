import { Group, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface PageHeaderProps {
  title: ReactNode;
  /** A link back to the parent page, shown above the title. */
  back?: ReactNode;
  /** Buttons shown at the end of the title line. */
  actions?: ReactNode;
  /** Badges or short facts under the title. */
  meta?: ReactNode;
}

export function PageHeader({ title, back, actions, meta }: PageHeaderProps) {
  return (
    <Stack gap="xs" mb="lg">
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {meta}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}
