import { connect, runMigrations } from "../server/platform/database.ts";

const d = connect(process.env.U as string, "external");
const t0 = Date.now();
await runMigrations(d.db);
console.log("migrated in", Date.now() - t0, "ms");
await d.close();
