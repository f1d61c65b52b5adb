import { esitoHttp, journaled, type Journal, type Scambio } from '../../../core/journal';
import type { ConnettoreIntegrazione } from '../../../schema/entities';

export interface EnteRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** Appended to the connector's URL, already percent-encoded. */
  path: string;
  body?: unknown;
  timeoutMs: number;
}

export interface EnteResponse {
  status: number;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
  text: string;
}

/** How a call is recorded in the Giornale degli Eventi (componente API_ENTE): its operation and what it concerns. */
export interface EnteTraccia extends Pick<Scambio, 'tipoEvento' | 'idDominio' | 'iuv' | 'ccp' | 'idA2A' | 'idPendenza'> {
  journal?: Journal;
}

/** Why a call to the Ente's system got no HTTP answer (refused, reset, timed out). */
export class EnteUnreachable extends Error {}

/**
 * One HTTP call to an Ente's system through the applicazione's connector, with the
 * authentication GovPay's connectors configure: HTTP Basic (username/password), a fixed header
 * (headerName/headerValue) or API keys (apiId/apiKey). A call never outlives `timeoutMs`.
 */
export async function callEnte(connettore: ConnettoreIntegrazione, req: EnteRequest, traccia?: EnteTraccia): Promise<EnteResponse> {
  const url = withoutTrailingSlashes(connettore.url) + req.path;
  // The journal sees the headers before the credentials are added.
  const visible: Record<string, string> = { accept: 'application/json' };
  if (req.body !== undefined) visible['content-type'] = 'application/json';
  const { journal, ...riferimenti } = traccia ?? { tipoEvento: '' };
  return journaled(
    journal,
    {
      componente: 'API_ENTE',
      scrittura: req.method !== 'GET',
      ...riferimenti,
      richiesta: () => ({ data: new Date(), url, method: req.method, headers: visible, payload: req.body as object | undefined }),
    },
    () => send(url, req, { ...visible, ...authHeaders(connettore.auth) }),
    (res) => ({
      esito: esitoHttp(res.status),
      sottotipoEsito: String(res.status),
      risposta: () => ({ data: new Date(), status: res.status, payload: res.text }),
    }),
  );
}

async function send(url: string, req: EnteRequest, headers: Record<string, string>): Promise<EnteResponse> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    text = await res.text();
  } catch (e) {
    const reason = (e as Error).name === 'TimeoutError' ? `no answer within ${req.timeoutMs} ms` : describe(e);
    throw new EnteUnreachable(`${req.method} ${url}: ${reason}`);
  }
  return { status: res.status, json: parseJson(text), text };
}

function authHeaders(auth: Record<string, unknown> | undefined): Record<string, string> {
  if (!auth) return {};
  if (typeof auth.username === 'string' && typeof auth.password === 'string') {
    return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
  }
  if (typeof auth.headerName === 'string' && typeof auth.headerValue === 'string') {
    return { [auth.headerName]: auth.headerValue };
  }
  if (typeof auth.apiId === 'string' && typeof auth.apiKey === 'string') {
    return { 'x-api-id': auth.apiId, 'x-api-key': auth.apiKey };
  }
  return {};
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
}

/** The URL without its trailing slashes (a loop: a `/\/+$/` pattern backtracks on many slashes). */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
