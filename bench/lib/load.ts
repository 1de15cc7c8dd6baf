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
