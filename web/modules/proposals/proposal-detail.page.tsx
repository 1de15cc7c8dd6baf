import { Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ProposalDetail } from "../../../contracts/proposals.ts";
import { FieldList } from "../../shared/field-list.tsx";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useMoney } from "../programs/program-labels.tsx";
import { provincesQueryOptions, useRegionName, useTerritoryName } from "../territories/territories.api.ts";
import { ProposalAttachments } from "./proposal-attachments.tsx";
import { ProposalComments, ProposalSupports } from "./proposal-discussion.tsx";
import { ProposalStatusBadge, useOrganizationLabel } from "./proposal-labels.tsx";
import { ProposalWorkflow } from "./proposal-workflow.tsx";
import { proposalQueryOptions } from "./proposals.api.ts";

const route = getRouteApi("/_app/proposals/$id");

export function ProposalDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(proposalQueryOptions(id));
  const canAudit = useCan("audit.read");

  return (
    <>
      <PageHeader
        title={query.data?.title ?? t("proposals.detailTitle")}
        meta={query.data && <ProposalStatusBadge status={query.data.status} />}
        back={
          <AnchorLink to="/proposals" size="sm">
            {t("proposals.backToList")}
          </AnchorLink>
        }
        actions={
          canAudit && (
            <ButtonLink variant="default" to="/audit" search={{ entityType: "proposal", entityId: id }}>
              {t("organizations.auditLink")}
            </ButtonLink>
          )
        }
      />
      <QueryState query={query}>
        {(proposal) => (
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack>
                <ProposalFields proposal={proposal} />
                <ProposalWorkflow proposal={proposal} onReload={() => query.refetch()} />
                <ProposalComments proposal={proposal} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack>
                <ProposalProject proposal={proposal} />
                <ProposalSupports proposal={proposal} />
                <ProposalAttachments proposal={proposal} />
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </QueryState>
    </>
  );
}

function ProposalFields({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const regionName = useRegionName();
  const territoryName = useTerritoryName();
  const organizationLabel = useOrganizationLabel();
  const provinces = useQuery({
    ...provincesQueryOptions(proposal.regionCode),
    enabled: proposal.provinceCode !== null,
  });
  const province = provinces.data?.find((p) => p.code === proposal.provinceCode);
  return (
    <Paper withBorder p="md">
      <Stack>
        <FieldList
          fields={[
            {
              label: t("proposals.fields.organization"),
              value: (
                <AnchorLink to="/organizations/$id" params={{ id: proposal.organizationId }}>
                  {organizationLabel(proposal)}
                </AnchorLink>
              ),
            },
            { label: t("proposals.fields.theme"), value: t(`proposals.themes.${proposal.theme}`) },
            { label: t("proposals.fields.region"), value: regionName(proposal.regionCode) },
            {
              label: t("proposals.fields.province"),
              value: province ? territoryName(province) : proposal.provinceCode,
            },
            {
              label: t("proposals.fields.estimatedCost"),
              value: <span className="jisr-ltr">{money(proposal.estimatedCostCentimes)}</span>,
            },
            { label: t("proposals.fields.targetGroup"), value: proposal.targetGroup },
            {
              label: t("proposals.fields.description"),
              value: <span style={{ whiteSpace: "pre-wrap" }}>{proposal.description}</span>,
              wide: true,
            },
            { label: t("proposals.fields.decisionNote"), value: proposal.decisionNote, wide: true },
            { label: t("proposals.fields.submittedBy"), value: proposal.submittedByName },
            {
              label: t("proposals.fields.decidedAt"),
              value: proposal.decidedAt && format.dateTime(proposal.decidedAt),
            },
          ]}
        />
        <Text size="xs" c="dimmed">
          {t("proposals.timestamps", {
            created: format.dateTime(proposal.createdAt),
            updated: format.dateTime(proposal.updatedAt),
          })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The project the proposal became: a link to the project's page (partnerships module). */
function ProposalProject({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("proposals.project.title")}
        </Title>
        {proposal.projectId ? (
          <Group>
            <AnchorLink to="/projects/$id" params={{ id: proposal.projectId }} fw={500}>
              {t("proposals.project.open")}
            </AnchorLink>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t("proposals.project.none")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
