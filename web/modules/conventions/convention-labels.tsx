import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ConventionStatus } from "../../../contracts/partnerships.ts";

const STATUS_COLORS: Record<ConventionStatus, string> = {
  draft: "gray",
  signed: "blue",
  in_progress: "teal",
  completed: "green",
  suspended: "orange",
  terminated: "red",
};

export function ConventionStatusBadge({ status }: { status: ConventionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {t(`conventions.statuses.${status}`)}
    </Badge>
  );
}

/** The title in the reader's language when there is one. */
export function useConventionTitle() {
  const { i18n } = useTranslation();
  return (c: { titleFr: string; titleAr: string | null }) =>
    (i18n.language === "ar" && c.titleAr) || c.titleFr;
}
