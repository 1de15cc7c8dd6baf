import type { Permission } from "../../../contracts/access.ts";
import type {
  BudgetLineBody,
  DisbursementBody,
  MilestoneBody,
  Project,
  TrancheBody,
  UpdateBudgetLineBody,
  UpdateMilestoneBody,
  UpdateTrancheBody,
} from "../../../contracts/projects.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Tx } from "../../platform/database.ts";
import { AppError, invalidField, notFound } from "../../platform/errors.ts";
import { accessFor } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import { PROJECT_ERRORS as E, ruleBroken } from "./partnerships.errors.ts";
import * as money from "./partnerships.money.repository.ts";
import { formatMad } from "./partnerships.money.ts";
import { loadProject, systemToday, type Today } from "./partnerships.projects.detail.ts";
import * as repo from "./partnerships.projects.repository.ts";

/**
 * A project's money and schedule: budget lines by funder, milestones, tranches, disbursements.
 * Every write locks the project row FOR UPDATE first, then reads the sums it checks: two
 * concurrent disbursements for the same project run one after the other, so the second sees the
 * first and neither can push a funder past its commitment. Each write answers the whole project.
 */
export function createMoneyService(deps: { db: Db; today?: Today }) {
  const { db } = deps;
  const today = deps.today ?? systemToday;

  /** Runs `work` on the locked project (404 out of scope, 422 archived), audits, answers the project. */
  async function write(
    ctx: AuthenticatedContext,
    permission: Permission,
    projectId: string,
    work: (tx: Tx, project: { startDate: string; endDate: string }) => Promise<AuditPart>,
  ): Promise<Project> {
    const access = accessFor(ctx.actor, permission);
    return db.transaction(async (tx) => {
      const project = await repo.find(tx, access, projectId, today(), { lock: true });
      if (!project) throw notFound(E.notFound);
      if (project.archivedAt) throw new AppError(422, E.archived);
      const audit = await work(tx, project);
      await recordAudit(tx, ctx, { ...audit, entityType: audit.entityType });
      const { partyOrgIds: _, ...updated } = await loadProject(tx, access, projectId, today());
      return updated;
    });
  }

  interface AuditPart {
    action: string;
    entityType: string;
    entityId: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  }

  const childNotFound = () => notFound(E.childNotFound);

  async function funderMustExist(tx: Tx, funderId: string) {
    if (!(await repo.organizationExists(tx, funderId)))
      throw invalidField("funderId", E.organizationNotFound);
  }

  /** After a budget change a funder must still cover what it paid and what its tranches split. */
  async function funderStillCovered(tx: Tx, projectId: string, funderId: string) {
    const t = await money.funderTotals(tx, projectId, funderId);
    if (t.committed < t.disbursed)
      throw ruleBroken("amountCentimes", E.budgetBelowDisbursed, { disbursed: formatMad(t.disbursed) });
    if (t.committed < t.tranched)
      throw ruleBroken("amountCentimes", E.tranchesOverCommitment, {
        committed: formatMad(t.committed),
        tranched: formatMad(t.tranched),
      });
  }

  function plannedWithin(plannedDate: string, p: { startDate: string; endDate: string }) {
    if (plannedDate < p.startDate || plannedDate > p.endDate)
      throw ruleBroken("plannedDate", E.milestoneOutsideProject, { start: p.startDate, end: p.endDate });
  }

  function notInFuture(path: string, date: string | null | undefined) {
    if (date && date > today()) throw invalidField(path, E.dateInFuture);
  }

  async function milestoneOfProject(tx: Tx, projectId: string, milestoneId: string | null | undefined) {
    if (milestoneId && !(await money.findMilestone(tx, projectId, milestoneId)))
      throw invalidField("milestoneId", E.milestoneNotInProject);
  }

  return {
    addBudgetLine: (ctx: AuthenticatedContext, projectId: string, body: BudgetLineBody) =>
      write(ctx, "projects.write", projectId, async (tx) => {
        await funderMustExist(tx, body.funderId);
        const line = await money.insertBudgetLine(tx, { ...body, projectId });
        await repo.refreshParties(tx, { projectId });
        return {
          action: "project.budget_line.create",
          entityType: "project_budget_line",
          entityId: line.id,
          after: body,
        };
      }),

    updateBudgetLine: (
      ctx: AuthenticatedContext,
      projectId: string,
      id: string,
      body: UpdateBudgetLineBody,
    ) =>
      write(ctx, "projects.write", projectId, async (tx) => {
        const line = await money.findBudgetLine(tx, projectId, id);
        if (!line) throw childNotFound();
        assertVersion(line.version, body.version);
        const { version: _, ...changes } = body;
        if (changes.funderId) await funderMustExist(tx, changes.funderId);
        const updated = await money.updateBudgetLine(tx, id, changes);
        await funderStillCovered(tx, projectId, line.funderId);
        if (updated.funderId !== line.funderId) await repo.refreshParties(tx, { projectId });
        return {
          action: "project.budget_line.update",
          entityType: "project_budget_line",
          entityId: id,
          before: pick(line, changes),
          after: pick(updated, changes),
        };
      }),

    deleteBudgetLine: (ctx: AuthenticatedContext, projectId: string, id: string, version: number) =>
      write(ctx, "projects.write", projectId, async (tx) => {
        const line = await money.findBudgetLine(tx, projectId, id);
        if (!line) throw childNotFound();
        assertVersion(line.version, version);
        await money.deleteBudgetLine(tx, id);
        await funderStillCovered(tx, projectId, line.funderId);
        await repo.refreshParties(tx, { projectId });
        return {
          action: "project.budget_line.delete",
          entityType: "project_budget_line",
          entityId: id,
          before: { label: line.label, funderId: line.funderId, amountCentimes: line.amountCentimes },
        };
      }),

    addMilestone: (ctx: AuthenticatedContext, projectId: string, body: MilestoneBody) =>
      write(ctx, "projects.write", projectId, async (tx, project) => {
        plannedWithin(body.plannedDate, project);
        notInFuture("actualDate", body.actualDate);
        const m = await money.insertMilestone(tx, { ...body, projectId });
        return {
          action: "project.milestone.create",
          entityType: "project_milestone",
          entityId: m.id,
          after: body,
        };
      }),

    updateMilestone: (ctx: AuthenticatedContext, projectId: string, id: string, body: UpdateMilestoneBody) =>
      write(ctx, "projects.write", projectId, async (tx, project) => {
        const m = await money.findMilestone(tx, projectId, id);
        if (!m) throw childNotFound();
        assertVersion(m.version, body.version);
        const { version: _, ...changes } = body;
        if (changes.plannedDate) plannedWithin(changes.plannedDate, project);
        notInFuture("actualDate", changes.actualDate);
        const updated = await money.updateMilestone(tx, id, changes);
        return {
          action: "project.milestone.update",
          entityType: "project_milestone",
          entityId: id,
          before: pick(m, changes),
          after: pick(updated, changes),
        };
      }),

    deleteMilestone: (ctx: AuthenticatedContext, projectId: string, id: string, version: number) =>
      write(ctx, "projects.write", projectId, async (tx) => {
        const m = await money.findMilestone(tx, projectId, id);
        if (!m) throw childNotFound();
        assertVersion(m.version, version);
        if (await money.tranchesOfMilestone(tx, id)) throw new AppError(422, E.milestoneHasTranches);
        await money.deleteMilestone(tx, id);
        return {
          action: "project.milestone.delete",
          entityType: "project_milestone",
          entityId: id,
          before: { titleFr: m.titleFr, plannedDate: m.plannedDate, actualDate: m.actualDate },
        };
      }),

    addTranche: (ctx: AuthenticatedContext, projectId: string, body: TrancheBody) =>
      write(ctx, "projects.write", projectId, async (tx) => {
        await funderMustExist(tx, body.funderId);
        await milestoneOfProject(tx, projectId, body.milestoneId);
        const t = await money.funderTotals(tx, projectId, body.funderId);
        if (t.tranched + body.amountCentimes > t.committed)
          throw ruleBroken("amountCentimes", E.tranchesOverCommitment, {
            committed: formatMad(t.committed),
            tranched: formatMad(t.tranched),
          });
        const position = body.position ?? (await money.nextTranchePosition(tx, projectId, body.funderId));
        const created = await money.insertTranche(tx, { ...body, position, projectId });
        return {
          action: "project.tranche.create",
          entityType: "project_tranche",
          entityId: created.id,
          after: body,
        };
      }),

    updateTranche: (ctx: AuthenticatedContext, projectId: string, id: string, body: UpdateTrancheBody) =>
      write(ctx, "projects.write", projectId, async (tx) => {
        const current = await money.findTranche(tx, projectId, id);
        if (!current) throw childNotFound();
        assertVersion(current.version, body.version);
        const { version: _, ...changes } = body;
        if (changes.funderId && changes.funderId !== current.funderId) {
          if (current.paidCentimes > 0) throw invalidField("funderId", E.trancheHasDisbursements);
          await funderMustExist(tx, changes.funderId);
        }
        await milestoneOfProject(tx, projectId, changes.milestoneId);
        if (changes.amountCentimes !== undefined && changes.amountCentimes < current.paidCentimes)
          throw ruleBroken("amountCentimes", E.trancheBelowPaid, { paid: formatMad(current.paidCentimes) });
        const updated = await money.updateTranche(tx, id, changes);
        const t = await money.funderTotals(tx, projectId, updated.funderId);
        if (t.tranched > t.committed)
          throw ruleBroken("amountCentimes", E.tranchesOverCommitment, {
            committed: formatMad(t.committed),
            tranched: formatMad(t.tranched - updated.amountCentimes),
          });
        return {
          action: "project.tranche.update",
          entityType: "project_tranche",
          entityId: id,
          before: pick(current, changes),
          after: pick(updated, changes),
        };
      }),

    deleteTranche: (ctx: AuthenticatedContext, projectId: string, id: string, version: number) =>
      write(ctx, "projects.write", projectId, async (tx) => {
        const current = await money.findTranche(tx, projectId, id);
        if (!current) throw childNotFound();
        assertVersion(current.version, version);
        if (await money.disbursementsOfTranche(tx, id)) throw new AppError(422, E.trancheHasDisbursements);
        await money.deleteTranche(tx, id);
        return {
          action: "project.tranche.delete",
          entityType: "project_tranche",
          entityId: id,
          before: { funderId: current.funderId, amountCentimes: current.amountCentimes },
        };
      }),

    /** Never more than the funder committed to the project, nor than the tranche it pays. */
    addDisbursement: (ctx: AuthenticatedContext, projectId: string, body: DisbursementBody) =>
      write(ctx, "disbursements.write", projectId, async (tx) => {
        notInFuture("paidOn", body.paidOn);
        if (body.trancheId) {
          const tranche = await money.findTranche(tx, projectId, body.trancheId);
          if (!tranche) throw invalidField("trancheId", E.trancheNotInProject);
          if (tranche.funderId !== body.funderId) throw invalidField("trancheId", E.trancheFunderMismatch);
          if (tranche.paidCentimes + body.amountCentimes > tranche.amountCentimes)
            throw ruleBroken("amountCentimes", E.overTranche, {
              remaining: formatMad(tranche.amountCentimes - tranche.paidCentimes),
            });
        }
        const t = await money.funderTotals(tx, projectId, body.funderId);
        if (t.disbursed + body.amountCentimes > t.committed)
          throw ruleBroken("amountCentimes", E.overCommitment, {
            committed: formatMad(t.committed),
            remaining: formatMad(Math.max(0, t.committed - t.disbursed)),
          });
        const d = await money.insertDisbursement(tx, { ...body, projectId, createdBy: ctx.actor.userId });
        return {
          action: "project.disbursement.create",
          entityType: "disbursement",
          entityId: d.id,
          after: body,
        };
      }),

    deleteDisbursement: (ctx: AuthenticatedContext, projectId: string, id: string) =>
      write(ctx, "disbursements.write", projectId, async (tx) => {
        const d = await money.findDisbursement(tx, projectId, id);
        if (!d) throw childNotFound();
        await money.deleteDisbursement(tx, id);
        return {
          action: "project.disbursement.delete",
          entityType: "disbursement",
          entityId: id,
          before: {
            funderId: d.funderId,
            paidOn: d.paidOn,
            amountCentimes: d.amountCentimes,
            reference: d.reference,
          },
        };
      }),
  };
}

/** The fields of `row` named in `changes`: what an update audit compares. */
function pick(row: object, changes: object): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(Object.keys(changes).map((k) => [k, r[k] ?? null]));
}

export type MoneyService = ReturnType<typeof createMoneyService>;
