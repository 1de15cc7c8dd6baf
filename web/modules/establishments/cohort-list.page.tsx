import { Group, Paper, Progress, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { cohortsQueryOptions } from "./establishments.api.ts";

/** The pilot cohorts, each with its target vs actual. */
export function CohortListPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery(cohortsQueryOptions);
  return (
    <>
      <PageHeader title={t("establishments.cohorts.title")} />
      <QueryState query={query}>
        {(cohorts) => (
          <Stack>
            {cohorts.map((c) => (
              <Paper key={c.id} withBorder p="md">
                <AnchorLink to="/cohorts/$id" params={{ id: c.id }} fw={600}>
                  {(i18n.language === "ar" && c.nameAr) || c.nameFr}
                </AnchorLink>
                {c.goal && (
                  <Text size="sm" c="dimmed">
                    {c.goal}
                  </Text>
                )}
                <Group gap="xs" mt="xs" wrap="nowrap">
                  <Progress
                    flex={1}
                    size="lg"
                    value={Math.min(100, Math.round((c.actualCount / c.targetCount) * 100))}
                    aria-label={t("establishments.cohorts.actual")}
                  />
                  <Text size="sm">
                    {c.actualCount} / {c.targetCount}
                  </Text>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
