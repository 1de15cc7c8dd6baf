import { Avatar, Menu, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useLogout, useMe } from "../modules/auth/auth.api.ts";
import { errorMessage } from "../shared/problem.ts";

/** Downloaded the first time someone opens it: most sessions never do. */
const ChangePasswordModal = lazy(() =>
  import("../modules/auth/change-password.modal.tsx").then((module) => ({
    default: module.ChangePasswordModal,
  })),
);

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const [passwordOpened, password] = useDisclosure(false);
  if (!me) return null;

  const signOut = () =>
    logout.mutate(undefined, {
      onError: (error) => notifications.show({ color: "red", message: errorMessage(error, t) }),
    });

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t("app.userMenu", { name: me.user.fullName })}>
            <Avatar color="teal" radius="xl" size="md">
              {initials(me.user.fullName)}
            </Avatar>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {me.user.fullName}
            <br />
            <span className="jisr-ltr">{me.user.email}</span>
          </Menu.Label>
          <Menu.Item onClick={password.open}>{t("auth.password.title")}</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={signOut} disabled={logout.isPending}>
            {t("auth.logout")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {passwordOpened && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened onClose={password.close} />
        </Suspense>
      )}
    </>
  );
}
