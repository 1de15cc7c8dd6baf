import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Timeline,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CONSENT_PURPOSES, type Person } from "../../../contracts/beneficiaries.ts";
import { today } from "../../../contracts/calendar.ts";
import { FieldList } from "../../shared/field-list.tsx";
import { useFormProblem } from "../../shared/form-problem.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { EmptyMessage, QueryState } from "../../shared/query-state.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import {
  arabicName,
  consentsQueryOptions,
  personName,
  personQueryOptions,
  timelineQueryOptions,
  useAddConsent,
  useCreateHousehold,
  useMergePerson,
} from "./beneficiaries.api.ts";
import { PersonSelect } from "./person-select.tsx";

const route = getRouteApi("/_app/persons/$id");

export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(personQueryOptions(id));
  const canWrite = useCan("persons.write");
  const canMerge = useCan("persons.merge");
  const canAudit = useCan("audit.read");
  const person = query.data;

  return (
    <>
      <PageHeader
        title={person ? personName(person) : t("beneficiaries.detailTitle")}
        meta={
          person && (
            <Group gap="xs">
              {arabicName(person) && (
                <Text lang="ar" dir="rtl" fw={500}>
                  {arabicName(person)}
                </Text>
              )}
              {person.cin && (
                <Badge variant="light" className="jisr-ltr">
                  {person.cin}
                </Badge>
              )}
            </Group>
          )
        }
        back={
          <AnchorLink to="/persons" size="sm">
            {t("beneficiaries.backToList")}
          </AnchorLink>
        }
        actions={
          person && (
            <>
              {canAudit && (
                <ButtonLink
                  variant="default"
                  to="/audit"
                  search={{ entityType: "person", entityId: person.id }}
                >
                  {t("beneficiaries.auditLink")}
                </ButtonLink>
              )}
              {canMerge && !person.mergedIntoId && <MergeAction person={person} />}
              {canWrite && !person.mergedIntoId && (
                <ButtonLink to="/persons/$id/edit" params={{ id: person.id }}>
                  {t("common.edit")}
                </ButtonLink>
              )}
            </>
          )
        }
      />
      <QueryState query={query}>
        {(p) => (
          <Stack>
            {p.mergedIntoId && (
              <Alert color="gray">
                {t("beneficiaries.mergedInto")}{" "}
                <AnchorLink to="/persons/$id" params={{ id: p.mergedIntoId }}>
                  {t("beneficiaries.openSurvivor")}
                </AnchorLink>
              </Alert>
            )}
            <Tabs defaultValue="identity" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="identity">{t("beneficiaries.tabs.identity")}</Tabs.Tab>
                <Tabs.Tab value="household">{t("beneficiaries.tabs.household")}</Tabs.Tab>
                <Tabs.Tab value="consents">{t("beneficiaries.tabs.consents")}</Tabs.Tab>
                <Tabs.Tab value="timeline">{t("beneficiaries.tabs.timeline")}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="identity" pt="md">
                <Identity person={p} />
              </Tabs.Panel>
              <Tabs.Panel value="household" pt="md">
                <HouseholdTab person={p} canWrite={canWrite} />
              </Tabs.Panel>
              <Tabs.Panel value="consents" pt="md">
                <ConsentsTab person={p} canWrite={canWrite && !p.mergedIntoId} />
              </Tabs.Panel>
              <Tabs.Panel value="timeline" pt="md">
                <TimelineTab personId={p.id} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function Identity({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const opt = (group: string, value: string | null) =>
    value ? t(`beneficiaries.${group}.${value}` as "beneficiaries.sexes.male") : null;
  return (
    <Stack>
      {!person.personal && <Alert color="gray">{t("beneficiaries.personalHidden")}</Alert>}
      <Paper withBorder p="md">
        <FieldList
          fields={[
            { label: t("beneficiaries.fields.firstNameLatin"), value: person.firstNameLatin },
            { label: t("beneficiaries.fields.lastNameLatin"), value: person.lastNameLatin },
            {
              label: t("beneficiaries.fields.firstNameAr"),
              value: person.firstNameAr && (
                <span lang="ar" dir="rtl">
                  {person.firstNameAr}
                </span>
              ),
            },
            {
              label: t("beneficiaries.fields.lastNameAr"),
              value: person.lastNameAr && (
                <span lang="ar" dir="rtl">
                  {person.lastNameAr}
                </span>
              ),
            },
            {
              label: t("beneficiaries.fields.cin"),
              value: person.cin && <span className="jisr-ltr">{person.cin}</span>,
            },
            { label: t("beneficiaries.fields.sex"), value: t(`beneficiaries.sexes.${person.sex}`) },
            {
              label: t("beneficiaries.fields.birthDate"),
              value: person.birthDate && format.date(person.birthDate),
            },
            {
              label: t("beneficiaries.fields.phone"),
              value: person.phone && <span className="jisr-ltr">{person.phone}</span>,
            },
          ]}
        />
      </Paper>
      <Paper withBorder p="md">
        <FieldList
          fields={[
            { label: t("beneficiaries.fields.regionCode"), value: person.regionName },
            { label: t("beneficiaries.fields.provinceCode"), value: person.provinceName },
            { label: t("beneficiaries.fields.commune"), value: person.commune },
            { label: t("beneficiaries.fields.address"), value: person.address },
            {
              label: t("beneficiaries.fields.maritalStatus"),
              value: opt("maritalStatuses", person.maritalStatus),
            },
            {
              label: t("beneficiaries.fields.schoolingLevel"),
              value: opt("schoolingLevels", person.schoolingLevel),
            },
            {
              label: t("beneficiaries.fields.disabilityType"),
              value: opt("disabilityTypes", person.disabilityType),
            },
            { label: t("beneficiaries.fields.disabilityCardNumber"), value: person.disabilityCardNumber },
            { label: t("beneficiaries.fields.situationNotes"), value: person.situationNotes, wide: true },
          ]}
        />
      </Paper>
      <Text size="xs" c="dimmed">
        {t("beneficiaries.timestamps", {
          created: format.dateTime(person.createdAt),
          updated: format.dateTime(person.updatedAt),
        })}
      </Text>
    </Stack>
  );
}

function HouseholdTab({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateHousehold();
  const household = person.household;
  if (!household)
    return (
      <Stack align="flex-start">
        <Text size="sm">{t("beneficiaries.household.none")}</Text>
        {canWrite && !person.mergedIntoId && (
          <Button
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { headPersonId: person.id },
                {
                  onSuccess: (h) => {
                    notifications.show({ color: "teal", message: t("beneficiaries.household.created") });
                    void navigate({ to: "/households/$id", params: { id: h.id } });
                  },
                },
              )
            }
          >
            {t("beneficiaries.household.create")}
          </Button>
        )}
        {create.error && <ProblemAlert error={create.error} />}
      </Stack>
    );
  return (
    <Paper withBorder p="md">
      <Stack align="flex-start">
        <FieldList
          fields={[
            { label: t("beneficiaries.fields.headName"), value: household.headName },
            {
              label: t("beneficiaries.fields.relationship"),
              value: t(`beneficiaries.relationships.${household.relationship}`),
            },
            { label: t("beneficiaries.fields.memberCount"), value: household.memberCount },
          ]}
        />
        <ButtonLink variant="light" to="/households/$id" params={{ id: household.id }}>
          {t("beneficiaries.household.open")}
        </ButtonLink>
      </Stack>
    </Paper>
  );
}

function ConsentsTab({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const consents = useQuery(consentsQueryOptions(person.id));
  const add = useAddConsent(person.id);
  const form = useForm({
    initialValues: {
      purpose: null as string | null,
      granted: "yes",
      givenOn: today(),
      note: "",
    },
    validate: { purpose: (v) => (v ? null : t("validation.required")) },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async (values) => {
    clear();
    await add
      .mutateAsync({
        purpose: values.purpose as (typeof CONSENT_PURPOSES)[number],
        granted: values.granted === "yes",
        givenOn: values.givenOn,
        note: values.note.trim() || null,
      })
      .then(() => {
        notifications.show({ color: "teal", message: t("beneficiaries.consents.recorded") });
        form.reset();
      })
      .catch(report);
  });

  return (
    <Stack>
      <QueryState query={consents}>
        {(items) =>
          items.length === 0 ? (
            <EmptyMessage title={t("beneficiaries.consents.empty")} />
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped aria-label={t("beneficiaries.tabs.consents")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("beneficiaries.fields.purpose")}</Table.Th>
                    <Table.Th>{t("beneficiaries.fields.granted")}</Table.Th>
                    <Table.Th>{t("beneficiaries.fields.givenOn")}</Table.Th>
                    <Table.Th>{t("beneficiaries.fields.recordedBy")}</Table.Th>
                    <Table.Th>{t("beneficiaries.fields.note")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{t(`beneficiaries.consentPurposes.${c.purpose}`)}</Table.Td>
                      <Table.Td>
                        <Badge color={c.granted ? "teal" : "red"} variant="light">
                          {t(c.granted ? "beneficiaries.consents.yes" : "beneficiaries.consents.no")}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{format.date(c.givenOn)}</Table.Td>
                      <Table.Td>{c.recordedByName}</Table.Td>
                      <Table.Td>{c.note}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {canWrite && (
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" gap="sm">
              <Select
                label={t("beneficiaries.fields.purpose")}
                withAsterisk
                data={CONSENT_PURPOSES.map((p) => ({
                  value: p,
                  label: t(`beneficiaries.consentPurposes.${p}`),
                }))}
                w={280}
                {...form.getInputProps("purpose")}
              />
              <Select
                label={t("beneficiaries.fields.granted")}
                data={[
                  { value: "yes", label: t("beneficiaries.consents.yes") },
                  { value: "no", label: t("beneficiaries.consents.no") },
                ]}
                allowDeselect={false}
                w={140}
                {...form.getInputProps("granted")}
              />
              <TextInput
                type="date"
                label={t("beneficiaries.fields.givenOn")}
                w={170}
                {...form.getInputProps("givenOn")}
              />
              <TextInput
                label={t("beneficiaries.fields.note")}
                flex="1 1 200px"
                {...form.getInputProps("note")}
              />
              <Button type="submit" loading={add.isPending}>
                {t("beneficiaries.consents.add")}
              </Button>
            </Group>
            {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
          </form>
        </Paper>
      )}
    </Stack>
  );
}

function TimelineTab({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useQuery(timelineQueryOptions(personId));
  const kindLabel = (kind: string) => {
    const key = `beneficiaries.timeline.kinds.${kind.replace(/\./g, "_")}`;
    return i18n.exists(key) ? t(key as "beneficiaries.timeline.empty") : kind;
  };
  return (
    <QueryState query={query}>
      {(items) =>
        items.length === 0 ? (
          <EmptyMessage title={t("beneficiaries.timeline.empty")} />
        ) : (
          <Timeline bulletSize={14} lineWidth={2}>
            {items.map((e) => (
              <Timeline.Item
                key={`${e.source}:${e.entityType}:${e.entityId}:${e.kind}:${e.at}`}
                title={kindLabel(e.kind)}
              >
                <Text size="sm">
                  {[
                    e.label &&
                      (i18n.exists(`beneficiaries.consentPurposes.${e.label}`)
                        ? t(`beneficiaries.consentPurposes.${e.label}` as "beneficiaries.title")
                        : i18n.exists(`beneficiaries.relationships.${e.label}`)
                          ? t(`beneficiaries.relationships.${e.label}` as "beneficiaries.title")
                          : e.label),
                    e.status,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
                <Text size="xs" c="dimmed">
                  {e.at.length > 10 ? format.dateTime(e.at) : format.date(e.at)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )
      }
    </QueryState>
  );
}

function MergeAction({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, dialog] = useDisclosure(false);
  const [intoId, setIntoId] = useState<string | null>(null);
  const target = useQuery({ ...personQueryOptions(intoId ?? ""), enabled: Boolean(intoId) });
  const merge = useMergePerson(person.id);
  return (
    <>
      <Button variant="light" color="orange" onClick={dialog.open}>
        {t("beneficiaries.merge.action")}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={t("beneficiaries.merge.title")} size="lg">
        <Stack>
          <Text size="sm">{t("beneficiaries.merge.intro")}</Text>
          <PersonSelect
            label={t("beneficiaries.merge.target")}
            excludeId={person.id}
            value={intoId}
            onChange={setIntoId}
          />
          {merge.error && <ProblemAlert error={merge.error} onReload={() => target.refetch()} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t("common.cancel")}
            </Button>
            <Button
              color="orange"
              disabled={!target.data}
              loading={merge.isPending}
              onClick={() =>
                target.data &&
                merge.mutate(
                  { intoId: target.data.id, version: person.version, intoVersion: target.data.version },
                  {
                    onSuccess: (survivor) => {
                      dialog.close();
                      notifications.show({ color: "teal", message: t("beneficiaries.merge.done") });
                      void navigate({ to: "/persons/$id", params: { id: survivor.id } });
                    },
                  },
                )
              }
            >
              {t("beneficiaries.merge.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
