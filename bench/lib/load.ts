import autocannon from "autocannon";

/**
 * Closed-loop load: `clients` concurrent loops, each sending its next request when the previous
 * answered, until `requests` were sent or `maxSeconds` passed (every loop is bounded in count
 * and time). Returns each request's latency in milliseconds.
 */
export async function runClients(opts: {
  clients: number;
  requests: number;
  maxSeconds: number;
  send: (i: number) => Promise<void>;
}): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + opts.maxSeconds * 1000;
  let issued = 0;
  const loop = async () => {
    while (issued < opts.requests && performance.now() < deadline) {
      const i = issued++;
      const t0 = performance.now();
      await opts.send(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, loop));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/**
 * Closed-loop HTTP load with autocannon: `clients` connections, each sending its next request when
 * the previous one answered, through `paths` in turn, `requests` in all. autocannon's own HTTP
 * client costs a fraction of fetch's CPU per request, and the load generator shares the machine's
 * cores with the server and the database. Every answer must be a 200.
 */
export async function runHttp(opts: {
  origin: string;
  paths: readonly string[];
  headers?: Record<string, string>;
  clients: number;
  requests: number;
}): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const result = await autocannon({
    url: opts.origin,
    connections: opts.clients,
    amount: opts.requests,
    timeout: 60,
    headers: opts.headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: opts.paths[next++ % opts.paths.length] }) }],
  }).on("response", (_client, status, _bytes, milliseconds) => {
    if (status === 200) latencies.push(milliseconds);
  });
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(
      `${opts.origin}${opts.paths[0]}…: ${result.non2xx} non-200 answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summary(latencies: readonly number[]) {
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    n: latencies.length,
  };
}

/** GET that must answer 200 (a benchmark of errors would be meaningless). */
export async function getOk(url: string, headers: Record<string, string>): Promise<unknown> {
  const res = await fetch(url, { headers });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body);
}
