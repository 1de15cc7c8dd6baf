import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  BudgetLineBody,
  CreateProjectBody,
  DisbursementBody,
  MilestoneBody,
  Project,
  ProjectSummary,
  TrancheBody,
  UpdateBudgetLineBody,
  UpdateMilestoneBody,
  UpdateProjectBody,
  UpdateTrancheBody,
} from "../../../contracts/projects.ts";
import { cursorQueryOptions, type Page } from "../../shared/cursor-query.ts";
import { buildUrl, http } from "../../shared/http.ts";
import type { ProjectSearch } from "./projects.search.ts";

export type ProjectInput = z.input<typeof CreateProjectBody>;
export type ProjectChanges = z.input<typeof UpdateProjectBody>;

const keys = {
  all: ["social-projects"] as const,
  list: (search: ProjectSearch) => ["social-projects", "list", search] as const,
  detail: (id: string) => ["social-projects", "detail", id] as const,
};

const filterParams = (search: ProjectSearch) => ({
  q: search.q,
  region: search.region,
  province: search.province,
  status: search.status,
  sector: search.sector,
  convention: search.convention,
  funder: search.funder,
  late: search.late ? "true" : undefined,
  includeArchived: search.archived ? "true" : undefined,
});

export const projectListQueryOptions = (search: ProjectSearch) => ({
  ...cursorQueryOptions(keys.list(search), (cursor, signal) =>
    http.get<Page<ProjectSummary>>("/projects", { ...filterParams(search), limit: 50, cursor }, signal),
  ),
  placeholderData: keepPreviousData,
});

export const projectExportUrl = (search: ProjectSearch, format: "csv" | "xlsx") =>
  buildUrl("/projects/export", { ...filterParams(search), format });

export const projectPdfUrl = (id: string) => buildUrl(`/projects/${id}/pdf`);

export const projectQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => http.get<Project>(`/projects/${id}`, undefined, signal),
  });

/** After any write the server answers the whole project: keep it, and fetch lists again. */
function useStore() {
  const queryClient = useQueryClient();
  return (project: Project) => {
    queryClient.setQueryData(keys.detail(project.id), project);
    void queryClient.invalidateQueries({
      queryKey: keys.all,
      predicate: (query) => query.queryKey[1] !== "detail",
    });
  };
}

export function useCreateProject() {
  const store = useStore();
  return useMutation({
    mutationFn: (body: ProjectInput) => http.post<Project>("/projects", body),
    onSuccess: store,
  });
}

export function useUpdateProject(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: ProjectChanges) => http.patch<Project>(`/projects/${id}`, body),
    onSuccess: store,
  });
}

export function useSetProjectArchived(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: ({ archived, version }: { archived: boolean; version: number }) =>
      http.post<Project>(`/projects/${id}/${archived ? "archive" : "restore"}`, { version }),
    onSuccess: store,
  });
}

/** A write on a project's money or schedule; the server answers the whole project. */
export function useProjectMutation<T>(request: (body: T) => Promise<Project>) {
  const store = useStore();
  return useMutation({ mutationFn: request, onSuccess: store });
}

export const projectWrites = (id: string) => ({
  addDisbursement: (body: z.input<typeof DisbursementBody>) =>
    http.post<Project>(`/projects/${id}/disbursements`, body),
  addBudgetLine: (body: z.input<typeof BudgetLineBody>) =>
    http.post<Project>(`/projects/${id}/budget-lines`, body),
  addMilestone: (body: z.input<typeof MilestoneBody>) =>
    http.post<Project>(`/projects/${id}/milestones`, body),
  updateMilestone: ({
    milestoneId,
    ...body
  }: z.input<typeof UpdateMilestoneBody> & { milestoneId: string }) =>
    http.patch<Project>(`/projects/${id}/milestones/${milestoneId}`, body),
  addTranche: (body: z.input<typeof TrancheBody>) => http.post<Project>(`/projects/${id}/tranches`, body),
  updateBudgetLine: ({ childId, ...body }: z.input<typeof UpdateBudgetLineBody> & ChildRef) =>
    http.patch<Project>(`/projects/${id}/budget-lines/${childId}`, body),
  deleteBudgetLine: ({ childId, version }: ChildRef & { version: number }) =>
    http.delete<Project>(`/projects/${id}/budget-lines/${childId}?version=${version}`),
  updateTranche: ({ childId, ...body }: z.input<typeof UpdateTrancheBody> & ChildRef) =>
    http.patch<Project>(`/projects/${id}/tranches/${childId}`, body),
  deleteTranche: ({ childId, version }: ChildRef & { version: number }) =>
    http.delete<Project>(`/projects/${id}/tranches/${childId}?version=${version}`),
});

/** Which budget line or tranche of the project a change is about. */
type ChildRef = { childId: string };
