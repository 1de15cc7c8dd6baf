import type {
  Indicator,
  Measurement,
  ProgressRow,
  Target,
  TerritoryLevel,
} from "../../../contracts/indicators.ts";
import type { Territories } from "./indicators.territories.ts";

/**
 * Actual values of an entered indicator at a period and territory, from its measurements:
 * the measurements of that exact period and territory (totals, not disaggregated rows) when
 * there are some, else the territory's parts (regions of the nation, provinces of a
 * region), else the period's parts (quarters of a year), combined by the indicator's
 * aggregation: sum, average, rate (sum of numerators over sum of denominators) or latest.
 */
interface Actual {
  value: number;
  num: number | null;
  den: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function combine(
  aggregation: Indicator["aggregation"],
  parts: Actual[],
  newestFirst: boolean,
): Actual | null {
  if (!parts.length) return null;
  if (aggregation === "latest" && newestFirst) return parts[0] ?? null;
  if (aggregation === "rate" && parts.every((p) => p.num !== null && p.den !== null)) {
    const num = parts.reduce((s, p) => s + (p.num ?? 0), 0);
    const den = parts.reduce((s, p) => s + (p.den ?? 0), 0);
    return { value: den > 0 ? round2((num / den) * 100) : 0, num, den };
  }
  const sum = parts.reduce((s, p) => s + p.value, 0);
  if (aggregation === "average" || aggregation === "rate")
    return { value: round2(sum / parts.length), num: null, den: null };
  return { value: round2(sum), num: null, den: null };
}

export function actualFinder(indicator: Indicator, measurements: Measurement[], territories: Territories) {
  const totals = measurements.filter((m) => m.sex === null && m.ageBand === null);
  const memo = new Map<string, Actual | null>();

  function actual(period: string, level: TerritoryLevel, code: string | null): Actual | null {
    const key = `${period}|${level}|${code}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    memo.set(key, null); // guards against cycles
    const direct = totals
      .filter((m) => m.period === period && m.territoryLevel === level && m.territoryCode === code)
      .map((m) => ({ value: m.value, num: m.numerator, den: m.denominator }));
    // Measurements come newest first, so "latest" takes the first.
    let result = combine(indicator.aggregation, direct, true);
    if (!result && level !== "province") {
      const parts =
        level === "national"
          ? territories.regions.map((r) => actual(period, "region", r.code))
          : territories.provincesOf(code ?? "").map((p) => actual(period, "province", p.code));
      result = combine(
        indicator.aggregation === "latest" ? "sum" : indicator.aggregation,
        parts.filter((p): p is Actual => p !== null),
        false,
      );
    }
    if (!result && !period.includes("-Q")) {
      const quarters = ["Q4", "Q3", "Q2", "Q1"].map((q) => actual(`${period}-${q}`, level, code));
      result = combine(
        indicator.aggregation,
        quarters.filter((p): p is Actual => p !== null),
        true,
      );
    }
    memo.set(key, result);
    return result;
  }
  return actual;
}

/** Gap and share of the target reached, in the indicator's direction. */
export function progressRow(
  indicator: Indicator,
  base: Pick<ProgressRow, "period" | "territoryLevel" | "territoryCode" | "territoryName">,
  target: Target | undefined,
  actual: number | null,
): ProgressRow {
  const t = target?.value ?? null;
  const gap = t !== null && actual !== null ? round2(actual - t) : null;
  let achievement: number | null = null;
  if (t !== null && actual !== null) {
    if (indicator.direction === "higher") achievement = t > 0 ? round2((actual / t) * 100) : null;
    else achievement = actual > 0 ? round2((t / actual) * 100) : t === 0 ? 100 : null;
  }
  return { ...base, target: t, actual, gap, achievement };
}

/** The current year and quarter: the periods a computed value belongs to. */
export function currentPeriods(today: string): [string, string] {
  const year = today.slice(0, 4);
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return [year, `${year}-Q${quarter}`];
}
