import Fastify from "fastify";
import pg from "pg";
import pkg from "../../package.json" with { type: "json" };
import { buildApp } from "../../server/app.ts";
import { connect } from "../../server/platform/database.ts";

/**
 * A server for the benchmarks, in its own process so the load generator does not share its
 * event loop: `jisr` is the real application (buildApp, as main.ts builds it, without the web
 * files); `bare` is a bare Fastify + pg endpoint running given SQL statements. Both listen
 * on 127.0.0.1 only, on a free port they print as the first line of stdout.
 */
async function main() {
  const mode = process.argv[2];
  const url = process.env.BENCH_URL as string;
  const poolSize = Number(process.env.BENCH_POOL ?? 10);
  if (mode === "jisr") {
    const database = connect(url, "external");
    database.pool.options.max = poolSize;
    const app = await buildApp({
      db: database.db,
      databaseKind: "external",
      sessionSecret: "bench-session-secret-".padEnd(48, "x"),
      version: pkg.version,
      logger: false,
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
    process.once(
      "SIGTERM",
      () =>
        void app
          .close()
          .then(() => database.close())
          .finally(() => process.exit(0)),
    );
  } else if (mode === "bare") {
    const queries = JSON.parse(process.env.BENCH_SQL as string) as { text: string; params: unknown[] }[];
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    const app = Fastify({ logger: false });
    // The statements a Jisr request sends for its data, in order; the last one's rows are the answer.
    app.get("/bare", async () => {
      let rows: unknown[] = [];
      for (const q of queries) rows = (await pool.query(q.text, q.params)).rows;
      return { items: rows };
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
    process.once(
      "SIGTERM",
      () =>
        void app
          .close()
          .then(() => pool.end())
          .finally(() => process.exit(0)),
    );
  } else throw new Error(`unknown mode ${mode}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
