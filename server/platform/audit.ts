import { auditEvents } from "./audit.table.ts";
import type { RequestContext } from "./context.ts";
import type { Queryable } from "./database.ts";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  /** Public shapes only (never password hashes): the fields that differ are kept. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Who acted when the request has no actor yet (a sign-in names the account it tried). */
  actor?: { id: string; label: string };
}

/** Fields whose change is implied by every write and says nothing. */
const NOISE = new Set(["updatedAt", "version"]);

export function diff(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, { before: unknown; after: unknown }> | null {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of keys) {
    if (NOISE.has(k)) continue;
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[k] = { before: b, after: a };
  }
  return Object.keys(changes).length ? changes : null;
}

/** Writes the audit event inside the caller's transaction: the write and its trace commit together. */
export async function recordAudit(tx: Queryable, ctx: RequestContext, entry: AuditEntry) {
  await tx.insert(auditEvents).values({
    actorId: entry.actor?.id ?? ctx.actor?.userId ?? null,
    actorLabel: entry.actor?.label ?? (ctx.actor ? actorLabel(ctx.actor) : "system"),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: diff(entry.before, entry.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

export const actorLabel = (u: { fullName: string; email: string }) => `${u.fullName} <${u.email}>`;
