import type { EstablishmentStats, EstablishmentStatsQuery } from "../../../contracts/establishments.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Queryable } from "../../platform/database.ts";
import { accessFor } from "../../platform/scope.ts";
import { filterOf } from "./establishments.service.ts";
import { stats } from "./establishments.stats.repository.ts";

/** Counts by region and category of the filtered list in the caller's scope (archived excluded). */
export function establishmentStats(
  db: Queryable,
  ctx: AuthenticatedContext,
  query: EstablishmentStatsQuery,
): Promise<EstablishmentStats> {
  const access = accessFor(ctx.actor, "establishments.read");
  return stats(db, access, { ...filterOf(query), includeArchived: false });
}
