import type { SQL } from "drizzle-orm";
import {
  type ConvertProposalBody,
  type CreateCommentBody,
  type CreateProposalBody,
  PROPOSAL_ACTIONS,
  PROPOSAL_TRANSITIONS,
  type Proposal,
  type ProposalAction,
  type ProposalComment,
  type ProposalDetail,
  type ProposalListQuery,
  type ProposalStatus,
  SECTOR_OF_THEME,
  type SupportBody,
  type TransitionProposalBody,
} from "../../../contracts/proposals.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Actor, AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { AppError, invalidField, notFound } from "../../platform/errors.ts";
import * as files from "../../platform/files.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { type Access, accessFor, can, reaches } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import { territoryNames } from "../territories/index.ts";
import type { ProjectCreator } from "./consultations.projects.ts";
import * as repo from "./consultations.repository.ts";

const ENTITY = "proposal";
/** Owner type of a proposal's attachments in stored_files. */
const FILES_OWNER = "proposal";
/** Supports are given while the proposal is still being considered. */
const OPEN_FOR_SUPPORT = new Set(["received", "under_study"]);

/** What the audit trail compares. */
const traced = (p: Proposal) => ({
  organizationId: p.organizationId,
  theme: p.theme,
  regionCode: p.regionCode,
  provinceCode: p.provinceCode,
  title: p.title,
  description: p.description,
  estimatedCostCentimes: p.estimatedCostCentimes,
  targetGroup: p.targetGroup,
  status: p.status,
  decisionNote: p.decisionNote,
  projectId: p.projectId,
});

export interface ConsultationsDeps {
  db: Db;
  /** Creates a project in the given transaction: the partnerships module's service, injected by app.ts. */
  createProject: ProjectCreator;
}

export function createConsultationsService(deps: ConsultationsDeps) {
  const { db } = deps;

  /** The read filter of an actor: their scope plus the regions their organisations sit in. */
  async function visibility(q: Queryable, actor: Actor): Promise<SQL | undefined> {
    const access = accessFor(actor, "proposals.read");
    return repo.visibleTo(access, access.national ? [] : await repo.regionsOf(q, access.organizations));
  }

  async function found(q: Queryable, actor: Actor, id: string, lock = false) {
    const row = await repo.find(q, await visibility(q, actor), id, { lock });
    if (!row) throw notFound("proposals.not_found");
    return row;
  }

  /** The organisation a submitter acts for: their own when they have one, else the one they picked in their scope. */
  async function actingOrganization(q: Queryable, access: Access, picked: string | undefined) {
    if (!picked) {
      if (access.organizations.length === 1) return access.organizations[0] as string;
      throw invalidField("organizationId", "proposals.organization_required");
    }
    const [org] = await repo.organizationsByIds(q, [picked]);
    if (!org || org.archivedAt) throw invalidField("organizationId", "proposals.organization_not_found");
    if (!reaches(access, { organization: org.id, region: org.regionCode, province: org.provinceCode }))
      throw invalidField("organizationId", "proposals.organization_out_of_scope");
    return org.id;
  }

  /** A reviewer must hold proposals.review on the proposal's territory. */
  function assertReviewer(actor: Actor, p: Proposal) {
    const access = accessFor(actor, "proposals.review");
    if (!reaches(access, { region: p.regionCode, province: p.provinceCode }))
      throw new AppError(403, "proposals.not_reviewer");
  }

  function isReviewer(actor: Actor, p: Proposal) {
    return (
      can(actor, "proposals.review") &&
      reaches(accessFor(actor, "proposals.review"), { region: p.regionCode, province: p.provinceCode })
    );
  }

  async function detail(q: Queryable, actor: Actor, p: Proposal): Promise<ProposalDetail> {
    const supports = await repo.supportsOf(q, p.id);
    const attachments = await files.listFiles(q, { type: FILES_OWNER, id: p.id });
    const reviewer = isReviewer(actor, p);
    const mine = can(actor, "proposals.submit") ? accessFor(actor, "proposals.submit").organizations : [];
    const supporting = new Set(supports.map((s) => s.organizationId));
    const candidates = OPEN_FOR_SUPPORT.has(p.status)
      ? mine.filter((o) => o !== p.organizationId && !supporting.has(o))
      : [];
    const supportAs = (await repo.organizationsByIds(q, candidates)).map((o) => ({
      id: o.id,
      name: o.name,
      nameAr: o.nameAr,
    }));
    return {
      ...p,
      supports,
      attachments: attachments.map(({ id, fileName, mediaType, sizeBytes, createdAt }) => ({
        id,
        fileName,
        mediaType,
        sizeBytes,
        createdAt,
      })),
      can: {
        actions: reviewer ? PROPOSAL_ACTIONS.filter((a) => allowed(a, p)) : [],
        canConvert: reviewer && p.status === "retained" && !p.projectId && can(actor, "projects.write"),
        canComment: true,
        canAttach: mayAttach(actor, p),
        supportAs,
        supportedAs: mine.filter((o) => supporting.has(o)),
      },
    };
  }

  /** The author's organisation and the reviewers of its territory add documents. */
  const mayAttach = (actor: Actor, p: Proposal) =>
    (can(actor, "proposals.submit") &&
      accessFor(actor, "proposals.submit").organizations.includes(p.organizationId)) ||
    isReviewer(actor, p);

  const allowed = (action: ProposalAction, p: Proposal) =>
    PROPOSAL_TRANSITIONS[action].from.includes(p.status) && !(action === "reopen" && p.projectId);

  async function placeOf(q: Queryable, input: { regionCode: string; provinceCode?: string | null }) {
    if (!input.provinceCode) return { regionCode: input.regionCode, provinceCode: null };
    const names = await territoryNames(q, { regions: [], provinces: [input.provinceCode] }, "fr");
    const province = names.provinces.get(input.provinceCode);
    if (!province) throw invalidField("provinceCode", "validation.province_code");
    if (province.regionCode !== input.regionCode)
      throw invalidField("provinceCode", "proposals.province_region_mismatch");
    return { regionCode: input.regionCode, provinceCode: input.provinceCode };
  }

  async function* rowsOf(actor: Actor, filter: Omit<repo.ProposalFilter, "limit" | "cursorKey">) {
    const visible = await visibility(db, actor);
    let cursorKey: unknown[] | undefined;
    for (;;) {
      const rows = await repo.list(db, visible, { ...filter, limit: 500, cursorKey });
      yield* rows.slice(0, 500);
      const last = rows[499];
      if (rows.length <= 500 || !last) return;
      cursorKey = [last.id];
    }
  }

  return {
    async list(ctx: AuthenticatedContext, query: ProposalListQuery) {
      const { limit, cursor, ...filter } = query;
      const rows = await repo.list(db, await visibility(db, ctx.actor), {
        ...filter,
        limit,
        cursorKey: decodeCursor(cursor, 1),
      });
      return toPage(rows, limit, (r) => [r.id]);
    },

    async stats(ctx: AuthenticatedContext, filter: Omit<repo.ProposalFilter, "limit" | "cursorKey">) {
      const { status: _, ...rest } = filter;
      const rows = await repo.countsByRegion(db, await visibility(db, ctx.actor), rest);
      const byRegion = new Map<string, Record<ProposalStatus, number> & { regionCode: string }>();
      for (const r of rows) {
        const entry = byRegion.get(r.regionCode) ?? {
          regionCode: r.regionCode,
          received: 0,
          under_study: 0,
          retained: 0,
          not_retained: 0,
        };
        entry[r.status] = r.count;
        byRegion.set(r.regionCode, entry);
      }
      return { byRegion: [...byRegion.values()] };
    },

    /** Every proposal of the filtered list the caller may see, for CSV/XLSX exports. */
    exportRows(ctx: AuthenticatedContext, filter: Omit<repo.ProposalFilter, "limit" | "cursorKey">) {
      return rowsOf(ctx.actor, filter);
    },

    async get(ctx: AuthenticatedContext, id: string): Promise<ProposalDetail> {
      return detail(db, ctx.actor, await found(db, ctx.actor, id));
    },

    async submit(ctx: AuthenticatedContext, input: CreateProposalBody): Promise<ProposalDetail> {
      const access = accessFor(ctx.actor, "proposals.submit");
      return db.transaction(async (tx) => {
        const organizationId = await actingOrganization(tx, access, input.organizationId);
        const place = await placeOf(tx, input);
        const id = await repo.insert(tx, {
          organizationId,
          theme: input.theme,
          ...place,
          title: input.title,
          description: input.description,
          estimatedCostCentimes: input.estimatedCostCentimes ?? null,
          targetGroup: input.targetGroup ?? null,
          submittedBy: ctx.actor.userId,
        });
        // Read back without the reader's filter: the author always sees what they just sent.
        const created = await repo.find(tx, undefined, id);
        if (!created) throw notFound("proposals.not_found");
        await recordAudit(tx, ctx, {
          action: "proposal.submit",
          entityType: ENTITY,
          entityId: id,
          after: traced(created),
        });
        return detail(tx, ctx.actor, created);
      });
    },

    async transition(
      ctx: AuthenticatedContext,
      id: string,
      input: TransitionProposalBody,
    ): Promise<ProposalDetail> {
      return db.transaction(async (tx) => {
        const current = await found(tx, ctx.actor, id, true);
        assertReviewer(ctx.actor, current);
        assertVersion(current.version, input.version);
        if (!allowed(input.action, current))
          throw new AppError(422, current.projectId ? "proposals.converted" : "proposals.invalid_transition");
        const note = input.note ?? null;
        if (!note && input.action === "reject") throw invalidField("note", "proposals.reason_required");
        if (!note && input.action === "reopen") throw invalidField("note", "proposals.reason_required");
        if (!note && input.action === "retain") throw invalidField("note", "proposals.note_required");
        await repo.update(tx, id, {
          status: PROPOSAL_TRANSITIONS[input.action].to,
          decisionNote: note,
          decidedAt: new Date().toISOString(),
          decidedBy: ctx.actor.userId,
        });
        const updated = await found(tx, ctx.actor, id);
        await recordAudit(tx, ctx, {
          action: `proposal.${input.action}`,
          entityType: ENTITY,
          entityId: id,
          before: traced(current),
          after: traced(updated),
        });
        return detail(tx, ctx.actor, updated);
      });
    },

    async comments(ctx: AuthenticatedContext, id: string, query: { limit: number; cursor?: string }) {
      await found(db, ctx.actor, id);
      const rows = await repo.comments(db, id, query.limit, decodeCursor(query.cursor, 1));
      return toPage(rows, query.limit, (r) => [r.id]);
    },

    async comment(ctx: AuthenticatedContext, id: string, input: CreateCommentBody): Promise<ProposalComment> {
      return db.transaction(async (tx) => {
        await found(tx, ctx.actor, id, true);
        // The organisation the commenter speaks for, when their reading role is held on one.
        const [organizationId = null] = accessFor(ctx.actor, "proposals.read").organizations;
        const commentId = await repo.insertComment(tx, {
          proposalId: id,
          authorId: ctx.actor.userId,
          organizationId,
          body: input.body,
        });
        await recordAudit(tx, ctx, {
          action: "proposal.comment",
          entityType: ENTITY,
          entityId: id,
          after: { commentId, body: input.body },
        });
        const [created] = await repo.comments(tx, id, 1, undefined, commentId);
        if (!created) throw notFound("proposals.not_found");
        return created;
      });
    },

    async support(ctx: AuthenticatedContext, id: string, input: SupportBody): Promise<ProposalDetail> {
      const access = accessFor(ctx.actor, "proposals.submit");
      return db.transaction(async (tx) => {
        const proposal = await found(tx, ctx.actor, id, true);
        const organizationId = await actingOrganization(tx, access, input.organizationId);
        if (organizationId === proposal.organizationId)
          throw invalidField("organizationId", "proposals.own_support");
        if (!OPEN_FOR_SUPPORT.has(proposal.status)) throw new AppError(422, "proposals.support_closed");
        const added = await repo.addSupport(tx, {
          proposalId: id,
          organizationId,
          supportedBy: ctx.actor.userId,
        });
        if (!added) throw new AppError(409, "proposals.already_supported");
        await recordAudit(tx, ctx, {
          action: "proposal.support",
          entityType: ENTITY,
          entityId: id,
          after: { organizationId },
        });
        return detail(tx, ctx.actor, await found(tx, ctx.actor, id));
      });
    },

    async withdrawSupport(ctx: AuthenticatedContext, id: string, organizationId: string) {
      const access = accessFor(ctx.actor, "proposals.submit");
      return db.transaction(async (tx) => {
        await found(tx, ctx.actor, id, true);
        await actingOrganization(tx, access, organizationId);
        if (!(await repo.removeSupport(tx, id, organizationId)))
          throw notFound("proposals.support_not_found");
        await recordAudit(tx, ctx, {
          action: "proposal.unsupport",
          entityType: ENTITY,
          entityId: id,
          before: { organizationId },
        });
        return detail(tx, ctx.actor, await found(tx, ctx.actor, id));
      });
    },

    /** Checks the caller may attach to this proposal before reading the upload, then stores it with its audit event. */
    async attach(ctx: AuthenticatedContext, id: string, read: () => Promise<files.Upload>) {
      const proposal = await found(db, ctx.actor, id);
      if (!mayAttach(ctx.actor, proposal)) throw new AppError(403, "proposals.attach_forbidden");
      const upload = await read();
      return db.transaction(async (tx) => {
        await found(tx, ctx.actor, id, true);
        const stored = await files.storeFile(tx, { type: FILES_OWNER, id }, upload, ctx.actor.userId);
        await recordAudit(tx, ctx, {
          action: "proposal.attach",
          entityType: ENTITY,
          entityId: id,
          after: {
            fileId: stored.id,
            fileName: stored.fileName,
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
          },
        });
        return stored;
      });
    },

    /** One attachment with its content, for whoever may read the proposal. */
    async attachment(ctx: AuthenticatedContext, id: string, fileId: string) {
      await found(db, ctx.actor, id);
      const file = await files.findFile(db, { type: FILES_OWNER, id }, fileId);
      if (!file) throw notFound("proposals.attachment_not_found");
      return file;
    },

    /** A retained proposal becomes a project (through the partnerships module), linked both ways. */
    async convert(
      ctx: AuthenticatedContext,
      id: string,
      input: ConvertProposalBody,
    ): Promise<ProposalDetail> {
      return db.transaction(async (tx) => {
        const current = await found(tx, ctx.actor, id, true);
        assertReviewer(ctx.actor, current);
        assertVersion(current.version, input.version);
        if (current.projectId) throw new AppError(422, "proposals.already_converted");
        if (current.status !== "retained") throw new AppError(422, "proposals.not_retained_yet");
        if (input.endDate < input.startDate) throw invalidField("endDate", "proposals.end_before_start");
        if (input.responsibleOrgId && !(await repo.organizationsByIds(tx, [input.responsibleOrgId])).length)
          throw invalidField("responsibleOrgId", "proposals.organization_not_found");
        const project = await deps.createProject(tx, ctx, {
          code: input.code ?? `PRP-${current.createdAt.slice(0, 4)}-${id.slice(-6).toUpperCase()}`,
          titleFr: current.title,
          titleAr: input.titleAr ?? null,
          regionCode: current.regionCode,
          provinceCode: current.provinceCode,
          sector: input.sector ?? SECTOR_OF_THEME[current.theme],
          targetGroup: current.targetGroup,
          startDate: input.startDate,
          endDate: input.endDate,
          responsibleOrgId: input.responsibleOrgId ?? current.organizationId,
          description: current.description,
        });
        await repo.update(tx, id, { projectId: project.id });
        const updated = await found(tx, ctx.actor, id);
        await recordAudit(tx, ctx, {
          action: "proposal.convert",
          entityType: ENTITY,
          entityId: id,
          before: traced(current),
          after: traced(updated),
        });
        return detail(tx, ctx.actor, updated);
      });
    },
  };
}

export type ConsultationsService = ReturnType<typeof createConsultationsService>;
