import type { Locale } from "../../contracts/common.ts";

/** Each language named in itself, so anyone finds their own. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: "Français", ar: "العربية", en: "English" };

export const LANGUAGE_OPTIONS = (Object.keys(LANGUAGE_NAMES) as Locale[]).map((value) => ({
  value,
  label: LANGUAGE_NAMES[value],
}));
