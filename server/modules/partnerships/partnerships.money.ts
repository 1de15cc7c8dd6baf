import type { FunderMoney, TrancheState } from "../../../contracts/projects.ts";

/**
 * The figures computed on read from a project's money rows (never stored, so they cannot drift):
 * per funder committed / disbursed / remaining, financial progress, tranche states, late milestones.
 * Pure functions of the rows and of "today", so tests can fix the date.
 */

/** Planned date passed (strictly before today) and not reached. */
export const isLate = (m: { plannedDate: string; actualDate: string | null }, today: string) =>
  m.actualDate === null && m.plannedDate < today;

/**
 * paid: fully disbursed; due: its milestone is reached (or it has none) and it is not fully paid;
 * late: its milestone's planned date has passed and the milestone is not reached; pending otherwise.
 */
export function trancheState(
  tranche: { amountCentimes: number; paidCentimes: number },
  milestone: { plannedDate: string; actualDate: string | null } | null,
  today: string,
): TrancheState {
  if (tranche.paidCentimes >= tranche.amountCentimes) return "paid";
  if (!milestone || milestone.actualDate !== null) return "due";
  return isLate(milestone, today) ? "late" : "pending";
}

/** Part over whole in percent with one decimal; 0 when there is no whole. */
export const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;

/** Committed (sum of its budget lines), disbursed and remaining per funder, biggest commitment first. */
export function fundersMoney(
  lines: readonly { funderId: string; amountCentimes: number }[],
  paid: readonly { funderId: string; amountCentimes: number }[],
  names: ReadonlyMap<string, { nameFr: string; nameAr: string | null }>,
): FunderMoney[] {
  const byFunder = new Map<string, { committed: number; disbursed: number }>();
  const entry = (id: string) => {
    const e = byFunder.get(id) ?? { committed: 0, disbursed: 0 };
    byFunder.set(id, e);
    return e;
  };
  for (const l of lines) entry(l.funderId).committed += l.amountCentimes;
  for (const d of paid) entry(d.funderId).disbursed += d.amountCentimes;
  return [...byFunder]
    .map(([funderId, e]) => ({
      funderId,
      funderName: names.get(funderId)?.nameFr ?? "",
      funderNameAr: names.get(funderId)?.nameAr ?? null,
      committedCentimes: e.committed,
      disbursedCentimes: e.disbursed,
      remainingCentimes: e.committed - e.disbursed,
    }))
    .sort((a, b) => b.committedCentimes - a.committedCentimes || a.funderName.localeCompare(b.funderName));
}

/** "1 234 567,89 MAD" style for messages; the web formats with Intl itself. */
export const formatMad = (centimes: number) =>
  `${(centimes / 100).toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} MAD`;
