import type { ComputationSource, Fact } from "../indicators.computations.ts";
import { visible } from "../indicators.computations.ts";
import { type EstablishmentFact, establishmentFacts } from "./establishments.source.ts";

const scope = (e: EstablishmentFact) => ({
  region: e.regionCode,
  province: e.provinceCode,
  organization: e.organizationId,
  establishment: e.id,
  parties: e.funderIds,
});

const place = (e: EstablishmentFact) => ({ regionCode: e.regionCode, provinceCode: e.provinceCode });

/** Count of establishments with a feature, or its rate among all open establishments. */
const feature = (
  name: ComputationSource["name"],
  has: (e: EstablishmentFact) => boolean,
  rate: boolean,
): ComputationSource => ({
  name,
  async facts(read, _params, access) {
    const rows = visible(await read(establishmentFacts), access, scope);
    return rows.map((e): Fact => ({ ...place(e), num: has(e) ? 1 : 0, ...(rate ? { den: 1 } : {}) }));
  },
});

/** Computations over the establishments registry, its infrastructure and residents. */
export const establishmentComputations: ComputationSource[] = [
  feature("establishments.connected", (e) => e.connected, false),
  feature("establishments.connected_rate", (e) => e.connected, true),
  feature("establishments.solar", (e) => e.solar, false),
  feature("establishments.solar_rate", (e) => e.solar, true),
  feature("establishments.solar_hot_water", (e) => e.solarHotWater, false),
  feature("establishments.solar_hot_water_rate", (e) => e.solarHotWater, true),
  {
    // Admitted residents over capacity, per sex (capacity is counted per sex).
    name: "establishments.occupancy_rate",
    async facts(read, params, access) {
      const rows = visible(await read(establishmentFacts), access, scope).filter(
        (e) => !params.category || e.category === params.category,
      );
      return rows.flatMap((e): Fact[] => [
        { ...place(e), sex: "female", num: e.residentsFemale, den: e.capacityFemale },
        { ...place(e), sex: "male", num: e.residentsMale, den: e.capacityMale },
      ]);
    },
  },
  {
    name: "establishments.residents",
    async facts(read, params, access) {
      const rows = visible(await read(establishmentFacts), access, scope).filter(
        (e) => !params.category || e.category === params.category,
      );
      return rows.flatMap((e): Fact[] => [
        { ...place(e), sex: "female", num: e.residentsFemale },
        { ...place(e), sex: "male", num: e.residentsMale },
      ]);
    },
  },
];
