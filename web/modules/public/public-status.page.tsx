import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useFormProblem } from "../../shared/form-problem.ts";
import { useFormat } from "../../shared/format.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { usePublicStatus } from "./public.api.ts";
import { usePublicName } from "./public-programs.page.tsx";

const route = getRouteApi("/public/status");

/** A citizen follows their application with the tracking code and their birth date; nothing else is shown. */
export function PublicStatusPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const status = usePublicStatus();
  const name = usePublicName();
  const format = useFormat();
  const form = useForm({ initialValues: { trackingCode: search.code ?? "", birthDate: "" } });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async (v) => {
    clear();
    status.reset();
    await status.mutateAsync({ trackingCode: v.trackingCode.trim(), birthDate: v.birthDate }).catch(report);
  });
  const s = status.data;
  return (
    <Stack maw={560}>
      <AnchorLink to="/public/programs" size="sm">
        {t("public.programs.back")}
      </AnchorLink>
      <Title order={1} size="h2">
        {t("public.status.title")}
      </Title>
      <Text c="dimmed">{t("public.status.intro")}</Text>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t("public.status.code")}
              withAsterisk
              dir="ltr"
              autoComplete="off"
              {...form.getInputProps("trackingCode")}
            />
            <TextInput
              type="date"
              dir="ltr"
              label={t("public.check.birthDate")}
              withAsterisk
              {...form.getInputProps("birthDate")}
            />
            {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
            <Group justify="flex-end">
              <Button type="submit" loading={status.isPending}>
                {t("public.status.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {s && (
        <Alert
          color="teal"
          title={name({ nameFr: s.programNameFr, nameAr: s.programNameAr })}
          data-testid="public-status"
        >
          <Stack gap={4}>
            <Text size="sm">
              {t("public.status.stage")} :{" "}
              <strong>{name({ nameFr: s.stageNameFr, nameAr: s.stageNameAr })}</strong>
            </Text>
            <Text size="sm">
              {t("public.status.state")} : <strong>{t(`programs.applicationStatuses.${s.status}`)}</strong>
            </Text>
            <Text size="sm">
              {t("public.status.filedOn")} : {format.date(s.filedOn)}
            </Text>
            <Text size="sm">
              {t("public.status.lastChange")} : {format.date(s.lastChangeOn)}
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
