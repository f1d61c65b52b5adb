import { Agent, request } from 'node:http';

/**
 * Fetchers a gateway's remote data source can use, to measure the HTTP hop with each. The hub's
 * SignedRemoteDataSource reads the global `fetch` when it is built, so a bench server process
 * swaps `globalThis.fetch` before creating the hub (BENCH_APOLLO_FETCHER):
 *  - `undici` (default): Node's own fetch, which the hub uses today (keep-alive pool, WHATWG streams);
 *  - `node-fetch`: node-fetch 2 (Apollo's own dependency) with a keep-alive http.Agent;
 *  - `http`: a minimal fetch over node:http with a keep-alive Agent, just what
 *    RemoteGraphQLDataSource reads from a response (ok, status, headers.get, json, text).
 */
export type FetcherName = 'undici' | 'node-fetch' | 'http';

interface MinimalInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

const agent = new Agent({ keepAlive: true, keepAliveMsecs: 1000, maxSockets: 256, scheduling: 'lifo' });

/** POST/GET over node:http with a pooled socket; the body is read whole, then parsed on demand. */
export function httpFetch(url: string, init: MinimalInit = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers: Record<string, string | number> = { ...init.headers };
    if (body) headers['content-length'] = body.length;
    const req = request(url, { method: init.method ?? 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          status,
          statusText: res.statusMessage ?? '',
          url,
          headers: {
            get: (name: string) => {
              const v = res.headers[name.toLowerCase()];
              return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
            },
          },
          text: async () => text,
          json: async () => JSON.parse(text) as unknown,
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function installFetcher(name: FetcherName): void {
  if (name === 'undici') return;
  if (name === 'http') {
    globalThis.fetch = httpFetch as unknown as typeof fetch;
    return;
  }
  // node-fetch 2 is CommonJS and ships with @apollo/gateway.
  const nodeFetch = require('node-fetch') as (url: string, init: MinimalInit & { agent: Agent }) => Promise<unknown>;
  globalThis.fetch = ((url: string, init: MinimalInit) => nodeFetch(url, { ...init, agent })) as unknown as typeof fetch;
}
