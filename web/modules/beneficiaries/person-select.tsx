import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { arabicName, personName, personPickQueryOptions } from "./beneficiaries.api.ts";

interface PersonSelectProps extends Omit<SelectProps, "data" | "searchValue" | "onSearchChange" | "filter"> {
  /** Left out of the choices (a record cannot be merged into itself). */
  excludeId?: string;
}

/** Picks a person by searching the registry (CIN, phone, Latin or Arabic name), best matches first. */
export function PersonSelect({ excludeId, value, ...props }: PersonSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search.trim(), 300);
  const results = useQuery(personPickQueryOptions(query));
  const labels = useRef(new Map<string, string>());

  const options = (results.data ?? [])
    .filter((person) => person.id !== excludeId)
    .map((person) => {
      const ar = arabicName(person);
      const label = [personName(person), ar && `(${ar})`, person.cinMasked, person.provinceCode]
        .filter(Boolean)
        .join(" · ");
      labels.current.set(person.id, label);
      return { value: person.id, label };
    });
  if (value && !options.some((option) => option.value === value))
    options.unshift({ value, label: labels.current.get(value) ?? value });

  return (
    <Select
      searchable
      clearable
      placeholder={t("beneficiaries.personPicker")}
      nothingFoundMessage={results.isFetching ? t("common.loading") : t("common.noMatch")}
      {...props}
      value={value}
      data={options}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
    />
  );
}
