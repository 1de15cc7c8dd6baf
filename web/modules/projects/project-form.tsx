import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Convention, ConventionSummary } from "../../../contracts/conventions.ts";
import {
  PROJECT_SECTORS,
  PROJECT_STATUSES,
  type ProjectSector,
  type ProjectStatus,
} from "../../../contracts/partnerships.ts";
import type { Project } from "../../../contracts/projects.ts";
import type { Page } from "../../shared/cursor-query.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { http } from "../../shared/http.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { OrganizationSelect } from "../organizations/organization-select.tsx";
import { ProvinceSelect, RegionSelect } from "../territories/territory-selects.tsx";
import type { ProjectFieldKey } from "./project-money.ts";
import type { ProjectInput } from "./projects.api.ts";

export interface ProjectFormValues {
  code: string;
  titleFr: string;
  titleAr: string;
  conventionId: string | null;
  axisId: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  sector: string | null;
  targetGroup: string;
  startDate: string;
  endDate: string;
  status: string | null;
  responsibleOrgId: string | null;
  physicalProgress: number;
  description: string;
}

const toValues = (p?: Project): ProjectFormValues => ({
  code: p?.code ?? "",
  titleFr: p?.titleFr ?? "",
  titleAr: p?.titleAr ?? "",
  conventionId: p?.conventionId ?? null,
  axisId: p?.axisId ?? null,
  regionCode: p?.regionCode ?? null,
  provinceCode: p?.provinceCode ?? null,
  sector: p?.sector ?? null,
  targetGroup: p?.targetGroup ?? "",
  startDate: p?.startDate ?? "",
  endDate: p?.endDate ?? "",
  status: p?.status ?? "planned",
  responsibleOrgId: p?.responsibleOrgId ?? null,
  physicalProgress: p?.physicalProgress ?? 0,
  description: p?.description ?? "",
});

/** The request body: empty optional text as null so it can be cleared. */
export const toInput = (v: ProjectFormValues): ProjectInput => ({
  code: v.code.trim(),
  titleFr: v.titleFr.trim(),
  titleAr: v.titleAr.trim() || null,
  conventionId: v.conventionId,
  axisId: v.axisId,
  regionCode: v.regionCode ?? "",
  provinceCode: v.provinceCode,
  sector: v.sector as ProjectSector,
  targetGroup: v.targetGroup.trim() || null,
  startDate: v.startDate,
  endDate: v.endDate,
  status: (v.status ?? "planned") as ProjectStatus,
  responsibleOrgId: v.responsibleOrgId,
  physicalProgress: v.physicalProgress,
  description: v.description.trim() || null,
});

/** Only the fields that differ from the record, as PATCH expects. */
export function changedFields(v: ProjectFormValues, p: Project): Partial<ProjectInput> {
  const before = toInput(toValues(p)) as Record<string, unknown>;
  const after = toInput(v) as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(after)
      .filter((k) => after[k] !== before[k])
      .map((k) => [k, after[k]]),
  );
}

interface ProjectFormProps {
  project?: Project;
  submitLabel: string;
  onSubmit: (values: ProjectFormValues) => Promise<unknown>;
  onCancel: () => void;
  onReload?: () => void;
}

export function ProjectForm({ project, submitLabel, onSubmit, onCancel, onReload }: ProjectFormProps) {
  const { t } = useTranslation();
  const form = useForm<ProjectFormValues>({ initialValues: toValues(project) });
  const { problem, report, clear } = useFormProblem(form);
  const values = form.getValues();
  const conventions = useQuery({
    queryKey: ["conventions", "picker"],
    queryFn: ({ signal }) => http.get<Page<ConventionSummary>>("/conventions", { limit: 100 }, signal),
  });
  const convention = useQuery({
    queryKey: ["conventions", "detail", values.conventionId],
    queryFn: ({ signal }) => http.get<Convention>(`/conventions/${values.conventionId}`, undefined, signal),
    enabled: Boolean(values.conventionId),
  });
  const f = (k: ProjectFieldKey) => t(`socialProjects.fields.${k}`);

  const submit = form.onSubmit(async (submitted) => {
    clear();
    await onSubmit(submitted).catch(report);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={f("code")} withAsterisk {...form.getInputProps("code")} />
            <Select
              label={f("status")}
              data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`socialProjects.statuses.${s}`) }))}
              {...form.getInputProps("status")}
            />
            <TextInput
              label={f("titleFr")}
              withAsterisk
              lang="fr"
              dir="ltr"
              {...form.getInputProps("titleFr")}
            />
            <TextInput label={f("titleAr")} lang="ar" dir="rtl" {...form.getInputProps("titleAr")} />
            <Select
              label={f("convention")}
              placeholder={t("socialProjects.standalone")}
              clearable
              searchable
              data={(conventions.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `${c.reference} — ${c.titleFr}`,
              }))}
              {...form.getInputProps("conventionId")}
              onChange={(id) => {
                form.setFieldValue("conventionId", id);
                form.setFieldValue("axisId", null);
              }}
            />
            <Select
              label={f("axis")}
              clearable
              disabled={!values.conventionId}
              data={(convention.data?.axes ?? []).map((a) => ({
                value: a.id,
                label: `${a.position}. ${a.titleFr}`,
              }))}
              {...form.getInputProps("axisId")}
            />
            <RegionSelect
              label={f("region")}
              withAsterisk
              {...form.getInputProps("regionCode")}
              onChange={(code) => {
                form.setFieldValue("regionCode", code);
                form.setFieldValue("provinceCode", null);
              }}
            />
            <ProvinceSelect
              region={values.regionCode}
              label={f("province")}
              {...form.getInputProps("provinceCode")}
            />
            <Select
              label={f("sector")}
              withAsterisk
              data={PROJECT_SECTORS.map((s) => ({ value: s, label: t(`socialProjects.sectors.${s}`) }))}
              {...form.getInputProps("sector")}
            />
            <TextInput label={f("targetGroup")} {...form.getInputProps("targetGroup")} />
            <TextInput type="date" label={f("startDate")} withAsterisk {...form.getInputProps("startDate")} />
            <TextInput type="date" label={f("endDate")} withAsterisk {...form.getInputProps("endDate")} />
            <OrganizationSelect
              label={f("responsibleOrg")}
              clearable
              selectedLabel={project?.responsibleOrgName}
              {...form.getInputProps("responsibleOrgId")}
            />
            <NumberInput
              label={f("physicalProgress")}
              min={0}
              max={100}
              {...form.getInputProps("physicalProgress")}
            />
          </SimpleGrid>
          <Textarea
            label={f("description")}
            autosize
            minRows={3}
            mt="sm"
            {...form.getInputProps("description")}
          />
        </Paper>
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} onReload={onReload} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
