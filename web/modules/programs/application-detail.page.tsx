import {
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Application, TransitionAction } from "../../../contracts/applications.ts";
import { today } from "../../../contracts/calendar.ts";
import { FieldList } from "../../shared/field-list.tsx";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { Services } from "./application-services.tsx";
import { EligibilityExplanation } from "./eligibility-explanation.tsx";
import { ApplicationStatusBadge, useBilingual } from "./program-labels.tsx";
import { applicationQueryOptions, programQueryOptions, useTransition } from "./programs.api.ts";

const route = getRouteApi("/_app/applications/$id");

export function ApplicationDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(applicationQueryOptions(id));
  return (
    <>
      <PageHeader
        title={query.data ? query.data.personName : t("programs.applications.detailTitle")}
        meta={
          query.data && (
            <Group gap="xs">
              <ApplicationStatusBadge status={query.data.status} />
              {query.data.personNameAr && (
                <Text lang="ar" dir="rtl">
                  {query.data.personNameAr}
                </Text>
              )}
            </Group>
          )
        }
        back={
          <AnchorLink to="/applications" size="sm">
            {t("programs.applications.backToList")}
          </AnchorLink>
        }
      />
      <QueryState query={query}>{(application) => <ApplicationBody application={application} />}</QueryState>
    </>
  );
}

function ApplicationBody({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const name = useBilingual();
  const format = useFormat();
  const program = useQuery(programQueryOptions(a.programId));
  const stages = program.data?.stages ?? [];
  const current = stages.findIndex((s) => s.id === a.stage.id);
  const finished = a.status === "completed";

  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack>
          <FieldList
            fields={[
              {
                label: t("programs.applications.program"),
                value: (
                  <AnchorLink to="/programs/$id" params={{ id: a.programId }}>
                    {name({ nameFr: a.programNameFr, nameAr: a.programNameAr })}
                  </AnchorLink>
                ),
              },
              {
                label: t("programs.applications.person"),
                value: (
                  <AnchorLink to="/persons/$id" params={{ id: a.personId }}>
                    {a.personName}
                  </AnchorLink>
                ),
              },
              { label: t("programs.applications.stage"), value: name(a.stage) },
              { label: t("programs.applications.channel"), value: t(`programs.channels.${a.channel}`) },
              { label: t("programs.applications.filedAt"), value: format.dateTime(a.filedAt) },
              { label: t("programs.applications.stageChangedAt"), value: format.dateTime(a.stageChangedAt) },
              {
                label: t("programs.applications.enrolledOn"),
                value: a.enrolledOn && format.date(a.enrolledOn),
              },
              { label: t("programs.applications.closedOn"), value: a.closedOn && format.date(a.closedOn) },
              { label: t("programs.applications.rejectionReason"), value: a.rejectionReason, wide: true },
            ]}
          />
          {stages.length > 0 && (
            <Stepper
              active={finished ? stages.length : current}
              size="xs"
              allowNextStepsSelect={false}
              color={a.status === "rejected" || a.status === "withdrawn" ? "red" : "teal"}
              aria-label={t("programs.form.workflow")}
            >
              {stages.map((s) => (
                <Stepper.Step key={s.id} label={name(s)} />
              ))}
            </Stepper>
          )}
          <Actions application={a} />
        </Stack>
      </Paper>
      {a.eligibilityResult && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t("programs.applications.eligibility")}
          </Title>
          <EligibilityExplanation {...a.eligibilityResult} />
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("programs.applications.history")}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} active={a.events.length}>
          {a.events.map((e) => (
            <Timeline.Item key={e.id} title={t(`programs.timeline.kinds.application_${e.kind}`)}>
              <Text size="sm">
                {e.fromStage && e.fromStage !== e.toStage ? `${stageName(stages, e.fromStage, name)} → ` : ""}
                {e.toStage ? stageName(stages, e.toStage, name) : ""}
              </Text>
              {e.reason && (
                <Text size="sm" fs="italic">
                  « {e.reason} »
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {format.dateTime(e.occurredAt)}
                {e.actorLabel ? ` · ${e.actorLabel}` : ""}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
      <Services application={a} />
    </Stack>
  );
}

const stageName = (
  stages: { code: string; nameFr: string; nameAr: string }[],
  code: string,
  name: (r: { nameFr: string; nameAr: string }) => string,
) => {
  const s = stages.find((x) => x.code === code);
  return s ? name(s) : code;
};

/** Only what the workflow allows from here: advance to the next stage, complete, reject (with a reason), withdraw. */
function Actions({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const canWrite = useCan("applications.write");
  const name = useBilingual();
  const transition = useTransition(a.id);
  const [action, setAction] = useState<TransitionAction | null>(null);
  const [reason, setReason] = useState("");
  const [startDate, setStartDate] = useState(today);
  const [opened, dialog] = useDisclosure(false);
  if (!canWrite || a.allowedActions.length === 0) return null;
  const enrolling =
    action === "advance" &&
    a.status === "pending" &&
    (a.nextStage?.kind === "enrolled" || a.nextStage?.kind === "follow_up");

  const open = (next: TransitionAction) => {
    setAction(next);
    setReason("");
    transition.reset();
    dialog.open();
  };
  const confirm = () =>
    action &&
    transition.mutate(
      {
        version: a.version,
        action,
        toStage: action === "advance" ? a.nextStage?.code : undefined,
        reason: reason.trim() || null,
        startDate: enrolling ? startDate : undefined,
      },
      {
        onSuccess: () => {
          dialog.close();
          notifications.show({ color: "teal", message: t(`programs.transitions.done.${action}`) });
        },
      },
    );

  return (
    <>
      <Group gap="xs">
        {a.allowedActions.includes("advance") && a.nextStage && (
          <Button onClick={() => open("advance")}>
            {t("programs.transitions.advanceTo", { stage: name(a.nextStage) })}
          </Button>
        )}
        {a.allowedActions.includes("complete") && (
          <Button color="green" onClick={() => open("complete")}>
            {t("programs.transitions.complete")}
          </Button>
        )}
        {a.allowedActions.includes("reject") && (
          <Button color="red" variant="light" onClick={() => open("reject")}>
            {t("programs.transitions.reject")}
          </Button>
        )}
        {a.allowedActions.includes("withdraw") && (
          <Button color="gray" variant="light" onClick={() => open("withdraw")}>
            {t("programs.transitions.withdraw")}
          </Button>
        )}
      </Group>
      <Modal
        opened={opened}
        onClose={dialog.close}
        title={action ? t(`programs.transitions.title.${action}`) : ""}
      >
        <Stack>
          {enrolling && (
            <TextInput
              type="date"
              dir="ltr"
              label={t("programs.transitions.startDate")}
              value={startDate}
              onChange={(e) => setStartDate(e.currentTarget.value)}
              error={transition.error && fieldError(transition.error, "startDate")}
            />
          )}
          <Textarea
            label={t(
              action === "reject" ? "programs.transitions.reasonRequired" : "programs.transitions.reason",
            )}
            withAsterisk={action === "reject"}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={transition.error && fieldError(transition.error, "reason")}
          />
          {transition.error &&
            !fieldError(transition.error, "reason") &&
            !fieldError(transition.error, "startDate") && <ProblemAlert error={transition.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t("common.cancel")}
            </Button>
            <Button
              color={action === "reject" ? "red" : undefined}
              loading={transition.isPending}
              onClick={confirm}
            >
              {t("programs.transitions.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

const fieldError = (error: unknown, path: string) =>
  (error as { errors?: { path: string; message: string }[] }).errors?.find((e) => e.path === path)?.message;
