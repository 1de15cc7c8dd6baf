import type { Locale } from "../../../contracts/common.ts";
import { recordAudit } from "../../platform/audit.ts";
import { systemContext } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { hashPassword } from "./access.passwords.ts";
import type { Assignment } from "./access.permissions.ts";
import * as repo from "./access.repository.ts";

/** Creates a user on first start (administrator, demo users) unless the email exists; audited as "system". */
export async function ensureUser(
  db: Db,
  u: { email: string; fullName: string; password: string; locale?: Locale; roles: Assignment[] },
): Promise<boolean> {
  if (await repo.findUserByEmail(db, u.email)) return false;
  const passwordHash = await hashPassword(u.password);
  await db.transaction(async (tx) => {
    const row = await repo.insertUser(tx, {
      email: u.email,
      fullName: u.fullName,
      locale: u.locale ?? "fr",
      passwordHash,
    });
    await repo.replaceAssignments(tx, row.id, u.roles);
    await recordAudit(tx, systemContext(), {
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      after: { email: u.email, fullName: u.fullName, roles: u.roles.map((r) => `${r.role}@${r.scopeType}`) },
    });
  });
  return true;
}
