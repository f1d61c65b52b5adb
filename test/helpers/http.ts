import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export const GPADMIN = { user: 'gpadmin', password: 'Password1!' };
export const IDA2A01 = { user: 'IDA2A01', password: 'Password1!' };

export const basic = (c: { user: string; password: string }) =>
  `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`;

/**
 * Real HTTP calls to a running hub. When GOVPAY_RECORD_DIR is set, every reply of GovPay's REST APIs
 * (Backoffice, Pendenze, Pagamento, Ragioneria) is recorded so that the conformance suite can check it against GovPay's OpenAPI.
 */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  opts: { auth?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.auth !== null) headers.authorization = opts.auth ?? basic(GPADMIN);
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  record(method, path, res.status, parsed, res.headers.get('content-type') ?? undefined);
  return { status: res.status, body: parsed, headers: res.headers };
}

/** The APIs whose replies are recorded, by path, and the name of their recording files. */
const RECORDED_APIS: [path: RegExp, name: string][] = [
  [/^\/govpay\/backend\/api\/backoffice\//, 'backoffice'],
  [/^\/govpay-api-backoffice\//, 'backoffice'],
  [/^\/govpay\/backend\/api\/pendenze\//, 'pendenze'],
  [/^\/govpay\/frontend\/api\/pagamento\//, 'pagamento'],
  [/^\/govpay\/backend\/api\/ragioneria\/rs\/[^/]+\/v2\//, 'ragioneria-v2'],
  [/^\/govpay\/backend\/api\/ragioneria\/rs\/[^/]+\/v1\//, 'ragioneria-v1'],
];

function record(method: string, path: string, status: number, body: unknown, contentType?: string): void {
  const api = RECORDED_APIS.find(([prefix]) => prefix.test(path))?.[1];
  if (api) recordExchange(api, { method, path, status, body, contentType });
}

/** Appends one exchange to the recordings of `api` (`<api>-<pid>.jsonl`), when GOVPAY_RECORD_DIR is set. */
export function recordExchange(api: string, exchange: { method: string; path: string; status: number; body: unknown; contentType?: string }): void {
  const dir = process.env.GOVPAY_RECORD_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${api}-${process.pid}.jsonl`), `${JSON.stringify(exchange)}\n`);
}

export const BO = '/govpay/backend/api/backoffice/rs/basic/v1';

export function gql(baseUrl: string, query: string, variables: Record<string, unknown> = {}, auth: string | null = basic(GPADMIN)) {
  return call(baseUrl, 'POST', '/graphql', { auth, body: { query, variables } });
}

/** An HTTP server of a test double, listening on a free local port. */
export async function localServer(): Promise<{ server: Server; base: string }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
