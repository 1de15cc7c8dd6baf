import { and, asc, eq, sql } from "drizzle-orm";
import type { Relationship } from "../../../contracts/beneficiaries.ts";
import type { Queryable } from "../../platform/database.ts";
import { after } from "../../platform/pagination.ts";
import { type Access, scopeFilter } from "../../platform/scope.ts";
import { personsScope } from "./beneficiaries.persons.repository.ts";
import { householdMembers, households, persons } from "./beneficiaries.table.ts";

/** Queries on households and their members. */

export type HouseholdInsert = typeof households.$inferInsert;

const householdsScope = (access: Access) =>
  scopeFilter(access, { region: households.regionCode, province: households.provinceCode });

const headName = sql<string>`(select p.first_name_latin || ' ' || p.last_name_latin from persons p where p.id = households.head_person_id)`;
const memberCount = sql<number>`(select count(*)::int from household_members m where m.household_id = households.id)`;

const householdColumns = {
  id: households.id,
  headPersonId: households.headPersonId,
  headName,
  regionCode: households.regionCode,
  provinceCode: households.provinceCode,
  commune: households.commune,
  address: households.address,
  socioEconomicScore: households.socioEconomicScore,
  scoreDate: households.scoreDate,
  memberCount,
  createdAt: households.createdAt,
  updatedAt: households.updatedAt,
  version: households.version,
};

export interface HouseholdFilter {
  region?: string;
  province?: string;
  /** Persons (already scope-filtered search) whose households are wanted. */
  memberIds?: string[];
  limit: number;
  cursorKey?: unknown[];
}

export async function listHouseholds(db: Queryable, access: Access, f: HouseholdFilter) {
  return db
    .select(householdColumns)
    .from(households)
    .where(
      and(
        householdsScope(access),
        f.region ? eq(households.regionCode, f.region) : undefined,
        f.province ? eq(households.provinceCode, f.province) : undefined,
        f.memberIds
          ? sql`${households.id} in (select household_id from household_members where person_id = any(${sql.param(f.memberIds)}::uuid[]))`
          : undefined,
        f.cursorKey ? after([households.id], f.cursorKey) : undefined,
      ),
    )
    .orderBy(households.id)
    .limit(f.limit + 1);
}

export async function findHousehold(
  db: Queryable,
  access: Access,
  id: string,
  opts: { lock?: boolean } = {},
) {
  const q = db
    .select(householdColumns)
    .from(households)
    .where(and(eq(households.id, id), householdsScope(access)));
  const [row] = opts.lock ? await q.for("update", { of: households }) : await q;
  return row;
}

/** Members visible to the caller: a member living outside their scope is left out. */
export async function householdMembersOf(db: Queryable, access: Access, householdId: string) {
  return db
    .select({
      personId: householdMembers.personId,
      relationship: householdMembers.relationship,
      firstNameLatin: persons.firstNameLatin,
      lastNameLatin: persons.lastNameLatin,
      firstNameAr: persons.firstNameAr,
      lastNameAr: persons.lastNameAr,
      cin: persons.cin,
      sex: persons.sex,
      birthDate: persons.birthDate,
    })
    .from(householdMembers)
    .innerJoin(persons, eq(persons.id, householdMembers.personId))
    .where(and(eq(householdMembers.householdId, householdId), personsScope(access)))
    .orderBy(sql`${householdMembers.relationship} = 'head' desc`, asc(persons.birthDate), persons.id);
}

export async function membershipOf(db: Queryable, personId: string) {
  const [row] = await db
    .select({
      id: householdMembers.id,
      householdId: householdMembers.householdId,
      relationship: householdMembers.relationship,
      createdAt: householdMembers.createdAt,
    })
    .from(householdMembers)
    .where(eq(householdMembers.personId, personId));
  return row;
}

export async function insertHousehold(db: Queryable, values: HouseholdInsert) {
  const [row] = await db.insert(households).values(values).returning({ id: households.id });
  return row?.id as string;
}

export async function updateHousehold(db: Queryable, id: string, values: Partial<HouseholdInsert>) {
  await db
    .update(households)
    .set({ ...values, version: sql`${households.version} + 1`, updatedAt: sql`now()` })
    .where(eq(households.id, id));
}

export async function insertMember(
  db: Queryable,
  values: { householdId: string; personId: string; relationship: Relationship },
) {
  await db.insert(householdMembers).values(values);
}

export async function deleteMember(db: Queryable, householdId: string, personId: string) {
  const rows = await db
    .delete(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.personId, personId)))
    .returning({ id: householdMembers.id });
  return rows.length > 0;
}

export async function moveMembership(db: Queryable, fromId: string, intoId: string) {
  await db.update(householdMembers).set({ personId: intoId }).where(eq(householdMembers.personId, fromId));
  await db.update(households).set({ headPersonId: intoId }).where(eq(households.headPersonId, fromId));
}

export async function deleteMembership(db: Queryable, personId: string) {
  await db.delete(householdMembers).where(eq(householdMembers.personId, personId));
}
