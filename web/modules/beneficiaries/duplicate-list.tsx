import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../shared/router-links.tsx";
import { arabicName, type Duplicate, personName } from "./beneficiaries.api.ts";

/** Probable duplicates found before saving, each with why it looks like the same person. */
export function DuplicateList({ items }: { items: Duplicate[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t("beneficiaries.duplicates.title")} role="alert">
      <Text size="sm" mb="xs">
        {t("beneficiaries.duplicates.intro")}
      </Text>
      <List size="sm">
        {items.map((d) => (
          <List.Item key={d.id}>
            <AnchorLink to="/persons/$id" params={{ id: d.id }} target="_blank">
              {personName(d)}
            </AnchorLink>
            {arabicName(d) && (
              <span lang="ar" dir="rtl">
                {" "}
                ({arabicName(d)})
              </span>
            )}
            {d.cinMasked && <span className="jisr-ltr"> · {d.cinMasked}</span>} ·{" "}
            {d.commune ?? d.provinceCode} —{" "}
            {d.reasons.map((r) => t(`beneficiaries.duplicates.reasons.${r}`)).join(", ")}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
