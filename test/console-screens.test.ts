import { romeDate } from '../core/rome-time';
import { acquire, publish, startRig, type AcquisitionRig } from './helpers/flussi-acquisizione';
import { nuovaPendenza } from './helpers/fixtures';
import { basic, call, GPADMIN, IDA2A01, type Reply } from './helpers/http';
import { avvia, avviato, loadPendenza, riferimento } from './helpers/pagamenti';
import { until } from './helpers/until';

/**
 * Link.it's govpay-console (4.x) with its stock configuration, screen by screen: it logs in with
 * Basic credentials on `/govpay-api-backoffice/rs/form/v1/profilo`, then every screen lists its
 * resource with the console's own parameters (`pagina`, `risPerPagina`, `dataDa=yyyy-MM-ddT00:00`)
 * and opens a detail. Each screen must answer with data, and with the fields the console shows.
 */
const CONSOLE = '/govpay-api-backoffice/rs/form/v1';
const RG = '/govpay/backend/api/ragioneria/rs/basic/v2';
let rig: AcquisitionRig;
let cookie: string;
let paid: { idPendenza: string; iuv: string; numeroAvviso: string };
let tracciato: number;

// The console's dates are the browser's, in Rome: between 23:00 and midnight UTC, Rome is already on the next day.
const today = () => romeDate();
const weekAgo = () => romeDate(new Date(Date.now() - 7 * 86_400_000));
/** A list as the console asks it: its page, its page size, the last week. */
const lista = (path: string, extra: Record<string, string> = {}) =>
  screen(
    `${path}?${new URLSearchParams({ pagina: '1', risPerPagina: '25', dataDa: `${weekAgo()}T00:00`, dataA: `${today()}T23:59`, ...extra })}`,
  );
/** A call carrying only the session cookie, as the console's later calls. */
const screen = (path: string, method = 'GET', body?: unknown): Promise<Reply> =>
  call(rig.t.baseUrl, method, `${CONSOLE}${path}`, { auth: null, headers: { cookie }, body });

beforeAll(async () => {
  rig = await startRig({ TRACCIATI_POLL_MS: '100' });
  const t = rig.t;
  const p = await loadPendenza(t);
  const record = await rig.sim.pay({ fiscalCode: '12345678901', noticeNumber: p.numeroAvviso });
  if (record.status !== 'ESEGUITO') throw new Error(`payment: ${record.status}`);
  paid = p;
  const flow = await publish(rig, { idDominio: '12345678901' });
  await acquire(t);
  const incasso = await call(t.baseUrl, 'POST', `${RG}/riconciliazioni/12345678901`, {
    auth: basic(IDA2A01),
    body: { causale: flow.causale, importo: flow.importoTotale, sct: 'SCT-CONSOLE-1' },
  });
  if (incasso.status !== 201) throw new Error(`riconciliazione: ${incasso.status} ${JSON.stringify(incasso.body)}`);
  avviato(await avvia(t, [riferimento(await loadPendenza(t))]));
  const up = await call(t.baseUrl, 'POST', '/govpay/backend/api/backoffice/rs/basic/v1/pendenze/tracciati', {
    body: {
      idTracciato: 'CONSOLE-1',
      idDominio: '12345678901',
      inserimenti: [{ idA2A: 'IDA2A01', idPendenza: 'CONSOLE-T1', ...nuovaPendenza('CONSOLE-T1') }],
    },
  });
  tracciato = up.body.id;
  await until(
    'tracciato processed',
    async () =>
      (await call(t.baseUrl, 'GET', `/govpay/backend/api/backoffice/rs/basic/v1/pendenze/tracciati/${tracciato}`)).body.stato ===
      'ESEGUITO',
    30_000,
    100,
  );

  const login = await call(t.baseUrl, 'GET', `${CONSOLE}/profilo`, { auth: basic(GPADMIN) });
  expect(login.status).toBe(200);
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  expect(cookie).toMatch(/=/);
}, 120_000);
afterAll(async () => {
  await rig?.sim.close();
  await rig?.t.close();
});

/** The list answers with at least one row, and the row's detail with `fields` filled. */
async function listAndDetail(path: string, detail: (row: any) => string, fields: string[], extra: Record<string, string> = {}) {
  const list = await lista(path, extra);
  expect({ path, status: list.status }).toEqual({ path, status: 200 });
  expect(list.body.risultati.length).toBeGreaterThan(0);
  const item = detail(list.body.risultati[0]);
  const one = await screen(item);
  expect({ item, status: one.status, body: one.status === 200 ? undefined : one.body }).toEqual({ item, status: 200, body: undefined });
  for (const f of fields) expect(one.body).toHaveProperty(f);
  return one.body;
}

describe('govpay-console against the hub, with its stock configuration', () => {
  it('logs in with the form mode and keeps the session with the cookie alone', async () => {
    const profilo = await screen('/profilo');
    expect(profilo.status).toBe(200);
    expect(profilo.body.autenticazione).toBe('FORM');
  });

  it('dashboard: pendenze, riscossioni of the month and tracciati', async () => {
    const primo = `${today().slice(0, 8)}01`;
    expect((await screen(`/riscossioni?dataDa=${primo}&pagina=1&risPerPagina=1`)).body.numRisultati).toBeGreaterThan(0);
    expect((await lista('/pendenze')).body.numRisultati).toBeGreaterThan(0);
    expect((await screen('/pendenze/tracciati?pagina=1&risPerPagina=25')).body.numRisultati).toBeGreaterThan(0);
  });

  it('pendenze: the Backoffice pendenza with every field GovPay fills', async () => {
    const list = await lista('/pendenze', { numeroAvviso: paid.numeroAvviso });
    expect(list.body.risultati).toHaveLength(1);
    const p = (await screen(`/pendenze/IDA2A01/${paid.idPendenza}`)).body;
    expect(p.tipoPendenza).toEqual(expect.objectContaining({ idTipoPendenza: 'SEGRETERIA' }));
    expect(p).not.toHaveProperty('idTipoPendenza');
    expect(p).toEqual(
      expect.objectContaining({
        iuvPagamento: paid.iuv,
        importoPagato: 100.99,
        importoIncassato: 100.99,
        verificato: false,
        anomalo: false,
      }),
    );
    expect(p.dataUltimoAggiornamento).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await screen(`/pendenze/byAvviso/12345678901/${paid.numeroAvviso}`)).body.idPendenza).toBe(paid.idPendenza);
  });

  it('ricevute, pagamenti, riscossioni, rendicontazioni, incassi', async () => {
    await listAndDetail('/rpp', (r) => `/rpp/12345678901/${paid.iuv}/${r.rt.receiptId}`, ['rpt', 'rt', 'pendenza'], { iuv: paid.iuv });
    await listAndDetail('/pagamenti', (r) => `/pagamenti/${r.id}`, ['id', 'stato', 'importo']);
    await listAndDetail('/riscossioni', (r) => `/riscossioni/${r.idDominio}/${r.iuv}/${r.iur}/${r.indice}`, ['importo', 'stato']);
    await listAndDetail('/flussiRendicontazione', (r) => `/flussiRendicontazione/${r.idFlusso}`, ['rendicontazioni', 'importoTotale']);
    await listAndDetail('/incassi', (r) => `/incassi/${r.dominio.idDominio}/${r.idIncasso}`, ['importo', 'causale']);
  });

  it('tracciati, giornale degli eventi, impostazioni', async () => {
    expect((await screen(`/pendenze/tracciati/${tracciato}`)).body.stato).toBe('ESEGUITO');
    const eventi = await lista('/eventi');
    expect(eventi.status).toBe(200);
    expect(eventi.body.risultati.length).toBeGreaterThan(0);
    expect((await screen(`/eventi/${eventi.body.risultati[0].id}`)).status).toBe(200);
    const conf = await screen('/configurazioni');
    expect(conf.status).toBe(200);
    expect(conf.body).toHaveProperty('giornaleEventi');
  });

  it('anagrafica: domini, applicazioni, operatori, ruoli, intermediari, tipi pendenza', async () => {
    await listAndDetail('/domini', (r) => `/domini/${r.idDominio}`, ['ragioneSociale', 'stazione']);
    await listAndDetail('/applicazioni', (r) => `/applicazioni/${r.idA2A}`, ['principal', 'acl']);
    await listAndDetail('/operatori', (r) => `/operatori/${r.principal}`, ['ragioneSociale', 'acl']);
    await listAndDetail('/intermediari', (r) => `/intermediari/${r.idIntermediario}`, ['denominazione']);
    await listAndDetail('/tipiPendenza', (r) => `/tipiPendenza/${r.idTipoPendenza}`, ['descrizione']);
    const ruoli = await screen('/ruoli?pagina=1&risPerPagina=25');
    expect(ruoli.status).toBe(200);
  });

  it('logs out as the console does, and the cookie no longer opens anything', async () => {
    expect((await screen('/logout', 'POST', {})).status).toBe(200);
    expect((await screen('/profilo')).status).toBe(401);
  });
});
