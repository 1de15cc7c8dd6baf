import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { OrganizationForm, toInput } from "./organization-form.tsx";
import { useCreateOrganization } from "./organizations.api.ts";

export function OrganizationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganization();

  return (
    <>
      <PageHeader
        title={t("organizations.createTitle")}
        back={
          <AnchorLink to="/organizations" size="sm">
            {t("organizations.backToList")}
          </AnchorLink>
        }
      />
      <OrganizationForm
        submitLabel={t("common.create")}
        onCancel={() => navigate({ to: "/organizations" })}
        onSubmit={async (values) => {
          const organization = await create.mutateAsync(toInput(values));
          notifications.show({ color: "teal", message: t("organizations.created") });
          await navigate({ to: "/organizations/$id", params: { id: organization.id } });
        }}
      />
    </>
  );
}
