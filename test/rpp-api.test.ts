import { Rpp } from '../schema/entities';
import { PRINCIPAL_HEADER, SYSTEM_PRINCIPAL } from '../core/principal';
import { basic, BO, call, GPADMIN, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { insertRpp } from './helpers/rpp-fixture';

/** Payment attempts (GovPay's RPP) read through API Pendenze v2, the Backoffice and the graph. */
let t: TestHub;
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const DOMINIO = '12345678901';
const ALTRO = '01234567890';
const app = basic(IDA2A01);
const admin = basic(GPADMIN);
const get = (path: string, auth = app, headers: Record<string, string> = {}) => call(t.baseUrl, 'GET', `${PV2}${path}`, { auth, headers });
const bo = (method: string, path: string, body?: unknown) => call(t.baseUrl, method, `${BO}${path}`, { auth: admin, body });
const RICHIESTA = { categoria: 'RICHIESTA', codice: 'SINTASSI', descrizione: 'Richiesta non valida' };

/** The IUV of each pendenza created, by idPendenza. */
const iuv: Record<string, string> = {};
/** Applicazioni limited to the demo dominio; without the Pagamenti right; limited to LIBERO. */
let unDominio: string;
let senzaPagamenti: string;
let soloLibero: string;

async function creaPendenza(id: string, over: Record<string, unknown> = {}) {
  const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app, body: nuovaPendenza(id, over) });
  expect(r.status).toBe(201);
  const numero: string = r.body.numeroAvviso;
  iuv[id] = numero.startsWith('3') ? numero.slice(1) : numero.slice(3);
}

/** An applicazione with the given ACL and scope, and its credentials. */
async function applicazione(idA2A: string, over: Record<string, unknown>) {
  const body = {
    principal: idA2A.toLowerCase(),
    password: 'Password1!',
    apiPendenze: true,
    domini: [DOMINIO],
    tipiPendenza: ['*'],
    ...over,
  };
  expect((await bo('PUT', `/applicazioni/${idA2A}`, body)).status).toBe(201);
  return basic({ user: idA2A.toLowerCase(), password: 'Password1!' });
}

beforeAll(async () => {
  // No background workers: their polls would be counted among the SQL statements these tests measure.
  t = await startHub({ TRACCIATI_WORKER: 'false', OUTBOX_WORKER: 'false' });
  // A second dominio, configured for SEGRETERIA, for the scope checks.
  expect(
    (
      await bo('PUT', `/domini/${ALTRO}`, {
        ragioneSociale: 'Comune di Prova',
        gln: '8088888000001',
        stazione: '11111111113_01',
        auxDigit: '0',
        segregationCode: '47',
        abilitato: true,
        scaricaFr: false,
      })
    ).status,
  ).toBe(201);
  expect((await bo('PUT', `/domini/${ALTRO}/contiAccredito/IT60X0542811101000000123456`, { postale: false, abilitato: true })).status).toBe(
    201,
  );
  expect(
    (await bo('PUT', `/domini/${ALTRO}/entrate/SEGRETERIA`, { ibanAccredito: 'IT60X0542811101000000123456', abilitato: true })).status,
  ).toBe(201);
  expect((await bo('PUT', `/domini/${ALTRO}/tipiPendenza/SEGRETERIA`, { abilitato: true })).status).toBe(201);

  await creaPendenza('RPP-A');
  await creaPendenza('RPP-B', { direzione: 'DIR1', divisione: 'DIV1' });
  await creaPendenza('RPP-C');
  await creaPendenza('RPP-LIBERO', {
    idTipoPendenza: 'LIBERO',
    voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'Libero', codEntrata: 'LIBERO' }],
  });
  await creaPendenza('RPP-ALTRO', { idDominio: ALTRO });

  unDominio = await applicazione('UNDOMINIO', { acl: [{ servizio: 'Pagamenti', autorizzazioni: ['Lettura'] }] });
  // An operatore: an applicazione reads only its own pendenze, and these belong to IDA2A01.
  const operatore = {
    ragioneSociale: 'Senza Pagamenti',
    password: 'Password1!',
    domini: [DOMINIO],
    acl: [{ servizio: 'Pendenze', autorizzazioni: ['R'] }],
  };
  expect((await bo('PUT', '/operatori/senzapag', operatore)).status).toBe(201);
  senzaPagamenti = basic({ user: 'senzapag', password: 'Password1!' });
  soloLibero = await applicazione('SOLOLIB', { tipiPendenza: ['LIBERO'], acl: [{ servizio: 'Pagamenti', autorizzazioni: ['Lettura'] }] });

  await insertRpp(t.hub.orm, { idPendenza: 'RPP-A', ccp: 'CCP-A1', dataPagamento: new Date('2026-11-20T09:00:00.000Z') });
  await insertRpp(t.hub.orm, {
    idPendenza: 'RPP-A',
    ccp: 'CCP-A2',
    duplicato: true,
    dataPagamento: new Date('2026-11-25T09:00:00.000Z'),
    ricevutaIl: new Date('2026-11-26T09:00:00.000Z'),
  });
  await insertRpp(t.hub.orm, {
    idPendenza: 'RPP-B',
    ccp: 'n/a',
    esito: 'NON_ESEGUITO',
    versione: 'V1',
    dataPagamento: new Date('2026-11-22T09:00:00.000Z'),
  });
  await insertRpp(t.hub.orm, {
    idPendenza: 'RPP-LIBERO',
    ccp: 'CCP-L1',
    standIn: true,
    dataPagamento: new Date('2026-11-23T09:00:00.000Z'),
  });
  await insertRpp(t.hub.orm, { idPendenza: 'RPP-ALTRO', ccp: 'CCP-X1', dataPagamento: new Date('2026-11-24T09:00:00.000Z') });
});
afterAll(() => t.close());

const ccps = (r: { body: { risultati: Array<{ rt: { receiptId: string } }> } }) => r.body.risultati.map((x) => x.rt.receiptId);

describe('GET /rpp', () => {
  it("lists every attempt the caller may see, oldest payment first, in GovPay's envelope with PendenzaIndex", async () => {
    const r = await get('/rpp');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ numRisultati: 5, numPagine: 1, risultatiPerPagina: 25, pagina: 1 });
    expect(ccps(r)).toEqual(['CCP-A1', 'n/a', 'CCP-L1', 'CCP-X1', 'CCP-A2']);
    const first = r.body.risultati[0];
    expect(first).toMatchObject({
      stato: 'RT_ACCETTATA_PA',
      rpt: { creditorReferenceId: iuv['RPP-A'], paymentAmount: '100.99', officeName: null },
      rt: { receiptId: 'CCP-A1', outcome: 'OK', pspCompanyName: 'Banca & Co. <test>' },
      pendenza: {
        idA2A: 'IDA2A01',
        idPendenza: 'RPP-A',
        dominio: { idDominio: DOMINIO, ragioneSociale: 'Ente Creditore Test' },
        importo: 100.99,
        rpp: '/rpp?idA2A=IDA2A01&idPendenza=RPP-A',
      },
    });
    expect(first.pendenza.voci).toBeUndefined();
    expect(first.pendenza.dataCaricamento).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it("filters by GovPay's parameters", async () => {
    expect(ccps(await get('/rpp?idPendenza=RPP-A&idA2A=IDA2A01'))).toEqual(['CCP-A1', 'CCP-A2']);
    expect(ccps(await get(`/rpp?idDominio=${ALTRO}`))).toEqual(['CCP-X1']);
    expect(ccps(await get(`/rpp?iuv=${iuv['RPP-B']}&ccp=n%2Fa`))).toEqual(['n/a']);
    expect(ccps(await get('/rpp?esitoPagamento=NON_ESEGUITO'))).toEqual(['n/a']);
    expect(ccps(await get('/rpp?idDebitore=RSSMRA30A01H501I&ordinamento=-dataRichiesta'))).toEqual([
      'CCP-A2',
      'CCP-X1',
      'CCP-L1',
      'n/a',
      'CCP-A1',
    ]);
    // dataRpt: when the payment happened; dataRt: when the receipt arrived.
    expect(ccps(await get('/rpp?dataRptDa=2026-11-22T00:00:00&dataRptA=2026-11-23T23:59:59'))).toEqual(['n/a', 'CCP-L1']);
    expect(ccps(await get('/rpp?dataRtDa=2026-11-26'))).toEqual(['CCP-A2']);
    // Attempts of portal payment sessions do not exist yet: such a filter matches nothing.
    expect((await get('/rpp?idPagamento=c8be909b-2feb-4ffa-8f98-704462abbd1d')).body.numRisultati).toBe(0);
  });

  it('pages: risultatiPerPagina, pagina, prossimiRisultati, a pure count and no counting', async () => {
    const p1 = await get('/rpp?risultatiPerPagina=2');
    expect(ccps(p1)).toEqual(['CCP-A1', 'n/a']);
    expect(p1.body).toMatchObject({ numRisultati: 5, numPagine: 3, prossimiRisultati: `${PV2}/rpp?risultatiPerPagina=2&pagina=2` });
    expect(ccps(await get('/rpp?risultatiPerPagina=2&pagina=3'))).toEqual(['CCP-A2']);
    expect((await get('/rpp?risultatiPerPagina=0')).body).toEqual({ numRisultati: 5, risultatiPerPagina: 0, pagina: 1, risultati: [] });
    const uncounted = await get('/rpp?risultatiPerPagina=2&metadatiPaginazione=false');
    expect(uncounted.body.numRisultati).toBeUndefined();
    expect(ccps(uncounted)).toEqual(['CCP-A1', 'n/a']);
  });

  it('answers bad filters with 400 SINTASSI naming the field', async () => {
    for (const [query, field] of [
      ['esitoPagamento=PAGATO', 'esitoPagamento'],
      ['dataRptDa=ieri', 'dataRptDa'],
      ['dataRtA=2026-13-45', 'dataRtA'],
      ['ordinamento=-causale', 'causale'],
      ['risultatiPerPagina=-1', 'risultatiPerPagina'],
      [`iuv=${'9'.repeat(2000)}`, 'iuv'],
    ]) {
      const r = await get(`/rpp?${query}`);
      expect([query, r.status]).toEqual([query, 400]);
      expect(r.body).toMatchObject(RICHIESTA);
      expect(r.body.dettaglio).toContain(field);
    }
  });
});

describe('GET /rpp/{idDominio}/{iuv}/{ccp}', () => {
  it('answers the attempt with its state, request, receipt and pendenza', async () => {
    const r = await get(`/rpp/${DOMINIO}/${iuv['RPP-B']}/n%2Fa`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['pendenza', 'rpt', 'rt', 'stato']);
    expect(r.body).toMatchObject({
      stato: 'RT_ACCETTATA_PA',
      rpt: { transferList: { transfer: [{ idTransfer: 1, IBAN: 'IT02L1234512345123451111111', transferCategory: '9/SEGRETERIA' }] } },
      rt: { receiptId: 'n/a', outcome: 'KO', fee: '1.00' },
      pendenza: {
        idPendenza: 'RPP-B',
        direzione: 'DIR1',
        divisione: 'DIV1',
        stato: 'NON_ESEGUITA',
        pagamenti: '/pagamenti?idA2A=IDA2A01&idPendenza=RPP-B',
      },
    });
  });

  it('answers the request and the receipt as JSON by default and as XML when asked', async () => {
    const base = `/rpp/${DOMINIO}/${iuv['RPP-A']}/CCP-A1`;
    const rt = await get(`${base}/rt`);
    expect(rt.status).toBe(200);
    expect(rt.headers.get('content-type')).toMatch(/^application\/json/);
    expect(rt.body).toMatchObject({ receiptId: 'CCP-A1', creditorReferenceId: iuv['RPP-A'], paymentAmount: '100.99' });
    const rtXml = await get(`${base}/rt`, app, { accept: 'application/xml' });
    expect(rtXml.headers.get('content-type')).toMatch(/^application\/xml/);
    const stored = await t.hub.orm.em.fork().findOneOrFail(Rpp, { ccp: 'CCP-A1' });
    expect(rtXml.body).toBe(stored.ricevutaXml);

    const rpt = await get(`${base}/rpt`, app, { accept: 'application/json' });
    expect(rpt.body).toEqual(stored.richiesta);
    const rptXml = await get(`${base}/rpt`, app, { accept: 'application/xml' });
    expect(rptXml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(rptXml.body).toContain(`<data><creditorReferenceId>${iuv['RPP-A']}</creditorReferenceId><paymentAmount>100.99</paymentAmount>`);
    expect(rptXml.body).toContain('<transferList><transfer><idTransfer>1</idTransfer>');
    expect(stored.richiesta.officeName).toBeNull();
    expect(rptXml.body).not.toContain('officeName');
  });

  it("answers an unknown attempt with 404 and GovPay's text, on every sub-resource", async () => {
    for (const suffix of ['', '/rpt', '/rt']) {
      const r = await get(`/rpp/${DOMINIO}/${iuv['RPP-C']}/NESSUNO${suffix}`);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({
        categoria: 'OPERAZIONE',
        codice: '404000',
        descrizione: 'Risorsa non trovata',
        dettaglio: `Tentativo di pagamento (${DOMINIO}, ${iuv['RPP-C']}, NESSUNO) inesistente.`,
      });
    }
  });

  it('answers non-numeric or oversize keys with 400 SINTASSI naming the field', async () => {
    for (const [path, field] of [
      [`/rpp/1234567890A/${iuv['RPP-A']}/CCP-A1`, 'idDominio'],
      [`/rpp/123456789012/${iuv['RPP-A']}/CCP-A1`, 'idDominio'],
      [`/rpp/${DOMINIO}/${'1'.repeat(36)}/CCP-A1`, 'iuv'],
      [`/rpp/${DOMINIO}/${iuv['RPP-A']}/${'C'.repeat(36)}/rt`, 'ccp'],
    ]) {
      const r = await get(path);
      expect([path, r.status]).toEqual([path, 400]);
      expect(r.body).toMatchObject(RICHIESTA);
      expect(r.body.dettaglio).toContain(field);
    }
  });
});

describe('authorization', () => {
  it("shows a caller only the attempts of its domini and tipi pendenza; another dominio's attempt is 403", async () => {
    expect(ccps(await get('/rpp', unDominio))).toEqual(['CCP-A1', 'n/a', 'CCP-L1', 'CCP-A2']);
    expect((await get(`/rpp?idDominio=${ALTRO}`, unDominio)).body.numRisultati).toBe(0);
    const altro = await get(`/rpp/${ALTRO}/${iuv['RPP-ALTRO']}/CCP-X1`, unDominio);
    expect(altro.status).toBe(403);
    expect(altro.body).toMatchObject({ categoria: 'AUTORIZZAZIONE', codice: '403000', descrizione: 'Operazione non autorizzata' });
    expect((await get(`/rpp/${ALTRO}/${iuv['RPP-ALTRO']}/CCP-X1/rt`, unDominio)).status).toBe(403);

    expect(ccps(await get('/rpp', soloLibero))).toEqual(['CCP-L1']);
    expect((await get('/rpp?idTipoPendenza=SEGRETERIA', soloLibero)).body.numRisultati).toBe(0);
    expect((await get(`/rpp/${DOMINIO}/${iuv['RPP-A']}/CCP-A1`, soloLibero)).status).toBe(403);
    expect((await get(`/rpp/${DOMINIO}/${iuv['RPP-LIBERO']}/CCP-L1`, soloLibero)).status).toBe(200);
  });

  it('refuses a caller without the Pagamenti read right (403), and leaves its pendenza detail without attempts', async () => {
    for (const path of ['/rpp', `/rpp/${DOMINIO}/${iuv['RPP-A']}/CCP-A1`, `/rpp/${DOMINIO}/${iuv['RPP-A']}/CCP-A1/rpt`]) {
      const r = await get(path, senzaPagamenti);
      expect([path, r.status]).toEqual([path, 403]);
      expect(r.body).toMatchObject({ categoria: 'AUTORIZZAZIONE', codice: '403000' });
    }
    const detail = await get('/pendenze/IDA2A01/RPP-A', senzaPagamenti);
    expect(detail.status).toBe(200);
    expect(detail.body.rpp).toEqual([]);
  });
});

describe('the pendenza detail', () => {
  it('lists its attempts as RppIndex, oldest first, in API Pendenze and byAvviso', async () => {
    const r = await get('/pendenze/IDA2A01/RPP-A');
    expect(r.status).toBe(200);
    expect(r.body.rpp.map((x: any) => x.rt.receiptId)).toEqual(['CCP-A1', 'CCP-A2']);
    expect(r.body.rpp[0]).toMatchObject({
      stato: 'RT_ACCETTATA_PA',
      rpt: { paymentAmount: '100.99' },
      pendenza: { idPendenza: 'RPP-A', rpp: '/rpp?idA2A=IDA2A01&idPendenza=RPP-A' },
    });
    expect(r.body.rpp[0].modello).toBeUndefined();
    expect((await get('/pendenze/IDA2A01/RPP-C')).body.rpp).toEqual([]);
    const numero = r.body.numeroAvviso;
    expect((await get(`/pendenze/byAvviso/${DOMINIO}/${numero}`)).body.rpp).toHaveLength(2);
  });

  it('in the Backoffice: the attempts with their modello and the dominio as the Backoffice indexes it', async () => {
    const r = await bo('GET', '/pendenze/IDA2A01/RPP-B');
    expect(r.status).toBe(200);
    expect(r.body.rpp).toHaveLength(1);
    expect(r.body.rpp[0]).toMatchObject({ stato: 'RT_ACCETTATA_PA', modello: 'Pagamento ad iniziativa PSP', rt: { receiptId: 'n/a' } });
    expect(r.body.rpp[0].pendenza.dominio).toMatchObject({
      idDominio: DOMINIO,
      ragioneSociale: 'Ente Creditore Test',
      unitaOperative: `/domini/${DOMINIO}/unitaOperative`,
    });
  });
});

describe('Backoffice /rpp', () => {
  it('lists with its own filters (esito, idTipoPendenza, direzione, divisione) and answers detail, rpt and rt', async () => {
    expect(ccps(await bo('GET', '/rpp?esito=NON_ESEGUITO'))).toEqual(['n/a']);
    expect(ccps(await bo('GET', '/rpp?idTipoPendenza=LIBERO'))).toEqual(['CCP-L1']);
    expect(ccps(await bo('GET', '/rpp?direzione=DIR1&divisione=DIV1'))).toEqual(['n/a']);
    expect(ccps(await bo('GET', '/rpp?direzione=DIR9'))).toEqual([]);
    const list = await bo('GET', '/rpp?idPendenza=RPP-A&risultatiPerPagina=1');
    expect(list.body).toMatchObject({
      numRisultati: 2,
      numPagine: 2,
      risultati: [{ modello: 'Pagamento ad iniziativa PSP', pendenza: { dominio: { idDominio: DOMINIO } } }],
    });

    const detail = await bo('GET', `/rpp/${ALTRO}/${iuv['RPP-ALTRO']}/CCP-X1`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      modello: 'Pagamento ad iniziativa PSP',
      pendenza: { idPendenza: 'RPP-ALTRO', dominio: { idDominio: ALTRO, ragioneSociale: 'Comune di Prova' } },
    });
    expect((await bo('GET', `/rpp/${ALTRO}/${iuv['RPP-ALTRO']}/CCP-X1/rt`)).body).toMatchObject({ receiptId: 'CCP-X1', fiscalCode: ALTRO });
    expect((await bo('GET', `/rpp/${ALTRO}/${iuv['RPP-ALTRO']}/CCP-X1/rpt`)).body).toMatchObject({ creditorReferenceId: iuv['RPP-ALTRO'] });
    expect((await bo('GET', `/rpp/${ALTRO}/${iuv['RPP-ALTRO']}/NESSUNO`)).status).toBe(404);
    expect((await bo('GET', '/rpp?esito=BOH')).status).toBe(400);
  });
});

describe('the graph', () => {
  const q = (query: string, variables: Record<string, unknown> = {}, auth = app) => gql(t.baseUrl, query, variables, auth);

  it("reads an attempt with every field and its federated pendenza's dominio", async () => {
    const r = await q(
      `query ($iuv: ID!) { rpp(idDominio: "${DOMINIO}", iuv: $iuv, ccp: "CCP-L1") {
        idDominio iuv ccp stato dettaglioStato esito importo dataPagamento dataRicevuta idPsp ragioneSocialePsp idCanale versione
        standIn duplicato rpt rt rtXml dominio { ragioneSociale } pendenza { idPendenza causale stato dominio { ragioneSociale } } } }`,
      { iuv: iuv['RPP-LIBERO'] },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.rpp).toMatchObject({
      idDominio: DOMINIO,
      iuv: iuv['RPP-LIBERO'],
      ccp: 'CCP-L1',
      stato: 'RT_ACCETTATA_PA',
      dettaglioStato: null,
      esito: 'ESEGUITO',
      importo: '100.99',
      dataPagamento: '2026-11-23T09:00:00.000Z',
      dataRicevuta: '2026-11-23T09:01:00.000Z',
      idPsp: 'BCITITMM',
      ragioneSocialePsp: 'Banca & Co. <test>',
      idCanale: 'BCITITMM_01',
      versione: 'V2',
      standIn: true,
      duplicato: false,
      rt: { receiptId: 'CCP-L1' },
      dominio: { ragioneSociale: 'Ente Creditore Test' },
      pendenza: {
        idPendenza: 'RPP-LIBERO',
        causale: 'Pagamento dovuto n.RPP-LIBERO',
        stato: 'NON_ESEGUITA',
        dominio: { ragioneSociale: 'Ente Creditore Test' },
      },
    });
    expect(r.body.data.rpp.rtXml).toContain('<receiptId>CCP-L1</receiptId>');
  });

  it("lists with cursors and carries GovPay's codes in extensions", async () => {
    const first = await q(
      '{ rpps(first: 2, orderBy: [{ field: DATA_RICHIESTA, direction: ASC }]) { totalCount nodes { ccp duplicato } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.body.data.rpps).toMatchObject({
      totalCount: 5,
      nodes: [{ ccp: 'CCP-A1' }, { ccp: 'n/a' }],
      pageInfo: { hasNextPage: true },
    });
    const next = await q(
      'query ($after: String) { rpps(first: 10, after: $after, withCount: false) { nodes { ccp duplicato } pageInfo { hasNextPage } } }',
      {
        after: first.body.data.rpps.pageInfo.endCursor,
      },
    );
    expect(next.body.data.rpps).toEqual({
      nodes: [
        { ccp: 'CCP-L1', duplicato: false },
        { ccp: 'CCP-X1', duplicato: false },
        { ccp: 'CCP-A2', duplicato: true },
      ],
      pageInfo: { hasNextPage: false },
    });
    // esito is an enum (EsitoRpp): an unknown value is refused by GraphQL's validation, before the domain.
    const bad = await q('{ rpps(filter: { esito: PAGATO }) { totalCount } }');
    expect([bad.status, bad.body.errors[0].extensions.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const missing = await q(`{ rpp(idDominio: "${DOMINIO}", iuv: "1", ccp: "2") { ccp } }`);
    expect(missing.body.errors[0].extensions).toMatchObject({ codice: '404000', status: 404 });
  });

  it('adds Pendenza.rpp to the pendenze subgraph, one SQL query on rpp for every pendenza of a request', async () => {
    const connection = t.hub.orm.em.getConnection();
    const execute = jest.spyOn(connection, 'execute');
    try {
      const r = await q(`{ pendenze(filter: { idA2A: "IDA2A01" }, orderBy: [{ field: ID_PENDENZA, direction: ASC }]) { nodes { idPendenza
          rpp { ccp importo pendenza { idPendenza dominio { ragioneSociale } } } } } }`);
      expect(r.body.errors).toBeUndefined();
      const byPendenza = Object.fromEntries(r.body.data.pendenze.nodes.map((n: any) => [n.idPendenza, n.rpp.map((x: any) => x.ccp)]));
      expect(byPendenza).toEqual({
        'RPP-A': ['CCP-A1', 'CCP-A2'],
        'RPP-ALTRO': ['CCP-X1'],
        'RPP-B': ['n/a'],
        'RPP-C': [],
        'RPP-LIBERO': ['CCP-L1'],
      });
      expect(r.body.data.pendenze.nodes.find((n: any) => n.idPendenza === 'RPP-ALTRO').rpp[0].pendenza.dominio.ragioneSociale).toBe(
        'Comune di Prova',
      );
      const sql = execute.mock.calls.map((c) => String(c[0]));
      expect(sql.filter((s) => /from [`"]?rpp[`"]?/i.test(s))).toHaveLength(1);
    } finally {
      execute.mockRestore();
    }
  });

  it('resolves Rpp.pendenza { dominio } for a whole list with as many SQL queries as for one attempt', async () => {
    const connection = t.hub.orm.em.getConnection();
    // Only the reads of the three tables the answer comes from are counted: the caller's authentication and the
    // configuration's revision check are cached for a while, so whether they run inside the window is timing.
    const dataTables = /\bfrom [`"]?(rpp|pendenze|domini)[`"]? as /i;
    const queries = async (filter: string) => {
      const execute = jest.spyOn(connection, 'execute');
      try {
        const r = await q(
          `{ rpps(${filter} withCount: false) { nodes { ccp pendenza { idPendenza causale dominio { ragioneSociale } } } } }`,
        );
        expect(r.body.errors).toBeUndefined();
        const reads = execute.mock.calls.map((c) => String(c[0])).filter((s) => dataTables.test(s));
        return { rows: r.body.data.rpps.nodes.length, sql: reads.map((s) => dataTables.exec(s)![1]) };
      } finally {
        execute.mockRestore();
      }
    };
    const one = await queries('filter: { ccp: "CCP-A1" }');
    const all = await queries('');
    expect([one.rows, all.rows]).toEqual([1, 5]);
    expect(one.sql).toEqual(['rpp', 'pendenze', 'domini']);
    expect(all.sql).toEqual(one.sql);
  });

  it('resolves Rpp references from other subgraphs in one query, null for the unknown and the out of scope', async () => {
    const oneDominio = { ...SYSTEM_PRINCIPAL, domini: [DOMINIO] };
    const connection = t.hub.orm.em.getConnection();
    const execute = jest.spyOn(connection, 'execute');
    try {
      const r = await call(t.subgraphUrl.replace(/\/anagrafica\/graphql$/, ''), 'POST', '/pagamenti/graphql', {
        auth: null,
        headers: { [PRINCIPAL_HEADER]: t.hub.signer.sign(oneDominio) },
        body: {
          query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Rpp { ccp esito } } }',
          variables: {
            r: [
              { __typename: 'Rpp', idDominio: DOMINIO, iuv: iuv['RPP-A'], ccp: 'CCP-A2' },
              { __typename: 'Rpp', idDominio: ALTRO, iuv: iuv['RPP-ALTRO'], ccp: 'CCP-X1' },
              { __typename: 'Rpp', idDominio: DOMINIO, iuv: iuv['RPP-B'], ccp: 'n/a' },
              { __typename: 'Rpp', idDominio: DOMINIO, iuv: '1', ccp: 'NESSUNO' },
            ],
          },
        },
      });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data._entities).toEqual([{ ccp: 'CCP-A2', esito: 'ESEGUITO' }, null, { ccp: 'n/a', esito: 'NON_ESEGUITO' }, null]);
      expect(execute.mock.calls.map((c) => String(c[0])).filter((q) => /from [`"]?rpp[`"]?/i.test(q))).toHaveLength(1);
    } finally {
      execute.mockRestore();
    }
  });

  it("filters by the caller's rights and scope: Pendenza.rpp empty without the Pagamenti right", async () => {
    const r = await q('{ pendenza(idA2A: "IDA2A01", idPendenza: "RPP-A") { idPendenza rpp { ccp } } }', {}, senzaPagamenti);
    expect(r.body.data.pendenza).toEqual({ idPendenza: 'RPP-A', rpp: [] });
    expect((await q('{ rpps { nodes { ccp } } }', {}, senzaPagamenti)).body.errors[0].extensions).toMatchObject({ status: 403 });
    const libero = await q('{ rpps { nodes { ccp pendenza { idPendenza } } } }', {}, soloLibero);
    expect(libero.body.data.rpps.nodes).toEqual([{ ccp: 'CCP-L1', pendenza: { idPendenza: 'RPP-LIBERO' } }]);
  });
});
