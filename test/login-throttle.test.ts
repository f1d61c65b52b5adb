import { randomBytes } from 'node:crypto';
import { basic, BO, call, gql, GPADMIN, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { upgrade } from './helpers/raw-subscriber';

/**
 * Failed password logins are throttled per principal and per client address, on REST, the graph
 * and the station, in memory and on Redis (shared by every instance): past the limit a caller
 * gets 429 with Retry-After without its password being checked; successful logins are not slowed.
 */
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const STATION = '/govpay/frontend/api/pagopa/PagamentiTelematiciCCPservice';
const wrong = (user: string) => basic({ user, password: 'not-the-password' });

function expectThrottled(r: { status: number; headers: Headers }, windowSeconds: number) {
  expect(r.status).toBe(429);
  const retryAfter = Number(r.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

describe('in memory', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub({ LOGIN_FAILURES_PER_PRINCIPAL: '3', LOGIN_FAILURES_PER_ADDRESS: '8', LOGIN_FAILURES_WINDOW_SECONDS: '60' });
  });
  afterAll(() => t.close());

  it('refuses a principal after its failures with 429, Retry-After and a GovPay fault, even with the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await call(t.baseUrl, 'GET', `${BO}/profilo`, { auth: wrong('gpadmin') })).status).toBe(401);
    const right = await call(t.baseUrl, 'GET', `${BO}/profilo`, { auth: basic(GPADMIN) });
    expectThrottled(right, 60);
    expect(right.body).toEqual({
      categoria: 'AUTORIZZAZIONE',
      codice: '429000',
      descrizione: 'Troppi tentativi di autenticazione falliti',
      dettaglio: expect.stringMatching(/^Troppi tentativi di autenticazione falliti: riprovare tra \d+ secondi\.$/),
    });
    const graph = await gql(t.baseUrl, '{ profilo { nome } }', {}, basic(GPADMIN));
    expectThrottled(graph, 60);
    expect(graph.body.errors[0].extensions).toMatchObject({ codice: '429000', status: 429 });
  });

  it('does not slow another principal whose logins succeed', async () => {
    const started = Date.now();
    for (let i = 0; i < 20; i++) expect((await call(t.baseUrl, 'GET', `${PV2}/profilo`, { auth: basic(IDA2A01) })).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("throttles the station's Nodo the same way", async () => {
    const soap = (auth: string) =>
      call(t.baseUrl, 'POST', STATION, {
        auth,
        rawBody: '<x/>',
        headers: { 'content-type': 'text/xml', soapaction: 'paVerifyPaymentNotice' },
      });
    for (let i = 0; i < 3; i++) expect((await soap(wrong('ndpsym'))).status).toBe(401);
    const refused = await soap(basic({ user: 'ndpsym', password: 'Password1!' }));
    expectThrottled(refused, 60);
    expect(refused.body).toMatch(
      /<faultcode>\w+:Client<\/faultcode>\s*<faultstring>Troppi tentativi di autenticazione falliti: riprovare tra \d+ secondi\.<\/faultstring>/,
    );
  });

  it('refuses an address that guessed many principals, whatever principal it tries next', async () => {
    // Failures so far from this address: 3 (gpadmin) + 3 (ndpsym); two more reach the limit of 8.
    for (const user of ['nobody-1', 'nobody-2'])
      expect((await call(t.baseUrl, 'GET', `${PV2}/profilo`, { auth: wrong(user) })).status).toBe(401);
    expectThrottled(await call(t.baseUrl, 'GET', `${PV2}/profilo`, { auth: basic(IDA2A01) }), 60);
  });

  it('closes a WebSocket from a throttled address with 4429, naming the wait', async () => {
    const opened = await upgrade(t.baseUrl);
    if (!opened.opened) throw new Error(`upgrade refused: ${opened.status}`);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      opened.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    opened.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: basic(IDA2A01) } }));
    expect(await closed).toEqual({
      code: 4429,
      reason: expect.stringMatching(/^Troppi tentativi di autenticazione falliti: .*riprovare tra \d+ secondi\.$/),
    });
  });
});

describe('on Redis, shared by every instance', () => {
  let a: TestHub;
  let b: TestHub;
  const redis = process.env.TEST_REDIS_URL;
  beforeAll(async () => {
    if (!redis) throw new Error('TEST_REDIS_URL is required: run the suite with `npm test`');
    // A short window and a principal of this run only, so nothing lingers for other tests sharing the Redis.
    const env = {
      REDIS_URL: redis,
      LOGIN_FAILURES_PER_PRINCIPAL: '4',
      LOGIN_FAILURES_PER_ADDRESS: '1000',
      LOGIN_FAILURES_WINDOW_SECONDS: '3',
    };
    a = await startHub(env);
    const dbUrl = a.hub.config.database.dialect === 'sqlite' ? `sqlite:${a.hub.config.database.path}` : a.hub.config.database.url;
    b = await startHub({ ...env, DATABASE_URL: dbUrl });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it("counts one instance's failures on the other, and lets the principal in again once the window has passed", async () => {
    const user = `guess-${randomBytes(4).toString('hex')}`;
    for (const t of [a, a, b, b]) expect((await call(t.baseUrl, 'GET', `${PV2}/profilo`, { auth: wrong(user) })).status).toBe(401);
    expectThrottled(await call(a.baseUrl, 'GET', `${PV2}/profilo`, { auth: wrong(user) }), 3);
    expectThrottled(await call(b.baseUrl, 'GET', `${PV2}/profilo`, { auth: wrong(user) }), 3);
    await new Promise((resolve) => setTimeout(resolve, 3200));
    expect((await call(b.baseUrl, 'GET', `${PV2}/profilo`, { auth: wrong(user) })).status).toBe(401);
  });
});
