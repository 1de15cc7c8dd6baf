import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../contracts/access.ts";
import type { Locale } from "../../../contracts/common.ts";
import { ConfirmButton } from "../../shared/confirm-button.tsx";
import { useFormProblem } from "../../shared/form-problem.ts";
import { useFormat } from "../../shared/format.ts";
import { LANGUAGE_OPTIONS } from "../../shared/languages.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { SecretReveal } from "../../shared/secret-reveal.tsx";
import { useCan } from "../auth/auth.api.ts";
import { type RoleRow, roleRowRules, toRoleInputs, toRoleRows } from "./role-assignments.ts";
import { RoleAssignmentsEditor } from "./role-assignments-editor.tsx";
import { UserStatus } from "./user-status.tsx";
import {
  useResetPassword,
  userQueryOptions,
  useSetDisabled,
  useSetRoles,
  useUpdateUser,
} from "./users.api.ts";

const route = getRouteApi("/_app/users/$id");

/** Fetches the user again after a version conflict and returns the fresh record. */
type Reload = () => Promise<User | undefined>;

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(userQueryOptions(id));
  const reload: Reload = async () => (await query.refetch()).data;

  return (
    <>
      <PageHeader
        title={query.data?.fullName ?? t("users.detailTitle")}
        meta={
          query.data && (
            <Group gap="xs">
              <Text size="sm" c="dimmed" className="jisr-ltr">
                {query.data.email}
              </Text>
              <UserStatus disabled={query.data.disabled} />
            </Group>
          )
        }
        back={
          <AnchorLink to="/users" size="sm">
            {t("users.backToList")}
          </AnchorLink>
        }
      />
      <QueryState query={query}>
        {(user) => (
          <Stack>
            <AccountPanel user={user} reload={reload} />
            <ProfilePanel user={user} reload={reload} />
            <RolesPanel user={user} reload={reload} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function AccountPanel({ user, reload }: { user: User; reload: Reload }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canAudit = useCan("audit.read");
  const setDisabled = useSetDisabled(user.id);
  const resetPassword = useResetPassword(user.id);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const error = setDisabled.error ?? resetPassword.error;

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed">
            {t("users.createdAt", { date: format.dateTime(user.createdAt) })} ·{" "}
            {user.lastLoginAt
              ? t("users.lastLoginAt", { date: format.dateTime(user.lastLoginAt) })
              : t("users.neverLoggedIn")}
          </Text>
          <Group gap="xs">
            {canAudit && (
              <>
                <ButtonLink
                  variant="default"
                  size="xs"
                  to="/audit"
                  search={{ entityType: "user", entityId: user.id }}
                >
                  {t("users.historyLink")}
                </ButtonLink>
                <ButtonLink variant="default" size="xs" to="/audit" search={{ actorId: user.id }}>
                  {t("users.actionsLink")}
                </ButtonLink>
              </>
            )}
            <ConfirmButton
              size="xs"
              variant="light"
              loading={resetPassword.isPending}
              title={t("users.resetPassword.title")}
              message={t("users.resetPassword.message", { name: user.fullName })}
              confirmLabel={t("users.resetPassword.confirm")}
              onConfirm={() =>
                resetPassword.mutate(user.version, {
                  onSuccess: (result) => setTemporaryPassword(result.temporaryPassword),
                })
              }
            >
              {t("users.resetPassword.title")}
            </ConfirmButton>
            <ConfirmButton
              size="xs"
              variant="light"
              color={user.disabled ? "teal" : "red"}
              loading={setDisabled.isPending}
              title={t(user.disabled ? "users.enable.title" : "users.disable.title")}
              message={t(user.disabled ? "users.enable.message" : "users.disable.message", {
                name: user.fullName,
              })}
              confirmLabel={t(user.disabled ? "users.enable.confirm" : "users.disable.confirm")}
              onConfirm={() =>
                setDisabled.mutate(
                  { disabled: !user.disabled, version: user.version },
                  {
                    onSuccess: (updated) =>
                      notifications.show({
                        color: "teal",
                        message: t(updated.disabled ? "users.disable.done" : "users.enable.done"),
                      }),
                  },
                )
              }
            >
              {t(user.disabled ? "users.enable.title" : "users.disable.title")}
            </ConfirmButton>
          </Group>
        </Group>
        {error && (
          <ProblemAlert
            error={error}
            onReload={() => {
              setDisabled.reset();
              resetPassword.reset();
              void reload();
            }}
          />
        )}
        {temporaryPassword && (
          <SecretReveal
            title={t("users.temporaryPassword.title", { name: user.fullName })}
            warning={t("users.temporaryPassword.warning")}
            secret={temporaryPassword}
            onDone={() => setTemporaryPassword(null)}
          />
        )}
      </Stack>
    </Paper>
  );
}

interface ProfileValues {
  fullName: string;
  locale: Locale;
}

function ProfilePanel({ user, reload }: { user: User; reload: Reload }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const form = useForm<ProfileValues>({ initialValues: { fullName: user.fullName, locale: user.locale } });
  const { problem, report, clear } = useFormProblem(form);

  const submit = form.onSubmit(async (values) => {
    clear();
    const fullName = values.fullName.trim();
    await update
      .mutateAsync({
        version: user.version,
        ...(fullName !== user.fullName && { fullName }),
        ...(values.locale !== user.locale && { locale: values.locale }),
      })
      .then((saved) => {
        form.setInitialValues({ fullName: saved.fullName, locale: saved.locale });
        form.reset();
        notifications.show({ color: "teal", message: t("users.saved") });
      }, report);
  });

  const reloadForm = async () => {
    const fresh = await reload();
    if (!fresh) return;
    form.setInitialValues({ fullName: fresh.fullName, locale: fresh.locale });
    form.reset();
    clear();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="user-profile">
      <Title order={2} size="h4" mb="sm" id="user-profile">
        {t("users.profile")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("users.fields.fullName")} withAsterisk {...form.getInputProps("fullName")} />
            <Select
              label={t("users.fields.locale")}
              data={LANGUAGE_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps("locale")}
            />
          </SimpleGrid>
          {problem && (
            <ProblemAlert error={problem.error} unmatched={problem.unmatched} onReload={reloadForm} />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RolesPanel({ user, reload }: { user: User; reload: Reload }) {
  const { t } = useTranslation();
  const setRoles = useSetRoles(user.id);
  const form = useForm<{ roles: RoleRow[] }>({
    initialValues: { roles: toRoleRows(user.roles) },
    validate: { roles: roleRowRules(t("validation.required")) },
  });
  const { problem, report, clear } = useFormProblem(form);

  const restart = (fresh: User) => {
    form.setInitialValues({ roles: toRoleRows(fresh.roles) });
    form.reset();
  };

  const submit = form.onSubmit(async (values) => {
    clear();
    await setRoles.mutateAsync({ version: user.version, roles: toRoleInputs(values.roles) }).then((saved) => {
      restart(saved);
      notifications.show({ color: "teal", message: t("users.roles.saved") });
    }, report);
  });

  const reloadForm = async () => {
    const fresh = await reload();
    if (!fresh) return;
    restart(fresh);
    clear();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="user-roles">
      <Title order={2} size="h4" mb="sm" id="user-roles">
        {t("users.fields.roles")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <RoleAssignmentsEditor
            value={form.getValues().roles}
            onChange={(roles) => form.setFieldValue("roles", roles)}
            errors={form.errors}
          />
          {problem && (
            <ProblemAlert error={problem.error} unmatched={problem.unmatched} onReload={reloadForm} />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
              {t("users.roles.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
