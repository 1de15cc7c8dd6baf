import { text } from "../../shared/search-params.ts";

/** The audit log's URL search, as GET /audit-events takes it. */
export interface AuditSearch {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const validateAuditSearch = (search: Record<string, unknown>): AuditSearch => ({
  entityType: text(search.entityType),
  entityId: text(search.entityId),
  actorId: text(search.actorId),
  action: text(search.action),
  from: text(search.from),
  to: text(search.to),
});
