import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type EstablishmentProject,
  ITEM_STATUSES,
  type ItemStatus,
  PROJECT_DOMAINS,
  PROJECT_PHASES,
  type ProjectDomain,
} from "../../../../contracts/establishment-projects.ts";
import { useFormProblem } from "../../../shared/form-problem.ts";
import { useFormat } from "../../../shared/format.ts";
import { ProblemAlert } from "../../../shared/problem-alert.tsx";
import { QueryState } from "../../../shared/query-state.tsx";
import { useCan } from "../../auth/auth.api.ts";
import { OrganizationSelect } from "../../organizations/organization-select.tsx";
import { useMoney } from "../../programs/program-labels.tsx";
import {
  projectQueryOptions,
  useAddItem,
  useAddMeeting,
  useCreateProject,
  useMovePhase,
  useSetDiagnostic,
  useUpdateItem,
} from "./projects.api.ts";

const ITEM_COLORS: Record<ItemStatus, string> = {
  todo: "gray",
  in_progress: "blue",
  done: "teal",
  cancelled: "dark",
};

/** The "Projet d'établissement" tab: phases, diagnostic scores, action plan with progress, governance meetings. */
export function ProjectTab({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(projectQueryOptions(establishmentId));
  return (
    <QueryState query={query}>
      {(project) =>
        project ? (
          <Stack>
            <PhasePanel establishmentId={establishmentId} project={project} />
            <Diagnostic establishmentId={establishmentId} project={project} />
            <ActionItems establishmentId={establishmentId} project={project} />
            <Meetings establishmentId={establishmentId} project={project} />
          </Stack>
        ) : (
          <StartProject establishmentId={establishmentId} none={t("projects.none")} />
        )
      }
    </QueryState>
  );
}

function StartProject({ establishmentId, none }: { establishmentId: string; none: string }) {
  const { t } = useTranslation();
  const canWrite = useCan("establishments.write");
  const create = useCreateProject(establishmentId);
  const form = useForm({ initialValues: { partnerOrganizationId: null as string | null, startedOn: "" } });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit((v) => {
    clear();
    create
      .mutateAsync({ partnerOrganizationId: v.partnerOrganizationId, startedOn: v.startedOn || null })
      .catch(report);
  });
  return (
    <Paper withBorder p="md">
      <Text mb="sm">{none}</Text>
      {canWrite && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <OrganizationSelect
                label={t("projects.partner")}
                {...form.getInputProps("partnerOrganizationId")}
              />
              <TextInput
                type="date"
                dir="ltr"
                label={t("projects.startedOn")}
                {...form.getInputProps("startedOn")}
              />
            </SimpleGrid>
            {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                {t("projects.start")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

function PhasePanel({
  establishmentId,
  project,
}: {
  establishmentId: string;
  project: EstablishmentProject;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan("establishments.write");
  const move = useMovePhase(establishmentId);
  const index = PROJECT_PHASES.indexOf(project.phase);
  const go = (i: number) => {
    const phase = PROJECT_PHASES[i];
    if (phase) move.mutate({ version: project.version, phase });
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t("projects.title")}
        </Title>
        <Text size="sm">
          {project.partnerName && `${t("projects.partner")}: ${project.partnerName}`}
          {project.startedOn && ` · ${t("projects.startedOn")} ${format.date(project.startedOn)}`}
        </Text>
      </Group>
      <Stepper active={index} size="sm" allowNextStepsSelect={false}>
        {PROJECT_PHASES.map((p) => (
          <Stepper.Step key={p} label={t(`projects.phases.${p}`)} />
        ))}
      </Stepper>
      <Group mt="md" justify="space-between" wrap="wrap">
        <Stack gap={4} style={{ flex: 1, minWidth: 200 }}>
          <Text size="sm" fw={500}>
            {t("projects.progress")}: {t("projects.progressValue", { progress: project.progress })}
          </Text>
          <Progress value={project.progress} color="teal" aria-label={t("projects.progress")} />
        </Stack>
        {canWrite && (
          <Group gap="xs">
            <Button
              variant="default"
              disabled={index === 0}
              loading={move.isPending}
              onClick={() => go(index - 1)}
            >
              {t("projects.previous")}
            </Button>
            <Button
              disabled={index === PROJECT_PHASES.length - 1}
              loading={move.isPending}
              onClick={() => go(index + 1)}
            >
              {t("projects.next")}
            </Button>
          </Group>
        )}
      </Group>
      {move.error && <ProblemAlert error={move.error} />}
    </Paper>
  );
}

function Diagnostic({
  establishmentId,
  project,
}: {
  establishmentId: string;
  project: EstablishmentProject;
}) {
  const { t } = useTranslation();
  const canWrite = useCan("establishments.write");
  const set = useSetDiagnostic(establishmentId);
  const [draft, setDraft] = useState<
    Partial<Record<ProjectDomain, { score: number | string; notes: string }>>
  >({});
  const entry = (d: ProjectDomain) => {
    const saved = project.diagnostic.find((x) => x.domain === d);
    return draft[d] ?? { score: saved?.score ?? "", notes: saved?.notes ?? "" };
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("projects.diagnostic")}
      </Title>
      <Stack gap="xs">
        {PROJECT_DOMAINS.map((d) => {
          const e = entry(d);
          return (
            <Group key={d} align="flex-end" wrap="wrap">
              <Text w={180} fw={500}>
                {t(`projects.domains.${d}`)}
              </Text>
              <NumberInput
                w={110}
                label={t("projects.score")}
                min={0}
                max={5}
                allowDecimal={false}
                disabled={!canWrite}
                value={e.score}
                onChange={(v) => setDraft((x) => ({ ...x, [d]: { ...e, score: v } }))}
              />
              <TextInput
                style={{ flex: 1, minWidth: 200 }}
                label={t("projects.notes")}
                disabled={!canWrite}
                value={e.notes}
                onChange={(ev) => {
                  const notes = ev.currentTarget.value;
                  setDraft((x) => ({ ...x, [d]: { ...e, notes } }));
                }}
              />
              {canWrite && draft[d] && (
                <Button
                  loading={set.isPending}
                  onClick={() =>
                    set.mutate(
                      { domain: d, score: Number(e.score), notes: e.notes },
                      { onSuccess: () => setDraft(({ [d]: _, ...rest }) => rest) },
                    )
                  }
                >
                  {t("common.save")}
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
      {set.error && <ProblemAlert error={set.error} />}
    </Paper>
  );
}

function ActionItems({
  establishmentId,
  project,
}: {
  establishmentId: string;
  project: EstablishmentProject;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const canWrite = useCan("establishments.write");
  const add = useAddItem(establishmentId);
  const update = useUpdateItem(establishmentId);
  const form = useForm({
    initialValues: {
      domain: null as string | null,
      title: "",
      owner: "",
      dueOn: "",
      costMad: "" as number | string,
      funderOrganizationId: null as string | null,
      evidence: "",
    },
    validate: {
      domain: (v) => (v ? null : t("validation.required")),
      title: (v) => (v.trim() ? null : t("validation.required")),
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit((v) => {
    clear();
    add
      .mutateAsync({
        domain: v.domain as ProjectDomain,
        title: v.title,
        owner: v.owner,
        dueOn: v.dueOn || null,
        costCentimes: v.costMad === "" ? null : Math.round(Number(v.costMad) * 100),
        funderOrganizationId: v.funderOrganizationId,
        evidence: v.evidence,
      })
      .then(() => form.reset())
      .catch(report);
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("projects.items")}
      </Title>
      {project.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("projects.noItems")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label={t("projects.items")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("projects.domain")}</Table.Th>
                <Table.Th>{t("projects.itemTitle")}</Table.Th>
                <Table.Th>{t("projects.owner")}</Table.Th>
                <Table.Th>{t("projects.dueOn")}</Table.Th>
                <Table.Th>{t("projects.cost")}</Table.Th>
                <Table.Th>{t("projects.funder")}</Table.Th>
                <Table.Th>{t("projects.status")}</Table.Th>
                <Table.Th>{t("projects.evidence")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {project.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{t(`projects.domains.${i.domain}`)}</Table.Td>
                  <Table.Td>{i.title}</Table.Td>
                  <Table.Td>{i.owner}</Table.Td>
                  <Table.Td>{i.dueOn && format.date(i.dueOn)}</Table.Td>
                  <Table.Td>{money(i.costCentimes)}</Table.Td>
                  <Table.Td>{i.funderName}</Table.Td>
                  <Table.Td>
                    {canWrite ? (
                      <Select
                        size="xs"
                        aria-label={t("projects.status")}
                        value={i.status}
                        allowDeselect={false}
                        data={ITEM_STATUSES.map((s) => ({
                          value: s,
                          label: t(`projects.itemStatuses.${s}`),
                        }))}
                        onChange={(s) =>
                          s && update.mutate({ id: i.id, version: i.version, status: s as ItemStatus })
                        }
                      />
                    ) : (
                      <Badge color={ITEM_COLORS[i.status]} variant="light">
                        {t(`projects.itemStatuses.${i.status}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {i.evidence && /^https?:\/\//.test(i.evidence) ? (
                      <Anchor href={i.evidence} target="_blank" rel="noreferrer" size="sm">
                        {i.evidence}
                      </Anchor>
                    ) : (
                      i.evidence
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {update.error && <ProblemAlert error={update.error} />}
      {canWrite && (
        <form onSubmit={submit} noValidate>
          <Stack mt="md">
            <Title order={3} size="h5">
              {t("projects.addItem")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t("projects.domain")}
                withAsterisk
                data={PROJECT_DOMAINS.map((d) => ({ value: d, label: t(`projects.domains.${d}`) }))}
                {...form.getInputProps("domain")}
              />
              <TextInput label={t("projects.itemTitle")} withAsterisk {...form.getInputProps("title")} />
              <TextInput label={t("projects.owner")} {...form.getInputProps("owner")} />
              <TextInput type="date" dir="ltr" label={t("projects.dueOn")} {...form.getInputProps("dueOn")} />
              <NumberInput
                label={t("projects.cost")}
                min={0}
                decimalScale={2}
                {...form.getInputProps("costMad")}
              />
              <OrganizationSelect
                label={t("projects.funder")}
                {...form.getInputProps("funderOrganizationId")}
              />
            </SimpleGrid>
            <TextInput label={t("projects.evidence")} {...form.getInputProps("evidence")} />
            {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending}>
                {t("projects.addItem")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

function Meetings({ establishmentId, project }: { establishmentId: string; project: EstablishmentProject }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan("establishments.write");
  const add = useAddMeeting(establishmentId);
  const form = useForm({
    initialValues: { heldOn: "", attendees: "", decisions: "" },
    validate: {
      heldOn: (v) => (v ? null : t("validation.required")),
      attendees: (v) => (v.trim() ? null : t("validation.required")),
      decisions: (v) => (v.trim() ? null : t("validation.required")),
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit((v) => {
    clear();
    add
      .mutateAsync(v)
      .then(() => form.reset())
      .catch(report);
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("projects.meetings")}
      </Title>
      {project.meetings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("projects.noMeetings")}
        </Text>
      ) : (
        <Stack gap="xs">
          {project.meetings.map((m) => (
            <Paper key={m.id} withBorder p="xs">
              <Text fw={500}>{format.date(m.heldOn)}</Text>
              <Text size="sm">
                {t("projects.attendees")}: {m.attendees}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {t("projects.decisions")}: {m.decisions}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {canWrite && (
        <form onSubmit={submit} noValidate>
          <Stack mt="md" gap="xs">
            <Title order={3} size="h5">
              {t("projects.addMeeting")}
            </Title>
            <TextInput
              type="date"
              dir="ltr"
              label={t("projects.heldOn")}
              withAsterisk
              {...form.getInputProps("heldOn")}
            />
            <Textarea
              label={t("projects.attendees")}
              withAsterisk
              autosize
              {...form.getInputProps("attendees")}
            />
            <Textarea
              label={t("projects.decisions")}
              withAsterisk
              autosize
              {...form.getInputProps("decisions")}
            />
            {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending}>
                {t("projects.addMeeting")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
