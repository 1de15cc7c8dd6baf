import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../contracts/common.ts";
import { setRequestLanguage } from "../shared/http.ts";

type Translations = typeof import("../../locales/fr.json");

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: Translations };
  }
}

export const LANGUAGES: readonly Locale[] = ["fr", "ar", "en"];
const STORAGE_KEY = "jisr.language";

/** One file per language, downloaded when first needed: nobody pays for the two they do not read. */
const LOADERS: Record<Locale, () => Promise<{ default: Translations }>> = {
  fr: () => import("../../locales/fr.json"),
  ar: () => import("../../locales/ar.json"),
  en: () => import("../../locales/en.json"),
};

const isLocale = (value: unknown): value is Locale => LANGUAGES.includes(value as Locale);

/** The language chosen earlier on this device; French until someone chooses. */
function rememberedLanguage(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be disabled: French then.
  }
  return "fr";
}

async function load(lang: Locale): Promise<void> {
  if (i18n.hasResourceBundle(lang, "translation")) return;
  i18n.addResourceBundle(lang, "translation", (await LOADERS[lang]()).default);
}

export const currentLanguage = (): Locale => (isLocale(i18n.language) ? i18n.language : "fr");

export const directionOf = (lang: Locale) => (lang === "ar" ? "rtl" : "ltr");

function applyToDocument(lang: Locale): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
  document.title = i18n.t("app.name");
  setRequestLanguage(lang);
}

/**
 * Switches the UI language: remembers it (first: a page reloaded while its texts download opens
 * in it), then texts, `<html lang dir>` (Mantine follows `dir`) and the API language.
 */
export async function applyLanguage(lang: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered on this device, still applied.
  }
  await load(lang);
  await i18n.changeLanguage(lang);
  applyToDocument(lang);
}

/** Before the first render: the remembered language and French, the fallback for any missing text. */
export async function startI18n(): Promise<void> {
  const lang = rememberedLanguage();
  await i18n.use(initReactI18next).init({
    lng: lang,
    fallbackLng: "fr",
    supportedLngs: LANGUAGES,
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
  });
  await Promise.all([load("fr"), load(lang)]);
  await i18n.changeLanguage(lang);
  applyToDocument(lang);
}

export { i18n };
