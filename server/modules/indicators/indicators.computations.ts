import type { Computation, ComputationParams, IndicatorValue } from "../../../contracts/indicators.ts";
import { type Access, reaches, type ScopeValues } from "../../platform/scope.ts";
import type { DatasetSource } from "./indicators.datasets.ts";

/**
 * The registry of computations other modules' data provides (wired in app.ts, like
 * timeline sources). A computation reads cached datasets and returns facts — counts at a
 * place, with a denominator for rates — already limited to what the reader may see; this
 * module sums them to the national, regional and provincial values.
 */
export interface Fact {
  regionCode: string;
  provinceCode: string | null;
  sex?: "female" | "male" | null;
  ageBand?: string | null;
  num: number;
  /** For rates: value = num / den in percent. */
  den?: number;
}

export type ReadDataset = <R>(source: DatasetSource<R>) => Promise<R[]>;

export interface ComputationSource {
  name: Computation;
  /** Facts count in a smaller unit (centimes for MAD): values are divided by it. */
  divideBy?: number;
  facts(read: ReadDataset, params: ComputationParams, access: Access): Promise<Fact[]>;
}

/** Rows the access reaches (a partner: rows it is party to or funded; an officer: their territory). */
export const visible = <R>(rows: R[], access: Access, scope: (r: R) => ScopeValues) =>
  access.national ? rows : rows.filter((r) => reaches(access, scope(r)));

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Sums facts to every territory level, in total and by sex and by age band when the facts carry them. */
export function valuesOf(facts: Fact[], isRate: boolean, divideBy = 1): IndicatorValue[] {
  const sums = new Map<string, { v: IndicatorValue; num: number; den: number }>();
  const add = (
    level: IndicatorValue["territoryLevel"],
    code: string | null,
    sex: IndicatorValue["sex"],
    ageBand: IndicatorValue["ageBand"],
    f: Fact,
  ) => {
    const key = `${level}|${code}|${sex}|${ageBand}`;
    let e = sums.get(key);
    if (!e) {
      e = {
        v: {
          territoryLevel: level,
          territoryCode: code,
          sex,
          ageBand,
          value: 0,
          numerator: null,
          denominator: null,
        },
        num: 0,
        den: 0,
      };
      sums.set(key, e);
    }
    e.num += f.num;
    e.den += f.den ?? 0;
  };
  for (const f of facts) {
    const splits: [IndicatorValue["sex"], IndicatorValue["ageBand"]][] = [[null, null]];
    if (f.sex) splits.push([f.sex, null]);
    if (f.ageBand) splits.push([null, f.ageBand as IndicatorValue["ageBand"]]);
    for (const [sex, age] of splits) {
      add("national", null, sex, age, f);
      add("region", f.regionCode, sex, age, f);
      if (f.provinceCode) add("province", f.provinceCode, sex, age, f);
    }
  }
  const order = { national: 0, region: 1, province: 2 };
  return [...sums.values()]
    .map(({ v, num, den }) =>
      isRate
        ? { ...v, value: den > 0 ? round2((num / den) * 100) : 0, numerator: num, denominator: den }
        : { ...v, value: divideBy === 1 ? num : round2(num / divideBy) },
    )
    .sort(
      (a, b) =>
        order[a.territoryLevel] - order[b.territoryLevel] ||
        (a.territoryCode ?? "").localeCompare(b.territoryCode ?? "") ||
        (a.sex ?? "").localeCompare(b.sex ?? "") ||
        (a.ageBand ?? "").localeCompare(b.ageBand ?? ""),
    );
}

export const RATE_COMPUTATIONS: ReadonlySet<Computation> = new Set([
  "establishments.connected_rate",
  "establishments.solar_rate",
  "establishments.solar_hot_water_rate",
  "establishments.occupancy_rate",
]);
