import { createHash } from 'node:crypto';
import { basic, call, GPADMIN, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { testRedisUrl } from './helpers/redis';

/**
 * Automatic persisted queries (Apollo's protocol) on POST and GET /graphql: a hash the hub does not
 * hold, the text registered with it, then the hash alone; the refusals; the limits on a persisted
 * operation; the documents shared over Redis by two instances on one database. And the schema
 * reference the hub serves.
 */
let t: TestHub;
beforeAll(async () => {
  t = await startHub();
});
afterAll(async () => {
  await t?.close();
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string, version: unknown = 1) => ({ persistedQuery: { version, sha256Hash: hash } });

function post(baseUrl: string, body: Record<string, unknown>) {
  return call(baseUrl, 'POST', '/graphql', { auth: basic(GPADMIN), body });
}

/** A query no other test sends, so that its hash is unknown to the hub until this one registers it. */
const unique = (label: string) => `query ${label} { profilo { nome } }`;

it('answers an unknown hash PERSISTED_QUERY_NOT_FOUND, registers it sent with its text, then runs it by hash alone', async () => {
  const query = unique('RoundTrip');
  const hash = sha256(query);
  const missing = await post(t.baseUrl, { extensions: persisted(hash) });
  expect(missing.status).toBe(200);
  expect(missing.headers.get('cache-control')).toContain('no-cache');
  expect(missing.body.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);

  const registered = await post(t.baseUrl, { query, extensions: persisted(hash) });
  expect(registered.status).toBe(200);
  expect(registered.body).toEqual({ data: { profilo: { nome: 'Amministratore GovPay' } } });

  const byHash = await post(t.baseUrl, { extensions: persisted(hash) });
  expect(byHash.body).toEqual(registered.body);
});

it('runs a persisted query by hash over GET too', async () => {
  const query = unique('OverGet');
  await post(t.baseUrl, { query, extensions: persisted(sha256(query)) });
  const r = await call(t.baseUrl, 'GET', `/graphql?extensions=${encodeURIComponent(JSON.stringify(persisted(sha256(query))))}`, {
    headers: { 'apollo-require-preflight': 'true' },
  });
  expect(r.status).toBe(200);
  expect(r.body).toEqual({ data: { profilo: { nome: 'Amministratore GovPay' } } });
});

it('refuses a hash that is not the text’s, another version, and a malformed hash, with clear errors', async () => {
  const query = unique('Mismatch');
  const mismatch = await post(t.baseUrl, { query, extensions: persisted(sha256(`${query} `)) });
  expect(mismatch.status).toBe(400);
  expect(mismatch.body.errors[0]).toEqual({
    message: 'The persisted query hash is not the SHA-256 of the query sent with it.',
    extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
  });
  // Nothing was registered under the hash claimed.
  expect((await post(t.baseUrl, { extensions: persisted(sha256(`${query} `)) })).body.errors[0].extensions.code).toBe(
    'PERSISTED_QUERY_NOT_FOUND',
  );

  const version = await post(t.baseUrl, { query, extensions: persisted(sha256(query), 2) });
  expect(version.status).toBe(400);
  expect(version.body.errors[0]).toEqual({
    message: 'Persisted query version 2 is not supported: send extensions.persistedQuery with version 1.',
    extensions: { code: 'PERSISTED_QUERY_VERSION_NOT_SUPPORTED' },
  });

  const malformed = await post(t.baseUrl, { extensions: persisted('abc') });
  expect(malformed.status).toBe(400);
  expect(malformed.body.errors[0].extensions.code).toBe('BAD_REQUEST');
});

it('holds a persisted operation to the graph’s limits, and does not register one they refuse', async () => {
  const deep =
    'query Deep { dominio(idDominio: "12345678901") { stazione { domini { nodes { stazione { domini { nodes { stazione { domini { nodes { stazione { intermediario { idIntermediario } } } } } } } } } } } } }';
  const refused = await post(t.baseUrl, { query: deep, extensions: persisted(sha256(deep)) });
  expect(refused.status).toBe(400);
  expect(refused.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  const again = await post(t.baseUrl, { extensions: persisted(sha256(deep)) });
  expect(again.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
});

it('still runs plain queries and REST (trusted, never asked for a hash)', async () => {
  expect((await gql(t.baseUrl, '{ profilo { nome } }')).body).toEqual({ data: { profilo: { nome: 'Amministratore GovPay' } } });
  expect((await call(t.baseUrl, 'GET', '/govpay/backend/api/backoffice/rs/basic/v1/domini')).status).toBe(200);
});

describe('the schema reference', () => {
  it('is served at GET /graphql/reference: every type and field with anchors and doc strings, loading nothing', async () => {
    const res = await fetch(`${t.baseUrl}/graphql/reference`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    const page = await res.text();
    expect(page).toContain('<section class="type" id="Pendenza">');
    expect(page).toContain(
      '<dt id="Query.pendenze"><a href="#Query.pendenze">pendenze</a>(…): <a href="#PendenzaConnection">PendenzaConnection</a>!</dt>',
    );
    expect(page).toContain('<dt id="Subscription.pendenzaAggiornata">');
    expect(page).toContain('<dt id="OrderDirection.ASC">');
    expect(page).toContain('The applicazione that holds it.');
    expect(page).not.toMatch(/<script|<link|<img|\ssrc=|href="(?!#)/);
  });

  it('is not published when introspection is off', async () => {
    const closed = await startHub({ GRAPHQL_INTROSPECTION: 'false', DATABASE_URL: databaseUrl(t) });
    try {
      const res = await fetch(`${closed.baseUrl}/graphql/reference`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('GRAPHQL_INTROSPECTION=true');
    } finally {
      await closed.close();
    }
  });
});

const databaseUrl = (hub: TestHub) => {
  const db = hub.hub.config.database;
  return db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url;
};

describe('two instances on one Redis', () => {
  let a: TestHub;
  let b: TestHub;
  beforeAll(async () => {
    const REDIS_URL = testRedisUrl();
    a = await startHub({ REDIS_URL });
    b = await startHub({ REDIS_URL, DATABASE_URL: databaseUrl(a) });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('serves by hash on one instance a query registered on the other', async () => {
    // Unique per run: Redis outlives the test's databases.
    const query = unique(`Shared${Date.now()}`);
    const hash = sha256(query);
    expect((await post(b.baseUrl, { extensions: persisted(hash) })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(a.baseUrl, { query, extensions: persisted(hash) })).body.data).toEqual({
      profilo: { nome: 'Amministratore GovPay' },
    });
    expect((await post(b.baseUrl, { extensions: persisted(hash) })).body).toEqual({ data: { profilo: { nome: 'Amministratore GovPay' } } });
  });
});
