import type { Db } from "../../platform/database.ts";
import { createHouseholdsService } from "./beneficiaries.households.service.ts";
import { createMergeService, type MergeHook } from "./beneficiaries.merge.service.ts";
import { createPersonsService, type TimelineSource } from "./beneficiaries.persons.service.ts";

/** The registry of beneficiaries as one service: persons, merge and households, with their extension points. */

export interface BeneficiariesDeps {
  db: Db;
  onMerge?: MergeHook | MergeHook[];
  timeline?: TimelineSource[];
}

export function createBeneficiariesService(deps: BeneficiariesDeps) {
  const { db } = deps;
  const mergeHooks: MergeHook[] = Array.isArray(deps.onMerge)
    ? [...deps.onMerge]
    : deps.onMerge
      ? [deps.onMerge]
      : [];
  const sources: TimelineSource[] = [...(deps.timeline ?? [])];

  return {
    /** Lets a module built after this one add its merge step or timeline source. */
    addMergeHook(hook: MergeHook) {
      mergeHooks.push(hook);
    },
    addTimelineSource(source: TimelineSource) {
      sources.push(source);
    },
    ...createPersonsService({ db, sources }),
    ...createMergeService({ db, hooks: mergeHooks }),
    ...createHouseholdsService({ db }),
  };
}

export type BeneficiariesService = ReturnType<typeof createBeneficiariesService>;
