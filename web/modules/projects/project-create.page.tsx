import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { ProjectForm, toInput } from "./project-form.tsx";
import { useCreateProject } from "./projects.api.ts";

export function ProjectCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProject();
  return (
    <>
      <PageHeader
        title={t("socialProjects.new")}
        back={
          <AnchorLink to="/projects" size="sm">
            {t("socialProjects.title")}
          </AnchorLink>
        }
      />
      <ProjectForm
        submitLabel={t("common.create")}
        onCancel={() => navigate({ to: "/projects" })}
        onSubmit={async (values) => {
          const project = await create.mutateAsync(toInput(values));
          notifications.show({ color: "teal", message: t("socialProjects.saved") });
          await navigate({ to: "/projects/$id", params: { id: project.id } });
        }}
      />
    </>
  );
}
