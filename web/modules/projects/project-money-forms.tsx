import { Button, Group, NumberInput, Paper, Select, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { today } from "../../../contracts/calendar.ts";
import { BUDGET_CATEGORIES, type BudgetCategory } from "../../../contracts/partnerships.ts";
import type {
  BudgetLine,
  BudgetLineBody,
  Project,
  Tranche,
  TrancheBody,
} from "../../../contracts/projects.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { OrganizationSelect } from "../organizations/organization-select.tsx";
import { toCentimes } from "./project-money.ts";
import { projectWrites, useProjectMutation } from "./projects.api.ts";

/**
 * Records a disbursement. The amount is typed in dirhams and sent in centimes; the server refuses
 * one above what the funder committed (or above its tranche) and the message shows on the field.
 */
export function DisbursementForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const mutation = useProjectMutation(projectWrites(project.id).addDisbursement);
  const form = useForm({
    initialValues: {
      funderId: project.funders[0]?.funderId ?? null,
      trancheId: null as string | null,
      paidOn: today(),
      amountCentimes: "" as string | number,
      reference: "",
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const funderId = form.getValues().funderId;
  const submit = form.onSubmit(async (v) => {
    clear();
    await mutation
      .mutateAsync({
        funderId: v.funderId ?? "",
        trancheId: v.trancheId,
        paidOn: v.paidOn,
        amountCentimes: toCentimes(v.amountCentimes),
        reference: v.reference,
      })
      .then(() => form.setValues({ amountCentimes: "", reference: "", trancheId: null }))
      .catch(report);
  });
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t("socialProjects.addDisbursement")}
    >
      <Group align="flex-start" gap="sm">
        <Select
          label={t("socialProjects.fields.funder")}
          data={project.funders.map((f) => ({ value: f.funderId, label: f.funderName }))}
          withAsterisk
          w={220}
          {...form.getInputProps("funderId")}
        />
        <Select
          label={t("socialProjects.fields.tranche")}
          placeholder={t("socialProjects.noTranche")}
          clearable
          data={project.tranches
            .filter((x) => x.funderId === funderId && x.state !== "paid")
            .map((x) => ({
              value: x.id,
              label: `${x.position}. ${x.label ?? ""} (${x.milestoneTitle ?? "—"})`,
            }))}
          w={220}
          {...form.getInputProps("trancheId")}
        />
        <TextInput
          type="date"
          label={t("socialProjects.fields.paidOn")}
          withAsterisk
          w={160}
          {...form.getInputProps("paidOn")}
        />
        <NumberInput
          label={t("socialProjects.amountMad")}
          withAsterisk
          min={0}
          decimalScale={2}
          thousandSeparator=" "
          w={180}
          {...form.getInputProps("amountCentimes")}
        />
        <TextInput
          label={t("socialProjects.fields.reference")}
          w={140}
          {...form.getInputProps("reference")}
        />
        <Button type="submit" mt={24} loading={mutation.isPending}>
          {t("socialProjects.addDisbursement")}
        </Button>
      </Group>
      {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
    </Paper>
  );
}

/**
 * Adds a budget line, or changes one (`line`, with its version; `onDone` then closes the dialog).
 * The server refuses a line below what its funder already disbursed, on the amount field.
 */
export function BudgetLineForm({
  project,
  line,
  onDone,
}: {
  project: Project;
  line?: BudgetLine;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const writes = projectWrites(project.id);
  const mutation = useProjectMutation((body: z.input<typeof BudgetLineBody>) =>
    line
      ? writes.updateBudgetLine({ ...body, childId: line.id, version: line.version })
      : writes.addBudgetLine(body),
  );
  const form = useForm({
    initialValues: {
      label: line?.label ?? "",
      category: (line?.category ?? "works") as string | null,
      funderId: (line?.funderId ?? null) as string | null,
      amountCentimes: (line ? line.amountCentimes / 100 : "") as string | number,
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async (v) => {
    clear();
    await mutation
      .mutateAsync({
        label: v.label,
        category: v.category as BudgetCategory,
        funderId: v.funderId ?? "",
        amountCentimes: toCentimes(v.amountCentimes),
      })
      .then(() => (onDone ? onDone() : form.reset()))
      .catch(report);
  });
  const action = line ? t("socialProjects.editLine") : t("socialProjects.addLine");
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-label={action}>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t("socialProjects.fields.label")}
          withAsterisk
          w={200}
          {...form.getInputProps("label")}
        />
        <Select
          label={t("socialProjects.fields.category")}
          data={BUDGET_CATEGORIES.map((c) => ({ value: c, label: t(`socialProjects.categories.${c}`) }))}
          w={160}
          {...form.getInputProps("category")}
        />
        <OrganizationSelect
          label={t("socialProjects.fields.funder")}
          withAsterisk
          w={240}
          selectedLabel={line?.funderName}
          {...form.getInputProps("funderId")}
        />
        <NumberInput
          label={t("socialProjects.amountMad")}
          withAsterisk
          min={0}
          decimalScale={2}
          thousandSeparator=" "
          w={180}
          {...form.getInputProps("amountCentimes")}
        />
        <Button type="submit" mt={24} variant={line ? "filled" : "light"} loading={mutation.isPending}>
          {line ? t("common.save") : action}
        </Button>
      </Group>
      {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
    </Paper>
  );
}

export function MilestoneForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const mutation = useProjectMutation(projectWrites(project.id).addMilestone);
  const form = useForm({ initialValues: { titleFr: "", titleAr: "", plannedDate: "" } });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async (v) => {
    clear();
    await mutation
      .mutateAsync(v)
      .then(() => form.reset())
      .catch(report);
  });
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t("socialProjects.addMilestone")}
    >
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t("socialProjects.fields.titleFr")}
          withAsterisk
          w={240}
          {...form.getInputProps("titleFr")}
        />
        <TextInput
          label={t("socialProjects.fields.titleAr")}
          dir="rtl"
          w={200}
          {...form.getInputProps("titleAr")}
        />
        <TextInput
          type="date"
          label={t("socialProjects.fields.plannedDate")}
          withAsterisk
          w={160}
          {...form.getInputProps("plannedDate")}
        />
        <Button type="submit" mt={24} variant="light" loading={mutation.isPending}>
          {t("socialProjects.addMilestone")}
        </Button>
      </Group>
      {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
    </Paper>
  );
}

/** Adds a tranche of a funder, or changes one (`tranche`, with its version; `onDone` closes the dialog). */
export function TrancheForm({
  project,
  tranche,
  onDone,
}: {
  project: Project;
  tranche?: Tranche;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const writes = projectWrites(project.id);
  const mutation = useProjectMutation((body: z.input<typeof TrancheBody>) =>
    tranche
      ? writes.updateTranche({ ...body, childId: tranche.id, version: tranche.version })
      : writes.addTranche(body),
  );
  const form = useForm({
    initialValues: {
      funderId: (tranche?.funderId ?? null) as string | null,
      milestoneId: (tranche?.milestoneId ?? null) as string | null,
      label: tranche?.label ?? "",
      amountCentimes: (tranche ? tranche.amountCentimes / 100 : "") as string | number,
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async (v) => {
    clear();
    await mutation
      .mutateAsync({
        funderId: v.funderId ?? "",
        milestoneId: v.milestoneId,
        label: v.label,
        amountCentimes: toCentimes(v.amountCentimes),
      })
      .then(() => (onDone ? onDone() : form.reset()))
      .catch(report);
  });
  const action = tranche ? t("socialProjects.editTranche") : t("socialProjects.addTranche");
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-label={action}>
      <Group align="flex-start" gap="sm">
        <Select
          label={t("socialProjects.fields.funder")}
          withAsterisk
          data={project.funders.map((f) => ({ value: f.funderId, label: f.funderName }))}
          w={220}
          {...form.getInputProps("funderId")}
        />
        <Select
          label={t("socialProjects.fields.milestone")}
          placeholder={t("socialProjects.noMilestone")}
          clearable
          data={project.milestones.map((m) => ({ value: m.id, label: m.titleFr }))}
          w={220}
          {...form.getInputProps("milestoneId")}
        />
        <TextInput label={t("socialProjects.fields.label")} w={160} {...form.getInputProps("label")} />
        <NumberInput
          label={t("socialProjects.amountMad")}
          withAsterisk
          min={0}
          decimalScale={2}
          thousandSeparator=" "
          w={180}
          {...form.getInputProps("amountCentimes")}
        />
        <Button type="submit" mt={24} variant={tranche ? "filled" : "light"} loading={mutation.isPending}>
          {tranche ? t("common.save") : action}
        </Button>
      </Group>
      {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
    </Paper>
  );
}
