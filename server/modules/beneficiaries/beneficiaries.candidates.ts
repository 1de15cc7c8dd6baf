import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type CreatePersonBody, maskCin } from "../../../contracts/beneficiaries.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/context.ts";
import type { Queryable } from "../../platform/database.ts";
import { AppError } from "../../platform/errors.ts";
import type { Access } from "../../platform/scope.ts";
import * as personsRepo from "./beneficiaries.persons.repository.ts";
import { hasNames, hopeless, nameMatch, nameScore, searchTerms } from "./beneficiaries.persons.search.ts";
import { editablePerson, NATIONAL, placeWithinScope } from "./beneficiaries.registration.ts";
import { persons } from "./beneficiaries.table.ts";

/**
 * Admission candidates: a narrow search for whoever admits people into an establishment
 * (an establishment manager holds no territorial scope on the registry, so cannot browse it).
 * Exact CIN, or a name with the exact birth date, inside one area (the establishment's
 * province, or its region when it has none); a handful of fields, enough to pick the person.
 * The caller checks the permission on the establishment and writes the read-audit event.
 */

/** The one province (or region) where candidates are searched and new persons registered. */
export interface CandidateArea {
  provinceCode: string | null;
  regionCode: string;
}

const areaAccess = (area: CandidateArea): Access => ({
  national: false,
  regions: area.provinceCode ? [] : [area.regionCode],
  provinces: area.provinceCode ? [area.provinceCode] : [],
  organizations: [],
  establishments: [],
});

export type CandidateCriteria = { cin: string } | { name: string; birthDate: string };

export interface CandidateRow {
  id: string;
  firstNameLatin: string;
  lastNameLatin: string;
  firstNameAr: string | null;
  lastNameAr: string | null;
  sex: "female" | "male";
  birthDate: string;
  cinMasked: string | null;
  commune: string | null;
}

export const MAX_CANDIDATES = 5;

export async function findAdmissionCandidates(
  q: Queryable,
  area: CandidateArea,
  criteria: CandidateCriteria,
): Promise<CandidateRow[]> {
  let match: SQL;
  let score: SQL = sql`1`;
  if ("cin" in criteria) match = eq(persons.cin, criteria.cin);
  else {
    // The registry search's word matching; with the exact birth date the set is tiny.
    const t = await searchTerms(q, criteria.name);
    if (!hasNames(t) || hopeless(t)) return [];
    match = and(eq(persons.birthDate, criteria.birthDate), nameMatch(t)) as SQL;
    score = nameScore(t);
  }
  const rows = await q
    .select({
      id: persons.id,
      cin: persons.cin,
      firstNameLatin: persons.firstNameLatin,
      lastNameLatin: persons.lastNameLatin,
      firstNameAr: persons.firstNameAr,
      lastNameAr: persons.lastNameAr,
      sex: persons.sex,
      birthDate: persons.birthDate,
      commune: persons.commune,
    })
    .from(persons)
    .where(and(match, isNull(persons.mergedIntoId), personsRepo.personsScope(areaAccess(area))))
    .orderBy(sql`${score} desc`, persons.id)
    .limit(MAX_CANDIDATES);
  return rows.map(({ cin, ...r }) => ({ ...r, cinMasked: maskCin(cin) }));
}

/**
 * Registers a person inside the caller's transaction (the admission request), placed in the
 * area: the establishment's province, or a province of its region. CIN unique; audited.
 */
export async function registerAdmissionCandidate(
  tx: Queryable,
  ctx: RequestContext,
  input: Omit<CreatePersonBody, "provinceCode" | "regionCode"> & { provinceCode?: string },
  area: CandidateArea,
): Promise<{ id: string; sex: "female" | "male" }> {
  const provinceCode = area.provinceCode ?? input.provinceCode;
  if (!provinceCode)
    throw new AppError(400, "validation.failed", {}, [
      { path: "person.provinceCode", code: "validation.required" },
    ]);
  if (input.cin && (await personsRepo.findByCin(tx, input.cin)))
    throw new AppError(409, "beneficiaries.cin_taken", {}, [
      { path: "person.cin", code: "beneficiaries.cin_taken" },
    ]);
  let place: { regionCode: string; provinceCode: string };
  try {
    place = await placeWithinScope(tx, areaAccess(area), { provinceCode });
  } catch (e) {
    // The field is the nested one of the admission request.
    if (e instanceof AppError && e.fieldErrors.length)
      throw new AppError(
        e.status,
        e.code,
        e.params,
        e.fieldErrors.map((f) => ({ ...f, path: `person.${f.path}` })),
      );
    throw e;
  }
  const id = await personsRepo.insertPerson(tx, { ...input, ...place });
  const created = await personsRepo.findPerson(tx, NATIONAL, id);
  if (!created) throw new Error("person vanished after insert");
  await recordAudit(tx, ctx, {
    action: "person.create",
    entityType: "person",
    entityId: id,
    after: { ...editablePerson(created), via: "admission_request" },
  });
  return { id, sex: created.sex };
}
