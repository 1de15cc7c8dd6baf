/**
 * Deterministic randomness for the dataset generator: a seeded stream (mulberry32) for the
 * sequential walk, and a stateless hash for "row k of table t", so an id or an attribute can be
 * recomputed from its index instead of being kept in memory (5 million ids would not fit well).
 */

export interface Rand {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function prng(seed: number): Rand {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T,
    chance: (p) => next() < p,
  };
}

/** murmur3's finaliser: a good 32-bit mix. */
export function mix32(x: number): number {
  let a = x >>> 0;
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  return (a ^ (a >>> 16)) >>> 0;
}

/** A 32-bit hash of (seed, tag, k, salt): the same inputs give the same number on every run. */
export function hash(seed: number, tag: number, k: number, salt = 0): number {
  return mix32(mix32(seed ^ Math.imul(tag + 1, 0x9e3779b1)) ^ mix32(k + Math.imul(salt + 1, 0x632be5ab)));
}

/** The same as a float in [0, 1). */
export const unit = (seed: number, tag: number, k: number, salt = 0) => hash(seed, tag, k, salt) / 4294967296;

const BASE_MS = Date.parse("2024-01-01T00:00:00Z");
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/**
 * Row k of table `tag` gets a UUIDv7 whose timestamp grows with k (so ids stay time-ordered, as
 * newId() gives, and land at the end of the primary-key index) and whose random bits are hashed
 * from the seed: the dataset is the same on every run with the same seed.
 */
export function uuid7(seed: number, tag: number, k: number): string {
  const ms = BASE_MS + tag * 1_000_000_000 + k;
  const h1 = hash(seed, tag, k, 1);
  const h2 = hash(seed, tag, k, 2);
  const t = hex(ms, 12);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(h1 >>> 20, 3)}-${hex(0x8000 | (h1 & 0x3fff), 4)}-${hex(h2, 8)}${hex(hash(seed, tag, k, 3) & 0xffff, 4)}`;
}

/** A permutation of 0..n-1 (i → (a·i + b) mod n with a coprime to n): distinct picks without a Set. */
export function permutation(n: number, seed: number): (i: number) => number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  let a = (Math.floor(n * 0.618) | 1) + 2;
  while (gcd(a, n) !== 1) a++;
  const b = hash(seed, 99, n) % Math.max(1, n);
  // (a·i + b) may exceed 2^53 only for n above ~9.5e7; BigInt-free is fine at our scales.
  return (i) => (a * i + b) % n;
}

export const DAY_MS = 86_400_000;
/** Day index (days since 1970-01-01) to an ISO date. */
export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
