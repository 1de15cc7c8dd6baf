import type { ComputationSource, Fact } from "../indicators.computations.ts";
import { visible } from "../indicators.computations.ts";
import { type ProjectFact, projectFacts } from "./partnerships.source.ts";

const scope = (p: ProjectFact) => ({
  region: p.regionCode,
  province: p.provinceCode,
  parties: p.partyOrgIds,
});

const money = (name: ComputationSource["name"], pick: "committed" | "disbursed"): ComputationSource => ({
  name,
  divideBy: 100, // centimes to MAD, summed exactly as integers first
  async facts(read, _params, access) {
    return visible(await read(projectFacts), access, scope).map(
      (p): Fact => ({
        regionCode: p.regionCode,
        provinceCode: p.provinceCode,
        num: p.money.reduce((sum, m) => sum + Number(m[pick]), 0),
      }),
    );
  },
});

/** Computations over partnership projects: money committed and disbursed, projects running late. */
export const partnershipComputations: ComputationSource[] = [
  money("partnerships.committed", "committed"),
  money("partnerships.disbursed", "disbursed"),
  {
    name: "partnerships.projects_late",
    async facts(read, _params, access) {
      return visible(await read(projectFacts), access, scope).map(
        (p): Fact => ({
          regionCode: p.regionCode,
          provinceCode: p.provinceCode,
          num: p.lateMilestones > 0 ? 1 : 0,
        }),
      );
    },
  },
];
