import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { changedFields, ProjectForm } from "./project-form.tsx";
import { projectQueryOptions, useUpdateProject } from "./projects.api.ts";

const route = getRouteApi("/_app/projects/$id/edit");

export function ProjectEditPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const navigate = route.useNavigate();
  const query = useQuery(projectQueryOptions(id));
  const update = useUpdateProject(id);
  const toDetail = () => navigate({ to: "/projects/$id", params: { id } });
  return (
    <>
      <PageHeader
        title={t("socialProjects.edit")}
        back={
          <AnchorLink to="/projects/$id" params={{ id }} size="sm">
            {query.data?.code ?? t("socialProjects.title")}
          </AnchorLink>
        }
      />
      <QueryState query={query}>
        {(project) => (
          <ProjectForm
            key={project.version}
            project={project}
            submitLabel={t("common.save")}
            onCancel={toDetail}
            onReload={() => query.refetch()}
            onSubmit={async (values) => {
              const changes = changedFields(values, project);
              if (Object.keys(changes).length > 0) {
                await update.mutateAsync({ version: project.version, ...changes });
                notifications.show({ color: "teal", message: t("socialProjects.saved") });
              }
              await toDetail();
            }}
          />
        )}
      </QueryState>
    </>
  );
}
