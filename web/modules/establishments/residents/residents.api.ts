import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AdmissionCandidate,
  AdmissionRequestBody,
  AdmitBody,
  AttendanceBody,
  AttendanceDay,
  DecisionBody,
  DischargeBody,
  Occupancy,
  Resident,
  ResidentFile,
  ResidentService,
  ResidentServiceBody,
} from "../../../../contracts/residents.ts";
import { cursorQueryOptions, type Page } from "../../../shared/cursor-query.ts";
import { http, NetworkError } from "../../../shared/http.ts";

const keys = {
  all: (est: string) => ["residents", est] as const,
  list: (est: string) => ["residents", est, "list"] as const,
  file: (est: string, id: string) => ["residents", est, "file", id] as const,
  attendance: (est: string, date: string) => ["residents", est, "attendance", date] as const,
  occupancy: (est: string, from: string, to: string, granularity: string) =>
    ["residents", est, "occupancy", from, to, granularity] as const,
};

export type StayView = "requests" | "current" | "history";
export const STAY_PAGE_SIZE = 50;

/** One of the tab's three lists, by pages of 50 ("load more"). */
export const residentsQueryOptions = (est: string, view: StayView) =>
  cursorQueryOptions([...keys.list(est), view], (cursor, signal) =>
    http.get<Page<Resident>>(
      `/establishments/${est}/residents`,
      { view, limit: STAY_PAGE_SIZE, cursor },
      signal,
    ),
  );

export type CandidateCriteria = { cin: string } | { name: string; birthDate: string };

/** The admission-candidate search (exact CIN, or name + birth date), run on demand. */
export const admissionCandidatesQueryOptions = (est: string, criteria: CandidateCriteria | null) =>
  queryOptions({
    queryKey: [...keys.all(est), "candidates", criteria] as const,
    queryFn: ({ signal }) =>
      http.get<{ items: AdmissionCandidate[] }>(
        `/establishments/${est}/admission-candidates`,
        criteria ?? {},
        signal,
      ),
    select: (r) => r.items,
    enabled: criteria !== null,
    staleTime: 0,
    gcTime: 0,
  });

export const residentFileQueryOptions = (est: string, id: string) =>
  queryOptions({
    queryKey: keys.file(est, id),
    queryFn: ({ signal }) =>
      http.get<ResidentFile>(`/establishments/${est}/residents/${id}`, undefined, signal),
  });

export const attendanceQueryOptions = (est: string, date: string) =>
  queryOptions({
    queryKey: keys.attendance(est, date),
    queryFn: ({ signal }) => http.get<AttendanceDay>(`/establishments/${est}/attendance`, { date }, signal),
  });

export const occupancyQueryOptions = (est: string, from: string, to: string, granularity: "day" | "month") =>
  queryOptions({
    queryKey: keys.occupancy(est, from, to, granularity),
    queryFn: ({ signal }) =>
      http.get<Occupancy>(`/establishments/${est}/occupancy`, { from, to, granularity }, signal),
    placeholderData: keepPreviousData,
  });

function useRefresh(est: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.all(est) });
}

export function useRequestAdmission(est: string) {
  const refresh = useRefresh(est);
  return useMutation({
    mutationFn: (body: z.input<typeof AdmissionRequestBody>) =>
      http.post<Resident>(`/establishments/${est}/admissions`, body),
    onSuccess: refresh,
  });
}

type StepBody =
  | { step: "decision"; body: z.input<typeof DecisionBody> }
  | { step: "admission"; body: z.input<typeof AdmitBody> }
  | { step: "discharge"; body: z.input<typeof DischargeBody> };

/** Decision, admission or discharge of a stay, naming the version the user saw. */
export function useStayStep(est: string, id: string) {
  const refresh = useRefresh(est);
  return useMutation({
    mutationFn: ({ step, body }: StepBody) =>
      http.post<Resident>(`/establishments/${est}/residents/${id}/${step}`, body),
    onSuccess: refresh,
  });
}

export function useAddResidentService(est: string, id: string) {
  const refresh = useRefresh(est);
  return useMutation({
    mutationFn: (body: z.input<typeof ResidentServiceBody>) =>
      http.post<ResidentService>(`/establishments/${est}/residents/${id}/services`, body),
    onSuccess: refresh,
  });
}

export function useSaveAttendance(est: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceBody) => http.put<AttendanceDay>(`/establishments/${est}/attendance`, body),
    // The save is idempotent: on a weak connection it is safe to send it again.
    retry: (count, error) => error instanceof NetworkError && count < 3,
    onSuccess: (day) => {
      queryClient.setQueryData(keys.attendance(est, day.date), day);
      void queryClient.invalidateQueries({
        queryKey: keys.all(est),
        predicate: (q) => q.queryKey[2] !== "attendance",
      });
    },
  });
}
