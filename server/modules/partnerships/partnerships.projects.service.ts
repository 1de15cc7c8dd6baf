import type {
  CreateProjectBody,
  Project,
  ProjectExportQuery,
  ProjectListQuery,
  UpdateProjectBody,
} from "../../../contracts/projects.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { AppError, invalidField } from "../../platform/errors.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { type Access, accessFor, can, reaches } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import { establishmentsScope } from "../establishments/index.ts";
import { territoryNames } from "../territories/index.ts";
import { PROJECT_ERRORS as E } from "./partnerships.errors.ts";
import * as money from "./partnerships.money.repository.ts";
import { loadProject, systemToday, type Today, toSummary } from "./partnerships.projects.detail.ts";
import * as repo from "./partnerships.projects.repository.ts";

const ENTITY = "project";

/** Fields a person edits; what the audit trail compares. */
const editable = (p: Project) => ({
  code: p.code,
  titleFr: p.titleFr,
  titleAr: p.titleAr,
  conventionId: p.conventionId,
  axisId: p.axisId,
  regionCode: p.regionCode,
  provinceCode: p.provinceCode,
  sector: p.sector,
  targetGroup: p.targetGroup,
  startDate: p.startDate,
  endDate: p.endDate,
  status: p.status,
  responsibleOrgId: p.responsibleOrgId,
  physicalProgress: p.physicalProgress,
  description: p.description,
  establishmentIds: p.establishments.map((e) => e.id),
  programIds: p.programs.map((x) => x.id),
  archivedAt: p.archivedAt,
});

type ProjectFields = Omit<CreateProjectBody, "establishmentIds" | "programIds">;

export function createProjectsService(deps: { db: Db; today?: Today }) {
  const { db } = deps;
  const today = deps.today ?? systemToday;

  /**
   * The checks every create and update runs on the merged record: dates in order, province in its
   * region, a place the writer reaches, a convention the writer sees and an axis of it, organisations,
   * establishments (in the writer's scope) and programmes that exist.
   */
  async function validate(
    q: Queryable,
    ctx: AuthenticatedContext,
    access: Access,
    id: string | null,
    p: ProjectFields,
    links: { establishmentIds?: string[]; programIds?: string[] },
  ) {
    if (p.endDate < p.startDate) throw invalidField("endDate", E.endBeforeStart);
    if (p.provinceCode) {
      const names = await territoryNames(q, { regions: [], provinces: [p.provinceCode] }, "fr");
      const province = names.provinces.get(p.provinceCode);
      if (!province) throw invalidField("provinceCode", "validation.province_code");
      if (province.regionCode !== p.regionCode) throw invalidField("provinceCode", E.provinceRegionMismatch);
    }
    if (!reaches(access, { region: p.regionCode, province: p.provinceCode }))
      throw invalidField("regionCode", E.outOfScope);
    if (await repo.codeTaken(q, p.code, id)) throw invalidField("code", E.codeTaken);
    if (p.conventionId) {
      const conventionAccess = can(ctx.actor, "conventions.read")
        ? accessFor(ctx.actor, "conventions.read")
        : null;
      if (!conventionAccess || !(await repo.findConvention(q, conventionAccess, p.conventionId)))
        throw invalidField("conventionId", E.conventionNotFound);
    }
    if (p.axisId) {
      const axis = await repo.axisOf(q, p.axisId);
      if (!axis || axis.conventionId !== p.conventionId) throw invalidField("axisId", E.axisNotInConvention);
    }
    if (p.responsibleOrgId && !(await repo.organizationExists(q, p.responsibleOrgId)))
      throw invalidField("responsibleOrgId", E.organizationNotFound);
    if (id && (await money.milestonesOutside(q, id, p.startDate, p.endDate)))
      throw invalidField("startDate", E.milestonesOutside);
    if (links.establishmentIds?.length) {
      const scope = can(ctx.actor, "establishments.read")
        ? establishmentsScope(accessFor(ctx.actor, "establishments.read"))
        : undefined;
      const found = can(ctx.actor, "establishments.read")
        ? await repo.existingEstablishments(q, links.establishmentIds, scope)
        : new Set<string>();
      const missing = links.establishmentIds.findIndex((e) => !found.has(e));
      if (missing >= 0) throw invalidField(`establishmentIds.${missing}`, E.establishmentNotFound);
    }
    if (links.programIds?.length) {
      const found = await repo.existingPrograms(q, links.programIds);
      const missing = links.programIds.findIndex((x) => !found.has(x));
      if (missing >= 0) throw invalidField(`programIds.${missing}`, E.programNotFound);
    }
  }

  /**
   * Creates a project inside the caller's transaction (or its own): the entry point other modules
   * use, e.g. a retained stakeholder proposal becoming a project. `extra` carries columns other
   * modules add to the projects table (such as a proposal id), written as given.
   */
  async function createIn(
    q: Queryable,
    ctx: AuthenticatedContext,
    input: CreateProjectBody,
    extra: Record<string, unknown> = {},
  ): Promise<Project> {
    const access = accessFor(ctx.actor, "projects.write");
    const { establishmentIds = [], programIds = [], ...fields } = input;
    const values = {
      ...fields,
      conventionId: fields.conventionId ?? null,
      axisId: fields.axisId ?? null,
      provinceCode: fields.provinceCode ?? null,
    };
    await validate(q, ctx, access, null, values, { establishmentIds, programIds });
    const id = await repo.insert(q, { ...values, ...extra } as repo.ProjectInsert);
    await repo.replaceLinks(q, id, { establishmentIds, programIds });
    await repo.refreshParties(q, { projectId: id });
    const created = await loadProject(q, access, id, today());
    await recordAudit(q, ctx, {
      action: "project.create",
      entityType: ENTITY,
      entityId: id,
      after: { ...editable(created), ...extra },
    });
    return stripParties(created);
  }

  return {
    today,

    async list(ctx: AuthenticatedContext, query: ProjectListQuery) {
      const access = accessFor(ctx.actor, "projects.read");
      const { limit, cursor, ...filters } = query;
      const rows = await repo.list(db, access, {
        ...filters,
        today: today(),
        limit,
        cursorKey: decodeCursor(cursor, 2),
      });
      const { items, nextCursor } = toPage(rows, limit, (r) => [r.titleFr, r.id]);
      return { items: items.map(toSummary), nextCursor };
    },

    /** Every row of the filtered list, for CSV/XLSX; the export itself is audited. */
    async exportRows(ctx: AuthenticatedContext, query: ProjectExportQuery) {
      const access = accessFor(ctx.actor, "projects.read");
      const { format, ...filters } = query;
      await recordAudit(db, ctx, {
        action: "project.export",
        entityType: ENTITY,
        entityId: null,
        after: { format, filters },
      });
      return (await repo.list(db, access, { ...filters, today: today() })).map(toSummary);
    },

    async get(ctx: AuthenticatedContext, id: string): Promise<Project> {
      const { partyOrgIds: _, ...project } = await loadProject(
        db,
        accessFor(ctx.actor, "projects.read"),
        id,
        today(),
      );
      return project;
    },

    async create(ctx: AuthenticatedContext, input: CreateProjectBody): Promise<Project> {
      return db.transaction((tx) => createIn(tx, ctx, input));
    },

    createIn,

    async update(ctx: AuthenticatedContext, id: string, input: UpdateProjectBody): Promise<Project> {
      const access = accessFor(ctx.actor, "projects.write");
      return db.transaction(async (tx) => {
        const current = await loadProject(tx, access, id, today(), { lock: true });
        assertVersion(current.version, input.version);
        if (current.archivedAt) throw new AppError(422, E.archived);
        const { version: _, establishmentIds, programIds, ...changes } = input;
        const merged: ProjectFields = {
          code: changes.code ?? current.code,
          titleFr: changes.titleFr ?? current.titleFr,
          titleAr: changes.titleAr !== undefined ? changes.titleAr : current.titleAr,
          conventionId: changes.conventionId !== undefined ? changes.conventionId : current.conventionId,
          axisId:
            changes.axisId !== undefined
              ? changes.axisId
              : changes.conventionId !== undefined && changes.conventionId !== current.conventionId
                ? null
                : current.axisId,
          regionCode: changes.regionCode ?? current.regionCode,
          provinceCode: changes.provinceCode !== undefined ? changes.provinceCode : current.provinceCode,
          sector: changes.sector ?? current.sector,
          targetGroup: changes.targetGroup !== undefined ? changes.targetGroup : current.targetGroup,
          startDate: changes.startDate ?? current.startDate,
          endDate: changes.endDate ?? current.endDate,
          status: changes.status ?? current.status,
          responsibleOrgId:
            changes.responsibleOrgId !== undefined ? changes.responsibleOrgId : current.responsibleOrgId,
          physicalProgress: changes.physicalProgress ?? current.physicalProgress,
          description: changes.description !== undefined ? changes.description : current.description,
        };
        await validate(tx, ctx, access, id, merged, { establishmentIds, programIds });
        await repo.update(tx, id, merged);
        await repo.replaceLinks(tx, id, { establishmentIds, programIds });
        await repo.refreshParties(tx, { projectId: id });
        const updated = await loadProject(tx, access, id, today());
        await recordAudit(tx, ctx, {
          action: "project.update",
          entityType: ENTITY,
          entityId: id,
          before: editable(current),
          after: editable(updated),
        });
        return stripParties(updated);
      });
    },

    async setArchived(ctx: AuthenticatedContext, id: string, version: number, archived: boolean) {
      const access = accessFor(ctx.actor, "projects.write");
      return db.transaction(async (tx) => {
        const current = await loadProject(tx, access, id, today(), { lock: true });
        assertVersion(current.version, version);
        await repo.update(tx, id, { archivedAt: archived ? new Date().toISOString() : null });
        const updated = await loadProject(tx, access, id, today());
        await recordAudit(tx, ctx, {
          action: archived ? "project.archive" : "project.restore",
          entityType: ENTITY,
          entityId: id,
          before: editable(current),
          after: editable(updated),
        });
        return stripParties(updated);
      });
    },
  };
}

const stripParties = ({ partyOrgIds: _, ...p }: Project & { partyOrgIds: string[] }): Project => p;

export type ProjectsService = ReturnType<typeof createProjectsService>;
