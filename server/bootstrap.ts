import { count } from "drizzle-orm";
import { loadDemoData } from "./demo/demo.seed.ts";
import { generatePassword } from "./modules/access/access.passwords.ts";
import { users } from "./modules/access/access.table.ts";
import { ensureUser } from "./modules/access/index.ts";
import { seedTerritories } from "./modules/territories/index.ts";
import type { Config } from "./platform/config.ts";
import type { Db } from "./platform/database.ts";

export interface BootstrapResult {
  adminEmail: string;
  /** Only when it was generated just now: printed once, never stored in clear. */
  generatedAdminPassword: string | null;
  demoLoaded: boolean;
  /** A demo online application to try the public status page with. */
  demoTracking: { code: string; birthDate: string } | null;
}

/**
 * What a database needs before serving: reference territories (every start),
 * the first administrator and, on the first start of an empty database, the
 * demo dataset.
 */
export async function bootstrap(
  db: Db,
  config: Pick<Config, "adminEmail" | "adminPassword" | "demo">,
): Promise<BootstrapResult> {
  await seedTerritories(db);
  const [row] = await db.select({ n: count() }).from(users);
  const empty = (row?.n ?? 0) === 0;
  const password = config.adminPassword ?? (empty ? generatePassword() : null);
  let generatedAdminPassword: string | null = null;
  if (password) {
    const created = await ensureUser(db, {
      email: config.adminEmail,
      fullName: "Administrateur Jisr",
      password,
      roles: [{ role: "administrator", scopeType: "national", scopeRef: null }],
    });
    if (created && !config.adminPassword) generatedAdminPassword = password;
  }
  const demoLoaded = empty && config.demo;
  const demo = demoLoaded ? await loadDemoData(db) : null;
  return {
    adminEmail: config.adminEmail,
    generatedAdminPassword,
    demoLoaded,
    demoTracking: demo?.programs.tracking ?? null,
  };
}
