import type { ComputationParams } from "../../../../contracts/indicators.ts";
import type { ComputationSource, Fact, ReadDataset } from "../indicators.computations.ts";
import { visible } from "../indicators.computations.ts";
import { type ApplicationCount, applicationCounts, programFacts } from "./programs.source.ts";

/** Active applications (not rejected nor withdrawn) whose stage passes the test, as facts. */
async function applicationFacts(
  read: ReadDataset,
  params: ComputationParams,
  access: Parameters<ComputationSource["facts"]>[2],
  stageTest: (position: number, wanted: number | null) => boolean,
): Promise<Fact[]> {
  const programs = await read(programFacts);
  const program = params.programCode ? programs.find((p) => p.code === params.programCode) : null;
  if (params.programCode && !program) return [];
  const wanted = params.stageCode
    ? (program?.stages.find((s) => s.code === params.stageCode)?.position ?? Number.NaN)
    : null;
  if (Number.isNaN(wanted)) return [];
  const positions = new Map(programs.flatMap((p) => p.stages.map((s) => [s.id, s.position] as const)));
  const funders = new Map(programs.map((p) => [p.id, p.funderIds]));
  const rows = visible(await read(applicationCounts), access, (r: ApplicationCount) => ({
    region: r.regionCode,
    province: r.provinceCode,
    parties: funders.get(r.programId) ?? [],
  }));
  return rows
    .filter(
      (r) => (!program || r.programId === program.id) && stageTest(positions.get(r.stageId) ?? -1, wanted),
    )
    .map((r) => ({
      regionCode: r.regionCode,
      provinceCode: r.provinceCode,
      sex: r.sex,
      ageBand: r.ageBand,
      num: r.count,
    }));
}

/** Computations over programmes' applications (persons give region, sex and age). */
export const programComputations: ComputationSource[] = [
  {
    // At the given stage exactly (or all stages without one).
    name: "programs.beneficiaries",
    facts: (read, params, access) =>
      applicationFacts(read, params, access, (pos, wanted) => wanted === null || pos === wanted),
  },
  {
    // At the given stage or beyond it in the programme's workflow.
    name: "programs.past_stage",
    facts: (read, params, access) =>
      applicationFacts(read, params, access, (pos, wanted) => wanted === null || pos >= wanted),
  },
];
