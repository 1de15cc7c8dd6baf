import { Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Cohort } from "../../../contracts/establishments.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { OrganizationSelect } from "../organizations/organization-select.tsx";
import { useCreateCohort, useUpdateCohort } from "./cohorts.api.ts";

/**
 * Creates a cohort, or edits one naming the version read (a 409 shows the conflict and keeps
 * what was typed): code, names, goal, target count and the accompanying partner.
 */
export function CohortForm({ cohort, onDone }: { cohort?: Cohort; onDone: (saved: Cohort) => void }) {
  const { t } = useTranslation();
  const create = useCreateCohort();
  const update = useUpdateCohort(cohort?.id ?? "");
  const form = useForm({
    initialValues: {
      code: cohort?.code ?? "",
      nameFr: cohort?.nameFr ?? "",
      nameAr: cohort?.nameAr ?? "",
      goal: cohort?.goal ?? "",
      targetCount: (cohort?.targetCount ?? "") as number | string,
      partnerId: cohort?.partnerId ?? null,
    },
    validate: {
      code: (v) => (v.trim() ? null : t("validation.required")),
      nameFr: (v) => (v.trim() ? null : t("validation.required")),
      targetCount: (v) => (typeof v === "number" && v >= 1 ? null : t("validation.required")),
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const label = (k: string) =>
    t(`establishmentsFollowup.cohorts.${k}` as "establishmentsFollowup.cohorts.code");
  const submit = form.onSubmit((v) => {
    clear();
    const body = { ...v, targetCount: Number(v.targetCount), partnerId: v.partnerId ?? null };
    const saved = cohort
      ? update.mutateAsync({ ...body, version: cohort.version })
      : create.mutateAsync(body);
    saved
      .then((c) => {
        notifications.show({ color: "teal", message: t("establishmentsFollowup.cohorts.saved") });
        onDone(c);
      })
      .catch(report);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={label("code")} withAsterisk dir="ltr" {...form.getInputProps("code")} />
          <NumberInput
            label={label("targetCount")}
            withAsterisk
            min={1}
            allowDecimal={false}
            {...form.getInputProps("targetCount")}
          />
          <TextInput label={label("nameFr")} withAsterisk {...form.getInputProps("nameFr")} />
          <TextInput label={label("nameAr")} dir="rtl" lang="ar" {...form.getInputProps("nameAr")} />
        </SimpleGrid>
        <Textarea label={label("goal")} autosize minRows={2} {...form.getInputProps("goal")} />
        <OrganizationSelect
          label={label("partner")}
          selectedLabel={cohort?.partnerName}
          {...form.getInputProps("partnerId")}
        />
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
