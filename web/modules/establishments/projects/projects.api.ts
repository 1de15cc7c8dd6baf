import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CreateItemBody,
  CreateProjectBody,
  DiagnosticBody,
  EstablishmentProject,
  MeetingBody,
  PhaseBody,
  ProjectDomain,
  UpdateItemBody,
} from "../../../../contracts/establishment-projects.ts";
import { http, ProblemError } from "../../../shared/http.ts";

const key = (est: string) => ["establishment-project", est] as const;

/** The project, or null when the establishment has none yet. */
export const projectQueryOptions = (est: string) =>
  queryOptions({
    queryKey: key(est),
    queryFn: ({ signal }) =>
      http.get<EstablishmentProject>(`/establishments/${est}/project`, undefined, signal).catch((e) => {
        if (e instanceof ProblemError && e.code === "projects.not_found") return null;
        throw e;
      }),
  });

/** Every write answers the whole project: it replaces the cached one. */
function useProjectWrite<T>(est: string, send: (body: T) => Promise<EstablishmentProject>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (project) => queryClient.setQueryData(key(est), project),
  });
}

export const useCreateProject = (est: string) =>
  useProjectWrite(est, (body: z.input<typeof CreateProjectBody>) =>
    http.post<EstablishmentProject>(`/establishments/${est}/project`, body),
  );
export const useMovePhase = (est: string) =>
  useProjectWrite(est, (body: PhaseBody) =>
    http.post<EstablishmentProject>(`/establishments/${est}/project/phase`, body),
  );
export const useSetDiagnostic = (est: string) =>
  useProjectWrite(est, ({ domain, ...body }: z.input<typeof DiagnosticBody> & { domain: ProjectDomain }) =>
    http.put<EstablishmentProject>(`/establishments/${est}/project/diagnostic/${domain}`, body),
  );
export const useAddItem = (est: string) =>
  useProjectWrite(est, (body: z.input<typeof CreateItemBody>) =>
    http.post<EstablishmentProject>(`/establishments/${est}/project/items`, body),
  );
export const useUpdateItem = (est: string) =>
  useProjectWrite(est, ({ id, ...body }: z.input<typeof UpdateItemBody> & { id: string }) =>
    http.patch<EstablishmentProject>(`/establishments/${est}/project/items/${id}`, body),
  );
export const useAddMeeting = (est: string) =>
  useProjectWrite(est, (body: z.input<typeof MeetingBody>) =>
    http.post<EstablishmentProject>(`/establishments/${est}/project/meetings`, body),
  );
