import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProposalStatus } from "../../../contracts/proposals.ts";

const STATUS_COLORS: Record<ProposalStatus, string> = {
  received: "blue",
  under_study: "yellow",
  retained: "teal",
  not_retained: "gray",
};

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`proposals.statuses.${status}`)}
    </Badge>
  );
}

/** The proposing organisation's name in the UI language. */
export function useOrganizationLabel() {
  const { i18n } = useTranslation();
  return (p: { organizationName: string; organizationNameAr: string | null }) =>
    i18n.language === "ar" && p.organizationNameAr ? p.organizationNameAr : p.organizationName;
}
