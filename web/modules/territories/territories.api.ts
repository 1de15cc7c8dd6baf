import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Province, Region } from "../../../contracts/territories.ts";
import { http } from "../../shared/http.ts";

/** Reference data: it changes with a census, not during a session. */
const REFERENCE = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY };

export const regionsQueryOptions = queryOptions({
  queryKey: ["territories", "regions"],
  queryFn: ({ signal }) => http.get<{ items: Region[] }>("/territories/regions", undefined, signal),
  select: (data) => data.items,
  ...REFERENCE,
});

/** Provinces and prefectures of one region, or of the whole country when `region` is null. */
export const provincesQueryOptions = (region: string | null) =>
  queryOptions({
    queryKey: ["territories", "provinces", region],
    queryFn: ({ signal }) => http.get<{ items: Province[] }>("/territories/provinces", { region }, signal),
    select: (data) => data.items,
    ...REFERENCE,
  });

interface Named {
  nameFr: string;
  nameAr: string;
  nameEn: string;
}

/** A territory's name in the UI language. */
export function useTerritoryName() {
  const { i18n } = useTranslation();
  return (territory: Named) =>
    i18n.language === "ar" ? territory.nameAr : i18n.language === "en" ? territory.nameEn : territory.nameFr;
}

/** Region code → name in the UI language (the code itself until the regions are loaded). */
export function useRegionName() {
  const regions = useQuery(regionsQueryOptions).data;
  const name = useTerritoryName();
  return (code: string | null) => {
    if (!code) return null;
    const region = regions?.find((candidate) => candidate.code === code);
    return region ? name(region) : code;
  };
}
