import { Select, type SelectProps } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { provincesQueryOptions, regionsQueryOptions, useTerritoryName } from "./territories.api.ts";

type TerritorySelectProps = Omit<SelectProps, "data">;

export function RegionSelect(props: TerritorySelectProps) {
  const { t } = useTranslation();
  const regions = useQuery(regionsQueryOptions);
  const name = useTerritoryName();
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t("common.noMatch")}
      {...props}
      disabled={props.disabled || regions.isPending}
      data={(regions.data ?? []).map((region) => ({ value: region.code, label: name(region) }))}
    />
  );
}

interface ProvinceSelectProps extends TerritorySelectProps {
  /** Only the provinces of this region; all of them, grouped by region, when null. */
  region: string | null;
}

export function ProvinceSelect({ region, ...props }: ProvinceSelectProps) {
  const { t } = useTranslation();
  const provinces = useQuery(provincesQueryOptions(region));
  const regions = useQuery({ ...regionsQueryOptions, enabled: region === null });
  const name = useTerritoryName();
  const options = (provinces.data ?? []).map((province) => ({
    value: province.code,
    label: `${name(province)} (${t(`territories.kinds.${province.kind}`)})`,
    regionCode: province.regionCode,
  }));
  const data =
    region === null
      ? (regions.data ?? []).map((group) => ({
          group: name(group),
          items: options.filter((option) => option.regionCode === group.code),
        }))
      : options;
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t("common.noMatch")}
      {...props}
      disabled={props.disabled || provinces.isPending}
      data={data}
    />
  );
}
