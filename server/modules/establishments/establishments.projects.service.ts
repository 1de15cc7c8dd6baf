import {
  type CreateItemBody,
  type CreateProjectBody,
  type DiagnosticBody,
  type EstablishmentProject,
  type MeetingBody,
  type PhaseBody,
  PROJECT_PHASES,
  type ProjectDomain,
  type UpdateItemBody,
  type UpdateProjectBody,
} from "../../../contracts/establishment-projects.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { AppError, invalidField, notFound } from "../../platform/errors.ts";
import { type Access, accessFor } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import type { ProjectProgressSource } from "./establishments.cohorts.service.ts";
import * as repo from "./establishments.projects.repository.ts";

const ENTITY = "establishment_project";

type ProjectRow = NonNullable<Awaited<ReturnType<typeof repo.findProject>>>;
type ItemRow = NonNullable<Awaited<ReturnType<typeof repo.findItem>>>;

const auditedProject = (p: ProjectRow) => ({
  phase: p.phase,
  partnerOrganizationId: p.partnerOrganizationId,
  startedOn: p.startedOn,
  summary: p.summary,
});
const auditedItem = (i: ItemRow) => ({
  domain: i.domain,
  title: i.title,
  owner: i.owner,
  dueOn: i.dueOn,
  costCentimes: i.costCentimes,
  funderOrganizationId: i.funderOrganizationId,
  status: i.status,
  evidence: i.evidence,
});

/** For the cohort page: each member's project progress (percent), by establishment id. */
export const projectProgress: ProjectProgressSource = { progressOf: repo.progressOf };

export function createProjectsService(deps: { db: Db }) {
  const { db } = deps;

  async function project(q: Queryable, access: Access, establishmentId: string, lock = false) {
    const row = await repo.findProject(q, access, establishmentId, { lock });
    if (!row) {
      if (!(await repo.findEstablishment(q, access, establishmentId)))
        throw notFound("establishments.not_found");
      throw notFound("projects.not_found");
    }
    return row;
  }

  async function whole(q: Queryable, p: ProjectRow): Promise<EstablishmentProject> {
    // One after the other: inside a transaction the queries share one connection.
    const diagnostic = await repo.diagnosticOf(q, p.id);
    const items = await repo.itemsOf(q, p.id);
    const meetings = await repo.meetingsOf(q, p.id);
    const counted = items.filter((i) => i.status !== "cancelled").length;
    const done = items.filter((i) => i.status === "done").length;
    return {
      ...p,
      progress: repo.percent(done, counted),
      diagnostic,
      items: items.map(({ projectId: _, ...i }) => i),
      meetings,
    };
  }

  async function checkOrganization(q: Queryable, path: string, id: string | null | undefined) {
    if (id && !(await repo.organizationExists(q, id)))
      throw invalidField(path, "projects.organization_not_found");
  }

  /** A write on the project: lock it, apply, audit, answer the whole project. */
  async function write(
    ctx: AuthenticatedContext,
    establishmentId: string,
    apply: (
      tx: Queryable,
      p: ProjectRow,
    ) => Promise<{ action: string; entityId?: string; before?: object; after?: object } | null>,
  ) {
    const access = accessFor(ctx.actor, "establishments.write");
    return db.transaction(async (tx) => {
      const current = await project(tx, access, establishmentId, true);
      const audit = await apply(tx, current);
      const updated = await project(tx, access, establishmentId);
      if (audit)
        await recordAudit(tx, ctx, {
          action: audit.action,
          entityType: ENTITY,
          entityId: audit.entityId ?? current.id,
          before: (audit.before ?? auditedProject(current)) as Record<string, unknown>,
          after: (audit.after ?? auditedProject(updated)) as Record<string, unknown>,
        });
      return whole(tx, updated);
    });
  }

  return {
    async get(ctx: AuthenticatedContext, establishmentId: string) {
      const access = accessFor(ctx.actor, "establishments.read");
      return whole(db, await project(db, access, establishmentId));
    },

    async create(ctx: AuthenticatedContext, establishmentId: string, input: CreateProjectBody) {
      const access = accessFor(ctx.actor, "establishments.write");
      return db.transaction(async (tx) => {
        const est = await repo.findEstablishment(tx, access, establishmentId);
        if (!est) throw notFound("establishments.not_found");
        if (est.archivedAt) throw new AppError(422, "projects.establishment_archived");
        if (await repo.findProject(tx, access, establishmentId)) throw new AppError(409, "projects.exists");
        await checkOrganization(tx, "partnerOrganizationId", input.partnerOrganizationId);
        const id = await repo.insertProject(tx, {
          establishmentId,
          partnerOrganizationId: input.partnerOrganizationId ?? null,
          startedOn: input.startedOn ?? null,
          summary: input.summary ?? null,
        });
        const created = await project(tx, access, establishmentId);
        await recordAudit(tx, ctx, {
          action: "project.create",
          entityType: ENTITY,
          entityId: id,
          after: { establishmentId, ...auditedProject(created) },
        });
        return whole(tx, created);
      });
    },

    update(ctx: AuthenticatedContext, establishmentId: string, input: UpdateProjectBody) {
      return write(ctx, establishmentId, async (tx, p) => {
        assertVersion(p.version, input.version);
        await checkOrganization(tx, "partnerOrganizationId", input.partnerOrganizationId);
        const { version: _, ...changes } = input;
        await repo.updateProject(tx, p.id, changes);
        return { action: "project.update" };
      });
    },

    /** One phase forward or back: diagnostic → action_plan → implementation → evaluation. */
    movePhase(ctx: AuthenticatedContext, establishmentId: string, input: PhaseBody) {
      return write(ctx, establishmentId, async (tx, p) => {
        assertVersion(p.version, input.version);
        const from = PROJECT_PHASES.indexOf(p.phase);
        const to = PROJECT_PHASES.indexOf(input.phase);
        if (Math.abs(to - from) !== 1)
          throw invalidField("phase", "projects.phase_order", { from: p.phase, to: input.phase });
        await repo.updateProject(tx, p.id, { phase: input.phase });
        return { action: "project.phase" };
      });
    },

    setDiagnostic(
      ctx: AuthenticatedContext,
      establishmentId: string,
      domain: ProjectDomain,
      input: DiagnosticBody,
    ) {
      return write(ctx, establishmentId, async (tx, p) => {
        const before = (await repo.diagnosticOf(tx, p.id)).find((d) => d.domain === domain);
        await repo.upsertDiagnostic(tx, p.id, domain, input.score, input.notes ?? null);
        return {
          action: "project.diagnostic",
          before: before ? { domain, score: before.score, notes: before.notes } : {},
          after: { domain, score: input.score, notes: input.notes ?? null },
        };
      });
    },

    addItem(ctx: AuthenticatedContext, establishmentId: string, input: CreateItemBody) {
      return write(ctx, establishmentId, async (tx, p) => {
        await checkOrganization(tx, "funderOrganizationId", input.funderOrganizationId);
        const id = await repo.insertItem(tx, {
          projectId: p.id,
          domain: input.domain,
          title: input.title,
          owner: input.owner ?? null,
          dueOn: input.dueOn ?? null,
          costCentimes: input.costCentimes ?? null,
          funderOrganizationId: input.funderOrganizationId ?? null,
          status: input.status,
          evidence: input.evidence ?? null,
        });
        const item = await repo.findItem(tx, p.id, id);
        return {
          action: "project.item_create",
          entityId: id,
          before: {},
          after: item ? auditedItem(item) : {},
        };
      });
    },

    updateItem(ctx: AuthenticatedContext, establishmentId: string, itemId: string, input: UpdateItemBody) {
      return write(ctx, establishmentId, async (tx, p) => {
        const current = await repo.findItem(tx, p.id, itemId, { lock: true });
        if (!current) throw notFound("projects.item_not_found");
        assertVersion(current.version, input.version);
        await checkOrganization(tx, "funderOrganizationId", input.funderOrganizationId);
        const { version: _, ...changes } = input;
        await repo.updateItem(tx, itemId, changes);
        const updated = await repo.findItem(tx, p.id, itemId);
        return {
          action: "project.item_update",
          entityId: itemId,
          before: auditedItem(current),
          after: updated ? auditedItem(updated) : {},
        };
      });
    },

    addMeeting(ctx: AuthenticatedContext, establishmentId: string, input: MeetingBody) {
      return write(ctx, establishmentId, async (tx, p) => {
        const id = await repo.insertMeeting(tx, { projectId: p.id, ...input });
        return { action: "project.meeting_create", entityId: id, before: {}, after: { ...input } };
      });
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
