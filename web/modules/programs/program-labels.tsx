import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApplicationStatus } from "../../../contracts/applications.ts";
import type { Outcome } from "../../../contracts/eligibility.ts";
import type { ProgramStatus } from "../../../contracts/programs.ts";

/** A bilingual record's name in the UI language: Arabic in Arabic, French otherwise. */
export function useBilingual() {
  const { i18n } = useTranslation();
  return (record: { nameFr: string; nameAr: string | null }) =>
    i18n.language === "ar" && record.nameAr ? record.nameAr : record.nameFr;
}

/** Centimes as dirhams, in the UI's number format ("1 250,00 MAD"). */
export function useMoney() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "ar" ? "ar-MA" : i18n.language === "en" ? "en-GB" : "fr-MA";
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "MAD",
    numberingSystem: "latn",
  });
  return (centimes: number | null | undefined) => (centimes == null ? null : format.format(centimes / 100));
}

const PROGRAM_COLORS: Record<ProgramStatus, string> = { draft: "gray", active: "teal", closed: "dark" };
export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PROGRAM_COLORS[status]} variant="light">
      {t(`programs.statuses.${status}`)}
    </Badge>
  );
}

const APPLICATION_COLORS: Record<ApplicationStatus, string> = {
  pending: "blue",
  enrolled: "teal",
  completed: "green",
  rejected: "red",
  withdrawn: "gray",
};
export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={APPLICATION_COLORS[status]} variant="light">
      {t(`programs.applicationStatuses.${status}`)}
    </Badge>
  );
}

const OUTCOME_COLORS: Record<Outcome, string> = { passed: "teal", failed: "red", unknown: "yellow" };
export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant="outline">
      {t(`programs.outcomes.${outcome}`)}
    </Badge>
  );
}

/** "3 j" / "5 h": how long an application has waited at its stage. */
export function useWaiting() {
  const { t } = useTranslation();
  return (seconds: number) => {
    const days = Math.floor(seconds / 86_400);
    return days >= 1
      ? t("programs.queue.days", { n: days })
      : t("programs.queue.hours", { n: Math.floor(seconds / 3600) });
  };
}
