import { Agent, request } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { errors } from '../core/errors';

interface FetchInit {
  method?: string;
  headers?: Record<string, string> | Headers;
  body?: string;
}

export interface FetchResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

const agents = {
  http: new Agent({ keepAlive: true, keepAliveMsecs: 1000, maxSockets: 256, scheduling: 'lifo' }),
  https: new HttpsAgent({ keepAlive: true, keepAliveMsecs: 1000, maxSockets: 256, scheduling: 'lifo' }),
};


export type Fetcher = (url: string, init?: FetchInit) => Promise<FetchResponse>;

/**
 * The gateway's fetch for subgraphs in other processes: node:http on pooled keep-alive sockets,
 * returning only what Apollo's RemoteGraphQLDataSource reads. Measured (BENCHMARKS.md), Node's
 * global fetch spent more CPU in its WHATWG stream machinery than the gateway spent planning and
 * executing; this halves the hop's added latency. A subgraph gets `timeoutMs` to answer in full,
 * so a hung one cannot hold gateway requests forever.
 */
export function keepAliveFetch(timeoutMs: number): Fetcher {
  return (url, init = {}) => fetchWithin(url, init, timeoutMs);
}

function fetchWithin(url: string, init: FetchInit, timeoutMs: number): Promise<FetchResponse> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers: Record<string, string | number> =
      init.headers instanceof Headers ? Object.fromEntries(init.headers.entries()) : { ...init.headers };
    if (body) headers['content-length'] = body.length;
    const secure = url.startsWith('https:');
    const send = secure ? httpsRequest : request;
    const req = send(url, { method: init.method ?? 'GET', headers, agent: secure ? agents.https : agents.http }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
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
    const timer = setTimeout(() => {
      // The caller learns which part of the hub is slow, not where it runs.
      reject(errors.timeout(`Un servizio interno non ha risposto entro ${timeoutMs} ms.`));
      req.destroy();
    }, timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', reject);
    req.end(body);
  });
}
