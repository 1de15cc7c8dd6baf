import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type {
  ApplicationEvent,
  ApplicationStatus,
  ApplicationSummary,
  ServiceRecord,
} from "../../../contracts/applications.ts";
import type { ProgramStatus } from "../../../contracts/programs.ts";
import { type Queryable, readAll } from "../../platform/database.ts";
import type { Access } from "../../platform/scope.ts";
import { persons, personsScope } from "../beneficiaries/index.ts";
import { organizations } from "../organizations/index.ts";
import {
  applicationEvents,
  applicationServices,
  applications,
  programStageCounts,
  programStages,
  programs,
} from "./programs.table.ts";

/* Queries on applications, their events and services: filing, workflow, queue, public status, timeline, merge. */

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationInsert = typeof applications.$inferInsert;

/* ------------------------------------------------------------ applications */

const personName = sql<string>`${persons.firstNameLatin} || ' ' || ${persons.lastNameLatin}`;
const personNameAr = sql<
  string | null
>`nullif(trim(coalesce(${persons.firstNameAr}, '') || ' ' || coalesce(${persons.lastNameAr}, '')), '')`;

const summaryColumns = {
  id: applications.id,
  programId: applications.programId,
  programCode: programs.code,
  programNameFr: programs.nameFr,
  programNameAr: programs.nameAr,
  personId: applications.personId,
  personName,
  personNameAr,
  provinceCode: persons.provinceCode,
  channel: applications.channel,
  status: applications.status,
  stage: {
    id: programStages.id,
    code: programStages.code,
    nameFr: programStages.nameFr,
    nameAr: programStages.nameAr,
    kind: programStages.kind,
  },
  eligibility: sql<ApplicationSummary["eligibility"]>`${applications.eligibilityOutcome}`,
  filedAt: applications.createdAt,
  stageChangedAt: applications.stageChangedAt,
  version: applications.version,
};

const detailColumns = {
  ...summaryColumns,
  enrolledOn: applications.enrolledOn,
  closedOn: applications.closedOn,
  rejectionReason: applications.rejectionReason,
  eligibilityResult: applications.eligibilityResult,
  programStatus: programs.status,
  stagePosition: programStages.position,
};

/** Applications are scoped through their person: the person's province or region must be in reach. */
const baseQuery = <T extends Record<string, unknown>>(db: Queryable, columns: T) =>
  db
    .select(columns as never)
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .innerJoin(programStages, eq(programStages.id, applications.stageId))
    .innerJoin(persons, eq(persons.id, applications.personId));

export interface ApplicationFilter {
  programId?: string;
  personId?: string;
  status?: ApplicationStatus;
  stage?: string;
  limit: number;
  cursorKey?: unknown[];
}

/** Newest first. */
export async function listApplications(db: Queryable, access: Access, f: ApplicationFilter) {
  const where: (SQL | undefined)[] = [
    personsScope(access),
    f.programId ? eq(applications.programId, f.programId) : undefined,
    f.personId ? eq(applications.personId, f.personId) : undefined,
    f.status ? eq(applications.status, f.status) : undefined,
    f.stage ? eq(programStages.code, f.stage) : undefined,
    f.cursorKey
      ? sql`(${applications.createdAt}, ${applications.id}) < (${f.cursorKey[0]}::timestamptz, ${f.cursorKey[1]}::uuid)`
      : undefined,
  ];
  const rows = await baseQuery(db, summaryColumns)
    .where(and(...where))
    .orderBy(sql`${applications.createdAt} desc, ${applications.id} desc`)
    .limit(f.limit + 1);
  return rows as unknown as ApplicationSummary[];
}

/** Pending applications of a programme, oldest stage change first: the review queue. */
export async function queue(
  db: Queryable,
  access: Access,
  f: { programId: string; stage?: string; limit: number; cursorKey?: unknown[] },
) {
  const where: (SQL | undefined)[] = [
    personsScope(access),
    eq(applications.programId, f.programId),
    eq(applications.status, "pending"),
    f.stage ? eq(programStages.code, f.stage) : undefined,
    f.cursorKey
      ? sql`(${applications.stageChangedAt}, ${applications.id}) > (${f.cursorKey[0]}::timestamptz, ${f.cursorKey[1]}::uuid)`
      : undefined,
  ];
  const rows = await baseQuery(db, {
    ...summaryColumns,
    waitingSeconds: sql<number>`floor(extract(epoch from now() - ${applications.stageChangedAt}))::int`,
  })
    .where(and(...where))
    .orderBy(applications.stageChangedAt, applications.id)
    .limit(f.limit + 1);
  return rows as unknown as (ApplicationSummary & { waitingSeconds: number })[];
}

export type ApplicationDetailRow = ApplicationSummary & {
  enrolledOn: string | null;
  closedOn: string | null;
  rejectionReason: string | null;
  eligibilityResult: ApplicationRow["eligibilityResult"];
  programStatus: ProgramStatus;
  stagePosition: number;
};

export async function findApplication(
  db: Queryable,
  access: Access,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<ApplicationDetailRow | undefined> {
  const q = baseQuery(db, detailColumns).where(and(eq(applications.id, id), personsScope(access)));
  const [row] = opts.lock ? await q.for("update", { of: applications }) : await q;
  return row as unknown as ApplicationDetailRow | undefined;
}

export async function insertApplication(db: Queryable, values: ApplicationInsert) {
  const [row] = await db.insert(applications).values(values).returning({ id: applications.id });
  return row?.id as string;
}

export async function updateApplication(db: Queryable, id: string, values: Partial<ApplicationInsert>) {
  await db
    .update(applications)
    .set({ ...values, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(eq(applications.id, id));
}

export async function openApplicationOf(db: Queryable, personId: string, programId: string) {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.personId, personId),
        eq(applications.programId, programId),
        inArray(applications.status, ["pending", "enrolled"]),
      ),
    );
  return row?.id;
}

/** Codes of the programmes a person is enrolled in now (for `not_enrolled_in`). */
export async function enrolledProgramCodes(db: Queryable, personId: string) {
  const rows = await db
    .select({ code: programs.code })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .where(and(eq(applications.personId, personId), eq(applications.status, "enrolled")));
  return rows.map((r) => r.code);
}

/** Places taken in a programme (enrolled or completed), from its stage counters (migration 0022). */
export async function countEnrolled(db: Queryable, programId: string) {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${programStageCounts.n}), 0)::int` })
    .from(programStageCounts)
    .where(
      and(
        eq(programStageCounts.programId, programId),
        inArray(programStageCounts.status, ["enrolled", "completed"]),
      ),
    );
  return row?.n ?? 0;
}

/** The person an application is filed for, if the caller's scope reaches them. */
export async function personInScope(db: Queryable, access: Access, personId: string) {
  const [row] = await db
    .select({
      id: persons.id,
      regionCode: persons.regionCode,
      provinceCode: persons.provinceCode,
      mergedIntoId: persons.mergedIntoId,
    })
    .from(persons)
    .where(and(eq(persons.id, personId), personsScope(access)));
  return row;
}

export async function insertEvent(db: Queryable, values: typeof applicationEvents.$inferInsert) {
  await db.insert(applicationEvents).values(values);
}

export async function eventsOf(db: Queryable, applicationId: string): Promise<ApplicationEvent[]> {
  return db
    .select({
      id: applicationEvents.id,
      kind: applicationEvents.kind,
      fromStage: applicationEvents.fromStage,
      toStage: applicationEvents.toStage,
      reason: applicationEvents.reason,
      actorLabel: applicationEvents.actorLabel,
      occurredAt: applicationEvents.occurredAt,
    })
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(applicationEvents.occurredAt, applicationEvents.id);
}

export async function insertService(db: Queryable, values: typeof applicationServices.$inferInsert) {
  const [row] = await db.insert(applicationServices).values(values).returning({ id: applicationServices.id });
  return row?.id as string;
}

export async function servicesOf(db: Queryable, applicationId: string): Promise<ServiceRecord[]> {
  return db
    .select({
      id: applicationServices.id,
      deliveredOn: applicationServices.deliveredOn,
      type: applicationServices.type,
      quantity: applicationServices.quantity,
      unit: applicationServices.unit,
      amountCentimes: applicationServices.amountCentimes,
      providerId: applicationServices.providerId,
      providerName: organizations.nameFr,
      notes: applicationServices.notes,
      recordedBy: applicationServices.recordedBy,
      createdAt: applicationServices.createdAt,
    })
    .from(applicationServices)
    .leftJoin(organizations, eq(organizations.id, applicationServices.providerId))
    .where(eq(applicationServices.applicationId, applicationId))
    .orderBy(applicationServices.deliveredOn, applicationServices.id);
}

/* ------------------------------------------------------------------ public */

export async function findByTrackingHash(db: Queryable, hash: string) {
  const [row] = await db
    .select({
      id: applications.id,
      personId: applications.personId,
      birthDate: persons.birthDate,
      status: applications.status,
      filedAt: applications.createdAt,
      stageChangedAt: applications.stageChangedAt,
      programNameFr: programs.nameFr,
      programNameAr: programs.nameAr,
      stageNameFr: programStages.nameFr,
      stageNameAr: programStages.nameAr,
    })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .innerJoin(programStages, eq(programStages.id, applications.stageId))
    .innerJoin(persons, eq(persons.id, applications.personId))
    .where(eq(applications.trackingHash, hash));
  return row;
}

/* ---------------------------------------------------------- person timeline */

export async function timelineOf(db: Queryable, personId: string) {
  const apps = await db
    .select({
      id: applications.id,
      programId: applications.programId,
      programCode: programs.code,
      programNameFr: programs.nameFr,
      programNameAr: programs.nameAr,
      status: applications.status,
      enrolledOn: applications.enrolledOn,
    })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .where(eq(applications.personId, personId));
  const ids = apps.map((a) => a.id);
  if (!ids.length) return { apps, events: [], services: [] };
  const [events, services] = await readAll(db, [
    () =>
      db
        .select()
        .from(applicationEvents)
        .where(inArray(applicationEvents.applicationId, ids))
        .orderBy(applicationEvents.occurredAt),
    () =>
      db
        .select()
        .from(applicationServices)
        .where(inArray(applicationServices.applicationId, ids))
        .orderBy(applicationServices.deliveredOn),
  ]);
  return { apps, events, services };
}

export async function openProgramIds(db: Queryable, personId: string) {
  const rows = await db
    .select({ programId: applications.programId })
    .from(applications)
    .where(and(eq(applications.personId, personId), inArray(applications.status, ["pending", "enrolled"])));
  return rows.map((r) => r.programId);
}

/**
 * After a merge: the applications of `fromId` now belong to `intoId`. Where both
 * were open in the same programme, the moved one is withdrawn (one open application
 * per person and programme). Returns the ids moved and which were withdrawn.
 */
export async function reassignApplications(db: Queryable, fromId: string, intoId: string) {
  const openInto = await openProgramIds(db, intoId);
  const clashing = openInto.length
    ? await db
        .update(applications)
        .set({ status: "withdrawn", closedOn: sql`current_date`, version: sql`${applications.version} + 1` })
        .where(
          and(
            eq(applications.personId, fromId),
            inArray(applications.programId, openInto),
            inArray(applications.status, ["pending", "enrolled"]),
          ),
        )
        .returning({ id: applications.id })
    : [];
  const withdrawn = new Set(clashing.map((r) => r.id));
  const rows = await db
    .update(applications)
    .set({ personId: intoId, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(eq(applications.personId, fromId))
    .returning({ id: applications.id });
  return rows.map((r) => ({ id: r.id, withdrawn: withdrawn.has(r.id) }));
}
