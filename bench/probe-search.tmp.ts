import pg from "pg";
import { createBeneficiariesService } from "../server/modules/beneficiaries/index.ts";
import { benchUser, captureSql } from "./lib/harness.ts";

const url = process.env.U as string;
const user = await benchUser(url, "national_officer", "national", null);
const client = new pg.Client({ connectionString: url });
await client.connect();
for (const q of process.argv.slice(2)) {
  const t0 = performance.now();
  const c = await captureSql(url, (db) =>
    createBeneficiariesService({ db }).list(user.ctx, { q, limit: 20 }),
  );
  console.log(`=== ${q}: ${(performance.now() - t0).toFixed(1)} ms, ${c.result.items.length} items`);
  for (const s of c.queries) {
    const r = await client.query(`explain (analyze, buffers) ${s.text}`, s.params);
    console.log(s.text.slice(0, 200), JSON.stringify(s.params).slice(0, 300));
    console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
  }
}
await client.end();
