/** Readers for URL search params, which arrive parsed as strings, numbers or booleans. */

export function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

export function flag(value: unknown): true | undefined {
  return value === true || value === "true" ? true : undefined;
}

/** Only same-site paths, so a crafted link cannot send people to another site after login. */
export function safeRedirect(value: unknown): string | undefined {
  const path = text(value);
  return path?.startsWith("/") && !path.startsWith("//") && !path.startsWith("/login") ? path : undefined;
}
