import { performance } from 'node:perf_hooks';

/**
 * One closed-loop HTTP load run with autocannon, keeping every response time itself: autocannon's
 * own latency histogram counts whole milliseconds, too coarse to tell a sub-millisecond hop.
 */
export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  /** Makes each request unique (a new pendenza per PUT): the n-th request's path and body. */
  vary?: (n: number) => { path?: string; body?: string };
  /** Sees every response's status and body (autocannon reads bodies only when this is set). */
  inspect?: (status: number, body: string) => void;
}

let sequence = 0;

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  on(event: 'done', listener: (result: AutocannonResult) => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
}
type Autocannon = (opts: Record<string, unknown>) => AutocannonInstance;

// autocannon ships no types; only the few members used here are declared above.
const autocannon = require('autocannon') as Autocannon;

function once(
  req: LoadRequest,
  connections: number,
  seconds: number,
  onResponse: (status: number, ms: number) => void,
): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: req.url,
      method: req.method,
      headers: req.headers,
      body: req.body,
      connections,
      pipelining: 1,
      duration: seconds,
      timeout: 10,
      ...(req.vary || req.inspect
        ? {
            requests: [
              {
                ...(req.vary ? { setupRequest: (r: Record<string, unknown>) => ({ ...r, ...req.vary!(++sequence) }) } : {}),
                ...(req.inspect ? { onResponse: (status: number, body: string) => req.inspect!(status, body) } : {}),
              },
            ],
          }
        : {}),
    });
    instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
    instance.on('done', resolve);
    instance.on('error', reject);
  });
}

/** Warm-up (results discarded), then the measured run. */
export async function measure(req: LoadRequest, connections: number, warmupSeconds: number, seconds: number): Promise<LoadResult> {
  if (warmupSeconds > 0) await once(req, connections, warmupSeconds, () => undefined);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const result = await once(req, connections, seconds, (status, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else errors += 1;
  });
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors: errors + result.errors + result.timeouts,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

/** The q-quantile of ascending `sorted` (nearest rank), NaN when empty. */
export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
