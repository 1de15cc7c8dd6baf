import { queryOptions, useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { EligibilityProfileInput } from "../../../contracts/eligibility.ts";
import type {
  PublicApplyBody,
  PublicApplyResult,
  PublicEligibility,
  PublicPlaces,
  PublicProgram,
  PublicStatus,
} from "../../../contracts/public.ts";
import { http } from "../../shared/http.ts";

/** The citizen-facing API: no session, rate-limited by the server. Answers follow the UI language. */
export const publicProgramsQueryOptions = (lang: string) =>
  queryOptions({
    queryKey: ["public", "programs", lang],
    queryFn: ({ signal }) => http.get<{ items: PublicProgram[] }>("/public/programs", undefined, signal),
    select: (data) => data.items,
  });

export const publicProgramQueryOptions = (id: string, lang: string) =>
  queryOptions({
    queryKey: ["public", "program", id, lang],
    queryFn: ({ signal }) => http.get<PublicProgram>(`/public/programs/${id}`, undefined, signal),
  });

export const publicPlacesQueryOptions = queryOptions({
  queryKey: ["public", "places"],
  queryFn: ({ signal }) => http.get<PublicPlaces>("/public/places", undefined, signal),
  staleTime: Number.POSITIVE_INFINITY,
});

export function usePublicCheck(id: string) {
  return useMutation({
    mutationFn: (answers: EligibilityProfileInput) =>
      http.post<PublicEligibility>(`/public/programs/${id}/eligibility`, { answers }),
  });
}

export function usePublicApply() {
  return useMutation({
    mutationFn: (body: z.input<typeof PublicApplyBody>) =>
      http.post<z.infer<typeof PublicApplyResult>>("/public/applications", body),
  });
}

export function usePublicStatus() {
  return useMutation({
    mutationFn: (body: { trackingCode: string; birthDate: string }) =>
      http.post<PublicStatus>("/public/applications/status", body),
  });
}

/** A place's name in the UI language. */
export const placeName = (lang: string, p: { nameFr: string; nameAr: string; nameEn: string }) =>
  lang === "ar" ? p.nameAr : lang === "en" ? p.nameEn : p.nameFr;
