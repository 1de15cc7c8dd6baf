import { Anchor, AppShell, Container, Group, Text } from "@mantine/core";
import { Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "../../app/language-switcher.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";

/** The frame of the citizen pages: no sign-in, the language switch, links to the programmes and to tracking. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Anchor href="#main" className="jisr-skip-link">
              {t("app.skipToContent")}
            </Anchor>
            <AnchorLink to="/public/programs" underline="never">
              <Text component="span" fw={700} size="lg" c="teal.8">
                {t("app.name")}
              </Text>
            </AnchorLink>
            <Text component="span" size="sm" c="dimmed" visibleFrom="sm">
              {t("public.tagline")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <AnchorLink to="/public/status" size="sm" visibleFrom="xs">
              {t("public.status.link")}
            </AnchorLink>
            <LanguageSwitcher />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Container size="md" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
