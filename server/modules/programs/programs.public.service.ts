import { today } from "../../../contracts/calendar.ts";
import type { Locale } from "../../../contracts/common.ts";
import { type EligibilityProfileInput, ruleFields } from "../../../contracts/eligibility.ts";
import type { PublicApplyBody, PublicProgram, PublicStatus } from "../../../contracts/public.ts";
import type { RequestContext } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { createPerson, eligibilityProfile, recordConsent } from "../beneficiaries/index.ts";
import { territoryNames } from "../territories/index.ts";
import * as applicationsRepo from "./programs.applications.repository.ts";
import { whoCanApply } from "./programs.eligibility.ts";
import { evaluateFor, namesFor, typedProfile } from "./programs.evaluation.ts";
import { fileApplication } from "./programs.filing.ts";
import * as repo from "./programs.repository.ts";
import { newTrackingCode, trackingHash } from "./programs.tracking.ts";

/* Public access, without an account: the catalogue, the questionnaire, applying online, tracking status. */
export function createPublicService(deps: { db: Db }) {
  const { db } = deps;

  return {
    async publicList(locale: Locale): Promise<PublicProgram[]> {
      const rows = await repo.listActivePrograms(db);
      return Promise.all(rows.map((r) => publicProgram(locale, r)));
    },

    async publicGet(locale: Locale, id: string): Promise<PublicProgram> {
      return publicProgram(locale, await activeProgram(id));
    },

    async publicCheck(locale: Locale, id: string, answers: EligibilityProfileInput) {
      const program = await activeProgram(id);
      const { outcome, summary, explanation } = await evaluateFor(
        db,
        locale,
        program.eligibility,
        await typedProfile(db, answers),
      );
      return { outcome, summary, explanation };
    },

    /** A citizen applies online: their record (found again by CIN and birth date, or created) and an application. */
    async publicApply(ctx: RequestContext, locale: Locale, input: PublicApplyBody) {
      const program = await activeProgram(input.programId);
      const code = newTrackingCode();
      const filedAt = await db.transaction(async (tx) => {
        const { programId: _, consent: __, ...personInput } = input;
        const person = await createPerson(
          tx,
          ctx,
          { ...personInput, regionCode: null },
          { reuseExisting: true },
        ).catch((e: unknown) => {
          // A CIN already registered with another birth date: say nothing about that record.
          if (e instanceof AppError && e.fieldErrors.some((f) => f.path === "cin"))
            throw new AppError(409, "public.identity_mismatch");
          throw e;
        });
        // The box the citizen ticked: their record may be kept and used for this application.
        const givenOn = today();
        for (const purpose of ["registry", "programmes"] as const)
          await recordConsent(tx, ctx, {
            personId: person.id,
            purpose,
            givenOn,
            note: `online application ${program.code}`,
          });
        const facts = await eligibilityProfile(tx, person.id);
        await fileApplication(
          tx,
          ctx,
          locale,
          { program, person: { id: person.id, regionCode: facts?.regionCode ?? "" }, channel: "online" },
          { trackingHash: trackingHash(code), actorLabel: "online" },
        );
        return new Date().toISOString();
      });
      return { trackingCode: code, programNameFr: program.nameFr, programNameAr: program.nameAr, filedAt };
    },

    /** Status by tracking code and birth date; a wrong one of either is the same 404. */
    async publicStatus(trackingCode: string, birthDate: string): Promise<PublicStatus> {
      const row = await applicationsRepo.findByTrackingHash(db, trackingHash(trackingCode));
      if (!row || row.birthDate !== birthDate) throw notFound("public.status_not_found");
      return {
        programNameFr: row.programNameFr,
        programNameAr: row.programNameAr,
        stageNameFr: row.stageNameFr,
        stageNameAr: row.stageNameAr,
        status: row.status,
        filedOn: row.filedAt.slice(0, 10),
        lastChangeOn: row.stageChangedAt.slice(0, 10),
      };
    },
  };

  async function activeProgram(id: string) {
    const row = await repo.findProgram(db, id);
    if (row?.status !== "active" || (row.endDate && row.endDate < today()))
      throw notFound("public.program_not_found");
    return row;
  }

  async function publicProgram(locale: Locale, r: repo.ProgramRow): Promise<PublicProgram> {
    const regions = (await repo.regionsOf(db, [r.id])).map((x) => x.regionCode);
    const names = await namesFor(db, locale, r.eligibility);
    const regionNames = await territoryNames(db, { regions, provinces: [] }, locale);
    return {
      id: r.id,
      code: r.code,
      nameFr: r.nameFr,
      nameAr: r.nameAr,
      objectiveFr: r.objectiveFr,
      objectiveAr: r.objectiveAr,
      targetGroups: r.targetGroups,
      benefitType: r.benefitType,
      amountCentimes: r.amountCentimes,
      amountPeriodicity: r.amountPeriodicity,
      coverage: {
        national: r.national,
        regionCodes: regions,
        regionNames: regions.map((c) => regionNames.regions.get(c) ?? c),
      },
      startDate: r.startDate,
      endDate: r.endDate,
      whoCanApply: whoCanApply(locale, r.eligibility, names),
      questions: ruleFields(r.eligibility),
    };
  }
}

export type PublicService = ReturnType<typeof createPublicService>;
