import { LOCALES, type Locale } from "../../contracts/common.ts";
import ar from "../../locales/ar.json" with { type: "json" };
import en from "../../locales/en.json" with { type: "json" };
import fr from "../../locales/fr.json" with { type: "json" };

/** Server-side translation from the same files the web app uses. */
const catalogs: Record<Locale, unknown> = { fr, ar, en };

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function hasKey(key: string): boolean {
  return lookup(catalogs.fr, key) !== undefined;
}

export function t(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = lookup(catalogs[locale], key) ?? lookup(catalogs.fr, key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));
}

/** Picks fr, ar or en from an Accept-Language header, by quality; French by default. */
export function localeFromHeader(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((r) => r.trim().startsWith("q="));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find((l): l is Locale => (LOCALES as readonly string[]).includes(l));
}
