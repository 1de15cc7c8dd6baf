import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { EstablishmentForm, toInput } from "./establishment-form.tsx";
import { useCreateEstablishment } from "./establishments.api.ts";

export function EstablishmentCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateEstablishment();
  return (
    <>
      <PageHeader
        title={t("establishments.createTitle")}
        back={
          <AnchorLink to="/establishments" size="sm">
            {t("establishments.backToList")}
          </AnchorLink>
        }
      />
      <EstablishmentForm
        submitLabel={t("common.create")}
        onCancel={() => navigate({ to: "/establishments" })}
        onSubmit={async (values) => {
          const created = await create.mutateAsync(toInput(values));
          notifications.show({ color: "teal", message: t("establishments.created") });
          await navigate({ to: "/establishments/$id", params: { id: created.id } });
        }}
      />
    </>
  );
}
