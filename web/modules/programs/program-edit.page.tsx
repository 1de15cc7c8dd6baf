import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { ProgramForm, toInput } from "./program-form.tsx";
import { programQueryOptions, useUpdateProgram } from "./programs.api.ts";

const route = getRouteApi("/_app/programs/$id/edit");

/** Edits a programme's fields and rules (the workflow has its own editor on the programme page). */
export function ProgramEditPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const navigate = useNavigate();
  const query = useQuery(programQueryOptions(id));
  const update = useUpdateProgram(id);
  return (
    <>
      <PageHeader
        title={t("programs.editTitle")}
        back={
          <AnchorLink to="/programs/$id" params={{ id }} size="sm">
            {t("programs.backToDetail")}
          </AnchorLink>
        }
      />
      <QueryState query={query}>
        {(program) => (
          <ProgramForm
            key={program.version}
            program={program}
            withStages={false}
            submitLabel={t("common.save")}
            onReload={() => query.refetch()}
            onCancel={() => navigate({ to: "/programs/$id", params: { id } })}
            onSubmit={async (values) => {
              const { stages: _, code, ...input } = toInput(values);
              await update.mutateAsync({
                version: program.version,
                ...input,
                ...(program.status === "draft" ? { code } : {}),
              });
              notifications.show({ color: "teal", message: t("programs.saved") });
              await navigate({ to: "/programs/$id", params: { id } });
            }}
          />
        )}
      </QueryState>
    </>
  );
}
