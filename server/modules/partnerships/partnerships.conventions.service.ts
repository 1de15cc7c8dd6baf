import type {
  AxisBody,
  Convention,
  ConventionExportQuery,
  ConventionListQuery,
  CreateConventionBody,
  PartyBody,
  TargetBody,
  UpdateAxisBody,
  UpdateConventionBody,
  UpdatePartyBody,
  UpdateTargetBody,
} from "../../../contracts/conventions.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { AppError, invalidField, notFound } from "../../platform/errors.ts";
import * as files from "../../platform/files.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { type Access, accessFor, can, reaches } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import * as repo from "./partnerships.conventions.repository.ts";
import { CONVENTION_ERRORS as E } from "./partnerships.errors.ts";

const ENTITY = "convention";
/** Owner type of a convention's documents in stored_files. */
export const DOCUMENT_OWNER = "convention";

/** Fields a person edits; what the audit trail compares. */
const editable = (c: repo.ConventionRow) => ({
  reference: c.reference,
  titleFr: c.titleFr,
  titleAr: c.titleAr,
  type: c.type,
  parentId: c.parentId,
  status: c.status,
  signedOn: c.signedOn,
  signedPlace: c.signedPlace,
  startDate: c.startDate,
  endDate: c.endDate,
  regionCode: c.regionCode,
  summary: c.summary,
  partyOrgIds: c.partyOrgIds,
  archivedAt: c.archivedAt,
});

type Fields = Omit<CreateConventionBody, "parties" | "axes">;

/** What a change did: the convention's own fields to set, and the parts' before/after for the audit trail. */
interface Changed {
  set?: Partial<repo.ConventionInsert>;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export function createConventionsService(deps: { db: Db }) {
  const { db } = deps;

  const readScope = (ctx: AuthenticatedContext) =>
    repo.conventionsInScope(accessFor(ctx.actor, "conventions.read"));
  const writeAccess = (ctx: AuthenticatedContext) => accessFor(ctx.actor, "conventions.write");

  async function found(
    q: Queryable,
    scope: ReturnType<typeof repo.conventionsInScope>,
    id: string,
    lock = false,
  ) {
    const row = await repo.find(q, scope, id, { lock });
    if (!row) throw notFound(E.notFound);
    return row;
  }

  /** Reads the convention for a write: in the writer's scope, locked, not archived. */
  async function forWrite(tx: Queryable, access: Access, id: string) {
    const row = await found(tx, repo.conventionsWritable(access), id, true);
    if (row.archivedAt) throw new AppError(422, E.archived);
    return row;
  }

  /** The rules a convention's own fields obey, whatever the order they are edited in. */
  async function checkFields(q: Queryable, ctx: AuthenticatedContext, id: string | null, f: Fields) {
    if (f.startDate && f.endDate && f.endDate < f.startDate)
      throw invalidField("endDate", E.endBeforeStart, { start: f.startDate });
    if (f.status !== "draft" && !f.signedOn) throw invalidField("signedOn", E.signedOnRequired);
    if (f.parentId) {
      if (f.type !== "specific") throw invalidField("parentId", E.parentOnlySpecific);
      if (f.parentId === id) throw invalidField("parentId", E.parentNotFramework);
      const parent = await repo.find(q, readScope(ctx), f.parentId);
      if (!parent) throw invalidField("parentId", E.parentNotFound);
      if (parent.type !== "framework") throw invalidField("parentId", E.parentNotFramework);
    }
    if (await repo.referenceTaken(q, f.reference, id ?? undefined))
      throw new AppError(409, E.referenceTaken, { reference: f.reference }, [
        { path: "reference", code: E.referenceTaken },
      ]);
  }

  async function checkOrganizations(q: Queryable, ids: string[], path: (i: number) => string) {
    const known = await repo.existingOrganizations(q, ids);
    ids.forEach((o, i) => {
      if (!known.has(o)) throw invalidField(path(i), E.organizationNotFound);
      if (ids.indexOf(o) !== i) throw invalidField(path(i), E.partyDuplicate);
    });
  }

  async function addAxisWithTargets(tx: Queryable, conventionId: string, axis: AxisBody) {
    const { targets = [], ...values } = axis;
    const axisId = await repo.insertAxis(tx, conventionId, values);
    await repo.insertTargets(
      tx,
      targets.map((t) => ({ ...t, axisId })),
    );
    return axisId;
  }

  /** Runs a change to a convention or its parts: locked, audited, version moved on, answered whole. */
  async function change(
    ctx: AuthenticatedContext,
    id: string,
    action: string,
    work: (tx: Queryable, current: repo.ConventionRow, access: Access) => Promise<Changed | undefined>,
  ) {
    const access = writeAccess(ctx);
    await db.transaction(async (tx) => {
      const current = await forWrite(tx, access, id);
      const parts = await work(tx, current, access);
      // One version step per write, whether it changed the convention's fields or one of its parts.
      await repo.update(tx, id, parts?.set ?? {});
      const updated = await found(tx, undefined, id);
      await recordAudit(tx, ctx, {
        action,
        entityType: ENTITY,
        entityId: id,
        before: { ...editable(current), ...parts?.before },
        after: { ...editable(updated), ...parts?.after },
      });
    });
    return detail(ctx, id);
  }

  async function detail(ctx: AuthenticatedContext, id: string): Promise<Convention> {
    const access = accessFor(ctx.actor, "conventions.read");
    const row = await found(db, repo.conventionsInScope(access), id);
    const projectAccess = can(ctx.actor, "projects.read") ? accessFor(ctx.actor, "projects.read") : null;
    const [partyDetails, axes, children, documents, projectItems] = await Promise.all([
      repo.parties(db, id),
      repo.axes(db, id),
      repo.children(db, access, id),
      files.listFiles(db, { type: DOCUMENT_OWNER, id }),
      repo.projectsOf(db, projectAccess, id),
    ]);
    const { partyOrgIds: _, ...rest } = row;
    return {
      ...rest,
      children,
      partyDetails,
      axes,
      documents: documents.map(({ id, fileName, mediaType, sizeBytes, sha256, createdAt }) => ({
        id,
        fileName,
        mediaType,
        sizeBytes,
        sha256,
        createdAt,
      })),
      projects: {
        count: projectItems.length,
        budgetCentimes: projectItems.reduce((s, p) => s + p.budgetCentimes, 0),
        disbursedCentimes: projectItems.reduce((s, p) => s + p.disbursedCentimes, 0),
        items: projectItems,
      },
    };
  }

  return {
    async list(ctx: AuthenticatedContext, query: ConventionListQuery) {
      const access = accessFor(ctx.actor, "conventions.read");
      const rows = await repo.list(db, access, { ...query, cursorKey: decodeCursor(query.cursor, 2) });
      return toPage(rows, query.limit, (r) => [r.titleFr, r.id]);
    },

    /** Every convention of the filtered list, for CSV/XLSX; the export itself is audited. */
    async exportRows(ctx: AuthenticatedContext, query: ConventionExportQuery) {
      const access = accessFor(ctx.actor, "conventions.read");
      const rows = await repo.list(db, access, query);
      await recordAudit(db, ctx, {
        action: "convention.export",
        entityType: ENTITY,
        entityId: null,
        after: { format: query.format, count: rows.length, filter: { ...query, format: undefined } },
      });
      return rows;
    },

    get: detail,

    async create(ctx: AuthenticatedContext, input: CreateConventionBody): Promise<Convention> {
      const access = writeAccess(ctx);
      const { parties = [], axes = [], ...fields } = input;
      const id = await db.transaction(async (tx) => {
        await checkFields(tx, ctx, null, fields);
        const orgIds = parties.map((p) => p.organizationId);
        await checkOrganizations(tx, orgIds, (i) => `parties.${i}.organizationId`);
        if (!reaches(access, { region: fields.regionCode ?? null, parties: orgIds }))
          throw invalidField("regionCode", E.outOfScope);
        const id = await repo.insert(tx, { ...fields, partyOrgIds: [] });
        for (const p of parties) await repo.insertParty(tx, { ...p, conventionId: id });
        for (const a of axes) await addAxisWithTargets(tx, id, a);
        await repo.syncPartyOrgIds(tx, id);
        const created = await found(tx, undefined, id);
        await recordAudit(tx, ctx, {
          action: "convention.create",
          entityType: ENTITY,
          entityId: id,
          after: { ...editable(created), parties: parties.length, axes: axes.length },
        });
        return id;
      });
      return detail(ctx, id);
    },

    async update(ctx: AuthenticatedContext, id: string, input: UpdateConventionBody): Promise<Convention> {
      return change(ctx, id, "convention.update", async (tx, current, access) => {
        assertVersion(current.version, input.version);
        const { version: _, ...changes } = input;
        const merged: Fields = {
          reference: changes.reference ?? current.reference,
          titleFr: changes.titleFr ?? current.titleFr,
          titleAr: changes.titleAr !== undefined ? changes.titleAr : current.titleAr,
          type: changes.type ?? current.type,
          parentId: changes.parentId !== undefined ? changes.parentId : current.parentId,
          status: changes.status ?? current.status,
          signedOn: changes.signedOn !== undefined ? changes.signedOn : current.signedOn,
          signedPlace: changes.signedPlace !== undefined ? changes.signedPlace : current.signedPlace,
          startDate: changes.startDate !== undefined ? changes.startDate : current.startDate,
          endDate: changes.endDate !== undefined ? changes.endDate : current.endDate,
          regionCode: changes.regionCode !== undefined ? changes.regionCode : current.regionCode,
          summary: changes.summary !== undefined ? changes.summary : current.summary,
        };
        await checkFields(tx, ctx, id, merged);
        if (!reaches(access, { region: merged.regionCode ?? null, parties: current.partyOrgIds }))
          throw invalidField("regionCode", E.outOfScope);
        return { set: changes };
      });
    },

    async setArchived(ctx: AuthenticatedContext, id: string, version: number, archived: boolean) {
      const access = writeAccess(ctx);
      await db.transaction(async (tx) => {
        const current = await found(tx, repo.conventionsWritable(access), id, true);
        assertVersion(current.version, version);
        if (archived && (await repo.activeProjectCount(tx, id)) > 0) throw new AppError(422, E.hasProjects);
        await repo.update(tx, id, { archivedAt: archived ? new Date().toISOString() : null });
        const updated = await found(tx, undefined, id);
        await recordAudit(tx, ctx, {
          action: archived ? "convention.archive" : "convention.restore",
          entityType: ENTITY,
          entityId: id,
          before: editable(current),
          after: editable(updated),
        });
      });
      return detail(ctx, id);
    },

    // ---- parties ----

    addParty: (ctx: AuthenticatedContext, id: string, body: PartyBody) =>
      change(ctx, id, "convention.party.add", async (tx, current) => {
        await checkOrganizations(tx, [body.organizationId], () => "organizationId");
        if (current.partyOrgIds.includes(body.organizationId))
          throw invalidField("organizationId", E.partyDuplicate);
        await repo.insertParty(tx, { ...body, conventionId: id });
        await repo.syncPartyOrgIds(tx, id);
        return { after: { party: body } };
      }),

    updateParty: (ctx: AuthenticatedContext, id: string, partyId: string, body: UpdatePartyBody) =>
      change(ctx, id, "convention.party.update", async (tx) => {
        const party = (await repo.parties(tx, id)).find((p) => p.id === partyId);
        if (!party) throw notFound(E.childNotFound);
        await repo.updateParty(tx, partyId, body);
        const { organizationName: _, organizationNameAr: __, organizationType: ___, ...before } = party;
        return { before: { party: before }, after: { party: { ...before, ...body } } };
      }),

    removeParty: (ctx: AuthenticatedContext, id: string, partyId: string) =>
      change(ctx, id, "convention.party.remove", async (tx) => {
        const party = (await repo.parties(tx, id)).find((p) => p.id === partyId);
        if (!party) throw notFound(E.childNotFound);
        await repo.deleteParty(tx, partyId);
        await repo.syncPartyOrgIds(tx, id);
        return { before: { party: { organizationId: party.organizationId, role: party.role } } };
      }),

    // ---- axes and targets ----

    addAxis: (ctx: AuthenticatedContext, id: string, body: AxisBody) =>
      change(ctx, id, "convention.axis.add", async (tx) => {
        await addAxisWithTargets(tx, id, body);
        return { after: { axis: body.titleFr } };
      }),

    updateAxis: (ctx: AuthenticatedContext, id: string, axisId: string, body: UpdateAxisBody) =>
      change(ctx, id, "convention.axis.update", async (tx) => {
        const axis = await repo.findAxis(tx, id, axisId);
        if (!axis) throw notFound(E.childNotFound);
        await repo.updateAxis(tx, axisId, body);
        const before = { titleFr: axis.titleFr, titleAr: axis.titleAr, description: axis.description };
        return { before: { axis: before }, after: { axis: { ...before, ...body } } };
      }),

    removeAxis: (ctx: AuthenticatedContext, id: string, axisId: string) =>
      change(ctx, id, "convention.axis.remove", async (tx) => {
        const axis = await repo.findAxis(tx, id, axisId);
        if (!axis) throw notFound(E.childNotFound);
        if ((await repo.axisProjectCount(tx, axisId)) > 0) throw new AppError(422, E.axisHasProjects);
        await repo.deleteAxis(tx, id, axisId);
        return { before: { axis: axis.titleFr } };
      }),

    addTarget: (ctx: AuthenticatedContext, id: string, axisId: string, body: TargetBody) =>
      change(ctx, id, "convention.target.add", async (tx) => {
        if (!(await repo.findAxis(tx, id, axisId))) throw notFound(E.childNotFound);
        await repo.insertTargets(tx, [{ ...body, axisId }]);
        return { after: { target: body } };
      }),

    updateTarget: (ctx: AuthenticatedContext, id: string, targetId: string, body: UpdateTargetBody) =>
      change(ctx, id, "convention.target.update", async (tx) => {
        const target = await repo.findTarget(tx, id, targetId);
        if (!target) throw notFound(E.childNotFound);
        await repo.updateTarget(tx, targetId, body);
        return { before: { target: target.labelFr }, after: { target: body } };
      }),

    removeTarget: (ctx: AuthenticatedContext, id: string, targetId: string) =>
      change(ctx, id, "convention.target.remove", async (tx) => {
        const target = await repo.findTarget(tx, id, targetId);
        if (!target) throw notFound(E.childNotFound);
        await repo.deleteTarget(tx, targetId);
        return { before: { target: target.labelFr } };
      }),

    // ---- documents ----

    /** Checks the writer reaches the convention before reading the upload, then stores it. */
    async uploadDocument(ctx: AuthenticatedContext, id: string, read: () => Promise<files.Upload>) {
      await found(db, repo.conventionsWritable(writeAccess(ctx)), id);
      const upload = await read();
      let stored: files.StoredFileInfo | undefined;
      await change(ctx, id, "convention.document.upload", async (tx) => {
        stored = await files.storeFile(tx, { type: DOCUMENT_OWNER, id }, upload, ctx.actor.userId);
        return {
          after: {
            document: { fileName: stored.fileName, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
          },
        };
      });
      return stored as files.StoredFileInfo;
    },

    async listDocuments(ctx: AuthenticatedContext, id: string) {
      await found(db, readScope(ctx), id);
      return files.listFiles(db, { type: DOCUMENT_OWNER, id });
    },

    async document(ctx: AuthenticatedContext, id: string, documentId: string) {
      await found(db, readScope(ctx), id);
      const file = await files.findFile(db, { type: DOCUMENT_OWNER, id }, documentId);
      if (!file) throw notFound(E.documentNotFound);
      return file;
    },

    deleteDocument: (ctx: AuthenticatedContext, id: string, documentId: string) =>
      change(ctx, id, "convention.document.delete", async (tx) => {
        const removed = await files.deleteFile(tx, { type: DOCUMENT_OWNER, id }, documentId);
        if (!removed) throw notFound(E.documentNotFound);
        return { before: { document: { fileName: removed.fileName, sha256: removed.sha256 } } };
      }),
  };
}

export type ConventionsService = ReturnType<typeof createConventionsService>;
