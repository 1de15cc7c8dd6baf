import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { type Household, RELATIONSHIPS } from "../../../contracts/beneficiaries.ts";
import { ConfirmButton } from "../../shared/confirm-button.tsx";
import { FieldList } from "../../shared/field-list.tsx";
import { useFormProblem } from "../../shared/form-problem.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useRegionName } from "../territories/territories.api.ts";
import {
  arabicName,
  householdQueryOptions,
  personName,
  useAddMember,
  useRemoveMember,
  useUpdateHousehold,
} from "./beneficiaries.api.ts";
import { PersonSelect } from "./person-select.tsx";
import { useProvinceName } from "./province-name.ts";

const route = getRouteApi("/_app/households/$id");

export function HouseholdPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(householdQueryOptions(id));
  const canWrite = useCan("persons.write");

  return (
    <>
      <PageHeader
        title={
          query.data
            ? t("beneficiaries.household.title", { name: query.data.headName })
            : t("beneficiaries.tabs.household")
        }
        back={
          query.data && (
            <AnchorLink to="/persons/$id" params={{ id: query.data.headPersonId }} size="sm">
              {t("beneficiaries.backToPerson")}
            </AnchorLink>
          )
        }
      />
      <QueryState query={query}>
        {(household) => (
          <Stack>
            <Summary household={household} canWrite={canWrite} onReload={() => query.refetch()} />
            <Members household={household} canWrite={canWrite} onReload={() => query.refetch()} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function Summary({
  household,
  canWrite,
  onReload,
}: {
  household: Household;
  canWrite: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const regionName = useRegionName();
  const provinceName = useProvinceName();
  const update = useUpdateHousehold(household.id);
  const form = useForm({
    initialValues: {
      socioEconomicScore: household.socioEconomicScore ?? ("" as number | string),
      scoreDate: household.scoreDate ?? "",
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async (values) => {
    clear();
    await update
      .mutateAsync({
        version: household.version,
        socioEconomicScore: values.socioEconomicScore === "" ? null : Number(values.socioEconomicScore),
        scoreDate: values.scoreDate || null,
      })
      .then(() => notifications.show({ color: "teal", message: t("beneficiaries.household.saved") }))
      .catch(report);
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <FieldList
          fields={[
            { label: t("beneficiaries.fields.headName"), value: household.headName },
            { label: t("beneficiaries.fields.memberCount"), value: household.memberCount },
            { label: t("beneficiaries.fields.regionCode"), value: regionName(household.regionCode) },
            { label: t("beneficiaries.fields.provinceCode"), value: provinceName(household.provinceCode) },
            { label: t("beneficiaries.fields.commune"), value: household.commune },
            { label: t("beneficiaries.fields.address"), value: household.address },
            {
              label: t("beneficiaries.fields.socioEconomicScore"),
              value: household.socioEconomicScore !== null && format.number(household.socioEconomicScore),
            },
            {
              label: t("beneficiaries.fields.scoreDate"),
              value: household.scoreDate && format.date(household.scoreDate),
            },
          ]}
        />
        {canWrite && (
          <form onSubmit={submit} noValidate key={household.version}>
            <Group align="flex-end" gap="sm">
              <NumberInput
                label={t("beneficiaries.fields.socioEconomicScore")}
                description={t("beneficiaries.household.scoreHint")}
                decimalScale={7}
                min={0}
                max={100}
                w={320}
                {...form.getInputProps("socioEconomicScore")}
              />
              <TextInput
                type="date"
                label={t("beneficiaries.fields.scoreDate")}
                w={170}
                {...form.getInputProps("scoreDate")}
              />
              <Button type="submit" variant="light" loading={update.isPending}>
                {t("beneficiaries.household.editScore")}
              </Button>
            </Group>
            {problem && (
              <ProblemAlert error={problem.error} unmatched={problem.unmatched} onReload={onReload} />
            )}
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function Members({
  household,
  canWrite,
  onReload,
}: {
  household: Household;
  canWrite: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useAddMember(household.id);
  const remove = useRemoveMember(household.id);
  const form = useForm({
    initialValues: { personId: null as string | null, relationship: "child" as string | null },
    validate: { personId: (v) => (v ? null : t("validation.required")) },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async (values) => {
    clear();
    await add
      .mutateAsync({
        version: household.version,
        personId: values.personId as string,
        relationship: values.relationship as "child",
      })
      .then(() => form.reset())
      .catch(report);
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t("beneficiaries.household.members")}
        </Title>
        {household.members.length < household.memberCount && (
          <Text size="sm" c="dimmed">
            {t("beneficiaries.household.memberOutOfScope")}
          </Text>
        )}
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label={t("beneficiaries.household.members")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("beneficiaries.fields.name")}</Table.Th>
                <Table.Th>{t("beneficiaries.fields.nameAr")}</Table.Th>
                <Table.Th>{t("beneficiaries.fields.relationship")}</Table.Th>
                <Table.Th>{t("beneficiaries.fields.cin")}</Table.Th>
                <Table.Th>{t("beneficiaries.fields.birthDate")}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {household.members.map((m) => (
                <Table.Tr key={m.personId}>
                  <Table.Td>
                    <AnchorLink to="/persons/$id" params={{ id: m.personId }}>
                      {personName(m)}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td dir="rtl" lang="ar">
                    {arabicName(m)}
                  </Table.Td>
                  <Table.Td>{t(`beneficiaries.relationships.${m.relationship}`)}</Table.Td>
                  <Table.Td className="jisr-ltr">{m.cinMasked}</Table.Td>
                  <Table.Td>{m.birthDate && format.date(m.birthDate)}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      {m.relationship !== "head" && (
                        <ConfirmButton
                          size="xs"
                          variant="subtle"
                          color="red"
                          title={t("beneficiaries.household.removeConfirm")}
                          message={personName(m)}
                          confirmLabel={t("beneficiaries.household.remove")}
                          onConfirm={() =>
                            remove.mutate({ personId: m.personId, version: household.version })
                          }
                        >
                          {t("beneficiaries.household.remove")}
                        </ConfirmButton>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {remove.error && <ProblemAlert error={remove.error} onReload={onReload} />}
        {canWrite && (
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" gap="sm">
              <PersonSelect
                label={t("beneficiaries.fields.person")}
                flex="1 1 320px"
                {...form.getInputProps("personId")}
              />
              <Select
                label={t("beneficiaries.fields.relationship")}
                allowDeselect={false}
                data={RELATIONSHIPS.filter((r) => r !== "head").map((r) => ({
                  value: r,
                  label: t(`beneficiaries.relationships.${r}`),
                }))}
                w={200}
                {...form.getInputProps("relationship")}
              />
              <Button type="submit" loading={add.isPending}>
                {t("beneficiaries.household.addMember")}
              </Button>
            </Group>
            {problem && (
              <ProblemAlert error={problem.error} unmatched={problem.unmatched} onReload={onReload} />
            )}
          </form>
        )}
      </Stack>
    </Paper>
  );
}
