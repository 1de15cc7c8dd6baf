import {
  type Application,
  type ApplicationListQuery,
  type CreateApplicationBody,
  type CreateServiceBody,
  OPEN_STATUSES,
  type TransitionAction,
  type TransitionBody,
} from "../../../contracts/applications.ts";
import { today } from "../../../contracts/calendar.ts";
import type { Locale } from "../../../contracts/common.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import { type Db, type Queryable, readAll } from "../../platform/database.ts";
import { AppError, type FieldIssue, notFound } from "../../platform/errors.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { type Access, accessFor } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import * as applicationsRepo from "./programs.applications.repository.ts";
import { forReader } from "./programs.evaluation.ts";
import { fileApplication } from "./programs.filing.ts";
import * as repo from "./programs.repository.ts";
import { foundProgram, invalid } from "./programs.support.ts";

/* Applications: filing at an office, moving along the workflow, services delivered, queue, export. */

async function foundApplication(q: Queryable, access: Access, id: string, lock = false) {
  const row = await applicationsRepo.findApplication(q, access, id, { lock });
  if (!row) throw notFound("applications.not_found");
  return row;
}

function allowedFrom(row: applicationsRepo.ApplicationDetailRow, stages: repo.StageRow[]) {
  if (!OPEN_STATUSES.includes(row.status)) return { next: null, actions: [] as TransitionAction[] };
  const next = stages.find((s) => s.position === row.stagePosition + 1) ?? null;
  const actions: TransitionAction[] = [];
  if (next) actions.push("advance");
  else if (row.stage.kind !== "closed") actions.push("complete");
  actions.push("reject", "withdraw");
  return { next, actions };
}

async function applicationOut(
  ctx: AuthenticatedContext,
  locale: Locale,
  q: Queryable,
  row: applicationsRepo.ApplicationDetailRow,
): Promise<Application> {
  const [stages, events, services] = await readAll(q, [
    () => repo.stagesOf(q, row.programId),
    () => applicationsRepo.eventsOf(q, row.id),
    () => applicationsRepo.servicesOf(q, row.id),
  ]);
  const { next, actions } = allowedFrom(row, stages);
  const { programStatus: _, stagePosition: __, eligibilityResult, ...rest } = row;
  return {
    ...rest,
    eligibilityResult: eligibilityResult ? await forReader(q, ctx, locale, eligibilityResult) : null,
    nextStage: next
      ? { id: next.id, code: next.code, nameFr: next.nameFr, nameAr: next.nameAr, kind: next.kind }
      : null,
    allowedActions: actions,
    events,
    services,
  };
}

const auditShape = (a: {
  status: string;
  stage: { code: string };
  enrolledOn: string | null;
  closedOn: string | null;
  rejectionReason: string | null;
}) => ({
  status: a.status,
  stage: a.stage.code,
  enrolledOn: a.enrolledOn,
  closedOn: a.closedOn,
  rejectionReason: a.rejectionReason,
});

const actorName = (ctx: AuthenticatedContext) => `${ctx.actor.fullName} <${ctx.actor.email}>`;

export function createApplicationsService(deps: { db: Db }) {
  const { db } = deps;

  return {
    async listApplications(ctx: AuthenticatedContext, query: ApplicationListQuery) {
      const access = accessFor(ctx.actor, "applications.read");
      const rows = await applicationsRepo.listApplications(db, access, {
        programId: query.programId,
        personId: query.personId,
        status: query.status,
        stage: query.stage,
        limit: query.limit,
        cursorKey: decodeCursor(query.cursor, 2),
      });
      return toPage(rows, query.limit, (r) => [r.filedAt, r.id]);
    },

    /** Every application the filter reaches, page by page, for an export. */
    async *exportApplications(
      ctx: AuthenticatedContext,
      query: { programId?: string; status?: ApplicationListQuery["status"] },
    ) {
      const access = accessFor(ctx.actor, "applications.read");
      let cursorKey: unknown[] | undefined;
      for (;;) {
        const rows = await applicationsRepo.listApplications(db, access, { ...query, limit: 500, cursorKey });
        yield* rows.slice(0, 500);
        if (rows.length <= 500) return;
        const last = rows[499] as (typeof rows)[number];
        cursorKey = [last.filedAt, last.id];
      }
    },

    async queue(
      ctx: AuthenticatedContext,
      programId: string,
      query: { stage?: string; limit: number; cursor?: string },
    ) {
      const access = accessFor(ctx.actor, "applications.read");
      await foundProgram(db, programId);
      const rows = await applicationsRepo.queue(db, access, {
        programId,
        stage: query.stage,
        limit: query.limit,
        cursorKey: decodeCursor(query.cursor, 2),
      });
      return toPage(rows, query.limit, (r) => [r.stageChangedAt, r.id]);
    },

    async getApplication(ctx: AuthenticatedContext, locale: Locale, id: string): Promise<Application> {
      const access = accessFor(ctx.actor, "applications.read");
      const row = await foundApplication(db, access, id);
      // Opening an application shows personal data (eligibility facts): the reading is traced.
      await recordAudit(db, ctx, { action: "application.read", entityType: "application", entityId: id });
      return applicationOut(ctx, locale, db, row);
    },

    async createApplication(ctx: AuthenticatedContext, locale: Locale, input: CreateApplicationBody) {
      const access = accessFor(ctx.actor, "applications.write");
      const id = await db.transaction(async (tx) => {
        const person = await applicationsRepo.personInScope(tx, access, input.personId);
        if (!person) throw invalid([{ path: "personId", code: "applications.person_not_found" }]);
        if (person.mergedIntoId) throw invalid([{ path: "personId", code: "applications.person_merged" }]);
        const program = await repo.findProgram(tx, input.programId);
        if (!program) throw invalid([{ path: "programId", code: "programs.not_found" }]);
        const filed = await fileApplication(
          tx,
          ctx,
          locale,
          { program, person, channel: "office" },
          { notes: input.notes, actorLabel: actorName(ctx) },
        );
        return filed.id;
      });
      return applicationOut(ctx, locale, db, await foundApplication(db, access, id));
    },

    /** Moves an application along its programme's workflow: only what the workflow allows. */
    async transition(ctx: AuthenticatedContext, locale: Locale, id: string, input: TransitionBody) {
      const access = accessFor(ctx.actor, "applications.write");
      await db.transaction(async (tx) => {
        const current = await foundApplication(tx, access, id, true);
        assertVersion(current.version, input.version);
        const stages = await repo.stagesOf(tx, current.programId);
        const { next, actions } = allowedFrom(current, stages);
        const refuse = (path: string) =>
          new AppError(
            400,
            "applications.transition_not_allowed",
            { action: input.action, status: current.status, stage: current.stage.code },
            [{ path, code: "applications.transition_not_allowed" }],
          );
        if (!actions.includes(input.action)) throw refuse("action");
        const changes: Partial<applicationsRepo.ApplicationInsert> = {};
        let toStage = current.stage;
        let kind: "advanced" | "rejected" | "withdrawn" | "completed" = "advanced";
        const day = today();
        if (input.action === "advance") {
          if (!next || (input.toStage && input.toStage !== next.code)) throw refuse("toStage");
          toStage = next;
          changes.stageId = next.id;
          changes.stageChangedAt = new Date().toISOString();
          if (next.kind === "closed") {
            changes.status = "completed";
            changes.closedOn = day;
          } else if (
            (next.kind === "enrolled" || next.kind === "follow_up") &&
            current.status === "pending"
          ) {
            const program = await foundProgram(tx, current.programId, true);
            if (
              program.capacity !== null &&
              (await applicationsRepo.countEnrolled(tx, program.id)) >= program.capacity
            )
              throw new AppError(422, "applications.capacity_reached", { capacity: program.capacity });
            const start = input.startDate ?? day;
            if (start > day) throw invalid([{ path: "startDate", code: "applications.start_in_future" }]);
            changes.status = "enrolled";
            changes.enrolledOn = start;
          }
        } else if (input.action === "reject") {
          if (!input.reason) throw invalid([{ path: "reason", code: "applications.reason_required" }]);
          kind = "rejected";
          changes.status = "rejected";
          changes.closedOn = day;
          changes.rejectionReason = input.reason;
        } else if (input.action === "withdraw") {
          kind = "withdrawn";
          changes.status = "withdrawn";
          changes.closedOn = day;
        } else {
          kind = "completed";
          changes.status = "completed";
          changes.closedOn = day;
        }
        await applicationsRepo.updateApplication(tx, id, changes);
        await applicationsRepo.insertEvent(tx, {
          applicationId: id,
          kind,
          fromStage: current.stage.code,
          toStage: toStage.code,
          reason: input.reason ?? null,
          actorId: ctx.actor.userId,
          actorLabel: actorName(ctx),
        });
        const after = {
          status: changes.status ?? current.status,
          stage: { code: toStage.code },
          enrolledOn: changes.enrolledOn ?? current.enrolledOn,
          closedOn: changes.closedOn ?? current.closedOn,
          rejectionReason: changes.rejectionReason ?? current.rejectionReason,
        };
        await recordAudit(tx, ctx, {
          action: `application.${input.action}`,
          entityType: "application",
          entityId: id,
          before: { ...auditShape(current), reason: null },
          after: { ...auditShape(after), reason: input.reason ?? null },
        });
      });
      return applicationOut(ctx, locale, db, await foundApplication(db, access, id));
    },

    async addService(ctx: AuthenticatedContext, locale: Locale, id: string, input: CreateServiceBody) {
      const access = accessFor(ctx.actor, "applications.write");
      await db.transaction(async (tx) => {
        const current = await foundApplication(tx, access, id, true);
        if (current.status !== "enrolled" && current.status !== "completed")
          throw new AppError(422, "applications.not_enrolled");
        const issues: FieldIssue[] = [];
        if (input.deliveredOn > today())
          issues.push({ path: "deliveredOn", code: "applications.delivered_in_future" });
        if (current.enrolledOn && input.deliveredOn < current.enrolledOn)
          issues.push({ path: "deliveredOn", code: "applications.delivered_before_enrolment" });
        if (input.quantity == null && input.amountCentimes == null)
          issues.push({ path: "amountCentimes", code: "applications.quantity_or_amount" });
        if (input.providerId && !(await repo.existingOrganizations(tx, [input.providerId])).size)
          issues.push({ path: "providerId", code: "applications.provider_not_found" });
        if (issues.length) throw invalid(issues);
        const values = {
          deliveredOn: input.deliveredOn,
          type: input.type,
          quantity: input.quantity ?? null,
          unit: input.unit ?? null,
          amountCentimes: input.amountCentimes ?? null,
          providerId: input.providerId ?? null,
          notes: input.notes ?? null,
        };
        const serviceId = await applicationsRepo.insertService(tx, {
          applicationId: id,
          ...values,
          recordedBy: actorName(ctx),
        });
        await recordAudit(tx, ctx, {
          action: "application.service",
          entityType: "application",
          entityId: id,
          after: { serviceId, ...values },
        });
      });
      return applicationOut(ctx, locale, db, await foundApplication(db, access, id));
    },
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
