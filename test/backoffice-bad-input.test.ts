import { BO, basic, call, GPADMIN, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/** Wrong credentials, wrong rights and bad input on the Backoffice API: a clear error, nothing changed. */
let t: TestHub;
const get = (path: string, auth?: string | null) => call(t.baseUrl, 'GET', `${BO}${path}`, { auth });
const put = (path: string, body: unknown, auth?: string) => call(t.baseUrl, 'PUT', `${BO}${path}`, { body, auth });
const putRaw = (path: string, rawBody: string, contentType = 'application/json') =>
  call(t.baseUrl, 'PUT', `${BO}${path}`, { rawBody, headers: { 'content-type': contentType } });

const SINTASSI = { categoria: 'RICHIESTA', codice: 'SINTASSI', descrizione: 'Richiesta non valida' };
const validDominio = { ragioneSociale: 'Comune X', gln: '8088888000009', stazione: '11111111113_01', abilitato: true, scaricaFr: true };

let demoBefore: unknown;
beforeAll(async () => {
  t = await startHub();
  demoBefore = (await get('/domini/12345678901')).body;
});
afterAll(() => t.close());

/** Every case below must leave the demo dominio exactly as it was. */
afterEach(async () => {
  expect((await get('/domini/12345678901')).body).toEqual(demoBefore);
});

describe('authentication', () => {
  const UNAUTHENTICATED = { categoria: 'AUTORIZZAZIONE', codice: '401000', descrizione: 'Utenza non autenticata' };

  it.each([
    ['no credentials', null],
    ['a wrong password', basic({ user: 'gpadmin', password: 'Password2!' })],
    ['an unknown user', basic({ user: 'nobody', password: 'Password1!' })],
    ['a malformed Authorization header', 'Basic !!!notbase64'],
    ['a Bearer token', 'Bearer abc'],
  ])('answers 401 to %s', async (_case, auth) => {
    const r = await get('/domini', auth);
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject(UNAUTHENTICATED);
  });

  it('refuses a write with wrong credentials and changes nothing', async () => {
    const r = await put('/domini/12345678901', { ...validDominio, ragioneSociale: 'Hacked' }, basic({ user: 'gpadmin', password: 'x' }));
    expect(r.status).toBe(401);
  });

  it('answers 404 to an authentication mode the hub does not offer', async () => {
    const r = await call(t.baseUrl, 'GET', '/govpay/backend/api/backoffice/rs/ssl/v1/domini');
    expect(r.status).toBe(404);
  });

  it('accepts header mode from a trusted proxy (loopback) and refuses it without a known principal', async () => {
    const header = (p: string) => ({ 'X-GovPay-Principal': p });
    const ok = await call(t.baseUrl, 'GET', '/govpay/backend/api/backoffice/rs/header/v1/profilo', { auth: null, headers: header('gpadmin') });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ nome: 'Amministratore GovPay', autenticazione: 'HEADER' });
    const unknown = await call(t.baseUrl, 'GET', '/govpay/backend/api/backoffice/rs/header/v1/profilo', { auth: null, headers: header('intruso') });
    expect(unknown.status).toBe(401);
    const missing = await call(t.baseUrl, 'GET', '/govpay/backend/api/backoffice/rs/header/v1/profilo', { auth: null });
    expect(missing.status).toBe(401);
  });

  it('ignores the principal header on the basic path', async () => {
    const r = await call(t.baseUrl, 'GET', `${BO}/profilo`, { auth: null, headers: { 'X-GovPay-Principal': 'gpadmin' } });
    expect(r.status).toBe(401);
  });
});

describe('authorization', () => {
  it('refuses an applicazione without Anagrafica rights, for reads and writes', async () => {
    const app = basic(IDA2A01);
    for (const path of ['/domini', '/domini/12345678901', '/intermediari', '/applicazioni', '/operatori', '/entrate', '/tipiPendenza']) {
      const r = await get(path, app);
      expect([path, r.status]).toEqual([path, 403]);
      expect(r.body).toMatchObject({ categoria: 'AUTORIZZAZIONE', codice: '403000', descrizione: 'Operazione non autorizzata' });
    }
    const w = await put('/domini/12345678901', { ...validDominio, ragioneSociale: 'Hacked' }, app);
    expect(w.status).toBe(403);
    expect((await put('/operatori/intruso', { ragioneSociale: 'x', password: 'Password1!', acl: [] }, app)).status).toBe(403);
    expect((await get('/operatori/intruso')).status).toBe(404);
  });

  it('lets a read-only operatore read but not write', async () => {
    await put('/operatori/lettore', {
      ragioneSociale: 'Sola lettura',
      password: 'Lettore123',
      domini: ['*'],
      acl: [{ servizio: 'Anagrafica Creditore', autorizzazioni: ['R'] }],
    });
    const auth = basic({ user: 'lettore', password: 'Lettore123' });
    expect((await get('/domini/12345678901', auth)).status).toBe(200);
    expect((await put('/domini/12345678901', { ...validDominio, ragioneSociale: 'Hacked' }, auth)).status).toBe(403);
    expect((await put('/domini/12345678901/unitaOperative/X1', { ragioneSociale: 'x' }, auth)).status).toBe(403);
    expect((await get('/domini/12345678901/unitaOperative/X1')).status).toBe(404);
  });
});

describe('bad input', () => {
  it('answers 400 SINTASSI to malformed JSON', async () => {
    const r = await putRaw('/domini/12345678901', '{"ragioneSociale": "x",');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
    expect(r.body.dettaglio).toMatch(/JSON/);
  });

  it.each([
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['a JSON string', '"dominio"'],
    ['null', 'null'],
  ])('answers 400 SINTASSI to %s', async (_case, raw) => {
    const r = await putRaw('/domini/12345678901', raw);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
  });

  it('answers 400 to a body that is not JSON at all', async () => {
    const r = await putRaw('/domini/12345678901', 'ragioneSociale=x', 'text/plain');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
  });

  it.each([
    ['a wrong type', { ...validDominio, abilitato: 'si' }, 'abilitato'],
    ['a missing required field', { ...validDominio, gln: undefined }, 'gln'],
    ['an oversize field', { ...validDominio, ragioneSociale: 'x'.repeat(256) }, 'ragioneSociale'],
    ['an empty string', { ...validDominio, ragioneSociale: '' }, 'ragioneSociale'],
    ['a malformed GLN', { ...validDominio, gln: '12AB' }, 'gln'],
    ['a malformed email', { ...validDominio, email: 'verdi@giuseppe@email' }, 'email'],
    ['an aux digit out of range', { ...validDominio, auxDigit: '7' }, 'auxDigit'],
    ['a number for a string', { ...validDominio, ragioneSociale: 12 }, 'ragioneSociale'],
  ])('answers 400 SINTASSI naming the field for %s', async (_case, body, field) => {
    const r = await put('/domini/12345678901', body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
    expect(r.body.dettaglio).toContain(field);
  });

  it('validates path identifiers', async () => {
    const r = await put('/domini/ABC', validDominio);
    expect(r.status).toBe(400);
    expect(r.body.dettaglio).toContain('idDominio');
    const iban = await put('/domini/12345678901/contiAccredito/NOTANIBAN!', {});
    expect(iban.status).toBe(400);
    expect(iban.body.dettaglio).toContain('ibanAccredito');
  });

  it('refuses a body over the size limit with 413', async () => {
    const r = await put('/domini/12345678901', { ...validDominio, logo: 'A'.repeat(1_100_000) });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ categoria: 'RICHIESTA', codice: 'SINTASSI' });
  });

  it('refuses weak passwords and unknown ACL services', async () => {
    const weak = await put('/operatori/debole', { ragioneSociale: 'x', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.dettaglio).toContain('password');
    const acl = await put('/operatori/debole', { ragioneSociale: 'x', acl: [{ servizio: 'Tutto', autorizzazioni: ['R'] }] });
    expect(acl.status).toBe(400);
    expect(acl.body.dettaglio).toContain('acl.0.servizio');
    expect((await get('/operatori/debole')).status).toBe(404);
  });

  it('refuses a portal form without its definition', async () => {
    const r = await put('/tipiPendenza/FORM', { descrizione: 'x', portalePagamento: { abilitato: true, form: { tipo: 'angular' } } });
    expect(r.status).toBe(400);
    expect(r.body.dettaglio).toContain('portalePagamento.form.definizione');
    expect((await get('/tipiPendenza/FORM')).status).toBe(404);
  });

  it('refuses references to domini and tipi pendenza that do not exist', async () => {
    const r = await put('/applicazioni/NUOVA', { principal: 'nuova', domini: ['99999999999'] });
    expect(r.status).toBe(422);
    expect(r.body.dettaglio).toContain('99999999999');
    const tp = await put('/applicazioni/NUOVA', { principal: 'nuova', tipiPendenza: ['NONESISTE'] });
    expect(tp.status).toBe(422);
    expect((await get('/applicazioni/NUOVA')).status).toBe(404);
  });

  it.each([
    ['a negative page size', '?risultatiPerPagina=-1', 'risultatiPerPagina'],
    ['a page size over the maximum', '?risultatiPerPagina=5001', 'risultatiPerPagina'],
    ['page zero', '?pagina=0', 'pagina'],
    ['a non-numeric page', '?pagina=due', 'pagina'],
    ['an unknown sort field', '?ordinamento=%2Bpassword', 'password'],
    ['a non-boolean filter', '?abilitato=forse', 'abilitato'],
  ])('answers 400 to %s', async (_case, query, field) => {
    const r = await get(`/domini${query}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(SINTASSI);
    expect(r.body.dettaglio).toContain(field);
  });

  it('answers 404 to an unknown resource', async () => {
    const r = await get('/nonEsiste');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ codice: '404000' });
  });
});

describe('concurrency', () => {
  it('creates a record once when the same PUT arrives many times at once', async () => {
    const body = { ragioneSociale: 'Ufficio Concorrente', abilitato: true };
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => put('/domini/12345678901/unitaOperative/CONC', body, basic(GPADMIN))),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(11);
    const list = await get('/domini/12345678901/unitaOperative');
    expect(list.body.risultati.filter((u: any) => u.idUnita === 'CONC')).toHaveLength(1);
    // The demo dominio itself changed (a new unità operativa): refresh what afterEach compares.
    demoBefore = (await get('/domini/12345678901')).body;
  });
});
