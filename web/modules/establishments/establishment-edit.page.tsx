import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { EstablishmentForm, toInput } from "./establishment-form.tsx";
import { establishmentQueryOptions, useUpdateEstablishment } from "./establishments.api.ts";

const route = getRouteApi("/_app/establishments/$id/edit");

export function EstablishmentEditPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const navigate = useNavigate();
  const query = useQuery(establishmentQueryOptions(id));
  const update = useUpdateEstablishment(id);
  return (
    <>
      <PageHeader title={t("establishments.editTitle", { name: query.data?.nameFr ?? "" })} />
      <QueryState query={query}>
        {(establishment) => (
          <EstablishmentForm
            establishment={establishment}
            submitLabel={t("common.save")}
            onCancel={() => navigate({ to: "/establishments/$id", params: { id } })}
            onSubmit={async (values) => {
              await update.mutateAsync({ ...toInput(values), version: establishment.version });
              notifications.show({ color: "teal", message: t("establishments.saved") });
              await navigate({ to: "/establishments/$id", params: { id } });
            }}
          />
        )}
      </QueryState>
    </>
  );
}
