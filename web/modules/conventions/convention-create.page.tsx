import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { ConventionForm, toInput } from "./convention-form.tsx";
import { useCreateConvention } from "./conventions.api.ts";

export function ConventionCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateConvention();
  return (
    <>
      <PageHeader
        title={t("conventions.ui.new")}
        back={
          <AnchorLink to="/conventions" size="sm">
            {t("conventions.ui.back")}
          </AnchorLink>
        }
      />
      <ConventionForm
        submitLabel={t("conventions.ui.create")}
        onCancel={() => navigate({ to: "/conventions" })}
        onSubmit={async (values) => {
          const convention = await create.mutateAsync(toInput(values));
          notifications.show({ color: "teal", message: t("conventions.ui.created") });
          await navigate({ to: "/conventions/$id", params: { id: convention.id } });
        }}
      />
    </>
  );
}
