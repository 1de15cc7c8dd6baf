import { useQuery } from "@tanstack/react-query";
import { provincesQueryOptions, useTerritoryName } from "../territories/territories.api.ts";

/** Province code → name in the UI language (the code itself until the provinces are loaded). */
export function useProvinceName() {
  const provinces = useQuery(provincesQueryOptions(null)).data;
  const name = useTerritoryName();
  return (code: string | null) => {
    if (!code) return null;
    const province = provinces?.find((candidate) => candidate.code === code);
    return province ? name(province) : code;
  };
}
