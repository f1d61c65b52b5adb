import { basic, call, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';

/**
 * Stored XSS through allegati (an uploader's `text/html` served inline on the API's origin) and the
 * security headers every reply of the edge server carries.
 */
let t: TestHub;
const app = basic(IDA2A01);
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const STRICT_CSP = "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'";

beforeAll(async () => {
  t = await startHub();
});
afterAll(() => t.close());

async function upload(id: string, allegato: Record<string, unknown>): Promise<string> {
  const body = nuovaPendenza(id, { allegati: [allegato] });
  expect((await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app, body })).status).toBe(201);
  const read = await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app });
  return `${t.baseUrl}${PV2}${read.body.allegati[0].contenuto}`;
}

it('serves an uploaded text/html allegato as a sandboxed download, never inline, bytes unchanged', async () => {
  const page = Buffer.from('<html><script>fetch("/govpay/backend/api/pendenze/rs/basic/v2/profilo")</script></html>');
  const url = await upload('XSS-1', { nome: 'pagina "x".html', tipo: 'text/html', contenuto: page.toString('base64') });
  const res = await fetch(url, { headers: { authorization: app } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toBe('attachment; filename="pagina \\"x\\".html"');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(Buffer.from(await res.arrayBuffer()).equals(page)).toBe(true);
});

it('serves a declared type that is no MIME type as bytes', async () => {
  const url = await upload('XSS-2', { nome: 'x.bin', tipo: 'text/html\u00e8; x', contenuto: Buffer.from('abc').toString('base64') });
  const res = await fetch(url, { headers: { authorization: app } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/octet-stream');
  expect(res.headers.get('content-disposition')).toBe('attachment; filename=x.bin');
});

it('puts the standard security headers on every reply: REST, graph, probes, errors', async () => {
  const replies = [
    await call(t.baseUrl, 'GET', `${PV2}/profilo`, { auth: app }),
    await call(t.baseUrl, 'GET', `${PV2}/profilo`, { auth: null }),
    await gql(t.baseUrl, '{ profilo { nome } }', {}, app),
    await call(t.baseUrl, 'GET', '/health', { auth: null }),
  ];
  for (const r of replies) {
    expect({
      csp: r.headers.get('content-security-policy'),
      nosniff: r.headers.get('x-content-type-options'),
      frame: r.headers.get('x-frame-options'),
      referrer: r.headers.get('referrer-policy'),
      hsts: r.headers.get('strict-transport-security'),
    }).toEqual({ csp: STRICT_CSP, nosniff: 'nosniff', frame: 'SAMEORIGIN', referrer: 'no-referrer', hsts: 'max-age=31536000; includeSubDomains' });
  }
  expect(replies.map((r) => r.status)).toEqual([200, 401, 200, 200]);
  // express's own 404 page puts its CSP, as strict, in place of ours.
  const missing = await call(t.baseUrl, 'GET', '/nowhere', { auth: null });
  expect([missing.status, missing.headers.get('content-security-policy'), missing.headers.get('x-content-type-options')]).toEqual([
    404,
    "default-src 'none'",
    'nosniff',
  ]);
});

it("keeps Apollo's landing page working: no CSP on the HTML page, the other headers still there", async () => {
  const res = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('content-security-policy')).toBeNull();
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
});
