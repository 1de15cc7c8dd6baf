import { today } from "../../../contracts/calendar.ts";
import type {
  AdmissionRequestBody,
  AdmitBody,
  AttendanceBody,
  AttendanceDay,
  DecisionBody,
  DischargeBody,
  Occupancy,
  OccupancyQuery,
  Resident,
  ResidentFile,
  ResidentListQuery,
  ResidentServiceBody,
} from "../../../contracts/residents.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext, RequestContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { AppError, invalidField, notFound } from "../../platform/errors.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { type Access, accessFor, can } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import type { TimelineSource } from "../beneficiaries/index.ts";
import { admissionPerson, createCandidatesService } from "./establishments.candidates.ts";
import * as repo from "./establishments.residents.repository.ts";

const ENTITY = "resident_stay";

const notFuture = (path: string, day: string) => {
  if (day > today()) throw invalidField(path, "residents.future_date");
};

type StayRow = NonNullable<Awaited<ReturnType<typeof repo.findStay>>>;

/** The resident's public shape; birth date and CIN only for callers holding persons.personal. */
function toResident(row: StayRow, personal: boolean): Resident {
  return {
    id: row.id,
    establishmentId: row.establishmentId,
    person: {
      id: row.personId,
      firstNameLatin: row.firstNameLatin,
      lastNameLatin: row.lastNameLatin,
      firstNameAr: row.firstNameAr,
      lastNameAr: row.lastNameAr,
      sex: row.sex,
      birthDate: personal ? row.birthDate : null,
      cin: personal ? row.cin : null,
    },
    status: row.status,
    referralSource: row.referralSource,
    requestReason: row.requestReason,
    requestedOn: row.requestedOn,
    decidedOn: row.decidedOn,
    decisionReason: row.decisionReason,
    admittedOn: row.admittedOn,
    place: row.place,
    overCapacityReason: row.overCapacityReason,
    dischargedOn: row.dischargedOn,
    dischargeReason: row.dischargeReason,
    dischargeDestination: row.dischargeDestination,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** What the audit trail compares (no personal data of the person). */
const audited = (r: StayRow) => ({
  status: r.status,
  personId: r.personId,
  referralSource: r.referralSource,
  requestReason: r.requestReason,
  requestedOn: r.requestedOn,
  decidedOn: r.decidedOn,
  decisionReason: r.decisionReason,
  admittedOn: r.admittedOn,
  place: r.place,
  overCapacityReason: r.overCapacityReason,
  dischargedOn: r.dischargedOn,
  dischargeReason: r.dischargeReason,
  dischargeDestination: r.dischargeDestination,
});

const sees = (ctx: RequestContext) => !!ctx.actor && can(ctx.actor, "persons.personal");

export function createResidentsService(deps: { db: Db }) {
  const { db } = deps;

  async function establishment(q: Queryable, access: Access, id: string, lock = false) {
    const row = await repo.findEstablishment(q, access, id, { lock });
    if (!row) throw notFound("establishments.not_found");
    return row;
  }

  async function stay(q: Queryable, access: Access, establishmentId: string, id: string, lock = false) {
    const row = await repo.findStay(q, access, establishmentId, id, { lock });
    if (!row) throw notFound("residents.not_found");
    return row;
  }

  /** A step of the stay: read for update, check version and status, write, audit. */
  async function step(
    ctx: AuthenticatedContext,
    establishmentId: string,
    id: string,
    version: number,
    apply: (tx: Queryable, current: StayRow, access: Access) => Promise<{ action: string }>,
  ): Promise<Resident> {
    const access = accessFor(ctx.actor, "residents.write");
    return db.transaction(async (tx) => {
      // The establishment row is locked first: admissions of one establishment are serialised (capacity).
      await establishment(tx, access, establishmentId, true);
      const current = await stay(tx, access, establishmentId, id, true);
      assertVersion(current.version, version);
      const { action } = await apply(tx, current, access);
      const updated = await stay(tx, access, establishmentId, id);
      await recordAudit(tx, ctx, {
        action,
        entityType: ENTITY,
        entityId: id,
        before: audited(current),
        after: audited(updated),
      });
      return toResident(updated, sees(ctx));
    });
  }

  return {
    /** Admission candidates of the establishment's province (see establishments.candidates.ts). */
    candidates: createCandidatesService({ db }).search,

    async list(ctx: AuthenticatedContext, establishmentId: string, query: ResidentListQuery) {
      const access = accessFor(ctx.actor, "residents.read");
      await establishment(db, access, establishmentId);
      const rows = await repo.listStays(db, access, establishmentId, {
        status: query.status,
        open: query.open === "true",
        view: query.view,
        limit: query.limit,
        cursorKey: decodeCursor(query.cursor, 3),
      });
      const page = toPage(rows, query.limit, (r) => [r.lastNameLatin, r.firstNameLatin, r.id]);
      return { items: page.items.map((r) => toResident(r, sees(ctx))), nextCursor: page.nextCursor };
    },

    async get(ctx: AuthenticatedContext, establishmentId: string, id: string): Promise<ResidentFile> {
      const access = accessFor(ctx.actor, "residents.read");
      const row = await stay(db, access, establishmentId, id);
      const services = await repo.servicesOf(db, id);
      return {
        ...toResident(row, sees(ctx)),
        services: services.map((s) => ({
          id: s.id,
          residentId: s.stayId,
          deliveredOn: s.deliveredOn,
          type: s.type,
          note: s.note,
          provider: s.provider,
          createdAt: s.createdAt,
        })),
      };
    },

    async request(
      ctx: AuthenticatedContext,
      establishmentId: string,
      input: AdmissionRequestBody,
    ): Promise<Resident> {
      const access = accessFor(ctx.actor, "residents.write");
      const requestedOn = input.requestedOn ?? today();
      notFuture("requestedOn", requestedOn);
      return db.transaction(async (tx) => {
        const est = await establishment(tx, access, establishmentId, true);
        if (est.archivedAt) throw new AppError(422, "residents.establishment_archived");
        const person = await admissionPerson(tx, ctx, est, input);
        if (await repo.openStayOf(tx, person.id)) throw new AppError(409, "residents.open_stay");
        const id = await repo.insertStay(tx, {
          establishmentId,
          personId: person.id,
          sex: person.sex,
          referralSource: input.referralSource,
          requestReason: input.reason,
          requestedOn,
        });
        const created = await stay(tx, access, establishmentId, id);
        await recordAudit(tx, ctx, {
          action: "resident.request",
          entityType: ENTITY,
          entityId: id,
          after: { establishmentId, ...audited(created) },
        });
        return toResident(created, sees(ctx));
      });
    },

    decide(ctx: AuthenticatedContext, establishmentId: string, id: string, input: DecisionBody) {
      const decidedOn = input.decidedOn ?? today();
      notFuture("decidedOn", decidedOn);
      return step(ctx, establishmentId, id, input.version, async (tx, current) => {
        if (current.status !== "requested") throw new AppError(422, "residents.not_requested");
        if (decidedOn < current.requestedOn) throw invalidField("decidedOn", "residents.before_request");
        if (input.decision === "refused" && !input.reason)
          throw invalidField("reason", "validation.required");
        await repo.updateStay(tx, id, {
          status: input.decision,
          decidedOn,
          decisionReason: input.reason ?? null,
        });
        return { action: input.decision === "accepted" ? "resident.accept" : "resident.refuse" };
      });
    },

    admit(ctx: AuthenticatedContext, establishmentId: string, id: string, input: AdmitBody) {
      notFuture("admittedOn", input.admittedOn);
      return step(ctx, establishmentId, id, input.version, async (tx, current) => {
        if (current.status !== "accepted") throw new AppError(422, "residents.not_accepted");
        if (input.admittedOn < current.requestedOn)
          throw invalidField("admittedOn", "residents.before_request");
        const est = await establishment(tx, accessFor(ctx.actor, "residents.write"), establishmentId);
        const capacity = current.sex === "male" ? est.capacityMale : est.capacityFemale;
        const occupied = await repo.countAdmitted(tx, establishmentId, current.sex);
        const over = occupied >= capacity;
        if (over && !input.overCapacityReason)
          throw new AppError(409, "residents.over_capacity", { sex: current.sex, capacity, occupied });
        await repo.updateStay(tx, id, {
          status: "admitted",
          admittedOn: input.admittedOn,
          place: input.place ?? null,
          overCapacityReason: over ? (input.overCapacityReason ?? null) : null,
        });
        return { action: over ? "resident.admit_over_capacity" : "resident.admit" };
      });
    },

    discharge(ctx: AuthenticatedContext, establishmentId: string, id: string, input: DischargeBody) {
      notFuture("dischargedOn", input.dischargedOn);
      return step(ctx, establishmentId, id, input.version, async (tx, current) => {
        if (current.status !== "admitted") throw new AppError(422, "residents.not_admitted");
        if (!current.admittedOn || input.dischargedOn < current.admittedOn)
          throw invalidField("dischargedOn", "residents.discharge_before_admission");
        await repo.updateStay(tx, id, {
          status: "discharged",
          dischargedOn: input.dischargedOn,
          dischargeReason: input.reason,
          dischargeDestination: input.destination ?? null,
        });
        return { action: "resident.discharge" };
      });
    },

    async addService(
      ctx: AuthenticatedContext,
      establishmentId: string,
      id: string,
      input: ResidentServiceBody,
    ) {
      const access = accessFor(ctx.actor, "residents.write");
      notFuture("deliveredOn", input.deliveredOn);
      return db.transaction(async (tx) => {
        const current = await stay(tx, access, establishmentId, id);
        if (current.status !== "admitted" && current.status !== "discharged")
          throw new AppError(422, "residents.not_admitted");
        const row = await repo.insertService(tx, {
          stayId: id,
          deliveredOn: input.deliveredOn,
          type: input.type,
          note: input.note ?? null,
          provider: input.provider ?? null,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: "resident.service_add",
          entityType: ENTITY,
          entityId: id,
          after: { deliveredOn: row.deliveredOn, type: row.type, note: row.note, provider: row.provider },
        });
        return {
          id: row.id,
          residentId: id,
          deliveredOn: row.deliveredOn,
          type: row.type,
          note: row.note,
          provider: row.provider,
          createdAt: row.createdAt,
        };
      });
    },

    async attendance(
      ctx: AuthenticatedContext,
      establishmentId: string,
      day: string,
    ): Promise<AttendanceDay> {
      const access = accessFor(ctx.actor, "residents.read");
      await establishment(db, access, establishmentId);
      return dayOf(db, establishmentId, day);
    },

    async saveAttendance(
      ctx: AuthenticatedContext,
      establishmentId: string,
      input: AttendanceBody,
    ): Promise<AttendanceDay> {
      const access = accessFor(ctx.actor, "residents.write");
      notFuture("date", input.date);
      return db.transaction(async (tx) => {
        await establishment(tx, access, establishmentId, true);
        const before = await dayOf(tx, establishmentId, input.date);
        const residents = new Set(before.lines.map((l) => l.residentId));
        const seen = new Set<string>();
        input.entries.forEach((e, i) => {
          if (!residents.has(e.residentId))
            throw invalidField(`entries.${i}.residentId`, "residents.not_resident_that_day");
          if (seen.has(e.residentId)) throw invalidField(`entries.${i}.residentId`, "residents.duplicate");
          seen.add(e.residentId);
        });
        await repo.upsertAttendance(tx, establishmentId, input.date, input.entries);
        const saved = await dayOf(tx, establishmentId, input.date);
        const summary = (d: AttendanceDay) =>
          Object.fromEntries(d.lines.filter((l) => l.status).map((l) => [l.residentId, l.status]));
        await recordAudit(tx, ctx, {
          action: "attendance.save",
          entityType: "establishment",
          entityId: establishmentId,
          before: { date: input.date, register: summary(before) },
          after: { date: input.date, register: summary(saved) },
        });
        return saved;
      });
    },

    async occupancy(
      ctx: AuthenticatedContext,
      establishmentId: string,
      query: OccupancyQuery,
    ): Promise<Occupancy> {
      const access = accessFor(ctx.actor, "residents.read");
      const est = await establishment(db, access, establishmentId);
      if (query.to < query.from) throw invalidField("to", "residents.range_order");
      const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
      if (days > 3660) throw invalidField("from", "residents.range_too_long");
      const rows = await repo.occupancyByDay(db, establishmentId, query.from, query.to);
      const cm = est.capacityMale;
      const cf = est.capacityFemale;
      const pct = (n: number, cap: number) => (cap > 0 ? Math.round((n / cap) * 1000) / 10 : null);
      const point = (period: string, male: number, female: number) => ({
        period,
        male,
        female,
        total: Math.round((male + female) * 100) / 100,
        capacityMale: cm,
        capacityFemale: cf,
        rateMale: pct(male, cm),
        rateFemale: pct(female, cf),
        rate: pct(male + female, cm + cf),
      });
      if (query.granularity === "day")
        return { granularity: "day", points: rows.map((r) => point(r.day, r.male, r.female)) };
      const months = new Map<string, { male: number; female: number; n: number }>();
      for (const r of rows) {
        const m = months.get(r.day.slice(0, 7)) ?? { male: 0, female: 0, n: 0 };
        m.male += r.male;
        m.female += r.female;
        m.n += 1;
        months.set(r.day.slice(0, 7), m);
      }
      const avg = (x: number, n: number) => Math.round((x / n) * 100) / 100;
      return {
        granularity: "month",
        points: [...months].map(([k, m]) => point(k, avg(m.male, m.n), avg(m.female, m.n))),
      };
    },
  };
}

async function dayOf(q: Queryable, establishmentId: string, day: string): Promise<AttendanceDay> {
  const rows = await repo.attendanceOf(q, establishmentId, day);
  const saved = rows.map((r) => r.updatedAt).filter((x): x is string => !!x);
  return {
    date: day,
    lines: rows.map(({ updatedAt: _, ...l }) => l),
    savedAt: saved.length ? (saved.sort().at(-1) ?? null) : null,
  };
}

export type ResidentsService = ReturnType<typeof createResidentsService>;

/** Stays in the person's timeline, for callers who may read residents of that establishment. */
export const residentsTimeline: TimelineSource = {
  name: "residents",
  async events({ db, ctx, personId, locale }) {
    if (!can(ctx.actor, "residents.read")) return [];
    const access = accessFor(ctx.actor, "residents.read");
    const stays = await repo.staysOfPerson(db, access, personId);
    const out = [];
    for (const s of stays) {
      const label = (locale === "ar" && s.nameAr) || s.nameFr;
      const base = { source: "residents", entityType: ENTITY, entityId: s.id, label, status: s.status };
      out.push({ ...base, at: `${s.requestedOn}T00:00:00.000Z`, kind: "stay_requested" });
      if (s.admittedOn) out.push({ ...base, at: `${s.admittedOn}T00:00:00.000Z`, kind: "stay_admitted" });
      if (s.dischargedOn)
        out.push({ ...base, at: `${s.dischargedOn}T00:00:00.000Z`, kind: "stay_discharged" });
    }
    return out;
  },
};

/** Residents currently admitted, by sex: the registry refuses a capacity below these. */
export async function currentResidents(q: Queryable, establishmentId: string) {
  return {
    male: await repo.countAdmitted(q, establishmentId, "male"),
    female: await repo.countAdmitted(q, establishmentId, "female"),
  };
}
