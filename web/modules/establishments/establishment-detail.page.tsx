import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { type Establishment, WORK_NATURES, type WorkNature } from "../../../contracts/establishments.ts";
import { ConfirmButton } from "../../shared/confirm-button.tsx";
import { FieldList } from "../../shared/field-list.tsx";
import { useFormProblem } from "../../shared/form-problem.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { EmptyMessage, QueryState } from "../../shared/query-state.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useRegionName } from "../territories/territories.api.ts";
import {
  establishmentQueryOptions,
  useAddWork,
  useSetArchived,
  worksQueryOptions,
} from "./establishments.api.ts";
import { InspectionsTab } from "./inspections.tab.tsx";
import { ProjectTab } from "./projects/project.tab.tsx";
import { ResidentsTab } from "./residents/residents.tab.tsx";

const route = getRouteApi("/_app/establishments/$id");

export function EstablishmentDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(establishmentQueryOptions(id));
  const canResidents = useCan("residents.read");
  const e = query.data;
  return (
    <>
      <PageHeader
        title={e ? (i18n.language === "ar" && e.nameAr) || e.nameFr : t("establishments.title")}
        meta={
          e && (
            <Group gap={4}>
              <Badge variant="light">{e.code}</Badge>
              {e.overdueActions > 0 && (
                <Badge color="red">{t("establishments.overdue", { count: e.overdueActions })}</Badge>
              )}
              {e.authorisationExpiring && <Badge color="orange">{t("establishments.expiring")}</Badge>}
              {e.archivedAt && <Badge color="gray">{t("establishments.archivedBadge")}</Badge>}
            </Group>
          )
        }
        back={
          <AnchorLink to="/establishments" size="sm">
            {t("establishments.backToList")}
          </AnchorLink>
        }
        actions={e && <Actions establishment={e} />}
      />
      <QueryState query={query}>
        {(establishment) => (
          <Tabs defaultValue="identity" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="identity">{t("establishments.tabs.identity")}</Tabs.Tab>
              <Tabs.Tab value="capacity">{t("establishments.tabs.capacity")}</Tabs.Tab>
              <Tabs.Tab value="infrastructure">{t("establishments.tabs.infrastructure")}</Tabs.Tab>
              <Tabs.Tab value="inspections">{t("establishments.tabs.inspections")}</Tabs.Tab>
              <Tabs.Tab value="cohorts">{t("establishments.tabs.cohorts")}</Tabs.Tab>
              {canResidents && <Tabs.Tab value="residents">{t("establishments.tabs.residents")}</Tabs.Tab>}
              <Tabs.Tab value="project">{t("establishments.tabs.project")}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="identity">
              <Identity establishment={establishment} />
            </Tabs.Panel>
            <Tabs.Panel value="capacity">
              <Capacity establishment={establishment} />
            </Tabs.Panel>
            <Tabs.Panel value="infrastructure">
              <Infrastructure establishment={establishment} />
            </Tabs.Panel>
            <Tabs.Panel value="inspections">
              <InspectionsTab establishmentId={establishment.id} />
            </Tabs.Panel>
            <Tabs.Panel value="cohorts">
              <Paper withBorder p="md">
                {establishment.cohorts.length === 0 ? (
                  <EmptyMessage title={t("establishments.cohorts.none")} />
                ) : (
                  <Stack gap="xs">
                    {establishment.cohorts.map((c) => (
                      <AnchorLink key={c.id} to="/cohorts/$id" params={{ id: c.id }}>
                        {(i18n.language === "ar" && c.nameAr) || c.nameFr}
                      </AnchorLink>
                    ))}
                  </Stack>
                )}
              </Paper>
            </Tabs.Panel>
            {canResidents && (
              <Tabs.Panel value="residents">
                <ResidentsTab establishmentId={establishment.id} />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="project">
              <ProjectTab establishmentId={establishment.id} />
            </Tabs.Panel>
          </Tabs>
        )}
      </QueryState>
    </>
  );
}

function Actions({ establishment }: { establishment: Establishment }) {
  const { t } = useTranslation();
  const canWrite = useCan("establishments.write");
  const setArchived = useSetArchived(establishment.id);
  const archived = establishment.archivedAt !== null;
  if (!canWrite) return null;
  return (
    <Group gap="xs">
      {!archived && (
        <ButtonLink variant="default" to="/establishments/$id/edit" params={{ id: establishment.id }}>
          {t("common.edit")}
        </ButtonLink>
      )}
      <ConfirmButton
        variant="default"
        color={archived ? undefined : "red"}
        title={t(archived ? "establishments.restore" : "establishments.archive")}
        message={archived ? "" : t("establishments.archiveConfirm")}
        confirmLabel={t(archived ? "establishments.restore" : "establishments.archive")}
        onConfirm={() =>
          setArchived.mutate(
            { archived: !archived, version: establishment.version },
            { onSuccess: () => notifications.show({ color: "teal", message: t("establishments.saved") }) },
          )
        }
      >
        {t(archived ? "establishments.restore" : "establishments.archive")}
      </ConfirmButton>
    </Group>
  );
}

function Identity({ establishment: e }: { establishment: Establishment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const regionName = useRegionName();
  const date = (d: string | null) => (d ? format.date(d) : null);
  const f = (k: string) => t(`establishments.fields.${k}` as "establishments.fields.code");
  return (
    <Paper withBorder p="md">
      <FieldList
        fields={[
          { label: f("code"), value: e.code },
          { label: f("category"), value: t(`establishments.categories.${e.category}`) },
          { label: f("nameFr"), value: e.nameFr },
          {
            label: f("nameAr"),
            value: e.nameAr && (
              <span dir="rtl" lang="ar">
                {e.nameAr}
              </span>
            ),
          },
          { label: f("managingOrganization"), value: e.managingOrganizationName },
          { label: f("directorName"), value: e.directorName },
          { label: f("regionCode"), value: regionName(e.regionCode) },
          { label: f("provinceCode"), value: e.provinceCode },
          { label: f("commune"), value: e.commune },
          { label: f("address"), value: e.address, wide: true },
          { label: f("phone"), value: e.phone && <span dir="ltr">{e.phone}</span> },
          { label: f("email"), value: e.email },
          { label: f("openingDate"), value: date(e.openingDate) },
          {
            label: f("authorisationStatus"),
            value: (
              <Group gap={4}>
                {t(`establishments.authorisationStatuses.${e.authorisationStatus}`)}
                {e.authorisationExpiring && <Badge color="orange">{t("establishments.expiring")}</Badge>}
              </Group>
            ),
          },
          { label: f("authorisationNumber"), value: e.authorisationNumber },
          { label: f("authorisationIssuedOn"), value: date(e.authorisationIssuedOn) },
          { label: f("authorisationExpiresOn"), value: date(e.authorisationExpiresOn) },
        ]}
      />
    </Paper>
  );
}

function Capacity({ establishment: e }: { establishment: Establishment }) {
  const { t } = useTranslation();
  const total = (k: "male" | "female") => e.staff.reduce((n, s) => n + s[k], 0);
  return (
    <Stack>
      <Paper withBorder p="md">
        <FieldList
          fields={[
            { label: t("establishments.fields.capacityMale"), value: e.capacityMale },
            { label: t("establishments.fields.capacityFemale"), value: e.capacityFemale },
            {
              label: t("establishments.capacity"),
              value: t("establishments.places", { count: e.capacityMale + e.capacityFemale }),
            },
          ]}
        />
      </Paper>
      <Paper withBorder p="md">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("establishments.fields.staff")}</Table.Th>
              <Table.Th>{t("establishments.staffMale")}</Table.Th>
              <Table.Th>{t("establishments.staffFemale")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.staff.map((s) => (
              <Table.Tr key={s.function}>
                <Table.Td>{t(`establishments.staffFunctions.${s.function}`)}</Table.Td>
                <Table.Td>{s.male}</Table.Td>
                <Table.Td>{s.female}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={600}>
              <Table.Td>{t("establishments.total")}</Table.Td>
              <Table.Td>{total("male")}</Table.Td>
              <Table.Td>{total("female")}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

function Infrastructure({ establishment: e }: { establishment: Establishment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const works = useQuery(worksQueryOptions(e.id));
  const canWrite = useCan("establishments.write");
  const date = (d: string | null) => (d ? format.date(d) : null);
  return (
    <Stack>
      <Paper withBorder p="md">
        <FieldList
          fields={[
            {
              label: t("establishments.fields.connectivity"),
              value: t(`establishments.connectivityTypes.${e.connectivity}`),
            },
            { label: t("establishments.fields.connectivitySince"), value: date(e.connectivitySince) },
            { label: t("establishments.fields.connectivityFunderId"), value: e.connectivityFunderName },
            { label: t("establishments.fields.solarKwp"), value: e.solarKwp },
            { label: t("establishments.fields.solarInstalledOn"), value: date(e.solarInstalledOn) },
            { label: t("establishments.fields.solarFunderId"), value: e.solarFunderName },
            {
              label: t("establishments.fields.hotWater"),
              value: t(`establishments.hotWaterTypes.${e.hotWater}`),
            },
          ]}
        />
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="sm">
          {t("establishments.works")}
        </Text>
        {works.data?.length === 0 && <Text c="dimmed">{t("establishments.noWorks")}</Text>}
        {!!works.data?.length && (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("establishments.work.workDate")}</Table.Th>
                  <Table.Th>{t("establishments.work.nature")}</Table.Th>
                  <Table.Th>{t("establishments.work.description")}</Table.Th>
                  <Table.Th>{t("establishments.work.amount")}</Table.Th>
                  <Table.Th>{t("establishments.work.funder")}</Table.Th>
                  <Table.Th>{t("establishments.work.convention")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {works.data.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>{format.date(w.workDate)}</Table.Td>
                    <Table.Td>{t(`establishments.workNatures.${w.nature}`)}</Table.Td>
                    <Table.Td>{w.description}</Table.Td>
                    <Table.Td>
                      {w.amountCentimes === null ? null : format.number(w.amountCentimes / 100)}
                    </Table.Td>
                    <Table.Td>{w.funderName}</Table.Td>
                    <Table.Td>{w.conventionReference}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canWrite && <AddWork establishmentId={e.id} />}
      </Paper>
    </Stack>
  );
}

function AddWork({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const add = useAddWork(establishmentId);
  const form = useForm({
    mode: "uncontrolled",
    initialValues: {
      workDate: "",
      nature: "rehabilitation",
      description: "",
      amount: "" as number | string,
      conventionReference: "",
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  return (
    <form
      onSubmit={form.onSubmit(async (v) => {
        clear();
        try {
          await add.mutateAsync({
            workDate: v.workDate,
            nature: v.nature as WorkNature,
            description: v.description || null,
            amountCentimes: v.amount === "" ? null : Math.round(Number(v.amount) * 100),
            conventionReference: v.conventionReference || null,
          });
          form.reset();
        } catch (error) {
          report(error);
        }
      })}
    >
      <Group align="flex-end" mt="md" gap="xs">
        <TextInput
          key={form.key("workDate")}
          type="date"
          label={t("establishments.work.workDate")}
          required
          {...form.getInputProps("workDate")}
        />
        <Select
          key={form.key("nature")}
          label={t("establishments.work.nature")}
          data={WORK_NATURES.map((n) => ({ value: n, label: t(`establishments.workNatures.${n}`) }))}
          {...form.getInputProps("nature")}
        />
        <TextInput
          key={form.key("description")}
          label={t("establishments.work.description")}
          {...form.getInputProps("description")}
        />
        <NumberInput
          key={form.key("amount")}
          min={0}
          label={t("establishments.work.amount")}
          {...form.getInputProps("amount")}
        />
        <TextInput
          key={form.key("conventionReference")}
          label={t("establishments.work.convention")}
          {...form.getInputProps("conventionReference")}
        />
        <Button type="submit" loading={form.submitting}>
          {t("establishments.work.add")}
        </Button>
      </Group>
      {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
    </form>
  );
}
