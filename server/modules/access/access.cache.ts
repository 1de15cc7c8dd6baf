/**
 * Live sessions and API tokens as last read from the database, kept CACHE_MS. Every
 * authenticated request needs its session: read each time, it was a second round trip beside the
 * data the request asks for (a third of a list request's cost on a loaded server). Any write of
 * the access module that changes what they say (sign-out, revocations, roles, a disabled user, a
 * password or profile change) forgets them all, once it has committed (committedThenForget, the
 * one place that forgets); a change made outside this process (another server process, SQL by
 * hand) is seen within CACHE_MS. Unknown credentials are never kept, so random tokens cannot
 * fill it.
 */
const CACHE_MS = 2000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { at: number; value: unknown }>();
/** Bumped by every forget: a read that started before one must not store what it read. */
let generation = 0;

export async function rememberedCredential<T>(key: string, load: () => Promise<T | undefined>) {
  const hit = entries.get(key);
  const now = Date.now();
  if (hit && now - hit.at < CACHE_MS) return hit.value as T;
  const started = generation;
  const value = await load();
  if (value === undefined) entries.delete(key);
  else if (started === generation) {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(key, { at: now, value });
  }
  return value;
}

/** One credential read anew next time (after it was touched). */
export function forgetCredential(key: string) {
  entries.delete(key);
}

/** After any write to sessions, tokens, users or their roles. */
export function forgetCredentials() {
  generation++;
  entries.clear();
}

/**
 * Runs a transaction that changes sessions, tokens, users or roles, and forgets every remembered
 * credential once it has ended. Forgetting only inside it is not enough: a request arriving before
 * the commit reads the rows as they were and would remember them for CACHE_MS after the change (a
 * revoked session still let in, a new language answered with the old one). A read that started
 * before this forget does not store what it read (the generation moved).
 */
export async function committedThenForget<T>(transaction: () => Promise<T>): Promise<T> {
  try {
    return await transaction();
  } finally {
    forgetCredentials();
  }
}
