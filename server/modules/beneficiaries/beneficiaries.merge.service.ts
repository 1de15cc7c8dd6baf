import type { MergeBody, Person } from "../../../contracts/beneficiaries.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Tx } from "../../platform/database.ts";
import { invalidField, notFound, unprocessable } from "../../platform/errors.ts";
import { accessFor } from "../../platform/scope.ts";
import { assertVersion } from "../../platform/versioning.ts";
import * as householdsRepo from "./beneficiaries.households.repository.ts";
import * as personsRepo from "./beneficiaries.persons.repository.ts";
import { editablePerson } from "./beneficiaries.registration.ts";
import { foundPerson, personalReach, toPerson } from "./beneficiaries.visibility.ts";

/**
 * Moves what another module holds about a person when two records are merged
 * (the programmes module moves applications). Runs in the merge's transaction;
 * `ctx` is the caller, for the audit events the hook writes.
 */
export type MergeHook = (tx: Tx, fromId: string, intoId: string, ctx: AuthenticatedContext) => Promise<void>;

/** The merge of two person records; `hooks` is read at each merge, so a hook added later runs. */
export function createMergeService(deps: { db: Db; hooks: readonly MergeHook[] }) {
  const { db, hooks: mergeHooks } = deps;

  return {
    /**
     * Merges the record `id` into `intoId`: memberships, consents and (through the hooks) other
     * modules' records move to the survivor; the merged record stays, marked, for history.
     */
    async merge(ctx: AuthenticatedContext, id: string, input: MergeBody): Promise<Person> {
      const access = accessFor(ctx.actor, "persons.merge");
      if (id === input.intoId) throw invalidField("intoId", "beneficiaries.merge_self");
      return db.transaction(async (tx) => {
        // Lock both in id order, so two opposite merges cannot deadlock.
        const [first, second] = [id, input.intoId].sort();
        const locked = new Map<string, personsRepo.PersonRow | undefined>();
        for (const pid of [first, second] as string[])
          locked.set(pid, await personsRepo.findPerson(tx, access, pid, { lock: true }));
        const from = locked.get(id);
        const into = locked.get(input.intoId);
        if (!from) throw notFound("beneficiaries.person_not_found");
        if (!into) throw invalidField("intoId", "beneficiaries.merge_target_not_found");
        assertVersion(from.version, input.version);
        assertVersion(into.version, input.intoVersion);
        if (from.mergedIntoId || into.mergedIntoId) throw unprocessable("beneficiaries.merged");
        if (from.cin && into.cin && from.cin !== into.cin)
          throw unprocessable("beneficiaries.merge_cin_conflict");

        const mf = await householdsRepo.membershipOf(tx, id);
        const mi = await householdsRepo.membershipOf(tx, input.intoId);
        if (mf && mi && mf.householdId !== mi.householdId)
          throw unprocessable("beneficiaries.merge_household_conflict");
        if (mf && mi) {
          // Same household: the survivor keeps the stronger tie (head wins).
          if (mf.relationship === "head") {
            await householdsRepo.deleteMembership(tx, input.intoId);
            await householdsRepo.moveMembership(tx, id, input.intoId);
          } else await householdsRepo.deleteMembership(tx, id);
        } else if (mf) await householdsRepo.moveMembership(tx, id, input.intoId);
        await personsRepo.moveConsents(tx, id, input.intoId);
        for (const hook of mergeHooks) await hook(tx, id, input.intoId, ctx);

        await personsRepo.markMerged(tx, id, input.intoId);
        await personsRepo.updatePerson(tx, input.intoId, from.cin && !into.cin ? { cin: from.cin } : {});
        const merged = await foundPerson(tx, access, id);
        const survivor = await foundPerson(tx, access, input.intoId);
        await recordAudit(tx, ctx, {
          action: "person.merge",
          entityType: "person",
          entityId: id,
          before: editablePerson(from),
          after: editablePerson(merged),
        });
        await recordAudit(tx, ctx, {
          action: "person.merge_into",
          entityType: "person",
          entityId: input.intoId,
          before: { ...editablePerson(into), mergedFromId: null, householdId: mi?.householdId ?? null },
          after: {
            ...editablePerson(survivor),
            mergedFromId: id,
            householdId: mi?.householdId ?? mf?.householdId ?? null,
          },
        });
        return toPerson(survivor, personalReach(ctx), ctx.actor.locale);
      });
    },
  };
}
