import { today } from "../../../contracts/calendar.ts";
import type {
  CorrectiveAction,
  CreateInspectionBody,
  Inspection,
  UpdateActionBody,
  UpdateInspectionBody,
} from "../../../contracts/establishments.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { invalidField, notFound } from "../../platform/errors.ts";
import { type Access, accessFor } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import * as repo from "./establishments.inspections.repository.ts";
import * as registry from "./establishments.repository.ts";

const toAction = ({ establishmentId: _, ...a }: Awaited<ReturnType<typeof repo.actionsOf>>[number]) =>
  a as CorrectiveAction;

/** Inspection visits: checklist of standards, findings, corrective actions and their follow-up. */
export function createInspectionsService(deps: { db: Db }) {
  const { db } = deps;

  async function withActions(q: Queryable, rows: Awaited<ReturnType<typeof repo.listInspections>>) {
    const actions = await repo.actionsOf(
      q,
      rows.map((r) => r.id),
    );
    return rows.map(
      (r): Inspection => ({ ...r, actions: actions.filter((a) => a.inspectionId === r.id).map(toAction) }),
    );
  }

  async function inspection(q: Queryable, access: Access, id: string, lock = false) {
    const row = await repo.findInspection(q, access, id, lock);
    if (!row) throw notFound("establishments.inspection_not_found");
    const [full] = await withActions(q, [row]);
    return full as Inspection;
  }

  return {
    async list(ctx: AuthenticatedContext, establishmentId: string) {
      const access = accessFor(ctx.actor, "establishments.read");
      if (!(await registry.find(db, access, establishmentId))) throw notFound("establishments.not_found");
      return { items: await withActions(db, await repo.listInspections(db, access, establishmentId)) };
    },

    async get(ctx: AuthenticatedContext, id: string) {
      return inspection(db, accessFor(ctx.actor, "establishments.read"), id);
    },

    async create(ctx: AuthenticatedContext, establishmentId: string, input: CreateInspectionBody) {
      const access = accessFor(ctx.actor, "inspections.write");
      return db.transaction(async (tx) => {
        if (!(await registry.find(tx, access, establishmentId))) throw notFound("establishments.not_found");
        if (input.visitDate > today()) throw invalidField("visitDate", "validation.date_future");
        input.actions.forEach((a, i) => {
          if (a.dueDate < input.visitDate)
            throw invalidField(`actions.${i}.dueDate`, "establishments.due_before_visit");
        });
        const { actions, ...visit } = input;
        const id = await repo.insertInspection(tx, {
          ...visit,
          checklist: visit.checklist.map((c) => ({ ...c, note: c.note ?? null })),
          establishmentId,
        });
        await repo.insertActions(
          tx,
          actions.map((a) => ({ ...a, inspectionId: id, establishmentId })),
        );
        const created = await inspection(tx, access, id);
        await recordAudit(tx, ctx, {
          action: "inspection.create",
          entityType: "inspection",
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async update(ctx: AuthenticatedContext, id: string, input: UpdateInspectionBody) {
      const access = accessFor(ctx.actor, "inspections.write");
      return db.transaction(async (tx) => {
        const current = await inspection(tx, access, id, true);
        assertVersion(current.version, input.version);
        const { version: _, ...changes } = input;
        await repo.updateInspection(tx, id, {
          ...changes,
          checklist: changes.checklist?.map((c) => ({ ...c, note: c.note ?? null })),
        });
        const updated = await inspection(tx, access, id);
        const { actions: _a, ...before } = current;
        const { actions: _b, ...after } = updated;
        await recordAudit(tx, ctx, {
          action: "inspection.update",
          entityType: "inspection",
          entityId: id,
          before,
          after,
        });
        return updated;
      });
    },

    async addAction(
      ctx: AuthenticatedContext,
      inspectionId: string,
      input: { description: string; dueDate: string },
    ) {
      const access = accessFor(ctx.actor, "inspections.write");
      return db.transaction(async (tx) => {
        const current = await inspection(tx, access, inspectionId, true);
        if (input.dueDate < current.visitDate)
          throw invalidField("dueDate", "establishments.due_before_visit");
        const [row] = await repo.insertActions(tx, [
          { ...input, inspectionId, establishmentId: current.establishmentId },
        ]);
        await recordAudit(tx, ctx, {
          action: "inspection.action.create",
          entityType: "corrective_action",
          entityId: row?.id ?? null,
          after: input,
        });
        return inspection(tx, access, inspectionId);
      });
    },

    /** Follow-up of a corrective action: marking it done needs a done date (today by default), not in the future. */
    async updateAction(ctx: AuthenticatedContext, id: string, input: UpdateActionBody) {
      const access = accessFor(ctx.actor, "inspections.write");
      return db.transaction(async (tx) => {
        const current = await repo.findAction(tx, access, id, true);
        if (!current) throw notFound("establishments.action_not_found");
        assertVersion(current.version, input.version);
        const { version: _, ...changes } = input;
        const status = changes.status ?? current.status;
        let doneOn = changes.doneOn !== undefined ? changes.doneOn : current.doneOn;
        if (status === "done") doneOn ??= today();
        else doneOn = null;
        if (doneOn && doneOn > today()) throw invalidField("doneOn", "validation.date_future");
        await repo.updateAction(tx, id, { ...changes, status, doneOn });
        const updated = await repo.findAction(tx, access, id);
        await recordAudit(tx, ctx, {
          action: "inspection.action.update",
          entityType: "corrective_action",
          entityId: id,
          before: toAction(current),
          after: updated ? toAction(updated) : null,
        });
        return inspection(tx, access, current.inspectionId);
      });
    },
  };
}

export type InspectionsService = ReturnType<typeof createInspectionsService>;
