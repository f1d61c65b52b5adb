import express from 'express';
import type { AddressInfo } from 'node:net';
import { cors } from '../gateway/cors';
import { basic, BO, call, GPADMIN, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/**
 * Browser clients on another origin (govpay-console served apart from the hub, a portal calling
 * the graph): the allowed origins' preflights are answered at the edge before authentication,
 * every reply to them says so; any other origin gets no Access-Control-* header.
 */
let t: TestHub;
const CONSOLE = 'https://console.ente.example';
const EVIL = 'https://evil.example';
const FORM = '/govpay-api-backoffice/rs/form/v1';

beforeAll(async () => {
  t = await startHub({ CORS_ALLOWED_ORIGINS: `${CONSOLE}, https://portale.ente.example` });
});
afterAll(() => t?.close());

const preflight = (path: string, origin: string, method = 'GET') =>
  fetch(`${t.baseUrl}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' },
  });

const corsHeaders = (h: Headers) => [...h.keys()].filter((k) => k.startsWith('access-control-'));

describe('a preflight', () => {
  it.each([
    ['the Backoffice, form mode under the console path', `${FORM}/profilo`, 'GET'],
    ['the Backoffice', `${BO}/pendenze/IDA2A01/x`, 'PATCH'],
    ['API Pendenze', '/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/x', 'PUT'],
    ['API Pagamento', '/govpay/frontend/api/pagamento/rs/basic/v2/pagamenti', 'POST'],
    ['API Ragioneria', '/govpay/backend/api/ragioneria/rs/basic/v2/riscossioni', 'GET'],
    ['the graph', '/graphql', 'POST'],
  ])('from an allowed origin to %s is answered before authentication (204)', async (_api, path, method) => {
    const r = await preflight(path, CONSOLE, method);
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(r.headers.get('access-control-allow-credentials')).toBe('true');
    expect(r.headers.get('access-control-allow-methods')).toContain(method);
    expect(r.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type.*x-govpay-principal/);
    expect(r.headers.get('access-control-max-age')).toBe('600');
    expect(r.headers.get('vary')).toMatch(/Origin/);
  });

  it('from an origin not allowed is refused (403) without any Access-Control-* header', async () => {
    const r = await preflight(`${BO}/domini`, EVIL);
    expect(r.status).toBe(403);
    expect(corsHeaders(r.headers)).toEqual([]);
    // A lookalike of an allowed origin is another origin.
    expect((await preflight(`${BO}/domini`, `${CONSOLE}.evil.example`)).status).toBe(403);
    expect((await preflight(`${BO}/domini`, 'http://console.ente.example')).status).toBe(403);
  });
});

describe('a reply', () => {
  it('to an allowed origin carries the origin, credentials and the headers a page may read', async () => {
    const r = await call(t.baseUrl, 'GET', `${BO}/domini`, { headers: { origin: CONSOLE } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(r.headers.get('access-control-allow-credentials')).toBe('true');
    expect(r.headers.get('access-control-expose-headers')).toContain('Location');
    expect(r.headers.get('access-control-expose-headers')).toContain('Content-Disposition');
    expect(r.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(r.headers.get('vary')).toMatch(/Origin/);
  });

  it('to an allowed origin carries them on errors too, so the console can read the 401', async () => {
    const r = await call(t.baseUrl, 'GET', `${FORM}/profilo`, { auth: null, headers: { origin: CONSOLE } });
    expect(r.status).toBe(401);
    expect(r.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    const graph = await call(t.baseUrl, 'POST', '/graphql', {
      auth: basic(IDA2A01),
      body: { query: '{ profilo { nome } }' },
      headers: { origin: 'https://portale.ente.example' },
    });
    expect(graph.status).toBe(200);
    expect(graph.headers.get('access-control-allow-origin')).toBe('https://portale.ente.example');
  });

  it('to another origin, or to no origin, is served without Access-Control-* headers (the browser keeps it from the page)', async () => {
    const evil = await call(t.baseUrl, 'GET', `${BO}/domini`, { auth: basic(GPADMIN), headers: { origin: EVIL } });
    expect(evil.status).toBe(200);
    expect(corsHeaders(evil.headers)).toEqual([]);
    expect(evil.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(corsHeaders((await call(t.baseUrl, 'GET', `${BO}/domini`)).headers)).toEqual([]);
  });
});

describe('with no origin configured (the default)', () => {
  it('adds nothing and answers no preflight: it reaches the routes, which authenticate', async () => {
    const app = express();
    app.use(cors({ allowedOrigins: [], maxAgeSeconds: 600, principalHeader: 'x-govpay-principal' }));
    app.use((_req, res) => void res.status(401).end());
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const r = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, {
        method: 'OPTIONS',
        headers: { origin: CONSOLE, 'access-control-request-method': 'GET' },
      });
      expect(r.status).toBe(401);
      expect(corsHeaders(r.headers)).toEqual([]);
      expect(r.headers.get('vary')).toBeNull();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
