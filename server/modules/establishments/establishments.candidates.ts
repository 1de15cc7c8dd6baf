import type {
  AdmissionCandidate,
  AdmissionCandidateQuery,
  AdmissionRequestBody,
} from "../../../contracts/residents.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { invalidField, notFound } from "../../platform/errors.ts";
import { accessFor, can, reaches } from "../../platform/scope.ts";
import {
  type CandidateArea,
  type CandidateCriteria,
  findAdmissionCandidates,
  registerAdmissionCandidate,
} from "../beneficiaries/index.ts";
import * as repo from "./establishments.residents.repository.ts";

/**
 * Who may be admitted: whoever admits (residents.write on the establishment) finds candidates
 * by exact CIN or name + birth date among the persons of the establishment's province, and may
 * register a new person there with the request. Browsing the registry stays with persons.read.
 */

type EstablishmentRow = NonNullable<Awaited<ReturnType<typeof repo.findEstablishment>>>;

const areaOf = (e: EstablishmentRow): CandidateArea => ({
  provinceCode: e.provinceCode,
  regionCode: e.regionCode,
});

function criteriaOf(query: AdmissionCandidateQuery): CandidateCriteria {
  if (query.cin) return { cin: query.cin };
  const name = query.name?.trim() ?? "";
  if (name.length < 2 && !query.birthDate) throw invalidField("cin", "residents.candidate_criteria");
  if (name.length < 2) throw invalidField("name", "residents.candidate_criteria");
  if (!query.birthDate) throw invalidField("birthDate", "residents.candidate_criteria");
  return { name, birthDate: query.birthDate };
}

export function createCandidatesService(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** A few candidates to pick from; the search itself is a read of personal data, audited. */
    async search(
      ctx: AuthenticatedContext,
      establishmentId: string,
      query: AdmissionCandidateQuery,
    ): Promise<{ items: AdmissionCandidate[] }> {
      const access = accessFor(ctx.actor, "residents.write");
      const criteria = criteriaOf(query);
      const est = await repo.findEstablishment(db, access, establishmentId);
      if (!est) throw notFound("establishments.not_found");
      const rows = await findAdmissionCandidates(db, areaOf(est), criteria);
      const items: AdmissionCandidate[] = [];
      for (const r of rows) items.push({ ...r, openStay: !!(await repo.openStayOf(db, r.id)) });
      await recordAudit(db, ctx, {
        action: "person.candidate_search",
        entityType: "establishment",
        entityId: establishmentId,
        after: { by: "cin" in criteria ? "cin" : "name_birth_date", personIds: items.map((i) => i.id) },
      });
      return { items };
    },
  };
}

export type CandidatesService = ReturnType<typeof createCandidatesService>;

/**
 * The person of an admission request, inside its transaction: a registry person the caller may
 * reach (their persons scope, or the establishment's area), or a new person registered there.
 */
export async function admissionPerson(
  tx: Queryable,
  ctx: AuthenticatedContext,
  est: EstablishmentRow,
  input: AdmissionRequestBody,
): Promise<{ id: string; sex: "female" | "male" }> {
  if (input.person && input.personId) throw invalidField("personId", "residents.person_or_new");
  if (input.person) return registerAdmissionCandidate(tx, ctx, input.person, areaOf(est));
  if (!input.personId) throw invalidField("personId", "validation.required");
  const person = await repo.findPerson(tx, input.personId);
  const place = { region: person?.regionCode, province: person?.provinceCode };
  const inArea = est.provinceCode
    ? person?.provinceCode === est.provinceCode
    : person?.regionCode === est.regionCode;
  const inScope = can(ctx.actor, "persons.read") && reaches(accessFor(ctx.actor, "persons.read"), place);
  if (!person || person.mergedIntoId || !(inArea || inScope))
    throw invalidField("personId", "residents.person_not_found");
  return { id: person.id, sex: person.sex };
}
