import type { Locale } from "../../../contracts/common.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/context.ts";
import type { Queryable } from "../../platform/database.ts";
import { AppError } from "../../platform/errors.ts";
import * as applicationsRepo from "./programs.applications.repository.ts";
import { evaluateFor, personProfile } from "./programs.evaluation.ts";
import * as repo from "./programs.repository.ts";
import { invalid } from "./programs.support.ts";

/** Files an application at the programme's first stage, with its eligibility evaluated and kept. */
export async function fileApplication(
  tx: Queryable,
  ctx: RequestContext,
  locale: Locale,
  input: {
    program: repo.ProgramRow;
    person: { id: string; regionCode: string };
    channel: "office" | "online";
  },
  extra: { notes?: string | null; trackingHash?: string | null; actorLabel: string },
) {
  const { program, person } = input;
  if (program.status !== "active")
    throw invalid([{ path: "programId", code: "applications.program_not_active" }]);
  if (!program.national) {
    const regions = await repo.regionsOf(tx, [program.id]);
    if (!regions.some((r) => r.regionCode === person.regionCode))
      throw invalid([{ path: "programId", code: "applications.outside_coverage" }]);
  }
  if (await applicationsRepo.openApplicationOf(tx, person.id, program.id))
    throw new AppError(409, "applications.already_open");
  const stages = await repo.stagesOf(tx, program.id);
  const first = stages[0];
  if (!first) throw invalid([{ path: "programId", code: "applications.program_not_active" }]);
  const result = await evaluateFor(tx, locale, program.eligibility, await personProfile(tx, person.id));
  const id = await applicationsRepo.insertApplication(tx, {
    programId: program.id,
    personId: person.id,
    channel: input.channel,
    status: "pending",
    stageId: first.id,
    eligibilityOutcome: result.outcome,
    eligibilityResult: result,
    notes: extra.notes ?? null,
    trackingHash: extra.trackingHash ?? null,
    filedBy: ctx.actor?.userId ?? null,
  });
  await applicationsRepo.insertEvent(tx, {
    applicationId: id,
    kind: "filed",
    toStage: first.code,
    actorId: ctx.actor?.userId ?? null,
    actorLabel: extra.actorLabel,
  });
  await recordAudit(tx, ctx, {
    action: "application.create",
    entityType: "application",
    entityId: id,
    after: {
      programId: program.id,
      personId: person.id,
      channel: input.channel,
      status: "pending",
      stage: first.code,
      eligibility: result.outcome,
    },
  });
  return { id, first };
}
