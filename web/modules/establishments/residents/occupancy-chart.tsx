import { Box, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, today } from "../../../../contracts/calendar.ts";
import { QueryState } from "../../../shared/query-state.tsx";
import { occupancyQueryOptions } from "./residents.api.ts";

/** Occupancy over time as simple bars (male and female stacked against the capacity). */
export function OccupancyChart({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const [granularity, setGranularity] = useState<"day" | "month">("day");
  const [to, setTo] = useState(today());
  const [from, setFrom] = useState(addDays(today(), -29));
  const query = useQuery(occupancyQueryOptions(establishmentId, from, to, granularity));

  const pick = (g: "day" | "month") => {
    setGranularity(g);
    setFrom(addDays(to, g === "day" ? -29 : -364));
  };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t("residents.occupancy")}
        </Title>
        <Group gap="xs" wrap="wrap">
          <TextInput
            type="date"
            dir="ltr"
            aria-label={t("residents.from")}
            value={from}
            onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            dir="ltr"
            aria-label={t("residents.to")}
            value={to}
            onChange={(e) => e.currentTarget.value && setTo(e.currentTarget.value)}
          />
          <SegmentedControl
            value={granularity}
            onChange={(v) => pick(v as "day" | "month")}
            data={[
              { value: "day", label: t("residents.byDay") },
              { value: "month", label: t("residents.byMonth") },
            ]}
          />
        </Group>
      </Group>
      <QueryState query={query}>
        {(occupancy) => {
          const top = Math.max(
            1,
            ...occupancy.points.map((p) => Math.max(p.total, p.capacityMale + p.capacityFemale)),
          );
          const last = occupancy.points.at(-1);
          return (
            <Stack gap="xs">
              {last && (
                <Text size="sm">
                  {t("residents.capacity")}:{" "}
                  {t("residents.occupiedOf", {
                    occupied: last.total,
                    capacity: last.capacityMale + last.capacityFemale,
                  })}
                  {last.rate !== null && ` · ${t("residents.rate", { rate: last.rate })}`}
                </Text>
              )}
              <Box
                role="img"
                aria-label={t("residents.occupancy")}
                style={{ display: "flex", alignItems: "flex-end", gap: 2, height: 160, direction: "ltr" }}
              >
                {occupancy.points.map((p) => (
                  <Tooltip
                    key={p.period}
                    label={`${p.period} · ${t("residents.male")}: ${p.male} · ${t("residents.female")}: ${p.female}${p.rate !== null ? ` · ${p.rate} %` : ""}`}
                  >
                    <Box
                      style={{ flex: 1, display: "flex", flexDirection: "column-reverse", height: "100%" }}
                    >
                      <Box
                        style={{
                          height: `${(p.male / top) * 100}%`,
                          background: "var(--mantine-color-blue-6)",
                        }}
                      />
                      <Box
                        style={{
                          height: `${(p.female / top) * 100}%`,
                          background: "var(--mantine-color-pink-5)",
                        }}
                      />
                    </Box>
                  </Tooltip>
                ))}
              </Box>
              <Group gap="md">
                <Text size="xs" c="blue.7">
                  ■ {t("residents.male")}
                </Text>
                <Text size="xs" c="pink.6">
                  ■ {t("residents.female")}
                </Text>
              </Group>
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}
