import type {
  CreateConsentBody,
  CreatePersonBody,
  DuplicateCheckBody,
  Person,
  PersonExportQuery,
  PersonListQuery,
  TimelineEvent,
  UpdatePersonBody,
} from "../../../contracts/beneficiaries.ts";
import type { Locale } from "../../../contracts/common.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { AppError, invalidField, unprocessable } from "../../platform/errors.ts";
import { decodeCursor, toPage } from "../../platform/pagination.ts";
import { accessFor } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import * as householdsRepo from "./beneficiaries.households.repository.ts";
import * as personsRepo from "./beneficiaries.persons.repository.ts";
import { cinTaken, createPerson, editablePerson, placeWithinScope } from "./beneficiaries.registration.ts";
import { arabicKey, latinKey } from "./beneficiaries.search-keys.ts";
import { foundPerson, personalReach, seesPersonal, toPerson, toSummary } from "./beneficiaries.visibility.ts";

/** Another module's events in a person's timeline (applications, enrolments, services, stays). */
export interface TimelineSource {
  name: string;
  events(args: {
    db: Queryable;
    ctx: AuthenticatedContext;
    personId: string;
    locale: Locale;
  }): Promise<TimelineEvent[]>;
}

/**
 * Use cases on a person: search and list, export, read, register, edit, probable duplicates,
 * consents and timeline. `sources` is read at each call, so a source added later counts.
 */
export function createPersonsService(deps: { db: Db; sources: readonly TimelineSource[] }) {
  const { db, sources } = deps;

  async function listFilter(query: Omit<PersonListQuery, "limit" | "cursor">) {
    return {
      terms: query.q ? await personsRepo.searchTerms(db, query.q) : undefined,
      region: query.region,
      province: query.province,
      sex: query.sex,
      includeMerged: query.includeMerged === "true",
    };
  }

  return {
    async list(ctx: AuthenticatedContext, query: PersonListQuery) {
      const access = accessFor(ctx.actor, "persons.read");
      const filter = await listFilter(query);
      const cursorKey = decodeCursor(query.cursor, filter.terms ? 2 : 3);
      const reach = personalReach(ctx);
      if (filter.terms) {
        const { rows, capped } = await personsRepo.searchPersons(db, access, {
          ...filter,
          terms: filter.terms,
          limit: query.limit,
          cursorKey,
        });
        const page = toPage(rows, query.limit, (r) => [r.score, r.id]);
        return { items: page.items.map((r) => toSummary(r, reach)), nextCursor: page.nextCursor, capped };
      }
      const rows = await personsRepo.listPersons(db, access, { ...filter, limit: query.limit, cursorKey });
      const page = toPage(rows, query.limit, (r) => [r.lastNameLatin, r.firstNameLatin, r.id]);
      return {
        items: page.items.map((r) => toSummary(r, reach)),
        nextCursor: page.nextCursor,
        capped: false,
      };
    },

    /** The filtered list as rows to export (CIN masked); the export itself is audited. */
    async exportRows(ctx: AuthenticatedContext, query: PersonExportQuery) {
      const access = accessFor(ctx.actor, "persons.read");
      const filter = await listFilter(query);
      // A search ranks a bounded set of candidates: exported, it would silently hold a part only.
      if (filter.terms) {
        const first = await personsRepo.searchPersons(db, access, {
          ...filter,
          terms: filter.terms,
          limit: 1,
        });
        if (first.capped) throw unprocessable("beneficiaries.export_capped");
      }
      const { format, ...filters } = query;
      await recordAudit(db, ctx, {
        action: "person.export",
        entityType: "person",
        entityId: null,
        after: { format, filters },
      });
      const reach = personalReach(ctx);
      const rows = personsRepo.allPersons(db, access, filter);
      return (async function* () {
        for await (const r of rows) yield toSummary(r, reach);
      })();
    },

    /** Opening a record is audited ("person.read"): who looked at whom, and when. */
    async get(ctx: AuthenticatedContext, id: string): Promise<Person> {
      const access = accessFor(ctx.actor, "persons.read");
      const row = await foundPerson(db, access, id);
      await recordAudit(db, ctx, { action: "person.read", entityType: "person", entityId: id });
      return toPerson(row, personalReach(ctx), ctx.actor.locale);
    },

    async create(ctx: AuthenticatedContext, input: CreatePersonBody): Promise<Person> {
      const access = accessFor(ctx.actor, "persons.write");
      return db.transaction(async (tx) => {
        const { id } = await createPerson(tx, ctx, input);
        return toPerson(await foundPerson(tx, access, id), personalReach(ctx), ctx.actor.locale);
      });
    },

    async update(ctx: AuthenticatedContext, id: string, input: UpdatePersonBody): Promise<Person> {
      const access = accessFor(ctx.actor, "persons.write");
      return db.transaction(async (tx) => {
        const current = await foundPerson(tx, access, id, true);
        assertVersion(current.version, input.version);
        if (current.mergedIntoId) throw unprocessable("beneficiaries.merged");
        const { version: _, regionCode: __, ...changes } = input;
        // Without persons.personal one cannot see the CIN, so one cannot change it either.
        const reach = personalReach(ctx);
        if (!seesPersonal(reach, current)) {
          for (const k of [
            "cin",
            "birthDate",
            "disabilityType",
            "disabilityCardNumber",
            "situationNotes",
          ] as const)
            if (changes[k] !== undefined) throw invalidField(k, "beneficiaries.personal_field");
        }
        if (changes.cin && changes.cin !== current.cin && (await personsRepo.findByCin(tx, changes.cin)))
          throw cinTaken();
        const place =
          changes.provinceCode !== undefined || input.regionCode
            ? await placeWithinScope(tx, access, {
                regionCode: input.regionCode,
                provinceCode: changes.provinceCode ?? current.provinceCode,
              })
            : {};
        await personsRepo.updatePerson(tx, id, { ...changes, ...place }, current);
        const updated = await foundPerson(tx, access, id);
        await recordAudit(tx, ctx, {
          action: "person.update",
          entityType: "person",
          entityId: id,
          before: editablePerson(current),
          after: editablePerson(updated),
        });
        return toPerson(updated, reach, ctx.actor.locale);
      });
    },

    /** Probable duplicates of a person about to be saved (or of an existing one, `excludeId`). */
    async duplicates(ctx: AuthenticatedContext, input: DuplicateCheckBody) {
      const access = accessFor(ctx.actor, "persons.read");
      const latin = `${input.firstNameLatin ?? ""} ${input.lastNameLatin ?? ""}`.trim();
      const arabic = `${input.firstNameAr ?? ""} ${input.lastNameAr ?? ""}`.trim();
      const phoneDigits = (input.phone ?? "").replace(/\D/g, "");
      const rows = await personsRepo.probableDuplicates(db, access, {
        cin: input.cin ?? null,
        phoneKey: phoneDigits.length >= 6 ? phoneDigits.slice(-9) : null,
        latinKey: latinKey(latin),
        arabicKey: arabicKey(arabic),
        birthDate: input.birthDate ?? null,
        provinceCode: input.provinceCode ?? null,
        commune: input.commune ?? null,
        excludeId: input.excludeId ?? null,
      });
      const reach = personalReach(ctx);
      return {
        items: rows.map((r) => ({
          ...toSummary({ ...r, score: null }, reach),
          reasons: [
            ...(r.sameCin ? (["same_cin"] as const) : []),
            ...(r.samePhone ? (["same_phone"] as const) : []),
            ...(r.similar ? (["similar_name_birth_place"] as const) : []),
          ],
        })),
      };
    },

    async consents(ctx: AuthenticatedContext, personId: string) {
      await foundPerson(db, accessFor(ctx.actor, "persons.read"), personId);
      return { items: await personsRepo.listConsents(db, personId) };
    },

    async addConsent(ctx: AuthenticatedContext, personId: string, input: CreateConsentBody) {
      const access = accessFor(ctx.actor, "persons.write");
      return db.transaction(async (tx) => {
        const person = await foundPerson(tx, access, personId, true);
        if (person.mergedIntoId) throw unprocessable("beneficiaries.merged");
        const id = await personsRepo.insertConsent(tx, {
          personId,
          purpose: input.purpose,
          granted: input.granted,
          givenOn: input.givenOn,
          recordedById: ctx.actor.userId,
          note: input.note ?? null,
        });
        await recordAudit(tx, ctx, {
          action: "consent.create",
          entityType: "person",
          entityId: personId,
          after: { consentId: id, purpose: input.purpose, granted: input.granted, givenOn: input.givenOn },
        });
        const created = (await personsRepo.listConsents(tx, personId)).find((c) => c.id === id);
        if (!created) throw new Error("consent vanished after insert");
        return created;
      });
    },

    /** Everything that happened to a person, newest first, from this module and the injected sources. */
    async timeline(ctx: AuthenticatedContext, personId: string, locale: Locale) {
      const access = accessFor(ctx.actor, "persons.read");
      const person = await foundPerson(db, access, personId);
      const events: TimelineEvent[] = [
        {
          at: person.createdAt,
          source: "beneficiaries",
          kind: "person.created",
          entityType: "person",
          entityId: personId,
          label: null,
          status: null,
        },
      ];
      for (const c of await personsRepo.listConsents(db, personId))
        events.push({
          at: c.givenOn,
          source: "beneficiaries",
          kind: c.granted ? "consent.granted" : "consent.refused",
          entityType: "consent",
          entityId: c.id,
          label: c.purpose,
          status: null,
        });
      const membership = await householdsRepo.membershipOf(db, personId);
      if (membership)
        events.push({
          at: membership.createdAt,
          source: "beneficiaries",
          kind: "household.joined",
          entityType: "household",
          entityId: membership.householdId,
          label: membership.relationship,
          status: null,
        });
      for (const m of await personsRepo.mergedFrom(db, personId))
        events.push({
          at: m.mergedAt ?? person.updatedAt,
          source: "beneficiaries",
          kind: "person.merged_from",
          entityType: "person",
          entityId: m.id,
          label: m.name,
          status: null,
        });
      for (const source of sources) {
        try {
          events.push(...(await source.events({ db, ctx, personId, locale })));
        } catch (err) {
          // A source the caller may not read (no permission there) is left out, not an error.
          if (err instanceof AppError && (err.status === 403 || err.status === 404)) continue;
          throw err;
        }
      }
      events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      return { items: events };
    },
  };
}
