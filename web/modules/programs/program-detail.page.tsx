import { Badge, Button, Group, List, Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ELIGIBILITY_FIELDS,
  isGroup,
  type RuleCondition,
  type RuleGroup,
} from "../../../contracts/eligibility.ts";
import type { Program, StageInput } from "../../../contracts/programs.ts";
import { ConfirmButton } from "../../shared/confirm-button.tsx";
import { FieldList } from "../../shared/field-list.tsx";
import { useFormProblem } from "../../shared/form-problem.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useRegionName } from "../territories/territories.api.ts";
import { ProgramStatusBadge, useBilingual, useMoney } from "./program-labels.tsx";
import { programQueryOptions, useSetProgramStatus, useSetStages } from "./programs.api.ts";
import { StageEditor } from "./stage-editor.tsx";

const route = getRouteApi("/_app/programs/$id");

export function ProgramDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(programQueryOptions(id));
  const name = useBilingual();
  return (
    <>
      <PageHeader
        title={query.data ? name(query.data) : t("programs.detailTitle")}
        meta={
          query.data && (
            <Group gap="xs">
              <ProgramStatusBadge status={query.data.status} />
              <Text size="sm" c="dimmed" dir="ltr">
                {query.data.code}
              </Text>
            </Group>
          )
        }
        back={
          <AnchorLink to="/programs" size="sm">
            {t("programs.backToList")}
          </AnchorLink>
        }
        actions={query.data && <ProgramActions program={query.data} onReload={() => query.refetch()} />}
      />
      <QueryState query={query}>{(program) => <ProgramBody program={program} />}</QueryState>
    </>
  );
}

function ProgramActions({ program, onReload }: { program: Program; onReload: () => void }) {
  const { t } = useTranslation();
  const canDesign = useCan("programs.design");
  const canReadApplications = useCan("applications.read");
  const setStatus = useSetProgramStatus(program.id);
  const change = (status: "active" | "closed") =>
    setStatus.mutate(
      { version: program.version, status },
      { onSuccess: () => notifications.show({ color: "teal", message: t(`programs.statusDone.${status}`) }) },
    );
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {canReadApplications && (
          <>
            <ButtonLink variant="default" to="/programs/$id/queue" params={{ id: program.id }}>
              {t("programs.queue.title")}
            </ButtonLink>
            <ButtonLink variant="default" to="/applications" search={{ programId: program.id }}>
              {t("programs.applications.title")}
            </ButtonLink>
          </>
        )}
        {canDesign && program.status !== "closed" && (
          <ButtonLink to="/programs/$id/edit" params={{ id: program.id }}>
            {t("common.edit")}
          </ButtonLink>
        )}
        {canDesign && program.status === "draft" && (
          <ConfirmButton
            color="teal"
            loading={setStatus.isPending}
            title={t("programs.activateConfirm.title")}
            message={t("programs.activateConfirm.message")}
            confirmLabel={t("programs.activate")}
            onConfirm={() => change("active")}
          >
            {t("programs.activate")}
          </ConfirmButton>
        )}
        {canDesign && program.status !== "closed" && (
          <ConfirmButton
            variant="light"
            color="red"
            loading={setStatus.isPending}
            title={t("programs.closeConfirm.title")}
            message={t("programs.closeConfirm.message")}
            confirmLabel={t("programs.close")}
            onConfirm={() => change("closed")}
          >
            {t("programs.close")}
          </ConfirmButton>
        )}
      </Group>
      {setStatus.error && (
        <ProblemAlert
          error={setStatus.error}
          onReload={() => {
            setStatus.reset();
            onReload();
          }}
        />
      )}
    </Stack>
  );
}

function ProgramBody({ program }: { program: Program }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const regionName = useRegionName();
  const objective = i18n.language === "ar" ? program.objectiveAr || program.objectiveFr : program.objectiveFr;
  return (
    <Stack>
      <Paper withBorder p="md">
        <FieldList
          fields={[
            { label: t("programs.fields.objective"), value: objective, wide: true },
            {
              label: t("programs.fields.benefitType"),
              value: t(`programs.benefitTypes.${program.benefitType}`),
            },
            {
              label: t("programs.fields.targetGroups"),
              value: program.targetGroups.map((g) => t(`programs.targetGroups.${g}`)).join(", "),
            },
            {
              label: t("programs.fields.amount"),
              value:
                program.amountCentimes !== null &&
                `${money(program.amountCentimes)}${program.amountPeriodicity ? ` · ${t(`programs.periodicities.${program.amountPeriodicity}`)}` : ""}`,
            },
            { label: t("programs.fields.amountCeiling"), value: money(program.amountCeilingCentimes) },
            { label: t("programs.fields.budget"), value: money(program.budgetCentimes) },
            { label: t("programs.fields.capacity"), value: program.capacity },
            {
              label: t("programs.fields.coverage"),
              value: program.coverage.national
                ? t("programs.national")
                : program.coverage.regionCodes.map((c) => regionName(c)).join(", "),
            },
            {
              label: t("programs.fields.period"),
              value: [program.startDate, program.endDate].filter(Boolean).join(" → "),
            },
            {
              label: t("programs.fields.funders"),
              value: program.funders.map((f) => (i18n.language === "ar" && f.nameAr) || f.nameFr).join(", "),
              wide: true,
            },
          ]}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("programs.form.eligibility")}
        </Title>
        <RuleSummary rule={program.eligibility} />
      </Paper>
      <Paper withBorder p="md">
        <Workflow program={program} />
      </Paper>
    </Stack>
  );
}

/** The rule in words, as a nested list (the same words the server uses in explanations). */
export function RuleSummary({ rule }: { rule: RuleGroup }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const valueText = (c: RuleCondition) => {
    const one = (v: unknown) =>
      c.field === "sex"
        ? t(`programs.eligibility.sex.${v as "female" | "male"}`)
        : c.field === "region"
          ? (regionName(String(v)) ?? String(v))
          : String(v);
    return Array.isArray(c.value) ? c.value.map(one).join(", ") : one(c.value);
  };
  const sentence = (c: RuleCondition) => {
    const field = t(`programs.eligibility.fields.${c.field as keyof typeof ELIGIBILITY_FIELDS}`);
    if (c.field === "not_enrolled_in")
      return t("programs.eligibility.notEnrolledIn", { value: valueText(c) });
    if (c.operator === "between" && Array.isArray(c.value))
      return t("programs.eligibility.ops.between", {
        field,
        min: String(c.value[0]),
        max: String(c.value[1]),
      });
    return t(`programs.eligibility.ops.${c.operator as "eq"}`, { field, value: valueText(c) });
  };
  const render = (g: RuleGroup) => (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t(`programs.eligibility.group.${g.combinator}`)}
      </Text>
      <List size="sm" withPadding>
        {g.conditions.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place
          <List.Item key={i}>{isGroup(c) ? render(c) : sentence(c)}</List.Item>
        ))}
      </List>
    </Stack>
  );
  if (!rule.conditions.length)
    return (
      <Text size="sm" c="dimmed">
        {t("programs.rules.none")}
      </Text>
    );
  return render(rule);
}

function Workflow({ program }: { program: Program }) {
  const { t } = useTranslation();
  const canDesign = useCan("programs.design");
  const name = useBilingual();
  const [editing, setEditing] = useState(false);
  const setStages = useSetStages(program.id);
  const form = useForm<{ stages: StageInput[] }>({
    initialValues: {
      stages: program.stages.map(({ code, nameFr, nameAr, kind }) => ({ code, nameFr, nameAr, kind })),
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const locked = new Set(program.stages.filter((s) => s.openApplications > 0).map((s) => s.code));
  const errorAt = (path: string) => {
    const e = form.errors[path];
    return typeof e === "string" ? e : undefined;
  };
  const save = form.onSubmit(async ({ stages }) => {
    clear();
    await setStages
      .mutateAsync({ version: program.version, stages })
      .then(() => {
        notifications.show({ color: "teal", message: t("programs.saved") });
        setEditing(false);
      })
      .catch(report);
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t("programs.form.workflow")}
        </Title>
        {canDesign && program.status !== "closed" && !editing && (
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            {t("programs.stages.edit")}
          </Button>
        )}
      </Group>
      {editing ? (
        <form onSubmit={save} noValidate>
          <Stack>
            {program.status === "active" && (
              <Text size="sm" c="orange.8">
                {t("programs.stages.activeWarning")}
              </Text>
            )}
            <StageEditor
              value={form.getValues().stages}
              onChange={(stages) => form.setFieldValue("stages", stages)}
              errorAt={errorAt}
              locked={locked}
            />
            {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={setStages.isPending}>
                {t("common.save")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : program.stages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("programs.stages.empty")}
        </Text>
      ) : (
        <Timeline active={program.stages.length} bulletSize={22} lineWidth={2}>
          {program.stages.map((s) => (
            <Timeline.Item
              key={s.id}
              bullet={<Text size="xs">{s.position + 1}</Text>}
              title={
                <Group gap="xs">
                  <Text fw={500}>{name(s)}</Text>
                  <Badge size="xs" variant="light">
                    {t(`programs.stageKinds.${s.kind}`)}
                  </Badge>
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                {t("programs.stages.openCount", { n: s.openApplications })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
