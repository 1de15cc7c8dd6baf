import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../contracts/common.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { LANGUAGE_OPTIONS } from "../../shared/languages.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { SecretReveal } from "../../shared/secret-reveal.tsx";
import { type RoleRow, roleRowRules, toRoleInputs } from "./role-assignments.ts";
import { RoleAssignmentsEditor } from "./role-assignments-editor.tsx";
import { type UserWithPassword, useCreateUser } from "./users.api.ts";

interface NewUserValues {
  email: string;
  fullName: string;
  locale: Locale;
  roles: RoleRow[];
}

export function UserCreatePage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<UserWithPassword | null>(null);
  const back = (
    <AnchorLink to="/users" size="sm">
      {t("users.backToList")}
    </AnchorLink>
  );

  return (
    <>
      <PageHeader title={t("users.createTitle")} back={back} />
      {created ? (
        <UserCreated created={created} onAnother={() => setCreated(null)} />
      ) : (
        <NewUserForm onCreated={setCreated} />
      )}
    </>
  );
}

function NewUserForm({ onCreated }: { onCreated: (result: UserWithPassword) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const form = useForm<NewUserValues>({
    initialValues: { email: "", fullName: "", locale: "fr", roles: [] },
    validate: { roles: roleRowRules(t("validation.required")) },
  });
  const { problem, report, clear } = useFormProblem(form);

  const submit = form.onSubmit(async (values) => {
    clear();
    await create
      .mutateAsync({
        email: values.email.trim(),
        fullName: values.fullName.trim(),
        locale: values.locale,
        roles: toRoleInputs(values.roles),
      })
      .then(onCreated, report);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("users.fields.fullName")} withAsterisk {...form.getInputProps("fullName")} />
            <TextInput
              label={t("users.fields.email")}
              type="email"
              dir="ltr"
              withAsterisk
              autoComplete="off"
              {...form.getInputProps("email")}
            />
            <Select
              label={t("users.fields.locale")}
              data={LANGUAGE_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps("locale")}
            />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t("users.fields.roles")}
          </Title>
          <RoleAssignmentsEditor
            value={form.getValues().roles}
            onChange={(roles) => form.setFieldValue("roles", roles)}
            errors={form.errors}
          />
        </Paper>
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate({ to: "/users" })}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("common.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UserCreated({ created, onAnother }: { created: UserWithPassword; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      {created.temporaryPassword && (
        <SecretReveal
          title={t("users.temporaryPassword.title", { name: created.user.fullName })}
          warning={t("users.temporaryPassword.warning")}
          secret={created.temporaryPassword}
        />
      )}
      <Group>
        <ButtonLink to="/users/$id" params={{ id: created.user.id }}>
          {t("users.openRecord")}
        </ButtonLink>
        <Button variant="default" onClick={onAnother}>
          {t("users.createAnother")}
        </Button>
      </Group>
    </Stack>
  );
}
