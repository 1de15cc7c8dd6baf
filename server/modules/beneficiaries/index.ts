/** What other modules may use from the registry of beneficiaries; keep it stable. */
export {
  type CandidateArea,
  type CandidateCriteria,
  findAdmissionCandidates,
  registerAdmissionCandidate,
} from "./beneficiaries.candidates.ts";
export { type EligibilityProfile, eligibilityProfile } from "./beneficiaries.eligibility.ts";
export { personImportRoutes } from "./beneficiaries.import.routes.ts";
export { createPersonImportService, type PersonImportService } from "./beneficiaries.import.service.ts";
export type { MergeHook } from "./beneficiaries.merge.service.ts";
export { personsScope, rememberNameWords } from "./beneficiaries.persons.repository.ts";
export type { TimelineSource } from "./beneficiaries.persons.service.ts";
export { createPerson, recordConsent } from "./beneficiaries.registration.ts";
export { beneficiariesRoutes } from "./beneficiaries.routes.ts";
export { personKeys } from "./beneficiaries.search-keys.ts";
export { type BeneficiariesService, createBeneficiariesService } from "./beneficiaries.service.ts";
export { consents, householdMembers, households, persons } from "./beneficiaries.table.ts";
