import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useOrganizationName } from "./organization-name.ts";
import { organizationSearchQueryOptions } from "./organizations.api.ts";

interface OrganizationSelectProps
  extends Omit<SelectProps, "data" | "searchValue" | "onSearchChange" | "filter"> {
  /** Label of the current value, known from the record being edited (e.g. `parentName`). */
  selectedLabel?: string | null;
  /** Left out of the choices (an organisation cannot be its own parent). */
  excludeId?: string;
}

/** Picks an organisation by searching the server (`GET /organizations?q=`), 20 at a time. */
export function OrganizationSelect({ selectedLabel, excludeId, value, ...props }: OrganizationSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search.trim(), 300);
  const results = useQuery(organizationSearchQueryOptions(query));
  const name = useOrganizationName();
  const labels = useRef(new Map<string, string>());
  if (value && selectedLabel && !labels.current.has(value)) labels.current.set(value, selectedLabel);

  const options = (results.data ?? [])
    .filter((organization) => organization.id !== excludeId)
    .map((organization) => {
      const label = name(organization);
      labels.current.set(organization.id, label);
      return { value: organization.id, label };
    });
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: labels.current.get(value) ?? value });
  }

  return (
    <Select
      searchable
      clearable
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
