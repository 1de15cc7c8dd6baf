import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { ProgramForm, toInput } from "./program-form.tsx";
import { useCreateProgram } from "./programs.api.ts";

export function ProgramCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProgram();
  return (
    <>
      <PageHeader
        title={t("programs.createTitle")}
        back={
          <AnchorLink to="/programs" size="sm">
            {t("programs.backToList")}
          </AnchorLink>
        }
      />
      <ProgramForm
        withStages
        submitLabel={t("common.create")}
        onCancel={() => navigate({ to: "/programs" })}
        onSubmit={async (values) => {
          const program = await create.mutateAsync(toInput(values));
          notifications.show({ color: "teal", message: t("programs.created") });
          await navigate({ to: "/programs/$id", params: { id: program.id } });
        }}
      />
    </>
  );
}
