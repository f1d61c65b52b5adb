import { createHash, randomBytes } from 'node:crypto';
import { loadConfig } from '../core/config';
import { purgeExpiredSessions, SESSION_COOKIE } from '../gateway/sessions';
import { Sessione } from '../schema/entities';
import { basic, BO, call, GPADMIN } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/**
 * The Backoffice's `form` mode, as govpay-console uses it under its stock context path: Basic
 * credentials on the first call open a session, later calls bring only its cookie, /logout ends
 * it. Two instances share one database, as behind a load balancer: a session opened on one serves
 * on the other, and a logout on one ends it on both at once.
 */
let a: TestHub;
let b: TestHub;
const FORM = '/govpay-api-backoffice/rs/form/v1';
const HUB_B = 'https://hub.ente.example';

beforeAll(async () => {
  // No cached credentials: a disabled operatore is refused at its next call, whatever the cache's TTL.
  a = await startHub({ AUTH_CACHE_TTL_SECONDS: '0' });
  const database = a.hub.config.database;
  b = await startHub({
    DATABASE_URL: database.dialect === 'sqlite' ? `sqlite:${database.path}` : database.url,
    AUTH_CACHE_TTL_SECONDS: '0',
    PUBLIC_BASE_URL: HUB_B,
  });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const get = (hub: TestHub, path: string, o: { auth?: string | null; cookie?: string } = {}) =>
  call(hub.baseUrl, 'GET', path, {
    auth: o.auth === undefined ? null : o.auth,
    headers: o.cookie ? { cookie: `${SESSION_COOKIE}=${o.cookie}` } : {},
  });

/** The session token a reply's Set-Cookie carries, and the cookie's attributes. */
function sessionCookie(reply: { headers: Headers }): { token: string; attributes: string } | undefined {
  const set = reply.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!set) return undefined;
  const [pair, ...attributes] = set.split(';');
  return { token: pair.slice(SESSION_COOKIE.length + 1), attributes: attributes.map((x) => x.trim()).join('; ') };
}

async function login(hub: TestHub, credentials = GPADMIN): Promise<string> {
  const r = await get(hub, `${FORM}/profilo`, { auth: basic(credentials) });
  expect(r.status).toBe(200);
  return sessionCookie(r)!.token;
}

const sessions = (hub: TestHub) => hub.hub.orm.em.fork().find(Sessione, {});
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const EXPIRED = { categoria: 'AUTORIZZAZIONE', codice: '401000', dettaglio: 'Sessione Scaduta' };

describe('form login', () => {
  it('opens a session with Basic credentials: an HTTP-only, SameSite=Strict cookie scoped to the API', async () => {
    const r = await get(a, `${FORM}/profilo`, { auth: basic(GPADMIN) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ nome: 'Amministratore GovPay', autenticazione: 'FORM' });
    const cookie = sessionCookie(r)!;
    expect(cookie.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toBe(`Path=${FORM}; HttpOnly; SameSite=Strict`);
    // The database keeps only the token's hash.
    const row = (await sessions(a)).find((s) => s.tokenHash === hashOf(cookie.token));
    expect(row).toMatchObject({ principal: 'gpadmin' });
    expect((await sessions(a)).some((s) => s.tokenHash === cookie.token)).toBe(false);
  });

  it('serves later calls with only the cookie, on either instance; the console sending Basic again opens no other session', async () => {
    const token = await login(a);
    const before = (await sessions(a)).length;
    for (const hub of [a, b]) {
      const r = await get(hub, `${FORM}/domini`, { cookie: token });
      expect(r.status).toBe(200);
      expect(r.body.risultati.map((d: { idDominio: string }) => d.idDominio)).toEqual(['12345678901']);
    }
    const again = await call(a.baseUrl, 'GET', `${FORM}/profilo`, {
      auth: basic(GPADMIN),
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    expect(again.status).toBe(200);
    expect(sessionCookie(again)).toBeUndefined();
    expect((await sessions(a)).length).toBe(before);
  });

  it('marks the cookie Secure when the hub is reached over https', async () => {
    const r = await get(b, `${FORM}/profilo`, { auth: basic(GPADMIN) });
    expect(sessionCookie(r)!.attributes).toBe(`Path=${FORM}; HttpOnly; Secure; SameSite=Strict`);
  });

  it('ends the session at /logout on one instance, at once on the other too', async () => {
    const token = await login(a);
    const out = await get(b, `${FORM}/logout`, { cookie: token });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(new RegExp(`^${SESSION_COOKIE}=; Path=${FORM}; Expires=Thu, 01 Jan 1970`));
    for (const hub of [a, b]) {
      const r = await get(hub, `${FORM}/domini`, { cookie: token });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject(EXPIRED);
    }
    expect((await sessions(a)).some((s) => s.tokenHash === hashOf(token))).toBe(false);
    // As GovPay's logout filter: 200 even without a session.
    expect((await get(a, `${FORM}/logout`)).status).toBe(200);
  });

  it('refuses a forged cookie, and a call with neither cookie nor credentials, with 401', async () => {
    expect((await get(a, `${FORM}/domini`, { cookie: randomBytes(32).toString('base64url') })).body).toMatchObject(EXPIRED);
    expect((await get(a, `${FORM}/domini`, { cookie: "x' OR 1=1 --" })).status).toBe(401);
    const none = await get(a, `${FORM}/domini`);
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ codice: '401000' });
  });

  it('opens no session for wrong credentials', async () => {
    const before = (await sessions(a)).length;
    const r = await get(a, `${FORM}/profilo`, { auth: basic({ user: 'gpadmin', password: 'sbagliata' }) });
    expect(r.status).toBe(401);
    expect(sessionCookie(r)).toBeUndefined();
    expect((await sessions(a)).length).toBe(before);
  });

  it('expires an idle session, never lets one outlive its maximum, and purges expired ones', async () => {
    const token = await login(a);
    const em = a.hub.orm.em.fork();
    const tokenHash = hashOf(token);
    // Idle for two minutes, one second left of its life: the call keeps it, until its maximum only.
    const maximum = new Date(Date.now() + 1000);
    await em.nativeUpdate(Sessione, { tokenHash }, { ultimoUso: new Date(Date.now() - 120_000), scadenzaMassima: maximum });
    expect((await get(a, `${FORM}/profilo`, { cookie: token })).status).toBe(200);
    expect((await em.fork().findOneOrFail(Sessione, { tokenHash })).scadenza.getTime()).toBe(maximum.getTime());

    await em.nativeUpdate(Sessione, { tokenHash }, { scadenza: new Date(Date.now() - 1) });
    const r = await get(b, `${FORM}/profilo`, { cookie: token });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject(EXPIRED);
    expect(await purgeExpiredSessions(a.hub.orm.em)).toBeGreaterThanOrEqual(1);
    expect(await em.fork().findOne(Sessione, { tokenHash })).toBeNull();
  });

  it("refuses the cookie of an operatore disabled since it logged in (GovPay's 403), and serves it again once enabled", async () => {
    const operatore = {
      ragioneSociale: 'Ada Form',
      password: 'Operatrice1',
      domini: ['12345678901'],
      tipiPendenza: [],
      acl: [{ servizio: 'Anagrafica Creditore', autorizzazioni: ['R'] }],
    };
    const put = (abilitato: boolean) => call(a.baseUrl, 'PUT', `${BO}/operatori/aform`, { body: { ...operatore, abilitato } });
    expect((await put(true)).status).toBe(201);
    const token = await login(a, { user: 'aform', password: 'Operatrice1' });
    expect((await get(b, `${FORM}/domini`, { cookie: token })).status).toBe(200);

    expect((await put(false)).status).toBe(200);
    const refused = await get(b, `${FORM}/domini`, { cookie: token });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ dettaglio: 'Operatore [aform] disabilitato.' });
    expect((await put(true)).status).toBe(200);
    expect((await get(a, `${FORM}/domini`, { cookie: token })).status).toBe(200);
  });
});

describe('the other modes, unchanged', () => {
  it('basic mode ignores a session cookie and answers /logout with 200 as GovPay (401 without credentials)', async () => {
    const token = await login(a);
    const basicBase = '/govpay-api-backoffice/rs/basic/v1';
    expect((await get(a, `${basicBase}/domini`, { cookie: token })).status).toBe(401);
    expect((await get(a, `${BO}/logout`, { auth: basic(GPADMIN) })).status).toBe(200);
    expect((await get(a, `${BO}/logout`)).status).toBe(401);
    // A basic-mode logout ends no form session.
    expect((await get(a, `${FORM}/profilo`, { cookie: token })).status).toBe(200);
  });

  it('serves the whole Backoffice under the console context path too', async () => {
    const stock = await get(a, `${BO}/domini/12345678901`, { auth: basic(GPADMIN) });
    const console = await get(a, `/govpay-api-backoffice/rs/basic/v1/domini/12345678901`, { auth: basic(GPADMIN) });
    expect(console.status).toBe(200);
    expect(console.body).toEqual(stock.body);
  });

  it('has no form mode on the other APIs', async () => {
    const r = await get(a, '/govpay/backend/api/pendenze/rs/form/v2/pendenze', { auth: basic(GPADMIN) });
    expect(r.status).toBe(404);
  });

  it('refuses SameSite=None without https, whose cookie browsers would drop', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', SESSION_COOKIE_SAMESITE: 'None' })).toThrow(
      /SESSION_COOKIE_SAMESITE=None needs an https PUBLIC_BASE_URL/,
    );
    expect(
      loadConfig({
        NODE_ENV: 'test',
        SESSION_COOKIE_SAMESITE: 'None',
        PUBLIC_BASE_URL: 'https://hub.ente.it',
        SESSION_IDLE_MINUTES: '0.5',
        SESSION_MAX_HOURS: '2',
      }).sessions,
    ).toEqual({
      idleMs: 30_000,
      maxMs: 7_200_000,
      sameSite: 'None',
    });
  });
});
