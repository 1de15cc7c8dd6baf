import { BarChart } from "@mantine/charts";
import { today } from "../../../contracts/calendar.ts";
import "@mantine/charts/styles.css";
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Project, TrancheState } from "../../../contracts/projects.ts";
import { FieldList } from "../../shared/field-list.tsx";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { ProposalOrigin } from "../proposals/proposal-origin.tsx";
import { provincesQueryOptions, useRegionName, useTerritoryName } from "../territories/territories.api.ts";
import { type ProjectFieldKey, useMad } from "./project-money.ts";
import { BudgetLineForm, DisbursementForm, MilestoneForm, TrancheForm } from "./project-money-forms.tsx";
import { RowActions } from "./project-money-rows.tsx";
import { projectPdfUrl, projectQueryOptions, projectWrites, useProjectMutation } from "./projects.api.ts";

const route = getRouteApi("/_app/projects/$id");

const STATE_COLORS: Record<TrancheState, string> = {
  pending: "gray",
  due: "orange",
  paid: "teal",
  late: "red",
};

export function ProjectDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(projectQueryOptions(id));
  const canWrite = useCan("projects.write");
  const p = query.data;
  return (
    <>
      <PageHeader
        title={p ? (i18n.language === "ar" && p.titleAr) || p.titleFr : t("socialProjects.title")}
        meta={
          p && (
            <Group gap={6}>
              <Text c="dimmed" size="sm">
                {p.code}
              </Text>
              <Badge variant="light">{t(`socialProjects.statuses.${p.status}`)}</Badge>
              {p.lateMilestones > 0 && (
                <Badge color="red">{t("socialProjects.lateBadge", { count: p.lateMilestones })}</Badge>
              )}
              {p.archivedAt && <Badge color="gray">{t("socialProjects.archivedBadge")}</Badge>}
            </Group>
          )
        }
        back={
          <AnchorLink to="/projects" size="sm">
            {t("socialProjects.title")}
          </AnchorLink>
        }
        actions={
          p && (
            <Group gap="xs">
              <Button component="a" href={projectPdfUrl(p.id)} download variant="default">
                {t("socialProjects.pdf")}
              </Button>
              {canWrite && (
                <ButtonLink to="/projects/$id/edit" params={{ id: p.id }} variant="light">
                  {t("socialProjects.edit")}
                </ButtonLink>
              )}
            </Group>
          )
        }
      />
      <QueryState query={query}>{(project) => <ProjectBody project={project} />}</QueryState>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function ProjectBody({ project: p }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const mad = useMad();
  const regionName = useRegionName();
  const territoryName = useTerritoryName();
  const province = useQuery(provincesQueryOptions(p.regionCode)).data?.find((x) => x.code === p.provinceCode);
  const canWrite = useCan("projects.write") && !p.archivedAt;
  const canPay = useCan("disbursements.write") && !p.archivedAt;
  const writes = projectWrites(p.id);
  const reach = useProjectMutation(writes.updateMilestone);
  const removeLine = useProjectMutation(writes.deleteBudgetLine);
  const removeTranche = useProjectMutation(writes.deleteTranche);
  const fl = (k: ProjectFieldKey) => t(`socialProjects.fields.${k}`);
  const name = (x: { nameFr: string; nameAr: string | null }) =>
    (i18n.language === "ar" && x.nameAr) || x.nameFr;

  return (
    <Stack>
      <ProposalOrigin projectId={p.id} />
      <Section title={t("socialProjects.territory")}>
        <FieldList
          fields={[
            {
              label: fl("convention"),
              value: p.conventionId ? (
                <Anchor href={`/conventions/${p.conventionId}`}>
                  {p.conventionReference} — {p.conventionTitle}
                </Anchor>
              ) : (
                t("socialProjects.standalone")
              ),
              wide: true,
            },
            { label: fl("axis"), value: p.axisTitle, wide: true },
            { label: fl("region"), value: regionName(p.regionCode) },
            { label: fl("province"), value: province ? territoryName(province) : p.provinceCode },
            { label: fl("sector"), value: t(`socialProjects.sectors.${p.sector}`) },
            { label: fl("targetGroup"), value: p.targetGroup },
            { label: fl("startDate"), value: f.date(p.startDate) },
            { label: fl("endDate"), value: f.date(p.endDate) },
            { label: fl("responsibleOrg"), value: p.responsibleOrgName },
            { label: fl("description"), value: p.description, wide: true },
          ]}
        />
      </Section>

      <Section title={t("socialProjects.money")}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Stack gap={4}>
            <Text size="sm">
              {fl("financialProgress")} : <b data-testid="financial-progress">{p.financialProgress} %</b>
            </Text>
            <Progress value={p.financialProgress} aria-label={fl("financialProgress")} />
            <Text size="xs" c="dimmed">
              {mad(p.disbursedCentimes)} / {mad(p.budgetCentimes)}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text size="sm">
              {fl("physicalProgress")} : <b>{p.physicalProgress} %</b>
            </Text>
            <Progress value={p.physicalProgress} color="grape" aria-label={fl("physicalProgress")} />
          </Stack>
          <Text size="sm">
            {t("socialProjects.progressOf", { reached: p.milestonesReached, total: p.milestones.length })}
          </Text>
        </SimpleGrid>
        {p.funders.length === 0 ? (
          <Text c="dimmed">{t("socialProjects.noFunders")}</Text>
        ) : (
          <>
            <Text fw={500} size="sm">
              {t("socialProjects.chartTitle")}
            </Text>
            <BarChart
              h={Math.max(160, p.funders.length * 70)}
              orientation="vertical"
              data={p.funders.map((x) => ({
                funder: (i18n.language === "ar" && x.funderNameAr) || x.funderName,
                committed: x.committedCentimes / 100,
                disbursed: x.disbursedCentimes / 100,
              }))}
              dataKey="funder"
              yAxisProps={{ width: 170 }}
              series={[
                { name: "committed", label: fl("committed"), color: "gray.5" },
                { name: "disbursed", label: fl("disbursed"), color: "teal.6" },
              ]}
              valueFormatter={(v) => `${f.number(v)} MAD`}
              withLegend
              aria-label={t("socialProjects.chartTitle")}
            />
            <Table striped data-testid="funders-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{fl("funder")}</Table.Th>
                  <Table.Th>{fl("committed")}</Table.Th>
                  <Table.Th>{fl("disbursed")}</Table.Th>
                  <Table.Th>{fl("remaining")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.funders.map((x) => (
                  <Table.Tr key={x.funderId}>
                    <Table.Td>{(i18n.language === "ar" && x.funderNameAr) || x.funderName}</Table.Td>
                    <Table.Td>{mad(x.committedCentimes)}</Table.Td>
                    <Table.Td>{mad(x.disbursedCentimes)}</Table.Td>
                    <Table.Td>{mad(x.remainingCentimes)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Section>

      <Section title={t("socialProjects.budgetLines")}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{fl("label")}</Table.Th>
              <Table.Th>{fl("category")}</Table.Th>
              <Table.Th>{fl("funder")}</Table.Th>
              <Table.Th>{fl("amount")}</Table.Th>
              {canWrite && <Table.Th>{t("common.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.budgetLines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.label}</Table.Td>
                <Table.Td>{t(`socialProjects.categories.${l.category}`)}</Table.Td>
                <Table.Td>{l.funderName}</Table.Td>
                <Table.Td>{mad(l.amountCentimes)}</Table.Td>
                {canWrite && (
                  <Table.Td>
                    <RowActions
                      name={`${l.label} — ${l.funderName}, ${mad(l.amountCentimes)}`}
                      editTitle={t("socialProjects.editLine")}
                      deleting={removeLine.isPending}
                      onDelete={() => removeLine.mutate({ childId: l.id, version: l.version })}
                    >
                      {(close) => <BudgetLineForm project={p} line={l} onDone={close} />}
                    </RowActions>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {removeLine.error && <ProblemAlert error={removeLine.error} />}
        {canWrite && <BudgetLineForm project={p} />}
      </Section>

      <Section title={t("socialProjects.milestones")}>
        <Timeline active={-1} bulletSize={18} lineWidth={2}>
          {p.milestones.map((m) => (
            <Timeline.Item
              key={m.id}
              color={m.late ? "red" : m.actualDate ? "teal" : "gray"}
              title={
                <Text c={m.late ? "red" : undefined} fw={500} size="sm">
                  {(i18n.language === "ar" && m.titleAr) || m.titleFr}
                </Text>
              }
              data-late={m.late || undefined}
            >
              <Group gap="xs">
                <Text size="xs" c={m.late ? "red" : "dimmed"}>
                  {t("socialProjects.plannedOn", { date: f.date(m.plannedDate) })}
                </Text>
                {m.actualDate && (
                  <Text size="xs" c="teal">
                    {t("socialProjects.reached", { date: f.date(m.actualDate) })}
                  </Text>
                )}
                {m.late && (
                  <Badge color="red" size="xs">
                    {t("socialProjects.late")}
                  </Badge>
                )}
                {canWrite && !m.actualDate && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    loading={reach.isPending}
                    onClick={() =>
                      reach.mutate({
                        milestoneId: m.id,
                        version: m.version,
                        actualDate: today(),
                      })
                    }
                  >
                    {t("socialProjects.markReached")}
                  </Button>
                )}
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
        {canWrite && <MilestoneForm project={p} />}
      </Section>

      <Section title={t("socialProjects.tranches")}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{fl("funder")}</Table.Th>
              <Table.Th>{fl("tranche")}</Table.Th>
              <Table.Th>{fl("milestone")}</Table.Th>
              <Table.Th>{fl("amount")}</Table.Th>
              <Table.Th>{fl("paid")}</Table.Th>
              <Table.Th>{fl("state")}</Table.Th>
              {canWrite && <Table.Th>{t("common.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.tranches.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{x.funderName}</Table.Td>
                <Table.Td>
                  {x.position}. {x.label}
                </Table.Td>
                <Table.Td>{x.milestoneTitle}</Table.Td>
                <Table.Td>{mad(x.amountCentimes)}</Table.Td>
                <Table.Td>{mad(x.paidCentimes)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLORS[x.state]} variant="light">
                    {t(`socialProjects.trancheStates.${x.state}`)}
                  </Badge>
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <RowActions
                      name={`${x.position}. ${x.label ?? ""} — ${x.funderName}, ${mad(x.amountCentimes)}`}
                      editTitle={t("socialProjects.editTranche")}
                      deleting={removeTranche.isPending}
                      onDelete={() => removeTranche.mutate({ childId: x.id, version: x.version })}
                    >
                      {(close) => <TrancheForm project={p} tranche={x} onDone={close} />}
                    </RowActions>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {removeTranche.error && <ProblemAlert error={removeTranche.error} />}
        {canWrite && p.funders.length > 0 && <TrancheForm project={p} />}
      </Section>

      <Section title={t("socialProjects.disbursements")}>
        {canPay && p.funders.length > 0 && <DisbursementForm project={p} />}
        <Table striped data-testid="disbursements-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{fl("paidOn")}</Table.Th>
              <Table.Th>{fl("funder")}</Table.Th>
              <Table.Th>{fl("reference")}</Table.Th>
              <Table.Th>{fl("amount")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.disbursements.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{f.date(d.paidOn)}</Table.Td>
                <Table.Td>{d.funderName}</Table.Td>
                <Table.Td>{d.reference}</Table.Td>
                <Table.Td>{mad(d.amountCentimes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={t("socialProjects.links")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {fl("establishments")}
            </Text>
            {p.establishments.length === 0 && <Text size="sm">{t("socialProjects.none")}</Text>}
            {p.establishments.map((e) => (
              <AnchorLink key={e.id} to="/establishments/$id" params={{ id: e.id }} size="sm">
                {name(e)}
              </AnchorLink>
            ))}
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {fl("programs")}
            </Text>
            {p.programs.length === 0 && <Text size="sm">{t("socialProjects.none")}</Text>}
            {p.programs.map((x) => (
              <AnchorLink key={x.id} to="/programs/$id" params={{ id: x.id }} size="sm">
                {name(x)}
              </AnchorLink>
            ))}
          </Stack>
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
