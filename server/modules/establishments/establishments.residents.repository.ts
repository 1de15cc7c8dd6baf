import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { OPEN_STAY_STATUSES, STAY_VIEWS, type StayStatus } from "../../../contracts/residents.ts";
import type { Queryable } from "../../platform/database.ts";
import { after } from "../../platform/pagination.ts";
import type { Access } from "../../platform/scope.ts";
import { persons } from "../beneficiaries/index.ts";
import { residentAttendance, residentServices, residentStays } from "./establishments.residents.table.ts";
import { establishmentsScope } from "./establishments.scope.ts";
import { establishments } from "./establishments.table.ts";

export type StayRow = Awaited<ReturnType<typeof findStay>> & {};
export type StayInsert = typeof residentStays.$inferInsert;

/** The establishment in the caller's scope (capacities for the admission rule), or undefined. */
export async function findEstablishment(
  db: Queryable,
  access: Access,
  id: string,
  opts: { lock?: boolean } = {},
) {
  const q = db
    .select({
      id: establishments.id,
      capacityMale: establishments.capacityMale,
      capacityFemale: establishments.capacityFemale,
      archivedAt: establishments.archivedAt,
      regionCode: establishments.regionCode,
      provinceCode: establishments.provinceCode,
    })
    .from(establishments)
    .where(and(eq(establishments.id, id), establishmentsScope(access)));
  const [row] = opts.lock ? await q.for("update") : await q;
  return row;
}

const stayColumns = {
  id: residentStays.id,
  establishmentId: residentStays.establishmentId,
  personId: residentStays.personId,
  sex: residentStays.sex,
  status: residentStays.status,
  referralSource: residentStays.referralSource,
  requestReason: residentStays.requestReason,
  requestedOn: residentStays.requestedOn,
  decidedOn: residentStays.decidedOn,
  decisionReason: residentStays.decisionReason,
  admittedOn: residentStays.admittedOn,
  place: residentStays.place,
  overCapacityReason: residentStays.overCapacityReason,
  dischargedOn: residentStays.dischargedOn,
  dischargeReason: residentStays.dischargeReason,
  dischargeDestination: residentStays.dischargeDestination,
  createdAt: residentStays.createdAt,
  updatedAt: residentStays.updatedAt,
  version: residentStays.version,
  firstNameLatin: persons.firstNameLatin,
  lastNameLatin: persons.lastNameLatin,
  firstNameAr: persons.firstNameAr,
  lastNameAr: persons.lastNameAr,
  birthDate: persons.birthDate,
  cin: persons.cin,
};

export interface StayFilter {
  status?: StayStatus;
  open: boolean;
  view?: keyof typeof STAY_VIEWS;
  limit: number;
  cursorKey?: unknown[];
}

/** Stays of an establishment (already checked in scope), by person name. */
export async function listStays(db: Queryable, access: Access, establishmentId: string, f: StayFilter) {
  const where: (SQL | undefined)[] = [
    eq(residentStays.establishmentId, establishmentId),
    establishmentsScope(access),
    f.status ? eq(residentStays.status, f.status) : undefined,
    f.open ? inArray(residentStays.status, [...OPEN_STAY_STATUSES]) : undefined,
    f.view ? inArray(residentStays.status, [...STAY_VIEWS[f.view]]) : undefined,
    f.cursorKey
      ? after([persons.lastNameLatin, persons.firstNameLatin, residentStays.id], f.cursorKey)
      : undefined,
  ];
  return db
    .select(stayColumns)
    .from(residentStays)
    .innerJoin(persons, eq(persons.id, residentStays.personId))
    .innerJoin(establishments, eq(establishments.id, residentStays.establishmentId))
    .where(and(...where))
    .orderBy(persons.lastNameLatin, persons.firstNameLatin, residentStays.id)
    .limit(f.limit + 1);
}

export async function findStay(
  db: Queryable,
  access: Access,
  establishmentId: string,
  id: string,
  opts: { lock?: boolean } = {},
) {
  const q = db
    .select(stayColumns)
    .from(residentStays)
    .innerJoin(persons, eq(persons.id, residentStays.personId))
    .innerJoin(establishments, eq(establishments.id, residentStays.establishmentId))
    .where(
      and(
        eq(residentStays.id, id),
        eq(residentStays.establishmentId, establishmentId),
        establishmentsScope(access),
      ),
    );
  const [row] = opts.lock ? await q.for("update", { of: residentStays }) : await q;
  return row;
}

/** A registry person (not merged away), for the admission request. */
export async function findPerson(db: Queryable, id: string) {
  const [row] = await db
    .select({
      id: persons.id,
      sex: persons.sex,
      mergedIntoId: persons.mergedIntoId,
      regionCode: persons.regionCode,
      provinceCode: persons.provinceCode,
    })
    .from(persons)
    .where(eq(persons.id, id));
  return row;
}

export async function openStayOf(db: Queryable, personId: string) {
  const [row] = await db
    .select({ id: residentStays.id, establishmentId: residentStays.establishmentId })
    .from(residentStays)
    .where(and(eq(residentStays.personId, personId), inArray(residentStays.status, [...OPEN_STAY_STATUSES])));
  return row;
}

export async function insertStay(db: Queryable, values: StayInsert) {
  const [row] = await db.insert(residentStays).values(values).returning({ id: residentStays.id });
  return row?.id as string;
}

export async function updateStay(db: Queryable, id: string, values: Partial<StayInsert>) {
  await db
    .update(residentStays)
    .set({ ...values, version: sql`${residentStays.version} + 1`, updatedAt: sql`now()` })
    .where(eq(residentStays.id, id));
}

/** Residents of one sex currently admitted (not discharged): what the capacity counts. */
export async function countAdmitted(db: Queryable, establishmentId: string, sex: "female" | "male") {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(residentStays)
    .where(
      and(
        eq(residentStays.establishmentId, establishmentId),
        eq(residentStays.sex, sex),
        eq(residentStays.status, "admitted"),
      ),
    );
  return row?.n ?? 0;
}

export async function servicesOf(db: Queryable, stayId: string) {
  return db
    .select()
    .from(residentServices)
    .where(eq(residentServices.stayId, stayId))
    .orderBy(asc(residentServices.deliveredOn), asc(residentServices.id));
}

export async function insertService(db: Queryable, values: typeof residentServices.$inferInsert) {
  const [row] = await db.insert(residentServices).values(values).returning();
  return row as typeof residentServices.$inferSelect;
}

/** Residents in the establishment that day (admitted on or before, not discharged by then), with their status. */
export async function attendanceOf(db: Queryable, establishmentId: string, day: string) {
  return db
    .select({
      residentId: residentStays.id,
      personId: residentStays.personId,
      firstNameLatin: persons.firstNameLatin,
      lastNameLatin: persons.lastNameLatin,
      firstNameAr: persons.firstNameAr,
      lastNameAr: persons.lastNameAr,
      sex: residentStays.sex,
      place: residentStays.place,
      status: residentAttendance.status,
      updatedAt: residentAttendance.updatedAt,
    })
    .from(residentStays)
    .innerJoin(persons, eq(persons.id, residentStays.personId))
    .leftJoin(
      residentAttendance,
      and(eq(residentAttendance.stayId, residentStays.id), eq(residentAttendance.day, day)),
    )
    .where(
      and(
        eq(residentStays.establishmentId, establishmentId),
        inArray(residentStays.status, ["admitted", "discharged"]),
        sql`${residentStays.admittedOn} <= ${day}::date`,
        sql`(${residentStays.dischargedOn} is null or ${residentStays.dischargedOn} > ${day}::date)`,
      ),
    )
    .orderBy(persons.lastNameLatin, persons.firstNameLatin, residentStays.id);
}

export async function upsertAttendance(
  db: Queryable,
  establishmentId: string,
  day: string,
  entries: readonly { residentId: string; status: "present" | "absent" | "excused" }[],
) {
  if (!entries.length) return;
  await db
    .insert(residentAttendance)
    .values(entries.map((e) => ({ stayId: e.residentId, day, establishmentId, status: e.status })))
    .onConflictDoUpdate({
      target: [residentAttendance.stayId, residentAttendance.day],
      set: { status: sql`excluded.status`, updatedAt: sql`now()` },
    });
}

/** Occupied places per day and sex between two dates (inclusive), from the stays. */
export async function occupancyByDay(db: Queryable, establishmentId: string, from: string, to: string) {
  const result = await db.execute<{ day: string; male: number; female: number }>(sql`
    select to_char(d, 'YYYY-MM-DD') as day,
      count(s.id) filter (where s.sex = 'male')::int as male,
      count(s.id) filter (where s.sex = 'female')::int as female
    from generate_series(${from}::date, ${to}::date, interval '1 day') d
    left join ${residentStays} s on s.establishment_id = ${establishmentId}::uuid
      and s.status in ('admitted', 'discharged')
      and s.admitted_on <= d::date and (s.discharged_on is null or s.discharged_on > d::date)
    group by d order by d`);
  return result.rows;
}

/** The stays of a person, for the timeline. */
export async function staysOfPerson(db: Queryable, access: Access, personId: string) {
  return db
    .select({
      id: residentStays.id,
      establishmentId: residentStays.establishmentId,
      nameFr: establishments.nameFr,
      nameAr: establishments.nameAr,
      status: residentStays.status,
      requestedOn: residentStays.requestedOn,
      admittedOn: residentStays.admittedOn,
      dischargedOn: residentStays.dischargedOn,
    })
    .from(residentStays)
    .innerJoin(establishments, eq(establishments.id, residentStays.establishmentId))
    .where(and(eq(residentStays.personId, personId), establishmentsScope(access)));
}
