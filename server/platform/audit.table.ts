import { index, inet, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, now, tz } from "./columns.ts";

/** Append-only: a trigger (migration 0002) refuses UPDATE, DELETE and TRUNCATE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: idColumn(),
    occurredAt: tz("occurred_at").notNull().default(now),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    changes: jsonb("changes").$type<Record<string, { before: unknown; after: unknown }>>(),
    requestId: text("request_id"),
    ip: inet("ip"),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.id),
    index("audit_events_actor_idx").on(t.actorId, t.id),
    index("audit_events_action_idx").on(t.action, t.id),
    index("audit_events_occurred_idx").on(t.occurredAt),
  ],
);
