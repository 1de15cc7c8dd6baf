import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localeFromHeader, t } from "./i18n.ts";

const load = (l: string) =>
  JSON.parse(readFileSync(new URL(`../../locales/${l}.json`, import.meta.url), "utf8"));

function keys(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** Plural forms differ by language (Arabic has six, French three): compare the word, not its forms. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const words = (tree: unknown) => [...new Set(keys(tree).map((k) => k.replace(PLURAL, "")))].sort();

describe("translations", () => {
  const fr = words(load("fr"));
  it.each(["ar", "en"])("%s has exactly the keys of fr", (locale) => {
    const other = words(load(locale));
    expect(
      other.filter((k) => !fr.includes(k)),
      "keys only in this language",
    ).toEqual([]);
    expect(
      fr.filter((k) => !other.includes(k)),
      "keys missing in this language",
    ).toEqual([]);
  });

  it("Arabic strings are written in Arabic", () => {
    const ar = load("ar");
    const notArabic = keys(ar).filter((k) => {
      const value = k
        .split(".")
        .reduce((n: Record<string, unknown>, p) => n[p] as Record<string, unknown>, ar) as unknown as string;
      return !/[\u0600-\u06FF]/.test(value) && !/^[\s{}\w.,:%/()\u2014-]*$/.test(value);
    });
    expect(notArabic).toEqual([]);
  });

  it("fills parameters and falls back to French", () => {
    expect(t("en", "errors.auth.too_many_attempts", { seconds: 30 })).toContain("30 seconds");
    expect(t("ar", "errors.internal", { requestId: "r1" })).toContain("r1");
  });

  it("reads Accept-Language by quality", () => {
    expect(localeFromHeader("de-DE,ar;q=0.8,en;q=0.5")).toBe("ar");
    expect(localeFromHeader("en-US")).toBe("en");
    expect(localeFromHeader("de")).toBeUndefined();
    expect(localeFromHeader(undefined)).toBeUndefined();
  });
});
