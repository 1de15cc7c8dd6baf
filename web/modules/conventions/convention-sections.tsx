import { BarChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Convention } from "../../../contracts/conventions.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { useFormat } from "../../shared/format.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useMad } from "../projects/project-money.ts";
import { useRegionName } from "../territories/territories.api.ts";
import {
  AxisFields,
  type AxisValues,
  PartyFields,
  type PartyValues,
  toAxis,
  toParty,
} from "./convention-parts.tsx";
import {
  conventionWrites,
  documentUrl,
  useConventionMutation,
  useDeleteDocument,
  useUploadDocument,
} from "./conventions.api.ts";

export function Section({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

const Empty = ({ text }: { text: string }) => (
  <Text c="dimmed" size="sm">
    {text}
  </Text>
);

export function PartiesSection({ c, canWrite }: { c: Convention; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const mad = useMad();
  const remove = useConventionMutation(conventionWrites.removeParty);
  const name = (p: Convention["partyDetails"][number]) =>
    (i18n.language === "ar" && p.organizationNameAr) || p.organizationName;
  const chart = c.partyDetails
    .filter((p) => p.committedCentimes > 0)
    .map((p) => ({ party: name(p), mad: Math.round(p.committedCentimes / 100) }));
  return (
    <Section title={t("conventions.sections.parties")}>
      {chart.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("conventions.ui.chartTitle")} — {t("conventions.ui.totalCommitted")} :{" "}
            {mad(c.committedCentimes)}
          </Text>
          <BarChart
            h={Math.max(120, 48 * chart.length)}
            data={chart}
            dataKey="party"
            orientation="vertical"
            yAxisProps={{ width: 180 }}
            valueFormatter={(v) => mad(v * 100)}
            series={[{ name: "mad", label: t("conventions.fields.committed"), color: "blue.6" }]}
            dir="ltr"
          />
        </Stack>
      )}
      {c.partyDetails.length === 0 ? (
        <Empty text={t("conventions.empty.parties")} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("conventions.fields.organization")}</Table.Th>
                <Table.Th>{t("conventions.fields.role")}</Table.Th>
                <Table.Th ta="end">{t("conventions.fields.committed")}</Table.Th>
                <Table.Th>{t("conventions.fields.otherCommitments")}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.partyDetails.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <AnchorLink to="/organizations/$id" params={{ id: p.organizationId }}>
                      {name(p)}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t(`conventions.roles.${p.role}`)}</Table.Td>
                  <Table.Td ta="end" style={{ whiteSpace: "nowrap" }}>
                    {mad(p.committedCentimes)}
                  </Table.Td>
                  <Table.Td>{p.otherCommitments}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate([c.id, p.id])}
                      >
                        {t("conventions.ui.remove")}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && <AddPartyForm id={c.id} />}
    </Section>
  );
}

function AddPartyForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const add = useConventionMutation(conventionWrites.addParty);
  const form = useForm<{ party: PartyValues }>({
    initialValues: {
      party: { organizationId: null, role: "signatory", committedMad: "", otherCommitments: "" },
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  return (
    <form
      onSubmit={form.onSubmit(async (v) => {
        clear();
        await add.mutateAsync([id, toParty(v.party)]).then(() => form.reset(), report);
      })}
    >
      <Stack gap="xs">
        <PartyFields form={form} path="party" />
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending}>
            {t("conventions.ui.addParty")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AxesSection({ c, canWrite }: { c: Convention; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const removeAxis = useConventionMutation(conventionWrites.removeAxis);
  const ar = i18n.language === "ar";
  return (
    <Section title={t("conventions.sections.axes")}>
      {c.axes.length === 0 && <Empty text={t("conventions.empty.axes")} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {c.axes.map((a) => (
          <Paper key={a.id} withBorder p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text fw={600}>
                {t("conventions.ui.axisN", { n: a.position })} — {(ar && a.titleAr) || a.titleFr}
              </Text>
              {a.projectCount > 0 && (
                <Badge variant="light">
                  {t("conventions.fields.projectCount")} : {a.projectCount}
                </Badge>
              )}
            </Group>
            {a.description && (
              <Text size="sm" c="dimmed">
                {a.description}
              </Text>
            )}
            <Stack gap={2} mt="xs">
              {a.targets.map((x) => (
                <Text key={x.id} size="sm">
                  • {(ar && x.labelAr) || x.labelFr}
                  {x.targetValue !== null && (
                    <Text span fw={600}>
                      {" "}
                      : {f.number(x.targetValue)} {x.unit}
                    </Text>
                  )}
                </Text>
              ))}
            </Stack>
            {canWrite && a.projectCount === 0 && (
              <Button
                mt="xs"
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => removeAxis.mutate([c.id, a.id])}
              >
                {t("conventions.ui.remove")}
              </Button>
            )}
          </Paper>
        ))}
      </SimpleGrid>
      {canWrite && <AddAxisForm id={c.id} n={c.axes.length + 1} />}
    </Section>
  );
}

function AddAxisForm({ id, n }: { id: string; n: number }) {
  const { t } = useTranslation();
  const add = useConventionMutation(conventionWrites.addAxis);
  const form = useForm<{ axis: AxisValues }>({
    initialValues: { axis: { titleFr: "", titleAr: "", targetLabel: "", targetValue: "", unit: "" } },
  });
  const { problem, report, clear } = useFormProblem(form);
  return (
    <form
      onSubmit={form.onSubmit(async (v) => {
        clear();
        await add.mutateAsync([id, toAxis(v.axis)]).then(() => form.reset(), report);
      })}
    >
      <Stack gap="xs">
        <AxisFields form={form} path="axis" n={n} />
        {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending}>
            {t("conventions.ui.addAxis")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DocumentsSection({ c, canWrite }: { c: Convention; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const upload = useUploadDocument(c.id);
  const remove = useDeleteDocument(c.id);
  // Intl names the unit in the reader's language (ko, كيلوبايت, kB).
  const size = (bytes: number) => {
    const locale = { fr: "fr-MA", ar: "ar-MA", en: "en-GB" }[i18n.language] ?? "fr-MA";
    const mb = bytes >= 1024 * 1024;
    return new Intl.NumberFormat(locale, {
      style: "unit",
      unit: mb ? "megabyte" : "kilobyte",
      maximumFractionDigits: 1,
    }).format(mb ? bytes / 1024 / 1024 : Math.max(0.1, bytes / 1024));
  };
  return (
    <Section
      title={t("conventions.sections.documents")}
      actions={
        canWrite && (
          <FileButton
            onChange={(file) =>
              file &&
              upload.mutate(file, {
                onSuccess: () => notifications.show({ color: "teal", message: t("conventions.ui.uploaded") }),
              })
            }
          >
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={upload.isPending}>
                {t("conventions.ui.upload")}
              </Button>
            )}
          </FileButton>
        )
      }
    >
      {canWrite && (
        <Text size="xs" c="dimmed">
          {t("conventions.ui.fileHelp")}
        </Text>
      )}
      {upload.error && <ProblemAlert error={upload.error} />}
      {c.documents.length === 0 ? (
        <Empty text={t("conventions.empty.documents")} />
      ) : (
        <Table>
          <Table.Tbody>
            {c.documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor href={documentUrl(c.id, d.id)} download={d.fileName}>
                    {d.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td c="dimmed">{size(d.sizeBytes)}</Table.Td>
                <Table.Td c="dimmed">{f.dateTime(d.createdAt)}</Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(d.id)}>
                      {t("conventions.ui.deleteDocument")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

export function ProjectsSection({ c }: { c: Convention }) {
  const { t, i18n } = useTranslation();
  const mad = useMad();
  const regionName = useRegionName();
  return (
    <Section title={t("conventions.sections.projects")}>
      <Text size="xs" c="dimmed">
        {t("conventions.ui.projectsHelp")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat label={t("conventions.fields.projectCount")} value={String(c.projects.count)} />
        <Stat label={t("conventions.fields.budget")} value={mad(c.projects.budgetCentimes)} />
        <Stat label={t("conventions.fields.disbursed")} value={mad(c.projects.disbursedCentimes)} />
      </SimpleGrid>
      {c.projects.items.length === 0 ? (
        <Empty text={t("conventions.empty.projects")} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("conventions.fields.code")}</Table.Th>
                <Table.Th>{t("conventions.fields.title")}</Table.Th>
                <Table.Th>{t("conventions.fields.region")}</Table.Th>
                <Table.Th>{t("conventions.fields.projectStatus")}</Table.Th>
                <Table.Th ta="end">{t("conventions.fields.budget")}</Table.Th>
                <Table.Th ta="end">{t("conventions.fields.disbursed")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.projects.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td dir="ltr">{p.code}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/projects/$id" params={{ id: p.id }}>
                      {(i18n.language === "ar" && p.titleAr) || p.titleFr}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{regionName(p.regionCode)}</Table.Td>
                  <Table.Td>{t(`socialProjects.statuses.${p.status}`, { defaultValue: p.status })}</Table.Td>
                  <Table.Td ta="end" style={{ whiteSpace: "nowrap" }}>
                    {mad(p.budgetCentimes)}
                  </Table.Td>
                  <Table.Td ta="end" style={{ whiteSpace: "nowrap" }}>
                    {mad(p.disbursedCentimes)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}
