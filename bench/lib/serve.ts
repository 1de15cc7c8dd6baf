import { createWriteStream, readFileSync } from "node:fs";
import Fastify from "fastify";
import pg from "pg";
import pkg from "../../package.json" with { type: "json" };
import { buildApp } from "../../server/app.ts";
import { connect, statementName } from "../../server/platform/database.ts";

type Statement = { text: string; params: unknown[] };

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
      // BENCH_LOG_LEVEL: the request log as `npm start` writes it (info), to BENCH_LOG_FILE.
      logger: process.env.BENCH_LOG_LEVEL
        ? {
            level: process.env.BENCH_LOG_LEVEL,
            stream: createWriteStream(process.env.BENCH_LOG_FILE ?? "/dev/null"),
          }
        : undefined,
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
    // BENCH_SQL: the statements one Jisr request sends, in order (the last one's rows are the
    // answer), or a list of such lists served by `?i=N` (N modulo their number), each statement
    // named by its text (parsed and planned once per connection) when BENCH_PREPARED is set.
    // (BENCH_SQL_FILE: the same JSON in a file, for more than the environment holds.)
    const json = process.env.BENCH_SQL_FILE
      ? readFileSync(process.env.BENCH_SQL_FILE, "utf8")
      : (process.env.BENCH_SQL as string);
    const given = JSON.parse(json) as Statement[] | Statement[][];
    const variants = (Array.isArray(given[0]) ? given : [given]) as Statement[][];
    const named = process.env.BENCH_PREPARED === "1";
    // BENCH_PG_OPTIONS: the connections' settings, e.g. the plan cache mode Jisr uses for them.
    const pool = new pg.Pool({ connectionString: url, max: poolSize, options: process.env.BENCH_PG_OPTIONS });
    const app = Fastify({ logger: false });
    app.get<{ Querystring: { i?: string } }>("/bare", async (request) => {
      const statements = variants[Number(request.query.i ?? 0) % variants.length] as Statement[];
      let rows: unknown[] = [];
      for (const q of statements)
        rows = (
          await pool.query({
            name: named ? statementName(q.text) : undefined,
            text: q.text,
            values: q.params,
          })
        ).rows;
      return { items: rows };
    });
    // The machine's floor for an HTTP lookup: the same server answering without the database,
    // and with the cheapest statement there is.
    app.get("/floor/none", async () => ({ items: [] }));
    app.get("/floor/select1", async () => ({
      items: (await pool.query({ name: "one", text: "select 1" })).rows,
    }));
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
