import { Container, EmptyState, Stack } from "@mantine/core";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { isRetryable } from "../shared/problem.ts";
import { ProblemAlert } from "../shared/problem-alert.tsx";
import { ButtonLink } from "../shared/router-links.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <EmptyState title={t("common.notFound.title")} description={t("common.notFound.description")}>
        <EmptyState.Actions>
          <ButtonLink to="/organizations" variant="light">
            {t("common.notFound.home")}
          </ButtonLink>
        </EmptyState.Actions>
      </EmptyState>
    </Container>
  );
}

/** What a page shows when it could not load (forbidden, offline, server error). */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const retry = () => {
    reset();
    void router.invalidate();
  };
  return (
    <Stack maw={640} py="md">
      <ProblemAlert error={error} onRetry={isRetryable(error) ? retry : undefined} />
    </Stack>
  );
}
