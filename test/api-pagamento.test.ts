import { freePort } from './helpers/standalone-subgraph';
import { PagamentoPortale, Pendenza } from '../schema/entities';
import { STATION_PATH } from '../pagopa';
import { pressButton } from './helpers/checkout';
import { nuovaPendenza } from './helpers/fixtures';
import { basic, call, GPADMIN, type Reply } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { APP, loadPendenza, newId, PORTALE, sessioni } from './helpers/pagamenti';
import { closeSimulators, simulatorFor } from './helpers/simulator';
import { STATION_XSD } from './helpers/xsd';

/**
 * GovPay's API Pagamento v2 over real HTTP, against a hub whose pagoPA Checkout is the simulator's:
 * the cart in its three forms, S8/S9, the reads, and who may do what in each mode (basic for
 * portals, spid for citizens from a trusted proxy only, public for anonymous visitors).
 */
const API = (mode: string) => `/govpay/frontend/api/pagamento/rs/${mode}/v2`;
const B = API('basic');
const CITTADINO = 'RSSMRA30A01H501I';
const ALTRO = 'VRDGPP40B02F205X';
const spid = (cf: string, extra: Record<string, string> = {}) => ({
  'X-SPID-FISCALNUMBER': `TINIT-${cf}`,
  'X-SPID-NAME': 'Mario',
  'X-SPID-FAMILYNAME': 'Rossi',
  ...extra,
});

let t: TestHub;
/** The hub also reached over IPv6 loopback: a peer that is not a trusted SPID proxy. */
let untrusted: string;
let simBase: string;

beforeAll(async () => {
  const simPort = await freePort();
  // Dual stack: 127.0.0.1 arrives as ::ffff:127.0.0.1 (trusted), ::1 as itself (not trusted).
  t = await startHub({ HOST: '::', SIMULATOR_PORT: String(simPort), SPID_TRUSTED_PROXIES: '127.0.0.0/8' });
  t.baseUrl = t.baseUrl.replace('[::]', '127.0.0.1');
  untrusted = t.baseUrl.replace('127.0.0.1', '[::1]');
  const sim = simulatorFor(`${t.baseUrl}${STATION_PATH}`, { xsdPath: STATION_XSD });
  simBase = `http://127.0.0.1:${await sim.listen(simPort)}`;
}, 60_000);
afterAll(async () => {
  await closeSimulators();
  await t?.close();
});

const post = (path: string, body: unknown, auth: string | null = APP, headers: Record<string, string> = {}, mode = 'basic') =>
  call(t.baseUrl, 'POST', `${API(mode)}${path}`, { auth, body, headers });
const get = (path: string, auth: string | null = APP, headers: Record<string, string> = {}, mode = 'basic') =>
  call(t.baseUrl, 'GET', `${API(mode)}${path}`, { auth, headers });

/** What bad input must leave as it was: the sessions by state and the pendenze. */
async function stato() {
  return { sessioni: await sessioni(t.hub.orm), pendenze: await t.hub.orm.em.fork().count(Pendenza, {}) };
}
async function leavesNothing(act: () => Promise<Reply>, status: number, codice?: string): Promise<Reply> {
  const before = await stato();
  const r = await act();
  expect([r.status, codice && r.body?.codice]).toEqual([status, codice]);
  expect(await stato()).toEqual(before);
  return r;
}

const versante = {
  tipo: 'F',
  identificativo: 'RSSMRA30A01H501I',
  anagrafica: 'Mario Rossi',
  indirizzo: 'Piazza della Vittoria',
  civico: '10/A',
  cap: 0,
  localita: 'Roma',
  provincia: 'Roma',
  nazione: 'IT',
  email: 'mario.rossi@host.eu',
  cellulare: '+39 000-1234567',
};

describe('POST /pagamenti (basic, a portal)', () => {
  it('S8: an avviso starts a payment: exactly {id, location, redirect, idSession}, Checkout at redirect', async () => {
    const p = await loadPendenza(t);
    const r = await post('/pagamenti?idSessionePortale=s8-portale', {
      pendenze: [{ idDominio: '12345678901', numeroAvviso: p.numeroAvviso }],
      soggettoVersante: versante,
      urlRitorno: PORTALE,
    });
    expect(r.status).toBe(201);
    expect(Object.keys(r.body).sort()).toEqual(['id', 'idSession', 'location', 'redirect']);
    expect(r.body.location).toBe(`/pagamenti/${r.body.id}`);
    expect(r.body.redirect.startsWith(`${simBase}/checkout/c/`)).toBe(true);
    const d = await get(`/pagamenti/byIdSession/${r.body.idSession}`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      id: r.body.id,
      stato: 'IN_CORSO',
      importo: 100.99,
      idSessionePortale: 's8-portale',
      idSessionePsp: r.body.idSession,
      pspRedirectUrl: r.body.redirect,
    });
    expect(d.body.soggettoVersante).toMatchObject({ identificativo: 'RSSMRA30A01H501I', cap: '0', email: 'mario.rossi@host.eu' });
    expect(d.body.pendenze.map((x: any) => x.idPendenza)).toEqual([p.idPendenza]);
    expect((await get(`/pagamenti/${r.body.id}`)).body).toEqual(d.body);
  });

  it("takes references, full spontaneous pendenze and GovPay's {idDominio, idTipoPendenza, dati}, and the payment is paid through Checkout", async () => {
    const rif = await loadPendenza(t);
    const [s1, s2] = [newId('SP'), newId('SP')];
    const r = await post('/pagamenti', {
      pendenze: [
        { idA2A: 'IDA2A01', idPendenza: rif.idPendenza },
        {
          idA2A: 'IDA2A01',
          idPendenza: s1,
          ...nuovaPendenza(s1, {
            importo: 10,
            voci: [{ idVocePendenza: '1', importo: 10, descrizione: 'Diritti', codEntrata: 'SEGRETERIA' }],
          }),
        },
        {
          idDominio: '12345678901',
          idTipoPendenza: 'SEGRETERIA',
          dati: {
            idA2A: 'IDA2A01',
            idPendenza: s2,
            ...nuovaPendenza(s2, {
              importo: 1.5,
              voci: [{ idVocePendenza: '1', importo: 1.5, descrizione: 'Bollo', codEntrata: 'SEGRETERIA' }],
            }),
          },
        },
      ],
      urlRitorno: PORTALE,
      lingua: 'en',
      autenticazioneSoggetto: 'N/A',
    });
    expect(r.status).toBe(201);
    const d = (await get(`/pagamenti/${r.body.id}`)).body;
    expect([d.importo, d.lingua, d.autenticazioneSoggetto, d.pendenze.map((x: any) => x.idPendenza)]).toEqual([
      112.49,
      'en',
      'N/A',
      [rif.idPendenza, s1, s2],
    ]);
    const paga = await pressButton(r.body.redirect, { psp: 'SIMPSP01', azione: 'paga' });
    expect(paga.status).toBe(303);
    const paid = (await get(`/pagamenti/${r.body.id}`)).body;
    expect([paid.stato, paid.rpp.length, paid.pendenze.map((x: any) => x.stato)]).toEqual([
      'ESEGUITO',
      3,
      ['ESEGUITA', 'ESEGUITA', 'ESEGUITA'],
    ]);
    const rpp = await get(`/rpp?idPagamento=${r.body.id}`);
    expect([rpp.status, rpp.body.numRisultati]).toEqual([200, 3]);
    const list = await get('/pagamenti?stato=ESEGUITO&risultatiPerPagina=100');
    expect(list.body.risultati.map((x: any) => x.id)).toContain(r.body.id);
    expect(list.body.risultati.find((x: any) => x.id === r.body.id)).toMatchObject({
      pendenze: `/pendenze?idPagamento=${r.body.id}`,
      rpp: `/rpp?idPagamento=${r.body.id}`,
    });
  });

  it('S9: a past dataEsecuzionePagamento is SEMANTICA, nothing kept; VER_002 after the cart was understood is a FaultBeanEsteso', async () => {
    const p = await loadPendenza(t);
    const past = await leavesNothing(
      () =>
        post('/pagamenti', {
          pendenze: [{ idA2A: 'IDA2A01', idPendenza: p.idPendenza }],
          urlRitorno: PORTALE,
          dataEsecuzionePagamento: '2020-01-01',
        }),
      422,
      'SEMANTICA',
    );
    expect(past.body).toMatchObject({ categoria: 'RICHIESTA', descrizione: 'Richiesta non valida' });
    expect(past.body.dettaglio).toContain('dataEsecuzionePagamento');
    const id = newId('S9');
    const r = await post('/pagamenti', {
      pendenze: [{ idA2A: 'IDA2A01', idPendenza: id, ...nuovaPendenza(id, { importo: 10 }) }],
      urlRitorno: PORTALE,
    });
    expect([r.status, r.body.codice, r.body.categoria]).toEqual([422, 'VER_002', 'RICHIESTA']);
    expect(r.body.location).toBe(`/pagamenti/${r.body.id}`);
    const fallito = await get(r.body.location);
    expect([fallito.status, fallito.body.stato, fallito.body.pendenze]).toEqual([200, 'FALLITO', []]);
  });

  it("refuses bad input with SINTASSI or GovPay's code and changes nothing", async () => {
    const p = await loadPendenza(t);
    const rif = { idA2A: 'IDA2A01', idPendenza: p.idPendenza };
    await leavesNothing(
      () =>
        call(t.baseUrl, 'POST', `${B}/pagamenti`, {
          auth: APP,
          rawBody: '{"pendenze": [',
          headers: { 'content-type': 'application/json' },
        }),
      400,
      'SINTASSI',
    );
    await leavesNothing(() => post('/pagamenti', { pendenze: [], urlRitorno: PORTALE }), 400, 'SINTASSI');
    await leavesNothing(() => post('/pagamenti', { pendenze: Array(6).fill(rif), urlRitorno: PORTALE }), 400, 'SINTASSI');
    await leavesNothing(() => post('/pagamenti', { pendenze: [rif], urlRitorno: 'javascript:alert(1)' }), 400, 'SINTASSI');
    await leavesNothing(
      () => post('/pagamenti', { pendenze: [rif], urlRitorno: PORTALE, soggettoVersante: { ...versante, cap: { x: 1 } } }),
      400,
      'SINTASSI',
    );
    await leavesNothing(() => post('/pagamenti', { pendenze: [42], urlRitorno: PORTALE }), 400, 'SINTASSI');
    await leavesNothing(() => post('/pagamenti', { pendenze: 'tutte', urlRitorno: PORTALE }), 400, 'SINTASSI');
    await leavesNothing(
      () => post('/pagamenti', { pendenze: [{ idA2A: 'IDA2A01', idPendenza: 'x'.repeat(5000) }], urlRitorno: PORTALE }),
      400,
      'SINTASSI',
    );
    await leavesNothing(
      () => post(`/pagamenti?idSessionePortale=${'s'.repeat(300)}`, { pendenze: [rif], urlRitorno: PORTALE }),
      400,
      'SINTASSI',
    );
    await leavesNothing(() => post('/pagamenti?tipoVersamento=XYZ', { pendenze: [rif], urlRitorno: PORTALE }), 400, 'SINTASSI');
    await leavesNothing(
      () => post('/pagamenti', { pendenze: [{ idA2A: 'IDA2A01', idPendenza: 'NON-ESISTE' }], urlRitorno: PORTALE }),
      422,
      'VER_008',
    );
    await leavesNothing(
      () => post('/pagamenti', { pendenze: [rif], urlRitorno: PORTALE }, basic({ user: 'IDA2A01', password: 'sbagliata' })),
      401,
      '401000',
    );
    await leavesNothing(() => get('/pagamenti/non-esiste'), 404, '404000');
    await leavesNothing(() => get('/pagamenti?risultatiPerPagina=101'), 400, 'SINTASSI');
    await leavesNothing(() => get('/pagamenti?ordinamento=+segreto'), 400, 'SINTASSI');
    // The same idSessionePortale again while the first is in progress: the same payment, not a second.
    const first = await post('/pagamenti?idSessionePortale=replay-1', { pendenze: [rif], urlRitorno: PORTALE });
    const again = await leavesNothing(() => post('/pagamenti?idSessionePortale=replay-1', { pendenze: [rif], urlRitorno: PORTALE }), 201);
    expect(again.body).toEqual(first.body);
  });

  it('is not for operatori, and knows no other auth mode', async () => {
    const r = await get('/pagamenti', basic(GPADMIN));
    expect([r.status, r.body.codice]).toEqual([403, '403000']);
    expect((await call(t.baseUrl, 'GET', `${API('form')}/domini`, { auth: APP })).status).toBe(404);
  });
});

describe('spid (a citizen, from the trusted proxy only)', () => {
  it("sees only its own pendenze and payments, pays as itself, and is refused another debtor's", async () => {
    const mia = await loadPendenza(t);
    const altrui = await loadPendenza(t, { soggettoPagatore: { tipo: 'F', identificativo: ALTRO, anagrafica: 'Giuseppe Verdi' } });
    const lista = await get('/pendenze?risultatiPerPagina=100', null, spid(CITTADINO), 'spid');
    expect(lista.status).toBe(200);
    expect(lista.body.risultati.every((x: any) => x.soggettoPagatore.identificativo === CITTADINO)).toBe(true);
    expect(lista.body.risultati.map((x: any) => x.idPendenza)).toContain(mia.idPendenza);
    const other = await get(`/pendenze/IDA2A01/${altrui.idPendenza}`, null, spid(CITTADINO), 'spid');
    expect(other.status).toBe(403);
    expect((await get(`/pendenze/IDA2A01/${mia.idPendenza}`, null, spid(CITTADINO), 'spid')).status).toBe(200);

    const refused = await leavesNothing(
      () =>
        post(
          '/pagamenti',
          { pendenze: [{ idDominio: '12345678901', numeroAvviso: altrui.numeroAvviso }], urlRitorno: PORTALE },
          null,
          spid(CITTADINO),
          'spid',
        ),
      422,
      'CIT_003',
    );
    expect(refused.body.dettaglio).toContain(ALTRO);
    const ok = await post(
      '/pagamenti',
      {
        pendenze: [{ idDominio: '12345678901', numeroAvviso: mia.numeroAvviso }],
        urlRitorno: PORTALE,
        soggettoVersante: { tipo: 'G', identificativo: ALTRO },
      },
      null,
      spid(CITTADINO, { 'X-SPID-EMAIL': 'mario@example.it' }),
      'spid',
    );
    expect(ok.status).toBe(201);
    const d = await get(`/pagamenti/${ok.body.id}`, null, spid(CITTADINO), 'spid');
    expect(d.body.soggettoVersante).toEqual({ tipo: 'F', identificativo: CITTADINO, anagrafica: 'Mario Rossi', email: 'mario@example.it' });
    expect((await get(`/pagamenti/${ok.body.id}`, null, spid(ALTRO), 'spid')).status).toBe(403);
    const mine = await get('/pagamenti', null, spid(CITTADINO), 'spid');
    expect(mine.body.risultati.length).toBeGreaterThan(0);
    expect(mine.body.risultati.every((x: any) => x.soggettoVersante.identificativo === CITTADINO)).toBe(true);
    expect((await get('/pagamenti', null, spid(ALTRO), 'spid')).body.risultati.map((x: any) => x.id)).not.toContain(ok.body.id);
    const profilo = await get('/profilo', null, spid(CITTADINO), 'spid');
    expect(profilo.body).toMatchObject({ nome: 'Mario Rossi', anagrafica: { identificativo: CITTADINO } });
  });

  it('from an address that is not a trusted proxy the headers are ignored: 401, nothing done', async () => {
    const p = await loadPendenza(t);
    const before = await stato();
    const r = await call(untrusted, 'POST', `${API('spid')}/pagamenti`, {
      auth: null,
      headers: spid(CITTADINO),
      body: { pendenze: [{ idDominio: '12345678901', numeroAvviso: p.numeroAvviso }], urlRitorno: PORTALE },
    });
    expect([r.status, r.body.codice]).toEqual([401, '401000']);
    expect((await call(untrusted, 'GET', `${API('spid')}/pendenze`, { auth: null, headers: spid(CITTADINO) })).status).toBe(401);
    expect(await stato()).toEqual(before);
    // From the trusted proxy, a missing or malformed fiscal number is no citizen either.
    expect((await get('/pendenze', null, {}, 'spid')).status).toBe(401);
    expect((await get('/pendenze', null, { 'X-SPID-FISCALNUMBER': 'TINIT-<script>' }, 'spid')).status).toBe(401);
  });
});

describe('public (anonymous)', () => {
  it('reads an avviso only with its debtor or UUID, the catalogue, and pays avvisi naming their debtor with an e-mail', async () => {
    const p = await loadPendenza(t);
    const row = await t.hub.orm.em.fork().findOneOrFail(Pendenza, { idPendenza: p.idPendenza });
    const avviso = `/avvisi/12345678901/${p.numeroAvviso}`;
    expect((await get(avviso, null, {}, 'public')).status).toBe(403);
    expect((await get(`${avviso}?idDebitore=${ALTRO}`, null, {}, 'public')).status).toBe(403);
    const byCf = await get(`${avviso}?idDebitore=${CITTADINO.toLowerCase()}`, null, {}, 'public');
    expect([byCf.status, byCf.body.numeroAvviso, byCf.body.stato]).toEqual([200, p.numeroAvviso, 'NON_ESEGUITA']);
    expect((await get(`${avviso}?UUID=${row.uuid}`, null, {}, 'public')).status).toBe(200);
    const pdf = await fetch(`${t.baseUrl}${API('public')}${avviso}?UUID=${row.uuid}`, { headers: { accept: 'application/pdf' } });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect((await pdf.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const domini = await get('/domini', null, {}, 'public');
    expect(domini.body.risultati).toEqual([
      expect.objectContaining({ idDominio: '12345678901', ragioneSociale: 'Ente Creditore Test', logo: '/domini/12345678901/logo' }),
    ]);
    expect((await get('/domini/12345678901/tipiPendenza', null, {}, 'public')).body.risultati.map((x: any) => x.idTipoPendenza)).toContain(
      'SEGRETERIA',
    );
    expect((await get('/domini/12345678901/unitaOperative', null, {}, 'public')).status).toBe(200);
    expect((await get('/domini/12345678901/logo', null, {}, 'public')).status).toBe(404);

    const avvisoRef = { idDominio: '12345678901', numeroAvviso: p.numeroAvviso };
    await leavesNothing(
      () =>
        post(
          '/pagamenti',
          { pendenze: [avvisoRef], urlRitorno: PORTALE, soggettoVersante: { tipo: 'F', identificativo: 'X1', email: 'a@example.it' } },
          null,
          {},
          'public',
        ),
      403,
      '403000',
    );
    await leavesNothing(
      () => post('/pagamenti', { pendenze: [{ ...avvisoRef, idDebitore: CITTADINO }], urlRitorno: PORTALE }, null, {}, 'public'),
      400,
      'SINTASSI',
    );
    await leavesNothing(
      () =>
        post(
          '/pagamenti',
          {
            pendenze: [{ idA2A: 'IDA2A01', idPendenza: p.idPendenza }],
            urlRitorno: PORTALE,
            soggettoVersante: { tipo: 'F', identificativo: 'X1', email: 'a@example.it' },
          },
          null,
          {},
          'public',
        ),
      403,
      '403000',
    );
    const r = await post(
      '/pagamenti',
      {
        pendenze: [{ ...avvisoRef, idDebitore: CITTADINO }],
        urlRitorno: PORTALE,
        soggettoVersante: { tipo: 'F', identificativo: 'X1', email: 'a@example.it' },
      },
      null,
      {},
      'public',
    );
    expect(r.status).toBe(201);
    const d = await get(`/pagamenti/${r.body.id}`, null, {}, 'public');
    expect([d.status, d.body.soggettoVersante]).toEqual([
      200,
      { tipo: 'F', identificativo: 'ANONIMO', anagrafica: 'ANONIMO', email: 'a@example.it' },
    ]);
    const rows = await t.hub.orm.em.fork().find(PagamentoPortale, { idPagamento: r.body.id });
    expect(rows.map((x) => [x.avviatoDaTipo, x.idVersante])).toEqual([['anonimo', 'ANONIMO']]);
  });

  it('refuses what GovPay refuses anonymously', async () => {
    const p = await loadPendenza(t);
    const app = await post('/pagamenti', { pendenze: [{ idA2A: 'IDA2A01', idPendenza: p.idPendenza }], urlRitorno: PORTALE });
    for (const path of [
      '/pagamenti',
      '/pendenze',
      `/pendenze/IDA2A01/${p.idPendenza}`,
      '/rpp',
      `/pendenze/byAvviso/12345678901/${p.numeroAvviso}`,
      '/allegati/1',
    ]) {
      const r = await get(path, null, {}, 'public');
      expect([path, r.status, r.body.codice]).toEqual([path, 403, '403000']);
    }
    expect((await get(`/pagamenti/${app.body.id}`, null, {}, 'public')).status).toBe(403);
    await leavesNothing(() => post('/pendenze/12345678901/SEGRETERIA', nuovaPendenza('x'), null, {}, 'public'), 403, '403000');
    expect((await get('/profilo', null, {}, 'public')).body).toMatchObject({ nome: 'ANONIMO', domini: [] });
    expect((await get('/logout', null, {}, 'public')).status).toBe(200);
  });
});

describe('the other reads of a portal', () => {
  it('pendenze, byAvviso, avviso, spontaneous pendenza, profilo', async () => {
    const p = await loadPendenza(t);
    expect((await get(`/pendenze/IDA2A01/${p.idPendenza}`)).body).toMatchObject({ idPendenza: p.idPendenza, pagamenti: [], rpp: [] });
    expect((await get(`/pendenze/byAvviso/12345678901/${p.numeroAvviso}`)).body.idPendenza).toBe(p.idPendenza);
    expect((await get(`/avvisi/12345678901/${p.numeroAvviso}`)).body.qrcode).toBe(`PAGOPA|002|${p.numeroAvviso}|12345678901|10099`);
    const created = await post(
      '/pendenze/12345678901/SEGRETERIA',
      nuovaPendenza('ignored', { idDominio: '99999999999', idTipoPendenza: 'ALTRO' }),
    );
    expect([created.status, created.body.dominio.idDominio, created.body.idTipoPendenza, created.body.stato]).toEqual([
      201,
      '12345678901',
      'SEGRETERIA',
      'NON_ESEGUITA',
    ]);
    expect(created.body.pdf.length).toBeGreaterThan(1000);
    const again = await post(
      `/pendenze/12345678901/SEGRETERIA?idA2A=IDA2A01&idPendenza=${created.body.idPendenza}`,
      nuovaPendenza('x', { causale: 'Aggiornata' }),
    );
    expect([again.status, again.body.causale]).toEqual([200, 'Aggiornata']);
    await leavesNothing(() => post('/pendenze/12345678901/SEGRETERIA?idA2A=IDA2A01', nuovaPendenza('x')), 400, 'SINTASSI');
    await leavesNothing(() => post('/pendenze/12345678901/SEGRETERIA', nuovaPendenza('x', { importo: 1 })), 422, 'VER_002');
    expect((await get('/profilo')).body).toMatchObject({
      nome: expect.any(String),
      acl: expect.arrayContaining([{ servizio: 'Pagamenti', autorizzazioni: ['Lettura', 'Scrittura'] }]),
    });
  });
});
