import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function OrganizationStatus({ archivedAt }: { archivedAt: string | null }) {
  const { t } = useTranslation();
  return archivedAt ? (
    <Badge color="gray" variant="light">
      {t("organizations.status.archived")}
    </Badge>
  ) : (
    <Badge color="teal" variant="light">
      {t("organizations.status.active")}
    </Badge>
  );
}
