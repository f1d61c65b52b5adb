import { Evento } from '../schema/entities';
import { STATION_PATH } from '../pagopa';
import { EnteDouble } from './helpers/ente-double';
import { nuovaPendenza, verticale, VERTICALE } from './helpers/fixtures';
import { basic, BO, call, gql, GPADMIN, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { closeSimulators, simulatorFor } from './helpers/simulator';

/**
 * The Giornale degli Eventi on a real hub: a payment journey recorded at every entrance (REST
 * servers, the station, the Ente's connector, the Nodo's client), body logging as configured through
 * /configurazioni, no credentials kept, /eventi's filters, paging and rights, a failing write that
 * costs the request nothing but is counted, and the purge.
 */
let t: TestHub;
let ente: EnteDouble;
const ADMIN = basic(GPADMIN);
const PENDENZE = '/govpay/backend/api/pendenze/rs/basic/v2';
let seq = 0;

beforeAll(async () => {
  [t, ente] = await Promise.all([startHub({ OUTBOX_POLL_MS: '100', CONFIGURAZIONE_TTL_SECONDS: '0' }), new EnteDouble().start()]);
  const r = await call(t.baseUrl, 'PUT', `${BO}/applicazioni/VERTICALE`, { auth: ADMIN, body: verticale(ente.url, 'REST v1') });
  expect(r.status).toBeLessThan(300);
});
afterAll(async () => {
  await closeSimulators();
  await ente?.stop();
  await t?.close();
});

const flush = async () => {
  await t.hub.giornale.corrente.refresh();
  await t.hub.giornale.journal!.flush();
};

async function eventi(query: string, auth = ADMIN) {
  await flush();
  return call(t.baseUrl, 'GET', `${BO}/eventi?${query}`, { auth });
}

async function paid() {
  const id = `GDE-${Date.now()}-${++seq}`;
  const r = await call(t.baseUrl, 'PUT', `${PENDENZE}/pendenze/VERTICALE/${id}`, { auth: basic(VERTICALE), body: nuovaPendenza(id) });
  expect(r.status).toBe(201);
  const numeroAvviso = r.body.numeroAvviso as string;
  const payment = await simulatorFor(`${t.baseUrl}${STATION_PATH}`).pay({ fiscalCode: '12345678901', noticeNumber: numeroAvviso } as never);
  expect(payment.status).toBe('ESEGUITO');
  return { idPendenza: id, iuv: numeroAvviso.slice(3) };
}

async function until<T>(what: string, fn: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const decode = (payload: string) => Buffer.from(payload, 'base64').toString('utf8');

describe('a payment journey, recorded at every entrance', () => {
  it('the Pendenze API call, the station operations and the notification to the Ente', async () => {
    const p = await paid();
    const notifica = await until('the notification event', async () => {
      const r = await eventi(`idDominio=12345678901&iuv=${p.iuv}&componente=API_ENTE`);
      return r.body.risultati?.[0];
    });
    expect(notifica).toMatchObject({
      componente: 'API_ENTE',
      ruolo: 'CLIENT',
      tipoEvento: 'notificaPagamento',
      esito: 'OK',
      sottotipoEsito: '200',
      idA2A: 'VERTICALE',
      idPendenza: p.idPendenza,
      categoriaEvento: 'INTERFACCIA',
    });

    const station = await eventi(`idDominio=12345678901&iuv=${p.iuv}&componente=API_PAGOPA&ordinamento=%2Bdata`);
    expect(station.status).toBe(200);
    expect(
      station.body.risultati.map((e: { tipoEvento: string; ruolo: string; esito: string }) => [e.tipoEvento, e.ruolo, e.esito]),
    ).toEqual([
      ['paVerifyPaymentNotice', 'SERVER', 'OK'],
      ['paGetPaymentV2', 'SERVER', 'OK'],
      ['paSendRTV2', 'SERVER', 'OK'],
    ]);
    expect(station.body.risultati[0]).toMatchObject({
      durataEvento: expect.any(Number),
      dataEvento: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/),
    });
    expect(station.body.risultati[2].ccp).toBeTruthy();

    const caricamento = await eventi(`idA2A=VERTICALE&idPendenza=${p.idPendenza}&componente=API_PENDENZE`);
    expect(caricamento.body.risultati).toEqual([
      expect.objectContaining({
        componente: 'API_PENDENZE',
        ruolo: 'SERVER',
        tipoEvento: 'addPendenza',
        esito: 'OK',
        sottotipoEsito: '201',
      }),
    ]);
  });

  it('the Nodo client (reporting flows) is recorded as API_PAGOPA CLIENT, whatever its esito', async () => {
    await gql(t.baseUrl, 'mutation { acquisisciFlussiRendicontazione { eseguita } }');
    const r = await eventi('tipoEvento=nodoChiediElencoFlussiRendicontazione');
    expect(r.body.risultati[0]).toMatchObject({ componente: 'API_PAGOPA', ruolo: 'CLIENT', idDominio: '12345678901' });
  });

  it('the Pagamento and Ragioneria APIs are recorded under their componente', async () => {
    await call(t.baseUrl, 'GET', '/govpay/frontend/api/pagamento/rs/basic/v2/profilo', { auth: basic(IDA2A01) });
    await call(t.baseUrl, 'GET', '/govpay/backend/api/ragioneria/rs/basic/v2/riconciliazioni', { auth: basic(IDA2A01) });
    const r = await eventi('ruolo=SERVER&risultatiPerPagina=100');
    const componenti = new Set(r.body.risultati.map((e: { componente: string }) => e.componente));
    expect([...componenti]).toEqual(
      expect.arrayContaining(['API_PAGAMENTO', 'API_RAGIONERIA', 'API_BACKOFFICE', 'API_PENDENZE', 'API_PAGOPA']),
    );
  });
});

describe('messages kept as configured, never a credential', () => {
  it('on error by default: a refused call keeps its request and response, without the Authorization header', async () => {
    const r = await call(t.baseUrl, 'GET', `${BO}/pendenze/NESSUNA/NESSUNA`, { auth: ADMIN });
    expect(r.status).toBe(404);
    const lista = await eventi('idA2A=NESSUNA&idPendenza=NESSUNA&messaggi=true');
    const e = lista.body.risultati[0];
    expect(e).toMatchObject({ componente: 'API_BACKOFFICE', esito: 'KO', sottotipoEsito: '404', tipoEvento: 'getPendenza' });
    expect(e.parametriRichiesta.method).toBe('GET');
    expect(e.parametriRichiesta.headers.map((h: { nome: string }) => h.nome.toLowerCase())).not.toContain('authorization');
    expect(decode(e.parametriRisposta.payload)).toContain('NESSUNA');
    const dettaglio = await call(t.baseUrl, 'GET', `${BO}/eventi/${e.id}`, { auth: ADMIN });
    expect(dettaglio.body).toMatchObject({ id: e.id, parametriRichiesta: { url: expect.stringContaining('/pendenze/NESSUNA/NESSUNA') } });
    expect(JSON.stringify(dettaglio.body)).not.toContain(ADMIN.replace('Basic ', ''));
  });

  it('an OK exchange has no messages until /configurazioni says sempre; passwords in bodies are masked', async () => {
    const before = await paid();
    const ok = await eventi(`idDominio=12345678901&iuv=${before.iuv}&tipoEvento=paVerifyPaymentNotice&messaggi=true`);
    expect(ok.body.risultati[0].parametriRichiesta).toEqual({});

    const patch = await call(t.baseUrl, 'PATCH', `${BO}/configurazioni`, {
      auth: ADMIN,
      body: [
        {
          op: 'REPLACE',
          path: '/giornaleEventi/interfacce/apiPagoPA',
          value: { letture: { log: 'sempre', dump: 'sempre' }, scritture: { log: 'sempre', dump: 'sempre' } },
        },
        {
          op: 'REPLACE',
          path: '/giornaleEventi/interfacce/apiBackoffice',
          value: { letture: { log: 'sempre', dump: 'sempre' }, scritture: { log: 'sempre', dump: 'sempre' } },
        },
      ],
    });
    expect(patch.status).toBe(200);
    expect(patch.body.giornaleEventi.interfacce.apiPagoPA.scritture).toEqual({ log: 'sempre', dump: 'sempre' });
    await flush();

    const after = await paid();
    const dumped = await eventi(`idDominio=12345678901&iuv=${after.iuv}&tipoEvento=paVerifyPaymentNotice&messaggi=true`);
    const e = dumped.body.risultati[0];
    expect(decode(e.parametriRichiesta.payload)).toContain('paVerifyPaymentNoticeReq');
    expect(decode(e.parametriRisposta.payload)).toContain('<outcome>OK</outcome>');
    expect(e.parametriRichiesta.headers.map((h: { nome: string }) => h.nome.toLowerCase())).not.toContain('authorization');

    const op = await call(t.baseUrl, 'PUT', `${BO}/applicazioni/VERTICALE`, { auth: ADMIN, body: verticale(ente.url, 'REST v1') });
    expect(op.status).toBe(200);
    const put = await eventi('componente=API_BACKOFFICE&tipoEvento=addApplicazione&messaggi=true');
    const body = decode(put.body.risultati[0].parametriRichiesta.payload);
    expect(body).toContain('"password":"***"');
    expect(body).not.toContain(VERTICALE.password);
  });
});

describe('/eventi', () => {
  it('pages from the database, newest first, with GovPay filters; a bad parameter is refused', async () => {
    const p1 = await eventi('risultatiPerPagina=1&componente=API_PAGOPA');
    const p2 = await eventi('risultatiPerPagina=1&pagina=2&componente=API_PAGOPA');
    expect(p1.body.numRisultati).toBeGreaterThan(1);
    expect(p1.body.risultati[0].id).toBeGreaterThan(p2.body.risultati[0].id);
    const wide = await eventi('dataDa=2000-01-01&dataA=2999-12-31T23:59:59%2B01:00&esito=OK&risultatiPerPagina=5');
    expect(wide.body.risultati).toHaveLength(5);
    expect((await eventi('esito=FORSE')).status).toBe(400);
    expect((await eventi('severitaDa=alto')).status).toBe(400);
    expect((await call(t.baseUrl, 'GET', `${BO}/eventi/abc`, { auth: ADMIN })).status).toBe(400);
    expect((await call(t.baseUrl, 'GET', `${BO}/eventi/999999999`, { auth: ADMIN })).status).toBe(404);
  });

  it('403 without the Giornale degli Eventi right; the graph answers the same data', async () => {
    expect((await eventi('', basic(VERTICALE))).status).toBe(403);
    const r = await gql(
      t.baseUrl,
      '{ eventi(filter: { componente: API_PAGOPA }, first: 2) { totalCount nodes { id numero tipoEvento } pageInfo { hasNextPage } } }',
    );
    expect(r.body.data.eventi.nodes).toHaveLength(2);
    const one = await gql(t.baseUrl, 'query ($id: ID) { evento(id: $id) { numero } }', { id: r.body.data.eventi.nodes[0].id });
    expect(one.body.data.evento.numero).toBe(r.body.data.eventi.nodes[0].numero);
  });
});

describe('/configurazioni', () => {
  it('round trip; bad input changes nothing; 403 without the right', async () => {
    const got = await call(t.baseUrl, 'GET', `${BO}/configurazioni`, { auth: ADMIN });
    expect(got.status).toBe(200);
    expect(Object.keys(got.body)).toEqual(
      expect.arrayContaining([
        'giornaleEventi',
        'tracciatoCsv',
        'hardening',
        'mailBatch',
        'avvisaturaMail',
        'avvisaturaAppIO',
        'appIOBatch',
      ]),
    );
    const posted = {
      ...got.body,
      mailBatch: { ...got.body.mailBatch, mailserver: { ...got.body.mailBatch.mailserver, password: 'segreta' } },
    };
    expect((await call(t.baseUrl, 'POST', `${BO}/configurazioni`, { auth: ADMIN, body: posted })).status).toBe(200);
    const again = await call(t.baseUrl, 'GET', `${BO}/configurazioni`, { auth: ADMIN });
    expect(again.body).toEqual(got.body);
    expect(again.body.mailBatch.mailserver.password).toBe('********');
    expect(JSON.stringify(again.body)).not.toContain('segreta');
    // The masked value sent back keeps the stored secret.
    expect((await call(t.baseUrl, 'POST', `${BO}/configurazioni`, { auth: ADMIN, body: again.body })).status).toBe(200);
    const stored = await t.hub.orm.em.fork().getConnection().execute("select valore from configurazioni where nome = 'mailBatch'");
    expect(JSON.stringify(stored)).toContain('segreta');

    const bad = {
      ...got.body,
      giornaleEventi: { interfacce: { ...got.body.giornaleEventi.interfacce, apiEnte: { letture: { log: 'spesso', dump: 'mai' } } } },
    };
    expect((await call(t.baseUrl, 'POST', `${BO}/configurazioni`, { auth: ADMIN, body: bad })).status).toBe(400);
    expect(
      (await call(t.baseUrl, 'PATCH', `${BO}/configurazioni`, { auth: ADMIN, body: [{ op: 'MOVE', path: '/hardening', value: {} }] }))
        .status,
    ).toBe(400);
    expect(
      (await call(t.baseUrl, 'PATCH', `${BO}/configurazioni`, { auth: ADMIN, body: [{ op: 'DELETE', path: '/hardening' }] })).status,
    ).toBe(400);
    expect((await call(t.baseUrl, 'GET', `${BO}/configurazioni`, { auth: ADMIN })).body).toEqual(got.body);
    expect((await call(t.baseUrl, 'GET', `${BO}/configurazioni`, { auth: basic(VERTICALE) })).status).toBe(403);
  });
});

describe('faults and upkeep', () => {
  it('the purge deletes only events past the retention', async () => {
    const em = t.hub.orm.em.fork();
    const old = em.create(Evento, {
      componente: 'API_BACKOFFICE',
      categoriaEvento: 'INTERFACCIA',
      ruolo: 'SERVER',
      tipoEvento: 'vecchio',
      esito: 'OK',
      data: new Date(Date.now() - 91 * 86_400_000),
      durataEvento: 1,
    });
    await em.flush();
    const recent = await em.count(Evento, { data: { $gte: new Date(Date.now() - 86_400_000) } });
    expect(await t.hub.giornale.purge.purga()).toBeGreaterThanOrEqual(1);
    const after = t.hub.orm.em.fork();
    expect(await after.count(Evento, { id: old.id })).toBe(0);
    expect(await after.count(Evento, { data: { $gte: new Date(Date.now() - 86_400_000) } })).toBeGreaterThanOrEqual(recent);
  });

  it('a failing write leaves the request succeeding and counts the loss in /metrics', async () => {
    const conn = t.hub.orm.em.getConnection();
    await flush();
    await conn.execute('alter table eventi rename to eventi_fuori');
    try {
      const r = await call(t.baseUrl, 'GET', `${BO}/domini`, { auth: ADMIN });
      expect(r.status).toBe(200);
      await t.hub.giornale.journal!.flush();
    } finally {
      await conn.execute('alter table eventi_fuori rename to eventi');
    }
    const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
    const lost = Number(/govpay_giornale_eventi_persi_total\{motivo="scrittura"\} (\d+)/.exec(metrics)?.[1]);
    expect(lost).toBeGreaterThanOrEqual(1);
    expect(metrics).toMatch(/govpay_giornale_eventi_scritti_total \d+/);
  });
});
