import type { CreateWorkBody, Work } from "../../../contracts/establishments.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { invalidField, notFound } from "../../platform/errors.ts";
import { accessFor } from "../../platform/scope.ts";
import { organizationNames } from "../organizations/index.ts";
import * as works from "./establishments.infrastructure.repository.ts";
import * as repo from "./establishments.repository.ts";

/** Rehabilitation and equipment works; connectivity, solar and hot water are fields of the establishment. */
export function createInfrastructureService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async listWorks(ctx: AuthenticatedContext, establishmentId: string): Promise<{ items: Work[] }> {
      const access = accessFor(ctx.actor, "establishments.read");
      if (!(await repo.find(db, access, establishmentId))) throw notFound("establishments.not_found");
      return { items: await works.listWorks(db, access, establishmentId) };
    },

    async addWork(ctx: AuthenticatedContext, establishmentId: string, input: CreateWorkBody): Promise<Work> {
      const access = accessFor(ctx.actor, "establishments.write");
      return db.transaction(async (tx) => {
        if (!(await repo.find(tx, access, establishmentId, { lock: true })))
          throw notFound("establishments.not_found");
        if (input.funderId && !(await organizationNames(tx, [input.funderId])).has(input.funderId))
          throw invalidField("funderId", "establishments.organization_not_found");
        const id = await works.insertWork(tx, { ...input, establishmentId });
        const created = await works.findWork(tx, access, establishmentId, id);
        if (!created) throw notFound("establishments.work_not_found");
        await recordAudit(tx, ctx, {
          action: "establishment.work.create",
          entityType: "establishment_work",
          entityId: id,
          after: { ...input, establishmentId },
        });
        return created;
      });
    },

    async removeWork(ctx: AuthenticatedContext, establishmentId: string, id: string) {
      const access = accessFor(ctx.actor, "establishments.write");
      await db.transaction(async (tx) => {
        const current = await works.findWork(tx, access, establishmentId, id);
        if (!current) throw notFound("establishments.work_not_found");
        await works.deleteWork(tx, id);
        await recordAudit(tx, ctx, {
          action: "establishment.work.delete",
          entityType: "establishment_work",
          entityId: id,
          before: current,
        });
      });
      return { ok: true as const };
    },
  };
}

export type InfrastructureService = ReturnType<typeof createInfrastructureService>;
