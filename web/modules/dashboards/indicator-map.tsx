import { Group, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../shared/format.ts";
import { RegionMap } from "../../shared/region-map.tsx";
import { indicatorListQueryOptions } from "../indicators/indicators.api.ts";
import { mapExportUrl, mapQueryOptions } from "./dashboards.api.ts";
import { ExportMenu } from "./export-menu.tsx";

/** The 12 regions coloured by any indicator, absolute or per 10,000 inhabitants; a click opens the region. */
export function IndicatorMap() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const indicators = useQuery(indicatorListQueryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const [mode, setMode] = useState<"absolute" | "perInhabitant">("absolute");
  const indicator = chosen ?? indicators.data?.[0]?.code ?? null;
  const map = useQuery(mapQueryOptions(indicator));
  const perInhabitant = mode === "perInhabitant" && Boolean(map.data?.perInhabitant);
  const values: Record<string, number> = {};
  const names: Record<string, string> = {};
  for (const r of map.data?.regions ?? []) {
    values[r.code] = (perInhabitant ? r.per10k : r.value) ?? 0;
    names[r.code] = r.name;
  }
  const format = (v: number) => f.number(Math.round(v * 100) / 100);
  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t("dashboards.map.indicator")}
          data={(indicators.data ?? []).map((i) => ({
            value: i.code,
            label: i18n.language === "ar" ? i.nameAr : i.nameFr,
          }))}
          value={indicator}
          onChange={(v) => v && setChosen(v)}
          allowDeselect={false}
          searchable
          w={360}
          data-testid="map-indicator"
        />
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as typeof mode)}
          disabled={!map.data?.perInhabitant}
          data={[
            { value: "absolute", label: t("dashboards.map.absolute") },
            { value: "perInhabitant", label: t("dashboards.map.perInhabitant") },
          ]}
        />
        {indicator && (
          <ExportMenu csv={mapExportUrl(indicator, "csv")} xlsx={mapExportUrl(indicator, "xlsx")} />
        )}
      </Group>
      <RegionMap
        values={values}
        onSelect={(code) => code && void navigate({ to: "/dashboard/regions/$code", params: { code } })}
        label={(code) => t(`establishments.map.regions.${code as "MA-01"}`)}
        describe={(code, value) => `${names[code] ?? code} : ${format(value)}`}
        format={format}
        continuous
        legend={perInhabitant ? t("dashboards.map.perInhabitant") : t("dashboards.map.absolute")}
        title={t("dashboards.sections.map")}
      />
      <Text size="xs" c="dimmed">
        {t("dashboards.map.hint")}
      </Text>
    </Stack>
  );
}
