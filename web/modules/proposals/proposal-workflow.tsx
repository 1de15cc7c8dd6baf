import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PROJECT_SECTORS } from "../../../contracts/partnerships.ts";
import { type ProposalAction, type ProposalDetail, SECTOR_OF_THEME } from "../../../contracts/proposals.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { useConvert, useTransition } from "./proposals.api.ts";

const COLORS: Record<ProposalAction, string> = {
  study: "blue",
  retain: "teal",
  reject: "red",
  reopen: "gray",
};

/** The reviewer's buttons: each asks for its note or reason, then moves the proposal. */
export function ProposalWorkflow({ proposal, onReload }: { proposal: ProposalDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<ProposalAction | null>(null);
  const [converting, setConverting] = useState(false);
  if (!proposal.can.actions.length && !proposal.can.canConvert) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("proposals.workflow")}
        </Title>
        <Group gap="xs">
          {proposal.can.actions.map((a) => (
            <Button
              key={a}
              color={COLORS[a]}
              variant={a === "reopen" ? "default" : "filled"}
              onClick={() => setAction(a)}
            >
              {t(`proposals.actions.${a}`)}
            </Button>
          ))}
          {proposal.can.canConvert && (
            <Button color="grape" onClick={() => setConverting(true)}>
              {t("proposals.project.convert")}
            </Button>
          )}
        </Group>
      </Stack>
      {action && (
        <TransitionDialog
          proposal={proposal}
          action={action}
          onClose={() => setAction(null)}
          onReload={onReload}
        />
      )}
      {converting && (
        <ConvertDialog proposal={proposal} onClose={() => setConverting(false)} onReload={onReload} />
      )}
    </Paper>
  );
}

function TransitionDialog({
  proposal,
  action,
  onClose,
  onReload,
}: {
  proposal: ProposalDetail;
  action: ProposalAction;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const transition = useTransition(proposal.id);
  const form = useForm({ initialValues: { note: "" } });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async ({ note }) => {
    clear();
    try {
      await transition.mutateAsync({ version: proposal.version, action, note: note.trim() || null });
      notifications.show({ color: "teal", message: t(`proposals.actionDone.${action}`) });
      onClose();
    } catch (error) {
      report(error);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t(`proposals.actions.${action}`)}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label={t(`proposals.noteLabel.${action}`)}
            withAsterisk={action !== "study"}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps("note")}
          />
          {problem && (
            <ProblemAlert error={problem.error} unmatched={problem.unmatched} onReload={onReload} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color={COLORS[action]} loading={transition.isPending}>
              {t("proposals.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ConvertDialog({
  proposal,
  onClose,
  onReload,
}: {
  proposal: ProposalDetail;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const convert = useConvert(proposal.id);
  const form = useForm({
    initialValues: {
      sector: SECTOR_OF_THEME[proposal.theme] as string | null,
      startDate: "",
      endDate: "",
      code: "",
      titleAr: "",
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async (v) => {
    clear();
    try {
      await convert.mutateAsync({
        version: proposal.version,
        sector: (v.sector ?? undefined) as (typeof PROJECT_SECTORS)[number] | undefined,
        startDate: v.startDate,
        endDate: v.endDate,
        code: v.code.trim() || undefined,
        titleAr: v.titleAr,
      });
      notifications.show({ color: "teal", message: t("proposals.project.created") });
      onClose();
    } catch (error) {
      report(error);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t("proposals.project.convertTitle")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t("proposals.project.convertHint")}
          </Text>
          <Select
            label={t("proposals.project.sector")}
            withAsterisk
            data={PROJECT_SECTORS.map((s) => ({ value: s, label: t(`proposals.sectors.${s}`) }))}
            {...form.getInputProps("sector")}
          />
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label={t("proposals.project.startDate")}
              withAsterisk
              {...form.getInputProps("startDate")}
            />
            <TextInput
              type="date"
              label={t("proposals.project.endDate")}
              withAsterisk
              {...form.getInputProps("endDate")}
            />
          </SimpleGrid>
          <TextInput
            label={t("proposals.project.code")}
            description={t("proposals.project.codeHint")}
            dir="ltr"
            {...form.getInputProps("code")}
          />
          <TextInput
            label={t("proposals.project.titleAr")}
            lang="ar"
            dir="rtl"
            {...form.getInputProps("titleAr")}
          />
          {problem && (
            <ProblemAlert error={problem.error} unmatched={problem.unmatched} onReload={onReload} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="grape" loading={convert.isPending}>
              {t("proposals.project.convert")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
