import { Group, Progress, Stack, Text } from "@mantine/core";

export interface CategoryCountsProps {
  items: readonly { key: string; label: string; count: number }[];
  format?: (value: number) => string;
  title: string;
  empty: string;
}

/** Counts as horizontal bars, longest first (bars follow the reading direction). */
export function CategoryCounts({ items, format = String, title, empty }: CategoryCountsProps) {
  const max = Math.max(0, ...items.map((i) => i.count));
  return (
    <Stack gap={6} data-testid="category-counts">
      <Text fw={600} size="sm">
        {title}
      </Text>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {items.map((item) => (
        <Stack gap={2} key={item.key}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{item.label}</Text>
            <Text size="sm" fw={600}>
              {format(item.count)}
            </Text>
          </Group>
          <Progress value={max ? (item.count / max) * 100 : 0} size="md" aria-label={item.label} />
        </Stack>
      ))}
    </Stack>
  );
}
