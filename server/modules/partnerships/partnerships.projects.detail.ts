import { today } from "../../../contracts/calendar.ts";
import type { Project, ProjectSummary } from "../../../contracts/projects.ts";
import type { Queryable } from "../../platform/database.ts";
import { notFound } from "../../platform/errors.ts";
import type { Access } from "../../platform/scope.ts";
import { organizationNames } from "../organizations/index.ts";
import { PROJECT_ERRORS } from "./partnerships.errors.ts";
import * as money from "./partnerships.money.repository.ts";
import { fundersMoney, isLate, percent, trancheState } from "./partnerships.money.ts";
import * as repo from "./partnerships.projects.repository.ts";

/** Today's date (YYYY-MM-DD); services take it as a dependency so tests can fix it. */
export type Today = () => string;
export const systemToday: Today = () => today();

/** A list row with its computed financial progress. */
export function toSummary(row: repo.SummaryRow): ProjectSummary {
  return { ...row, financialProgress: percent(row.disbursedCentimes, row.budgetCentimes) };
}

/** A project as read: its row, links and money, with every figure computed on read. */
export async function loadProject(
  q: Queryable,
  access: Access,
  id: string,
  today: string,
  opts: { lock?: boolean } = {},
): Promise<Project & { partyOrgIds: string[] }> {
  const row = await repo.find(q, access, id, today, opts);
  if (!row) throw notFound(PROJECT_ERRORS.notFound);
  // One after the other: inside a transaction they share one connection.
  const establishments = await repo.linkedEstablishments(q, id);
  const programs = await repo.linkedPrograms(q, id);
  const lines = await money.budgetLines(q, id);
  const steps = await money.milestones(q, id);
  const parts = await money.tranches(q, id);
  const paid = await money.disbursementsOf(q, id);
  const milestones = steps.map((m) => ({ ...m, late: isLate(m, today) }));
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const names = await organizationNames(q, [...new Set([...lines, ...paid].map((x) => x.funderId))]);
  return {
    ...row,
    financialProgress: percent(row.disbursedCentimes, row.budgetCentimes),
    establishments,
    programs,
    funders: fundersMoney(lines, paid, names),
    budgetLines: lines,
    milestones,
    milestonesReached: milestones.filter((m) => m.actualDate !== null).length,
    tranches: parts.map((t) => {
      const m = t.milestoneId ? (byId.get(t.milestoneId) ?? null) : null;
      return { ...t, milestoneTitle: m?.titleFr ?? null, state: trancheState(t, m, today) };
    }),
    disbursements: paid,
  };
}
