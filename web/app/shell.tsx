import { Anchor, AppShell, Burger, Container, Group, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type LinkProps, Outlet, useRouter } from "@tanstack/react-router";
import type { ParseKeys } from "i18next";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Permission } from "../../contracts/access.ts";
import { useMe } from "../modules/auth/auth.api.ts";
import { NavLinkLink } from "../shared/router-links.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { UserMenu } from "./user-menu.tsx";

interface MenuEntry {
  to: LinkProps["to"];
  label: ParseKeys;
  /** Shown only to people holding it. */
  permission?: Permission;
}

const MENU: MenuEntry[] = [
  { to: "/dashboard", label: "dashboards.menu", permission: "dashboards.read" },
  { to: "/persons", label: "nav.beneficiaries", permission: "persons.read" },
  { to: "/persons/import", label: "personImports.menu", permission: "persons.import" },
  { to: "/organizations", label: "nav.organizations", permission: "organizations.read" },
  { to: "/establishments", label: "nav.establishments", permission: "establishments.read" },
  { to: "/cohorts", label: "nav.cohorts", permission: "establishments.read" },
  { to: "/programs", label: "nav.programs", permission: "programs.read" },
  { to: "/applications", label: "nav.applications", permission: "applications.read" },
  { to: "/conventions", label: "conventions.ui.menu", permission: "conventions.read" },
  { to: "/projects", label: "socialProjects.menu", permission: "projects.read" },
  { to: "/proposals", label: "proposals.nav", permission: "proposals.read" },
  { to: "/indicators", label: "indicators.menu", permission: "indicators.read" },
  { to: "/territories", label: "nav.territories", permission: "territories.read" },
  { to: "/users", label: "nav.users", permission: "users.manage" },
  { to: "/audit", label: "nav.audit", permission: "audit.read" },
  { to: "/tokens", label: "nav.tokens" },
];

/** The frame of every signed-in page: header (name, language, user menu) and the module menu. */
export function AppShellLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const router = useRouter();
  const [navOpened, nav] = useDisclosure(false);

  // The session ended while the page was open: to the login page, then back here.
  useEffect(() => {
    if (me === null) {
      void router.navigate({ to: "/login", search: { redirect: router.state.location.href }, replace: true });
    }
  }, [me, router]);

  const entries = MENU.filter((entry) => !entry.permission || me?.permissions.includes(entry.permission));

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Anchor href="#main" className="jisr-skip-link">
              {t("app.skipToContent")}
            </Anchor>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("app.toggleMenu")}
            />
            <Text component="span" fw={700} size="lg" c="teal.8">
              {t("app.name")}
            </Text>
            <Text component="span" size="sm" c="dimmed" visibleFrom="md">
              {t("app.tagline")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("app.mainMenu")}>
        <VisuallyHidden component="h2">{t("app.mainMenu")}</VisuallyHidden>
        {entries.map((entry) => (
          <NavLinkLink
            key={entry.to}
            to={entry.to}
            label={t(entry.label)}
            onClick={nav.close}
            activeProps={{ active: true }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Container size="xl" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
