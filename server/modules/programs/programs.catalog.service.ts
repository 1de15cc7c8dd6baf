import type { Locale } from "../../../contracts/common.ts";
import { type EligibilityProfileInput, type RuleGroup, ruleIssues } from "../../../contracts/eligibility.ts";
import {
  type CreateProgramBody,
  PROGRAM_STATUS_TRANSITIONS,
  type Program,
  type ProgramListQuery,
  type ProgramStatus,
  type SetStagesBody,
  type StageInput,
  type UpdateProgramBody,
  workflowIssues,
} from "../../../contracts/programs.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import { type Db, type Queryable, readAll } from "../../platform/database.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { type Access, accessFor, reaches } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import { territoryNames } from "../territories/index.ts";
import * as applicationsRepo from "./programs.applications.repository.ts";
import { codesIn } from "./programs.eligibility.ts";
import { evaluateFor, forReader, personProfile, typedProfile } from "./programs.evaluation.ts";
import * as repo from "./programs.repository.ts";
import { foundProgram, invalid } from "./programs.support.ts";

/* The programme catalogue: design, status, workflow stages, eligibility checks. */

/** Fields a designer edits; what the audit trail compares. */
const editable = (p: Program) => ({
  code: p.code,
  nameFr: p.nameFr,
  nameAr: p.nameAr,
  objectiveFr: p.objectiveFr,
  objectiveAr: p.objectiveAr,
  targetGroups: p.targetGroups,
  benefitType: p.benefitType,
  amountCentimes: p.amountCentimes,
  amountPeriodicity: p.amountPeriodicity,
  amountCeilingCentimes: p.amountCeilingCentimes,
  budgetCentimes: p.budgetCentimes,
  funderIds: p.funders.map((f) => f.id),
  coverage: p.coverage,
  capacity: p.capacity,
  startDate: p.startDate,
  endDate: p.endDate,
  status: p.status,
  eligibility: p.eligibility,
  stages: p.stages.map((s) => ({ code: s.code, nameFr: s.nameFr, nameAr: s.nameAr, kind: s.kind })),
});

async function programOut(q: Queryable, row: repo.ProgramRow): Promise<Program> {
  const [funders, regions, stages] = await readAll(q, [
    () => repo.fundersOf(q, [row.id]),
    () => repo.regionsOf(q, [row.id]),
    () => repo.stagesWithOpenCounts(q, row.id),
  ]);
  return {
    ...row,
    funders: funders.map(({ programId: _, ...f }) => f),
    coverage: { national: row.national, regionCodes: regions.map((r) => r.regionCode) },
    stages: stages.map((s) => ({ ...s.stage, openApplications: s.openApplications })),
  } as Program;
}

/** A designer whose scope is a region may only design programmes covering regions they reach. */
function assertCoverageInScope(access: Access, coverage: { national: boolean; regionCodes: string[] }) {
  const ok = coverage.national
    ? access.national
    : coverage.regionCodes.every((region) => reaches(access, { region }));
  if (!ok) throw invalid([{ path: "coverage", code: "programs.coverage_out_of_scope" }]);
}

/** Everything about a programme's fields that Zod cannot say alone; all issues at once. */
async function checkProgram(
  q: Queryable,
  id: string | null,
  p: {
    code: string;
    startDate: string | null;
    endDate: string | null;
    coverage: { national: boolean; regionCodes: string[] };
    funderIds: string[];
    eligibility: RuleGroup;
  },
) {
  const issues: FieldIssue[] = [...ruleIssues(p.eligibility)];
  if (p.startDate && p.endDate && p.endDate < p.startDate)
    issues.push({ path: "endDate", code: "programs.end_before_start" });
  if (!p.coverage.national && !p.coverage.regionCodes.length)
    issues.push({ path: "coverage.regionCodes", code: "programs.coverage_empty" });
  const orgs = await repo.existingOrganizations(q, p.funderIds);
  p.funderIds.forEach((f, i) => {
    if (!orgs.has(f)) issues.push({ path: `funderIds.${i}`, code: "programs.funder_not_found" });
  });
  const sameCode = (await repo.programIdsByCode(q, [p.code])).get(p.code);
  if (sameCode && sameCode.id !== id) issues.push({ path: "code", code: "programs.code_taken" });
  if (!issues.length) {
    // References inside the rule: provinces and programmes must exist.
    const codes = codesIn(p.eligibility);
    const names = await territoryNames(q, { regions: [], provinces: codes.provinces }, "fr");
    const progs = await repo.programIdsByCode(q, codes.programs);
    for (const code of codes.provinces)
      if (!names.provinces.has(code))
        issues.push({
          path: "eligibility",
          code: "programs.eligibility.unknown_province",
          params: { code },
        });
    for (const code of codes.programs)
      if (!progs.has(code) && code !== p.code)
        issues.push({
          path: "eligibility",
          code: "programs.eligibility.unknown_program",
          params: { code },
        });
  }
  if (issues.length) throw invalid(issues);
}

function checkWorkflow(stages: readonly StageInput[]) {
  const issues = workflowIssues(stages);
  if (issues.length) throw invalid(issues);
}

export function createCatalogService(deps: { db: Db }) {
  const { db } = deps;

  return {
    async list(ctx: AuthenticatedContext, query: ProgramListQuery) {
      accessFor(ctx.actor, "programs.read");
      const rows = await repo.listPrograms(db, {
        q: query.q,
        status: query.status,
        benefitType: query.benefitType,
        limit: query.limit,
        cursorKey: decodeCursor(query.cursor, 2),
      });
      const regions = await repo.regionsOf(
        db,
        rows.map((r) => r.program.id),
      );
      const items = rows.map(({ program: p, enrolled, pending }) => ({
        id: p.id,
        code: p.code,
        nameFr: p.nameFr,
        nameAr: p.nameAr,
        benefitType: p.benefitType,
        targetGroups: p.targetGroups,
        status: p.status,
        capacity: p.capacity,
        budgetCentimes: p.budgetCentimes,
        startDate: p.startDate,
        endDate: p.endDate,
        coverage: {
          national: p.national,
          regionCodes: regions.filter((r) => r.programId === p.id).map((r) => r.regionCode),
        },
        version: p.version,
        enrolled,
        pending,
      }));
      return toPage(items, query.limit, (r) => [r.nameFr, r.id]);
    },

    async get(ctx: AuthenticatedContext, id: string): Promise<Program> {
      accessFor(ctx.actor, "programs.read");
      return programOut(db, await foundProgram(db, id));
    },

    async create(ctx: AuthenticatedContext, input: CreateProgramBody): Promise<Program> {
      const access = accessFor(ctx.actor, "programs.design");
      const coverage = {
        national: input.coverage.national,
        regionCodes: input.coverage.national ? [] : input.coverage.regionCodes,
      };
      assertCoverageInScope(access, coverage);
      checkWorkflow(input.stages);
      return db.transaction(async (tx) => {
        await checkProgram(tx, null, {
          code: input.code,
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
          coverage,
          funderIds: input.funderIds,
          eligibility: input.eligibility,
        });
        const { stages, funderIds, coverage: _, ...fields } = input;
        const id = await repo.insertProgram(tx, { ...fields, national: coverage.national, status: "draft" });
        await repo.setFunders(tx, id, funderIds);
        await repo.setRegions(tx, id, coverage.regionCodes);
        await repo.replaceStages(tx, id, stages);
        const created = await programOut(tx, await foundProgram(tx, id));
        await recordAudit(tx, ctx, {
          action: "program.create",
          entityType: "program",
          entityId: id,
          after: editable(created),
        });
        return created;
      });
    },

    async update(ctx: AuthenticatedContext, id: string, input: UpdateProgramBody): Promise<Program> {
      const access = accessFor(ctx.actor, "programs.design");
      return db.transaction(async (tx) => {
        const row = await foundProgram(tx, id, true);
        assertVersion(row.version, input.version);
        const current = await programOut(tx, row);
        if (current.status === "closed") throw new AppError(422, "programs.closed");
        assertCoverageInScope(access, current.coverage);
        const { version: _, funderIds, coverage: newCoverage, ...changes } = input;
        if (changes.code !== undefined && changes.code !== current.code && current.status !== "draft")
          throw invalid([{ path: "code", code: "programs.code_locked" }]);
        const coverage = newCoverage
          ? {
              national: newCoverage.national,
              regionCodes: newCoverage.national ? [] : newCoverage.regionCodes,
            }
          : current.coverage;
        assertCoverageInScope(access, coverage);
        await checkProgram(tx, id, {
          code: changes.code ?? current.code,
          startDate: changes.startDate !== undefined ? changes.startDate : current.startDate,
          endDate: changes.endDate !== undefined ? changes.endDate : current.endDate,
          coverage,
          funderIds: funderIds ?? [],
          eligibility: changes.eligibility ?? current.eligibility,
        });
        await repo.updateProgram(tx, id, { ...changes, national: coverage.national });
        if (funderIds) await repo.setFunders(tx, id, funderIds);
        if (newCoverage) await repo.setRegions(tx, id, coverage.regionCodes);
        const updated = await programOut(tx, await foundProgram(tx, id));
        await recordAudit(tx, ctx, {
          action: "program.update",
          entityType: "program",
          entityId: id,
          before: editable(current),
          after: editable(updated),
        });
        return updated;
      });
    },

    /**
     * Replaces the workflow. A draft's stages change freely; an active
     * programme's too, except that a stage holding applications cannot go.
     */
    async setStages(ctx: AuthenticatedContext, id: string, input: SetStagesBody): Promise<Program> {
      const access = accessFor(ctx.actor, "programs.design");
      checkWorkflow(input.stages);
      return db.transaction(async (tx) => {
        const row = await foundProgram(tx, id, true);
        assertVersion(row.version, input.version);
        const current = await programOut(tx, row);
        if (current.status === "closed") throw new AppError(422, "programs.closed");
        assertCoverageInScope(access, current.coverage);
        const kept = new Set(input.stages.map((s) => s.code));
        const dropped = current.stages.filter((s) => !kept.has(s.code));
        const inUse = new Set(
          await repo.stagesHoldingApplications(
            tx,
            dropped.map((s) => s.id),
          ),
        );
        const blocked = dropped.filter((s) => inUse.has(s.id));
        if (blocked.length)
          throw new AppError(422, "programs.stage_in_use", { stages: blocked.map((s) => s.code).join(", ") });
        await repo.replaceStages(tx, id, input.stages);
        await repo.updateProgram(tx, id, {});
        const updated = await programOut(tx, await foundProgram(tx, id));
        await recordAudit(tx, ctx, {
          action: "program.stages",
          entityType: "program",
          entityId: id,
          before: { stages: editable(current).stages },
          after: { stages: editable(updated).stages },
        });
        return updated;
      });
    },

    async setStatus(ctx: AuthenticatedContext, id: string, version: number, status: ProgramStatus) {
      const access = accessFor(ctx.actor, "programs.design");
      return db.transaction(async (tx) => {
        const row = await foundProgram(tx, id, true);
        assertVersion(row.version, version);
        const current = await programOut(tx, row);
        assertCoverageInScope(access, current.coverage);
        if (!PROGRAM_STATUS_TRANSITIONS[current.status].includes(status))
          throw new AppError(422, "programs.status_transition", { from: current.status, to: status });
        if (status === "active") {
          if (!current.stages.length) throw new AppError(422, "programs.no_stages");
          checkWorkflow(current.stages);
        }
        await repo.updateProgram(tx, id, { status });
        const updated = await programOut(tx, await foundProgram(tx, id));
        await recordAudit(tx, ctx, {
          action: `program.${status === "active" ? "activate" : status === "closed" ? "close" : "status"}`,
          entityType: "program",
          entityId: id,
          before: { status: current.status },
          after: { status: updated.status },
        });
        return updated;
      });
    },

    /** Evaluates the programme's rule against a registered person (in the caller's scope). */
    async personEligibility(ctx: AuthenticatedContext, locale: Locale, id: string, personId: string) {
      accessFor(ctx.actor, "programs.read");
      const access = accessFor(ctx.actor, "persons.read");
      const program = await foundProgram(db, id);
      const person = await applicationsRepo.personInScope(db, access, personId);
      if (!person) throw invalid([{ path: "personId", code: "applications.person_not_found" }]);
      const result = await evaluateFor(db, locale, program.eligibility, await personProfile(db, personId));
      return forReader(db, ctx, locale, result);
    },

    /** Evaluates the rule against answers typed in; nothing is stored. */
    async checkEligibility(
      ctx: AuthenticatedContext,
      locale: Locale,
      id: string,
      input: EligibilityProfileInput,
    ) {
      accessFor(ctx.actor, "programs.read");
      const program = await foundProgram(db, id);
      return evaluateFor(db, locale, program.eligibility, await typedProfile(db, input));
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
