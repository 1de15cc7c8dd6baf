import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { applyLanguage } from "../../app/i18n.ts";
import { LanguageSwitcher } from "../../app/language-switcher.tsx";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { useLogin } from "./auth.api.ts";

const route = getRouteApi("/login");

export function LoginPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const { redirect } = route.useSearch();
  const login = useLogin();
  const form = useForm({ initialValues: { email: "", password: "" } });
  const { problem, report, clear } = useFormProblem(form);

  const submit = form.onSubmit((values) => {
    clear();
    login.mutate(values, {
      onSuccess: async (me) => {
        await applyLanguage(me.user.locale);
        await router.navigate({ href: redirect ?? "/organizations", replace: true });
      },
      onError: report,
    });
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={420}>
        <Group justify="space-between">
          <Text fw={700} size="xl" c="teal.8">
            {t("app.name")}
          </Text>
          <LanguageSwitcher />
        </Group>
        <Paper withBorder shadow="sm" p="xl" component="main">
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={1} size="h3">
                  {t("auth.login.title")}
                </Title>
                <Text size="sm" c="dimmed">
                  {t("app.tagline")}
                </Text>
              </div>
              <TextInput
                label={t("auth.login.email")}
                type="email"
                autoComplete="username"
                dir="ltr"
                withAsterisk
                {...form.getInputProps("email")}
              />
              <PasswordInput
                label={t("auth.login.password")}
                autoComplete="current-password"
                withAsterisk
                {...form.getInputProps("password")}
              />
              {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
              <Button type="submit" loading={login.isPending} fullWidth>
                {t("auth.login.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  );
}
