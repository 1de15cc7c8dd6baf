import type { Cell } from "../lib/copy.ts";
import { prng, uuid7 } from "../lib/random.ts";
import { personId, TODAY_DAY } from "./registry.ts";
import type { Scale } from "./scales.ts";

/**
 * A year of audit trail, oldest first: mostly reads of person records (each opening of a file is
 * audited), then updates, stage changes, attendance sheets and sign-ins, by a few hundred agents.
 */
const TAG = 30;
export const AUDIT_COLUMNS = [
  "id",
  "occurred_at",
  "actor_label",
  "action",
  "entity_type",
  "entity_id",
  "changes",
  "request_id",
  "ip",
] as const;

const ACTIONS: [number, string, string][] = [
  [0.5, "person.read", "person"],
  [0.62, "person.update", "person"],
  [0.8, "application.advance", "application"],
  [0.9, "resident.attendance", "establishment"],
  [0.95, "establishment.update", "establishment"],
  [1, "auth.login", "user"],
];

export function* auditRows(scale: Scale, seed: number): Generator<Cell[]> {
  const r = prng(seed ^ 0xa0d1);
  const start = (TODAY_DAY - 365) * 86_400_000;
  const step = (365 * 86_400_000) / Math.max(1, scale.auditEvents);
  for (let i = 0; i < scale.auditEvents; i++) {
    const x = r.next();
    const [, action, entityType] = ACTIONS.find((a) => x < a[0]) as [number, string, string];
    const agent = r.int(1, 400);
    const entityId =
      entityType === "person"
        ? personId(seed, r.int(0, scale.persons - 1))
        : uuid7(seed, 99, r.int(0, 1_000_000));
    const changes =
      action === "person.update"
        ? JSON.stringify({ phone: { before: null, after: `06${r.int(10000000, 99999999)}` } })
        : action === "application.advance"
          ? JSON.stringify({ stage: { before: "selection", after: "formation" } })
          : null;
    yield [
      uuid7(seed, TAG, i),
      new Date(start + i * step).toISOString(),
      `agent${agent}@jisr.bench`,
      action,
      entityType,
      entityId,
      changes,
      `bench-${i}`,
      `10.${agent % 250}.${r.int(0, 255)}.${r.int(1, 254)}`,
    ];
  }
}
