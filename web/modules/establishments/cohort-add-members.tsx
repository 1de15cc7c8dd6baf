import { Button, Group, MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { establishmentPickQueryOptions, useAddCohortMembers } from "./cohorts.api.ts";

/** Search establishments by name or code, pick several, add them to the cohort in one request. */
export function CohortAddMembers({ cohortId, memberIds }: { cohortId: string; memberIds: string[] }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search.trim(), 300);
  const [picked, setPicked] = useState<string[]>([]);
  const results = useQuery(establishmentPickQueryOptions(query));
  const add = useAddCohortMembers(cohortId);
  // Labels of picked establishments stay known after the search text changes.
  const labels = useRef(new Map<string, string>());
  const members = new Set(memberIds);
  const options = (results.data ?? [])
    .filter((e) => !members.has(e.id))
    .map((e) => {
      const label = `${e.code} · ${(i18n.language === "ar" && e.nameAr) || e.nameFr}`;
      labels.current.set(e.id, label);
      return { value: e.id, label };
    });
  for (const id of picked)
    if (!options.some((o) => o.value === id))
      options.unshift({ value: id, label: labels.current.get(id) ?? id });

  const submit = () =>
    add.mutateAsync(picked).then(() => {
      notifications.show({
        color: "teal",
        message: t("establishmentsFollowup.cohorts.added", { count: picked.length }),
      });
      setPicked([]);
      setSearch("");
    });

  return (
    <>
      <Group align="flex-end" wrap="nowrap">
        <MultiSelect
          flex={1}
          searchable
          clearable
          label={t("establishmentsFollowup.cohorts.addMembers")}
          placeholder={t("establishmentsFollowup.cohorts.searchEstablishments")}
          nothingFoundMessage={results.isFetching ? t("common.loading") : t("common.noMatch")}
          data={options}
          value={picked}
          onChange={setPicked}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
        />
        <Button
          onClick={() => void submit().catch(() => undefined)}
          disabled={!picked.length}
          loading={add.isPending}
        >
          {t("establishmentsFollowup.cohorts.add")}
        </Button>
      </Group>
      {add.isError && <ProblemAlert error={add.error} />}
    </>
  );
}
