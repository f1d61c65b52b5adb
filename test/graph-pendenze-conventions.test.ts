import { STATION_PATH } from '../pagopa';
import { nuovaPendenza, VERTICALE, verticale } from './helpers/fixtures';
import { basic, BO, call, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { closeSimulators, simulatorFor } from './helpers/simulator';

/** The pendenze subgraph as DESIGN.md §4b has it: filter and typed orderBy, mutations named for the intent with one input. */
let t: TestHub;
const app = basic(IDA2A01);
const debitore = `CV${Date.now()}`;
const ids = ['C1', 'C2', 'C3'].map((n) => `${debitore}-${n}`);

const CARICA = `mutation ($input: CaricaPendenzaInput!) { caricaPendenza(input: $input) { created pendenza { idPendenza stato numeroAvviso importo } } }`;
const carica = (idPendenza: string, importo: number) =>
  gql(
    t.baseUrl,
    CARICA,
    {
      input: {
        idA2A: 'IDA2A01',
        idPendenza,
        pendenza: nuovaPendenza(idPendenza, {
          importo,
          voci: [{ idVocePendenza: '1', importo, descrizione: 'Diritti', codEntrata: 'SEGRETERIA' }],
          soggettoPagatore: { tipo: 'F', identificativo: debitore, anagrafica: 'Maria Bianchi' },
        }),
      },
    },
    app,
  );
const LIST = `query ($orderBy: [PendenzaOrder!], $first: Int) {
  pendenze(filter: { idDebitore: "${debitore}" }, orderBy: $orderBy, first: $first) { totalCount nodes { idPendenza importo } } }`;
const list = (variables: Record<string, unknown>) => gql(t.baseUrl, LIST, variables, app);
const annulla = (idPendenza: string, auth = app, idA2A = 'IDA2A01') =>
  gql(
    t.baseUrl,
    'mutation ($input: AnnullaPendenzaInput!) { annullaPendenza(input: $input) { pendenza { idPendenza stato descrizioneStato } } }',
    { input: { idA2A, idPendenza, descrizioneStato: 'Emessa per errore' } },
    auth,
  );

beforeAll(async () => {
  t = await startHub();
  for (const [i, id] of ids.entries()) {
    const r = await carica(id, [30, 10, 20][i]);
    expect(r.body.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await closeSimulators();
  await t.close();
});

it('orders by a typed orderBy both ways, within the filter', async () => {
  const asc = await list({ orderBy: [{ field: 'IMPORTO', direction: 'ASC' }] });
  expect(asc.body.errors).toBeUndefined();
  expect(asc.body.data.pendenze).toEqual({
    totalCount: 3,
    nodes: [
      { idPendenza: ids[1], importo: '10.00' },
      { idPendenza: ids[2], importo: '20.00' },
      { idPendenza: ids[0], importo: '30.00' },
    ],
  });
  const desc = await list({ orderBy: [{ field: 'ID_PENDENZA', direction: 'DESC' }] });
  expect(desc.body.data.pendenze.nodes.map((n: { idPendenza: string }) => n.idPendenza)).toEqual([...ids].reverse());
  const none = await gql(t.baseUrl, '{ pendenze(filter: { idDebitore: "NESSUNO" }) { totalCount nodes { idPendenza } } }', {}, app);
  expect(none.body.data.pendenze).toEqual({ totalCount: 0, nodes: [] });
});

it('refuses a page over 100 rows and an unknown order field, with clear errors and no 5xx', async () => {
  const big = await list({ first: 101 });
  expect(big.status).toBeLessThan(500);
  expect(big.body.errors[0].message).toBe('Il campo first deve essere compreso tra 0 e 100.');
  expect(big.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI', status: 400 });
  const unknown = await list({ orderBy: [{ field: 'CAUSALE', direction: 'ASC' }] });
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors[0].message).toMatch(/Value "CAUSALE" does not exist in "PendenzaOrderField" enum/);
});

it('caricaPendenza tells whether it created the pendenza', async () => {
  const again = await carica(ids[0], 30);
  expect(again.body.errors).toBeUndefined();
  expect(again.body.data.caricaPendenza).toMatchObject({ created: false, pendenza: { idPendenza: ids[0], stato: 'NON_ESEGUITA' } });
  const nuova = await carica(`${debitore}-C4`, 5);
  expect(nuova.body.data.caricaPendenza).toMatchObject({ created: true, pendenza: { importo: '5.00' } });
});

it("modificaPendenza applies GovPay's JSON-patch", async () => {
  const r = await gql(
    t.baseUrl,
    'mutation ($input: ModificaPendenzaInput!) { modificaPendenza(input: $input) { pendenza { idPendenza descrizioneStato } } }',
    { input: { idA2A: 'IDA2A01', idPendenza: ids[1], operazioni: [{ op: 'REPLACE', path: '/descrizioneStato', value: 'In verifica' }] } },
    app,
  );
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.modificaPendenza.pendenza).toEqual({ idPendenza: ids[1], descrizioneStato: 'In verifica' });
});

it('annullaPendenza cancels it, so that pagoPA may no longer pay it; another applicazione may not', async () => {
  const created = await call(t.baseUrl, 'PUT', `${BO}/applicazioni/VERTICALE`, { body: verticale('http://127.0.0.1:9/', 'REST v2') });
  expect(created.status).toBe(201);
  const foreign = await annulla(ids[2], basic(VERTICALE));
  expect(foreign.body.errors[0].extensions).toMatchObject({ codice: 'APP_002', status: 400 });

  const r = await annulla(ids[2]);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.annullaPendenza.pendenza).toEqual({ idPendenza: ids[2], stato: 'ANNULLATA', descrizioneStato: 'Emessa per errore' });
  const twice = await annulla(ids[2]);
  expect(twice.body.errors[0].extensions).toMatchObject({ codice: 'VER_009', status: 422 });

  const numeroAvviso = (await gql(t.baseUrl, `{ pendenza(idA2A: "IDA2A01", idPendenza: "${ids[2]}") { numeroAvviso } }`, {}, app)).body.data
    .pendenza.numeroAvviso;
  const paid = await simulatorFor(`${t.baseUrl}${STATION_PATH}`).pay({ fiscalCode: '12345678901', noticeNumber: numeroAvviso });
  expect(paid.status).not.toBe('ESEGUITO');
  expect(JSON.stringify(paid)).toContain('PAA_PAGAMENTO_ANNULLATO');
});

it('filters on a typed stato, the one a pendenza shows, and refuses an unknown one with a 400', async () => {
  const stati = async (stato?: string) =>
    (
      await gql(
        t.baseUrl,
        `query ($stato: StatoPendenza) { pendenze(filter: { idDebitore: "${debitore}", stato: $stato }) { nodes { idPendenza stato } } }`,
        { stato },
        app,
      )
    ).body.data.pendenze.nodes as Array<{ idPendenza: string; stato: string }>;
  const all = await stati();
  expect(all.map((p) => p.stato)).toContain('ANNULLATA');
  for (const stato of ['NON_ESEGUITA', 'ANNULLATA', 'SCADUTA']) {
    expect(await stati(stato)).toEqual(all.filter((p) => p.stato === stato));
  }

  const literal = await gql(t.baseUrl, '{ pendenze(filter: { stato: PAGATA }) { totalCount } }', {}, app);
  expect(literal.status).toBe(400);
  expect(literal.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(literal.body.errors[0].message).toMatch(/Value "PAGATA" does not exist in "StatoPendenza" enum/);
  const variable = await gql(
    t.baseUrl,
    'query ($f: PendenzaFilter) { pendenze(filter: $f) { totalCount } }',
    { f: { stato: 'ANNULLATO' } },
    app,
  );
  expect(variable.status).toBe(400);
  expect(variable.body.errors[0].message).toMatch(/"ANNULLATO".*StatoPendenza/);
});

it("leaves GovPay's REST list as it was: an unknown stato lists nothing (no error), an empty one filters nothing", async () => {
  const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
  const rest = async (q: string) =>
    (await call(t.baseUrl, 'GET', `${PV2}/pendenze?idDebitore=${debitore}&${q}`, { auth: app })).body as {
      numRisultati?: number;
      risultati: Array<{ idPendenza: string }>;
    };
  expect((await rest('stato=ANNULLATA')).risultati.map((p) => p.idPendenza)).toEqual([ids[2]]);
  for (const stato of ['PAGATA', 'annullata', 'INCASSATA']) {
    expect(await rest(`stato=${stato}&metadatiPaginazione=true`)).toMatchObject({ numRisultati: 0, numPagine: 1, risultati: [] });
  }
  expect(await rest('stato=PAGATA&risultatiPerPagina=0')).toMatchObject({ numRisultati: 0, risultati: [] });
  expect(await rest('stato=')).toEqual(await rest(''));
  // The caller's rights are checked as for any list.
  const acl = [{ servizio: 'Pagamenti', autorizzazioni: ['R'] }];
  const operatore = { ragioneSociale: 'Senza pendenze', password: 'Password1!', domini: ['*'], tipiPendenza: ['*'], acl };
  expect((await call(t.baseUrl, 'PUT', `${BO}/operatori/conv-senza-pendenze`, { body: operatore })).status).toBe(201);
  const senza = basic({ user: 'conv-senza-pendenze', password: 'Password1!' });
  for (const stato of ['ANNULLATA', 'PAGATA']) {
    expect((await call(t.baseUrl, 'GET', `${BO}/pendenze?stato=${stato}`, { auth: senza })).status).toBe(403);
  }
});
