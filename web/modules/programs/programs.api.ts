import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Application,
  ApplicationSummary,
  CreateServiceBody,
  TransitionBody,
} from "../../../contracts/applications.ts";
import type { EligibilityResult } from "../../../contracts/eligibility.ts";
import type {
  CreateProgramBody,
  Program,
  ProgramStatus,
  ProgramSummary,
  SetStagesBody,
  UpdateProgramBody,
} from "../../../contracts/programs.ts";
import { cursorQueryOptions, type Page } from "../../shared/cursor-query.ts";
import { buildUrl, http } from "../../shared/http.ts";
import type { ApplicationSearch, ProgramListSearch } from "./programs.search.ts";

export type { ApplicationSearch, ProgramListSearch };

export type ProgramInput = z.input<typeof CreateProgramBody>;
export type ProgramChanges = z.input<typeof UpdateProgramBody>;
export type QueueItem = ApplicationSummary & { waitingSeconds: number };

const keys = {
  programs: ["programs"] as const,
  programList: (search: ProgramListSearch) => ["programs", "list", search] as const,
  active: ["programs", "active"] as const,
  program: (id: string) => ["programs", "detail", id] as const,
  queue: (id: string, stage?: string) => ["programs", "queue", id, stage ?? null] as const,
  applications: ["applications"] as const,
  applicationList: (search: ApplicationSearch) => ["applications", "list", search] as const,
  application: (id: string) => ["applications", "detail", id] as const,
};

export const programListQueryOptions = (search: ProgramListSearch) => ({
  ...cursorQueryOptions(keys.programList(search), (cursor, signal) =>
    http.get<Page<ProgramSummary>>(
      "/programs",
      { q: search.q, status: search.status, limit: 50, cursor },
      signal,
    ),
  ),
  placeholderData: keepPreviousData,
});

/** Active programmes, for the "file an application" picker. */
export const activeProgramsQueryOptions = queryOptions({
  queryKey: keys.active,
  queryFn: ({ signal }) =>
    http.get<Page<ProgramSummary>>("/programs", { status: "active", limit: 200 }, signal),
  select: (page) => page.items,
});

export const programQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.program(id),
    queryFn: ({ signal }) => http.get<Program>(`/programs/${id}`, undefined, signal),
  });

export const queueQueryOptions = (id: string, stage?: string) => ({
  ...cursorQueryOptions(keys.queue(id, stage), (cursor, signal) =>
    http.get<Page<QueueItem>>(`/programs/${id}/queue`, { stage, limit: 50, cursor }, signal),
  ),
  placeholderData: keepPreviousData,
});

export const applicationListQueryOptions = (search: ApplicationSearch) => ({
  ...cursorQueryOptions(keys.applicationList(search), (cursor, signal) =>
    http.get<Page<ApplicationSummary>>("/applications", { ...search, limit: 50, cursor }, signal),
  ),
  placeholderData: keepPreviousData,
});

export const applicationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.application(id),
    queryFn: ({ signal }) => http.get<Application>(`/applications/${id}`, undefined, signal),
  });

/** The export is a plain download link: the browser sends the session cookie with it. */
export const applicationExportUrl = (search: ApplicationSearch, format: "csv" | "xlsx") =>
  buildUrl("/applications/export", { programId: search.programId, status: search.status, format });

function useStoreProgram() {
  const queryClient = useQueryClient();
  return (program: Program) => {
    queryClient.setQueryData(keys.program(program.id), program);
    void queryClient.invalidateQueries({
      queryKey: keys.programs,
      predicate: (query) => query.queryKey[1] !== "detail",
    });
  };
}

export function useCreateProgram() {
  const store = useStoreProgram();
  return useMutation({
    mutationFn: (body: ProgramInput) => http.post<Program>("/programs", body),
    onSuccess: store,
  });
}

export function useUpdateProgram(id: string) {
  const store = useStoreProgram();
  return useMutation({
    mutationFn: (body: ProgramChanges) => http.patch<Program>(`/programs/${id}`, body),
    onSuccess: store,
  });
}

export function useSetStages(id: string) {
  const store = useStoreProgram();
  return useMutation({
    mutationFn: (body: SetStagesBody) => http.put<Program>(`/programs/${id}/stages`, body),
    onSuccess: store,
  });
}

export function useSetProgramStatus(id: string) {
  const store = useStoreProgram();
  return useMutation({
    mutationFn: (body: { version: number; status: ProgramStatus }) =>
      http.post<Program>(`/programs/${id}/status`, body),
    onSuccess: store,
  });
}

export function usePersonEligibility(programId: string | null) {
  return useMutation({
    mutationFn: (personId: string) =>
      http.post<EligibilityResult>(`/programs/${programId}/eligibility`, { personId }),
  });
}

function useStoreApplication() {
  const queryClient = useQueryClient();
  return (application: Application) => {
    queryClient.setQueryData(keys.application(application.id), application);
    void queryClient.invalidateQueries({
      queryKey: keys.applications,
      predicate: (query) => query.queryKey[1] !== "detail",
    });
    void queryClient.invalidateQueries({ queryKey: keys.programs });
  };
}

export function useCreateApplication() {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: (body: { programId: string; personId: string; notes?: string | null }) =>
      http.post<Application>("/applications", body),
    onSuccess: store,
  });
}

export function useTransition(id: string) {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: (body: TransitionBody) => http.post<Application>(`/applications/${id}/transitions`, body),
    onSuccess: store,
  });
}

export function useAddService(id: string) {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateServiceBody>) =>
      http.post<Application>(`/applications/${id}/services`, body),
    onSuccess: store,
  });
}
