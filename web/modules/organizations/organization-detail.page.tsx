import { Anchor, Group, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Organization } from "../../../contracts/organizations.ts";
import { ConfirmButton } from "../../shared/confirm-button.tsx";
import { FieldList } from "../../shared/field-list.tsx";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { provincesQueryOptions, useRegionName, useTerritoryName } from "../territories/territories.api.ts";
import { useOrganizationName } from "./organization-name.ts";
import { OrganizationStatus } from "./organization-status.tsx";
import { organizationQueryOptions, useSetArchived } from "./organizations.api.ts";

const route = getRouteApi("/_app/organizations/$id");

export function OrganizationDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(organizationQueryOptions(id));
  const name = useOrganizationName();

  return (
    <>
      <PageHeader
        title={query.data ? name(query.data) : t("organizations.detailTitle")}
        meta={query.data && <OrganizationStatus archivedAt={query.data.archivedAt} />}
        back={
          <AnchorLink to="/organizations" size="sm">
            {t("organizations.backToList")}
          </AnchorLink>
        }
        actions={
          query.data && <OrganizationActions organization={query.data} onReload={() => query.refetch()} />
        }
      />
      <QueryState query={query}>
        {(organization) => <OrganizationFields organization={organization} />}
      </QueryState>
    </>
  );
}

function OrganizationActions({
  organization,
  onReload,
}: {
  organization: Organization;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan("organizations.write");
  const canAudit = useCan("audit.read");
  const setArchived = useSetArchived(organization.id);
  const archived = organization.archivedAt !== null;

  const toggleArchived = () =>
    setArchived.mutate(
      { archived: !archived, version: organization.version },
      {
        onSuccess: () =>
          notifications.show({
            color: "teal",
            message: t(archived ? "organizations.restoredDone" : "organizations.archivedDone"),
          }),
      },
    );

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {canAudit && (
          <ButtonLink
            variant="default"
            to="/audit"
            search={{ entityType: "organization", entityId: organization.id }}
          >
            {t("organizations.auditLink")}
          </ButtonLink>
        )}
        {canWrite && !archived && (
          <ButtonLink to="/organizations/$id/edit" params={{ id: organization.id }}>
            {t("common.edit")}
          </ButtonLink>
        )}
        {canWrite && (
          <ConfirmButton
            variant="light"
            color={archived ? "teal" : "red"}
            loading={setArchived.isPending}
            title={t(archived ? "organizations.restoreConfirm.title" : "organizations.archiveConfirm.title")}
            message={t(
              archived ? "organizations.restoreConfirm.message" : "organizations.archiveConfirm.message",
            )}
            confirmLabel={t(archived ? "organizations.restore" : "organizations.archive")}
            onConfirm={toggleArchived}
          >
            {t(archived ? "organizations.restore" : "organizations.archive")}
          </ConfirmButton>
        )}
      </Group>
      {setArchived.error && (
        <ProblemAlert
          error={setArchived.error}
          onReload={() => {
            setArchived.reset();
            onReload();
          }}
        />
      )}
    </Stack>
  );
}

function OrganizationFields({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const format = useFormat();
  const regionName = useRegionName();
  const territoryName = useTerritoryName();
  const provinces = useQuery({
    ...provincesQueryOptions(organization.regionCode),
    enabled: organization.provinceCode !== null,
  });
  const province = provinces.data?.find((candidate) => candidate.code === organization.provinceCode);

  return (
    <Stack>
      <Paper withBorder p="md">
        <FieldList
          fields={[
            { label: t("organizations.fields.type"), value: t(`orgTypes.${organization.type}`) },
            { label: t("organizations.fields.acronym"), value: organization.acronym },
            { label: t("organizations.fields.nameFr"), value: <span lang="fr">{organization.nameFr}</span> },
            {
              label: t("organizations.fields.nameAr"),
              value: organization.nameAr && (
                <span lang="ar" dir="rtl">
                  {organization.nameAr}
                </span>
              ),
            },
            { label: t("organizations.fields.regionCode"), value: regionName(organization.regionCode) },
            {
              label: t("organizations.fields.provinceCode"),
              value: province ? territoryName(province) : organization.provinceCode,
            },
            {
              label: t("organizations.fields.parentId"),
              value: organization.parentId && (
                <AnchorLink to="/organizations/$id" params={{ id: organization.parentId }}>
                  {organization.parentName ?? organization.parentId}
                </AnchorLink>
              ),
              wide: true,
            },
          ]}
        />
      </Paper>
      <Paper withBorder p="md">
        <FieldList
          fields={[
            {
              label: t("organizations.fields.email"),
              value: organization.email && (
                <Anchor href={`mailto:${organization.email}`} className="jisr-ltr">
                  {organization.email}
                </Anchor>
              ),
            },
            {
              label: t("organizations.fields.phone"),
              value: organization.phone && (
                <Anchor href={`tel:${organization.phone.replace(/[^+0-9]/g, "")}`} className="jisr-ltr">
                  {organization.phone}
                </Anchor>
              ),
            },
            {
              label: t("organizations.fields.website"),
              value: organization.website && <WebsiteLink url={organization.website} />,
            },
            { label: t("organizations.fields.address"), value: organization.address, wide: true },
          ]}
        />
      </Paper>
      <Text size="xs" c="dimmed">
        {t("organizations.timestamps", {
          created: format.dateTime(organization.createdAt),
          updated: format.dateTime(organization.updatedAt),
        })}
        {organization.archivedAt &&
          ` · ${t("organizations.archivedOn", { date: format.dateTime(organization.archivedAt) })}`}
      </Text>
    </Stack>
  );
}

/** Only web addresses become links; anything else (e.g. a `javascript:` URL) stays text. */
function WebsiteLink({ url }: { url: string }) {
  if (!/^https?:\/\//i.test(url)) return <span className="jisr-ltr">{url}</span>;
  return (
    <Anchor href={url} target="_blank" rel="noopener noreferrer" className="jisr-ltr">
      {url}
    </Anchor>
  );
}
