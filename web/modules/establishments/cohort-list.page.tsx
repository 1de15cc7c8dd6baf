import { Button, Group, Modal, Paper, Progress, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { CohortForm } from "./cohort-form.tsx";
import { cohortsQueryOptions } from "./establishments.api.ts";

/** The pilot cohorts, each with its target vs actual. */
export function CohortListPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery(cohortsQueryOptions);
  const canManage = useCan("cohorts.manage");
  const navigate = useNavigate();
  const [opened, dialog] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title={t("establishments.cohorts.title")}
        actions={
          canManage && <Button onClick={dialog.open}>{t("establishmentsFollowup.cohorts.new")}</Button>
        }
      />
      <Modal
        opened={opened}
        onClose={dialog.close}
        title={t("establishmentsFollowup.cohorts.createTitle")}
        size="lg"
      >
        <CohortForm
          onDone={(c) => {
            dialog.close();
            void navigate({ to: "/cohorts/$id", params: { id: c.id } });
          }}
        />
      </Modal>
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
                    {t("establishmentsFollowup.cohorts.targetVsActual", {
                      actual: c.actualCount,
                      target: c.targetCount,
                    })}
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
