import pkg from "../package.json" with { type: "json" };
import { buildApp, WEB_ROOT } from "./app.ts";
import { bootstrap } from "./bootstrap.ts";
import { ConfigError, loadConfig } from "./platform/config.ts";
import { openDatabase, runMigrations } from "./platform/database.ts";
import { sessionSecret } from "./platform/secrets.ts";

/** Entry point: configuration, database (embedded unless DATABASE_URL), migrations, first data, HTTP. */
async function main() {
  const config = loadConfig();
  const say = (m: string) => console.log(`[jisr] ${m}`);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, say);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} received, stopping`);
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  await runMigrations(database.db);
  const boot = await bootstrap(database.db, config);
  app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    sessionSecret: await sessionSecret(config.sessionSecret, config.dataDir),
    version: pkg.version,
    logger: { level: config.logLevel },
    webRoot: WEB_ROOT,
  });
  await app.listen({ port: config.port, host: config.host });

  const shown = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  say(`database: ${database.kind}${database.kind === "embedded" ? ` (data in ${config.dataDir})` : ""}`);
  if (boot.generatedAdminPassword)
    say(
      `first administrator: ${boot.adminEmail} / ${boot.generatedAdminPassword}  (shown once: write it down)`,
    );
  else
    say(
      `sign in as ${boot.adminEmail} with ${config.adminPassword ? "JISR_ADMIN_PASSWORD" : "the password printed on first start"}`,
    );
  if (boot.demoLoaded) say("demo dataset loaded: demo users (see README) have the password demo-jisr-2026");
  if (boot.demoTracking)
    say(
      `public status page: /public/status with tracking code ${boot.demoTracking.code} and birth date ${boot.demoTracking.birthDate}`,
    );
  say(`Jisr ${pkg.version} is running at http://${shown}:${config.port}`);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(`[jisr] ${err.message}`);
  else console.error("[jisr] failed to start:", err);
  process.exit(1);
});
