import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { today } from "../../../../contracts/calendar.ts";
import { type Resident, type ResidentServiceType, SERVICE_TYPES } from "../../../../contracts/residents.ts";
import { useFormProblem } from "../../../shared/form-problem.ts";
import { useFormat } from "../../../shared/format.ts";
import { ProblemError } from "../../../shared/http.ts";
import { LoadMore } from "../../../shared/load-more.tsx";
import { ProblemAlert } from "../../../shared/problem-alert.tsx";
import { QueryState, RowsSkeleton } from "../../../shared/query-state.tsx";
import { useCan } from "../../auth/auth.api.ts";
import { arabicName, personName } from "../../beneficiaries/beneficiaries.api.ts";
import { AdmissionRequestForm } from "./admission-request-form.tsx";
import { AttendanceRegister } from "./attendance-register.tsx";
import { OccupancyChart } from "./occupancy-chart.tsx";
import {
  residentFileQueryOptions,
  residentsQueryOptions,
  type StayView,
  useAddResidentService,
  useStayStep,
} from "./residents.api.ts";

const STATUS_COLORS: Record<Resident["status"], string> = {
  requested: "blue",
  accepted: "cyan",
  refused: "gray",
  admitted: "teal",
  discharged: "gray",
};

/** The "Résidents" tab of an establishment: attendance, occupancy, stays and the admission workflow. */
export function ResidentsTab({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const canWrite = useCan("residents.write");
  return (
    <Stack>
      <AttendanceRegister establishmentId={establishmentId} />
      <OccupancyChart establishmentId={establishmentId} />
      {canWrite && <AdmissionRequestForm establishmentId={establishmentId} />}
      <StayTable establishmentId={establishmentId} view="requests" title={t("residents.requests")} />
      <StayTable establishmentId={establishmentId} view="current" title={t("residents.current")} />
      <StayTable establishmentId={establishmentId} view="history" title={t("residents.history")} />
    </Stack>
  );
}

/** One list of stays, 50 at a time with "load more" (an establishment keeps years of history). */
function StayTable({
  establishmentId,
  view,
  title,
}: {
  establishmentId: string;
  view: StayView;
  title: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useInfiniteQuery(residentsQueryOptions(establishmentId, view));
  const stays = query.data ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {query.isPending ? (
        <RowsSkeleton rows={2} />
      ) : query.isError && !query.data ? (
        <ProblemAlert error={query.error} onRetry={() => query.refetch()} />
      ) : stays.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("residents.empty")}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("residents.name")}</Table.Th>
                  <Table.Th>{t("residents.statusLabel")}</Table.Th>
                  <Table.Th>{t("residents.referralSource")}</Table.Th>
                  <Table.Th>{t("residents.admittedOn")}</Table.Th>
                  <Table.Th>{t("residents.place")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stays.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      {(i18n.language === "ar" && arabicName(s.person)) || personName(s.person)} (
                      {t(`residents.sexShort.${s.person.sex}`)})
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[s.status]} variant="light">
                        {t(`residents.statuses.${s.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{t(`residents.referralSources.${s.referralSource}`)}</Table.Td>
                    <Table.Td>
                      {s.admittedOn ? format.date(s.admittedOn) : format.date(s.requestedOn)}
                    </Table.Td>
                    <Table.Td>{s.place}</Table.Td>
                    <Table.Td>
                      <StayActions establishmentId={establishmentId} stay={s} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore query={query} />
        </>
      )}
    </Paper>
  );
}

type Step = "accept" | "refuse" | "admit" | "discharge" | "file";

function StayActions({ establishmentId, stay }: { establishmentId: string; stay: Resident }) {
  const { t } = useTranslation();
  const canWrite = useCan("residents.write");
  const [open, setOpen] = useState<Step | null>(null);
  const steps: Step[] = canWrite
    ? stay.status === "requested"
      ? ["accept", "refuse"]
      : stay.status === "accepted"
        ? ["admit"]
        : stay.status === "admitted"
          ? ["discharge"]
          : []
    : [];
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {steps.map((s) => (
        <Button
          key={s}
          size="xs"
          variant={s === "refuse" ? "light" : "filled"}
          color={s === "refuse" ? "red" : undefined}
          onClick={() => setOpen(s)}
        >
          {t(`residents.${s}`)}
        </Button>
      ))}
      {(stay.status === "admitted" || stay.status === "discharged") && (
        <Button size="xs" variant="default" onClick={() => setOpen("file")}>
          {t("residents.open")}
        </Button>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open === "file" ? t("residents.file") : open ? t(`residents.${open}`) : ""}
        size={open === "file" ? "lg" : "md"}
      >
        {open === "file" ? (
          <ResidentFileView establishmentId={establishmentId} id={stay.id} />
        ) : (
          open && (
            <StepForm
              establishmentId={establishmentId}
              stay={stay}
              step={open}
              onDone={() => setOpen(null)}
            />
          )
        )}
      </Modal>
    </Group>
  );
}

function StepForm({
  establishmentId,
  stay,
  step,
  onDone,
}: {
  establishmentId: string;
  stay: Resident;
  step: Exclude<Step, "file">;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useStayStep(establishmentId, stay.id);
  const [overCapacity, setOverCapacity] = useState(false);
  const form = useForm({
    initialValues: {
      date: today(),
      reason: "",
      place: stay.place ?? "",
      destination: "",
      overCapacityReason: "",
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit((v) => {
    clear();
    const call =
      step === "accept" || step === "refuse"
        ? mutation.mutateAsync({
            step: "decision",
            body: {
              version: stay.version,
              decision: step === "accept" ? "accepted" : "refused",
              reason: v.reason,
              decidedOn: v.date,
            },
          })
        : step === "admit"
          ? mutation.mutateAsync({
              step: "admission",
              body: {
                version: stay.version,
                admittedOn: v.date,
                place: v.place,
                overCapacityReason: overCapacity ? v.overCapacityReason : undefined,
              },
            })
          : mutation.mutateAsync({
              step: "discharge",
              body: {
                version: stay.version,
                dischargedOn: v.date,
                reason: v.reason,
                destination: v.destination,
              },
            });
    call
      .then(() => {
        notifications.show({ color: "teal", message: t("residents.saved") });
        onDone();
      })
      .catch((e) => {
        if (e instanceof ProblemError && e.code === "residents.over_capacity") setOverCapacity(true);
        report(e);
      });
  });
  const dateField = step === "admit" ? "admittedOn" : step === "discharge" ? "dischargedOn" : "deliveredOn";
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          type="date"
          dir="ltr"
          max={today()}
          label={t(`residents.${dateField}`)}
          {...form.getInputProps("date")}
        />
        {step === "admit" && <TextInput label={t("residents.place")} {...form.getInputProps("place")} />}
        {step !== "admit" && (
          <Textarea
            label={t(step === "discharge" ? "residents.reason" : "residents.decisionReason")}
            withAsterisk={step !== "accept"}
            autosize
            {...form.getInputProps("reason")}
          />
        )}
        {step === "discharge" && (
          <TextInput label={t("residents.destination")} {...form.getInputProps("destination")} />
        )}
        {step === "admit" && overCapacity && (
          <Textarea
            label={t("residents.overCapacityReason")}
            withAsterisk
            autosize
            {...form.getInputProps("overCapacityReason")}
          />
        )}
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending} color={step === "refuse" ? "red" : undefined}>
            {t(`residents.${step}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResidentFileView({ establishmentId, id }: { establishmentId: string; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan("residents.write");
  const query = useQuery(residentFileQueryOptions(establishmentId, id));
  const add = useAddResidentService(establishmentId, id);
  const form = useForm({
    initialValues: { deliveredOn: today(), type: null as string | null, note: "", provider: "" },
    validate: { type: (v) => (v ? null : t("validation.required")) },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit((v) => {
    clear();
    add
      .mutateAsync({
        deliveredOn: v.deliveredOn,
        type: v.type as ResidentServiceType,
        note: v.note,
        provider: v.provider,
      })
      .then(() => form.reset())
      .catch(report);
  });
  return (
    <QueryState query={query}>
      {(file) => (
        <Stack>
          <Text size="sm">
            {personName(file.person)} · {t(`residents.statuses.${file.status}`)} ·{" "}
            {file.admittedOn && format.date(file.admittedOn)}
            {file.dischargedOn && ` → ${format.date(file.dischargedOn)}`}
          </Text>
          {file.person.birthDate && <Text size="sm">{format.date(file.person.birthDate)}</Text>}
          <Title order={3} size="h5">
            {t("residents.services")}
          </Title>
          {file.services.map((s) => (
            <Text key={s.id} size="sm">
              {format.date(s.deliveredOn)} · {t(`residents.serviceTypes.${s.type}`)}
              {s.provider ? ` · ${s.provider}` : ""}
              {s.note ? ` — ${s.note}` : ""}
            </Text>
          ))}
          {canWrite && (
            <form onSubmit={submit} noValidate>
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    type="date"
                    dir="ltr"
                    max={today()}
                    label={t("residents.deliveredOn")}
                    {...form.getInputProps("deliveredOn")}
                  />
                  <Select
                    label={t("residents.serviceType")}
                    withAsterisk
                    data={SERVICE_TYPES.map((s) => ({ value: s, label: t(`residents.serviceTypes.${s}`) }))}
                    {...form.getInputProps("type")}
                  />
                  <TextInput label={t("residents.provider")} {...form.getInputProps("provider")} />
                  <TextInput label={t("residents.note")} {...form.getInputProps("note")} />
                </SimpleGrid>
                {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
                <Group justify="flex-end">
                  <Button type="submit" loading={add.isPending}>
                    {t("residents.addService")}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
