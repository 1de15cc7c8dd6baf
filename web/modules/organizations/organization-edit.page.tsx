import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { changedFields, OrganizationForm } from "./organization-form.tsx";
import { useOrganizationName } from "./organization-name.ts";
import { organizationQueryOptions, useUpdateOrganization } from "./organizations.api.ts";

const route = getRouteApi("/_app/organizations/$id/edit");

export function OrganizationEditPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const navigate = route.useNavigate();
  const query = useQuery(organizationQueryOptions(id));
  const update = useUpdateOrganization(id);
  const name = useOrganizationName();
  const toDetail = () => navigate({ to: "/organizations/$id", params: { id } });

  return (
    <>
      <PageHeader
        title={
          query.data
            ? t("organizations.editTitle", { name: name(query.data) })
            : t("organizations.editTitleShort")
        }
        back={
          <AnchorLink to="/organizations/$id" params={{ id }} size="sm">
            {t("organizations.backToDetail")}
          </AnchorLink>
        }
      />
      <QueryState query={query}>
        {(organization) => (
          <OrganizationForm
            // A reloaded record (after a version conflict) starts a fresh form.
            key={organization.version}
            organization={organization}
            submitLabel={t("common.save")}
            onCancel={toDetail}
            onReload={() => query.refetch()}
            onSubmit={async (values) => {
              const changes = changedFields(values, organization);
              if (Object.keys(changes).length > 0) {
                await update.mutateAsync({ version: organization.version, ...changes });
                notifications.show({ color: "teal", message: t("organizations.saved") });
              }
              await toDetail();
            }}
          />
        )}
      </QueryState>
    </>
  );
}
