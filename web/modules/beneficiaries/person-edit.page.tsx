import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { personName, personQueryOptions, useUpdatePerson } from "./beneficiaries.api.ts";
import { changedFields, PersonForm } from "./person-form.tsx";

const route = getRouteApi("/_app/persons/$id/edit");

export function PersonEditPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const navigate = route.useNavigate();
  const query = useQuery(personQueryOptions(id));
  const update = useUpdatePerson(id);
  const toDetail = () => navigate({ to: "/persons/$id", params: { id } });

  return (
    <>
      <PageHeader
        title={
          query.data
            ? t("beneficiaries.editTitle", { name: personName(query.data) })
            : t("beneficiaries.detailTitle")
        }
        back={
          <AnchorLink to="/persons/$id" params={{ id }} size="sm">
            {t("beneficiaries.backToPerson")}
          </AnchorLink>
        }
      />
      <QueryState query={query}>
        {(person) => (
          <PersonForm
            key={person.version}
            person={person}
            submitLabel={t("common.save")}
            onCancel={toDetail}
            onReload={() => query.refetch()}
            onSubmit={async (values) => {
              const changes = changedFields(values, person);
              if (Object.keys(changes).length > 0) {
                await update.mutateAsync({ version: person.version, ...changes });
                notifications.show({ color: "teal", message: t("beneficiaries.saved") });
              }
              await toDetail();
            }}
          />
        )}
      </QueryState>
    </>
  );
}
