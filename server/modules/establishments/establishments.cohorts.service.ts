import type {
  Cohort,
  CohortDetail,
  CreateCohortBody,
  UpdateCohortBody,
} from "../../../contracts/establishments.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { invalidField, notFound } from "../../platform/errors.ts";
import { accessFor } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import { organizationNames } from "../organizations/index.ts";
import * as repo from "./establishments.cohorts.repository.ts";
import * as registry from "./establishments.repository.ts";

/** Where a cohort member's establishment-project progress comes from (the projects module; app.ts wires it). */
export interface ProjectProgressSource {
  progressOf(db: Queryable, establishmentIds: string[]): Promise<Map<string, number>>;
}

const editable = (c: Cohort) => ({
  code: c.code,
  nameFr: c.nameFr,
  nameAr: c.nameAr,
  goal: c.goal,
  targetCount: c.targetCount,
  partnerId: c.partnerId,
});

const rate = (n: number, total: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);

export function createCohortsService(deps: { db: Db; progress?: ProjectProgressSource }) {
  const { db } = deps;
  let progress = deps.progress;

  async function cohort(q: Queryable, id: string, lock = false) {
    const row = await repo.findCohort(q, id, lock);
    if (!row) throw notFound("establishments.cohort_not_found");
    return row;
  }

  async function checkPartner(q: Queryable, partnerId: string | null | undefined) {
    if (partnerId && !(await organizationNames(q, [partnerId])).has(partnerId))
      throw invalidField("partnerId", "establishments.organization_not_found");
  }

  return {
    /** Wires the projects module's progress once both modules exist. */
    setProgressSource(source: ProjectProgressSource) {
      progress = source;
    },

    async list(ctx: AuthenticatedContext) {
      accessFor(ctx.actor, "establishments.read");
      return { items: await repo.listCohorts(db) };
    },

    /** Target vs actual, members in the caller's scope with their infrastructure and project progress, and rates. */
    async get(ctx: AuthenticatedContext, id: string): Promise<CohortDetail> {
      const access = accessFor(ctx.actor, "establishments.read");
      const c = await cohort(db, id);
      const rows = await repo.membersOf(db, access, id);
      const progressById = progress
        ? await progress.progressOf(
            db,
            rows.map((r) => r.id),
          )
        : new Map<string, number>();
      const members = rows.map((r) => ({ ...r, projectProgress: progressById.get(r.id) ?? null }));
      const n = members.length;
      return {
        ...c,
        members,
        rates: {
          connected: rate(members.filter((m) => m.connectivity !== "none").length, n),
          solar: rate(members.filter((m) => (m.solarKwp ?? 0) > 0).length, n),
          hotWater: rate(members.filter((m) => m.hotWater !== "none").length, n),
        },
      };
    },

    async create(ctx: AuthenticatedContext, input: CreateCohortBody) {
      accessFor(ctx.actor, "cohorts.manage");
      return db.transaction(async (tx) => {
        if (await repo.codeTaken(tx, input.code, null))
          throw invalidField("code", "establishments.code_taken");
        await checkPartner(tx, input.partnerId);
        const id = await repo.insertCohort(tx, input);
        const created = await cohort(tx, id);
        await recordAudit(tx, ctx, {
          action: "cohort.create",
          entityType: "cohort",
          entityId: id,
          after: editable(created),
        });
        return created;
      });
    },

    async update(ctx: AuthenticatedContext, id: string, input: UpdateCohortBody) {
      accessFor(ctx.actor, "cohorts.manage");
      return db.transaction(async (tx) => {
        const current = await cohort(tx, id, true);
        assertVersion(current.version, input.version);
        const { version: _, ...changes } = input;
        if (changes.code && (await repo.codeTaken(tx, changes.code, id)))
          throw invalidField("code", "establishments.code_taken");
        await checkPartner(tx, changes.partnerId);
        await repo.updateCohort(tx, id, changes);
        const updated = await cohort(tx, id);
        await recordAudit(tx, ctx, {
          action: "cohort.update",
          entityType: "cohort",
          entityId: id,
          before: editable(current),
          after: editable(updated),
        });
        return updated;
      });
    },

    async archive(ctx: AuthenticatedContext, id: string, version: number) {
      accessFor(ctx.actor, "cohorts.manage");
      return db.transaction(async (tx) => {
        const current = await cohort(tx, id, true);
        assertVersion(current.version, version);
        await repo.updateCohort(tx, id, { archivedAt: new Date().toISOString() });
        await recordAudit(tx, ctx, {
          action: "cohort.archive",
          entityType: "cohort",
          entityId: id,
          before: editable(current),
        });
        return { ok: true as const };
      });
    },

    /** Adds establishments the manager's scope reaches; an unknown or unreachable one is a field error. */
    async addMembers(ctx: AuthenticatedContext, id: string, establishmentIds: string[]) {
      const access = accessFor(ctx.actor, "cohorts.manage");
      await db.transaction(async (tx) => {
        await cohort(tx, id, true);
        for (const [i, eid] of establishmentIds.entries())
          if (!(await registry.find(tx, access, eid)))
            throw invalidField(`establishmentIds.${i}`, "establishments.not_found");
        const added = await repo.addMembers(tx, id, [...new Set(establishmentIds)]);
        await recordAudit(tx, ctx, {
          action: "cohort.members.add",
          entityType: "cohort",
          entityId: id,
          after: { establishmentIds: added.map((a) => a.establishmentId) },
        });
      });
      return this.get(ctx, id);
    },

    async removeMember(ctx: AuthenticatedContext, id: string, establishmentId: string) {
      accessFor(ctx.actor, "cohorts.manage");
      await db.transaction(async (tx) => {
        await cohort(tx, id, true);
        if (!(await repo.removeMember(tx, id, establishmentId)))
          throw notFound("establishments.member_not_found");
        await recordAudit(tx, ctx, {
          action: "cohort.members.remove",
          entityType: "cohort",
          entityId: id,
          before: { establishmentId },
        });
      });
      return this.get(ctx, id);
    },
  };
}

export type CohortsService = ReturnType<typeof createCohortsService>;
