import { basic, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/** Pendenze on the federated graph: the pendenze subgraph's entity joined with the anagrafica's. */
let t: TestHub;
const app = basic(IDA2A01);
beforeAll(async () => {
  t = await startHub();
});
afterAll(() => t.close());

const input = {
  idTipoPendenza: 'SEGRETERIA',
  idDominio: '12345678901',
  causale: 'Diritti di segreteria',
  soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi' },
  importo: 12.34,
  voci: [
    { idVocePendenza: '1', importo: 10, descrizione: 'Diritti', codEntrata: 'SEGRETERIA' },
    { idVocePendenza: '2', importo: 2.34, descrizione: 'Spese', codEntrata: 'LIBERO' },
  ],
};

it('saves a pendenza and reads it with federated fields, amounts as exact strings', async () => {
  const saved = await gql(
    t.baseUrl,
    'mutation ($input: JSONObject!) { caricaPendenza(input: { idA2A: "IDA2A01", idPendenza: "G1", pendenza: $input }) { created pendenza { numeroAvviso importo } } }',
    { input },
    app,
  );
  expect(saved.body.errors).toBeUndefined();
  expect(saved.body.data.caricaPendenza).toMatchObject({ created: true, pendenza: { importo: '12.34' } });
  const numeroAvviso = saved.body.data.caricaPendenza.pendenza.numeroAvviso;

  const read = await gql(
    t.baseUrl,
    `{ pendenzaByAvviso(idDominio: "12345678901", numeroAvviso: "${numeroAvviso}") {
        idPendenza stato importo dominio { ragioneSociale cbill } tipoPendenza { descrizione }
        voci { indice importo stato } } }`,
    {},
    app,
  );
  expect(read.body.errors).toBeUndefined();
  expect(read.body.data.pendenzaByAvviso).toEqual({
    idPendenza: 'G1',
    stato: 'NON_ESEGUITA',
    importo: '12.34',
    dominio: { ragioneSociale: 'Ente Creditore Test', cbill: 'AB123' },
    tipoPendenza: { descrizione: 'Diritti di segreteria' },
    voci: [
      { indice: 1, importo: '10.00', stato: 'NON_ESEGUITO' },
      { indice: 2, importo: '2.34', stato: 'NON_ESEGUITO' },
    ],
  });
});

it('lists with cursors and cancels through the graph', async () => {
  for (const id of ['G2', 'G3']) {
    await gql(
      t.baseUrl,
      'mutation ($id: ID!, $input: JSONObject!) { caricaPendenza(input: { idA2A: "IDA2A01", idPendenza: $id, pendenza: $input }) { created } }',
      { id, input },
      app,
    );
  }
  const first = await gql(
    t.baseUrl,
    '{ pendenze(first: 2, orderBy: [{ field: ID_PENDENZA, direction: ASC }]) { totalCount nodes { idPendenza } pageInfo { hasNextPage endCursor } } }',
    {},
    app,
  );
  expect(first.body.data.pendenze.nodes.map((n: any) => n.idPendenza)).toEqual(['G1', 'G2']);
  const next = await gql(
    t.baseUrl,
    'query ($after: String) { pendenze(first: 2, after: $after, orderBy: [{ field: ID_PENDENZA, direction: ASC }]) { nodes { idPendenza } pageInfo { hasNextPage } } }',
    { after: first.body.data.pendenze.pageInfo.endCursor },
    app,
  );
  expect(next.body.data.pendenze).toEqual({ nodes: [{ idPendenza: 'G3' }], pageInfo: { hasNextPage: false } });

  const cancelled = await gql(
    t.baseUrl,
    'mutation { modificaPendenza(input: { idA2A: "IDA2A01", idPendenza: "G3", operazioni: [{ op: "REPLACE", path: "/stato", value: "ANNULLATA" }] }) { pendenza { stato } } }',
    {},
    app,
  );
  expect(cancelled.body.data.modificaPendenza.pendenza.stato).toBe('ANNULLATA');
});

it("answers bad input with GovPay's codes in extensions and saves nothing", async () => {
  const r = await gql(
    t.baseUrl,
    'mutation ($input: JSONObject!) { caricaPendenza(input: { idA2A: "IDA2A01", idPendenza: "BAD", pendenza: $input }) { created } }',
    { input: { ...input, importo: 12.35 } },
    app,
  );
  expect(r.body.errors[0].extensions).toMatchObject({ codice: 'VER_002', status: 422 });
  const missing = await gql(t.baseUrl, '{ pendenza(idA2A: "IDA2A01", idPendenza: "BAD") { idPendenza } }', {}, app);
  expect(missing.body.errors[0].extensions).toMatchObject({ codice: '404000' });
});

it('serializes every amount as an exact two-decimal string', async () => {
  const r = await gql(t.baseUrl, '{ pendenza(idA2A: "IDA2A01", idPendenza: "G1") { importo } }', {}, app);
  expect(r.body.data.pendenza.importo).toMatch(/^\d+\.\d{2}$/);
});
