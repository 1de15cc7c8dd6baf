import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { ConventionForm, changedFields } from "./convention-form.tsx";
import { useConventionTitle } from "./convention-labels.tsx";
import { conventionQueryOptions, useUpdateConvention } from "./conventions.api.ts";

const route = getRouteApi("/_app/conventions/$id/edit");

export function ConventionEditPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const navigate = route.useNavigate();
  const query = useQuery(conventionQueryOptions(id));
  const update = useUpdateConvention(id);
  const title = useConventionTitle();
  const toDetail = () => navigate({ to: "/conventions/$id", params: { id } });
  return (
    <>
      <PageHeader
        title={query.data ? title(query.data) : t("conventions.ui.edit")}
        back={
          <AnchorLink to="/conventions/$id" params={{ id }} size="sm">
            {t("conventions.ui.back")}
          </AnchorLink>
        }
      />
      <QueryState query={query}>
        {(convention) => (
          <ConventionForm
            key={convention.version}
            convention={convention}
            submitLabel={t("conventions.ui.save")}
            onCancel={toDetail}
            onReload={() => query.refetch()}
            onSubmit={async (values) => {
              const changes = changedFields(values, convention);
              if (Object.keys(changes).length > 0) {
                await update.mutateAsync({ version: convention.version, ...changes });
                notifications.show({ color: "teal", message: t("conventions.ui.saved") });
              }
              await toDetail();
            }}
          />
        )}
      </QueryState>
    </>
  );
}
