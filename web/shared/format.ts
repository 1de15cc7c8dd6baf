import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** Regional formats: Latin digits in all three languages, as on Moroccan administrative documents. */
const INTL_LOCALE: Record<string, string> = { fr: "fr-MA", ar: "ar-MA", en: "en-GB" };

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = INTL_LOCALE[i18n.language] ?? "fr-MA";
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(locale);
    const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    // A calendar date ("2026-03-01") is midnight UTC once parsed: format it in UTC so it never shifts a day.
    const calendarDates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    return {
      number: (value: number) => numbers.format(value),
      dateTime: (iso: string) => dateTimes.format(new Date(iso)),
      /** A calendar date, `YYYY-MM-DD`. */
      date: (isoDate: string) => calendarDates.format(new Date(isoDate.slice(0, 10))),
    };
  }, [locale]);
}
