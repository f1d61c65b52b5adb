import { basic, BO, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/**
 * A dominio's configuration is cached per instance (issue 15) and checked against the anagrafica
 * revision at every request: a change made through another instance on the same database shows
 * at the very next read, through REST and through the graph, and the cache never skips a check.
 */
let a: TestHub;
let b: TestHub;
const DOMINIO = `${BO}/domini/12345678901`;
const get = (hub: TestHub, path: string, auth?: string) => call(hub.baseUrl, 'GET', path, { auth });
const put = (hub: TestHub, path: string, body: unknown) => call(hub.baseUrl, 'PUT', path, { body });
const graph = (hub: TestHub, query: string) => call(hub.baseUrl, 'POST', '/graphql', { body: { query } });

beforeAll(async () => {
  a = await startHub();
  b = await startHub({
    DATABASE_URL: a.hub.config.database.dialect === 'sqlite' ? `sqlite:${a.hub.config.database.path}` : a.hub.config.database.url,
  });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

it('shows a change made through another instance at the next GET /domini/{id}', async () => {
  const before = await get(b, DOMINIO);
  expect(before.status).toBe(200);
  expect(before.body.ragioneSociale).toBe('Ente Creditore Test');
  expect(before.body.unitaOperative.map((u: any) => u.idUnita)).toEqual(['12345678901_01']);
  const dominio = { ...before.body, ragioneSociale: 'Ente Creditore Rinominato' };
  for (const k of ['unitaOperative', 'contiAccredito', 'entrate', 'tipiPendenza', 'idDominio']) delete dominio[k];

  expect((await put(a, DOMINIO, dominio)).status).toBe(200);
  expect((await put(a, `${DOMINIO}/unitaOperative/UO2`, { ragioneSociale: 'Anagrafe' })).status).toBe(201);
  expect((await put(a, `${DOMINIO}/tipiPendenza/LIBERO`, { abilitato: false })).status).toBe(200);
  // A hub-wide entrata's description shows inside every dominio's entrate.
  expect(
    (await put(a, `${BO}/entrate/BOLLOT`, { descrizione: 'Bollo', tipoContabilita: 'ALTRO', codiceContabilita: '9/0101300IM/' })).status,
  ).toBe(200);

  const after = await get(b, DOMINIO);
  expect(after.status).toBe(200);
  expect(after.body.ragioneSociale).toBe('Ente Creditore Rinominato');
  expect(after.body.unitaOperative.map((u: any) => u.idUnita)).toEqual(['UO2', '12345678901_01']);
  expect(after.body.tipiPendenza.find((t: any) => t.idTipoPendenza === 'LIBERO')).toMatchObject({ abilitato: false });
  expect(after.body.entrate.find((e: any) => e.idEntrata === 'BOLLOT').tipoEntrata.descrizione).toBe('Bollo');

  const g = await graph(b, '{ dominio(idDominio: "12345678901") { ragioneSociale unitaOperative { totalCount nodes { idUnita } } } }');
  expect(g.body.data.dominio).toEqual({
    ragioneSociale: 'Ente Creditore Rinominato',
    unitaOperative: { totalCount: 2, nodes: [{ idUnita: 'UO2' }, { idUnita: '12345678901_01' }] },
  });
});

it('pages a cached list exactly as the database pages a filtered one', async () => {
  const list = (q: string) => get(b, `${DOMINIO}/tipiPendenza?${q}`).then((r) => r.body);
  for (const q of ['risultatiPerPagina=1&pagina=2', 'risultatiPerPagina=2&metadatiPaginazione=false', 'risultatiPerPagina=0']) {
    // `descrizione=e` matches every demo tipo pendenza, so only the path differs: the cache, or a query.
    expect(await list(q)).toEqual(
      await list(`${q}&descrizione=e`).then((r) => ({ ...r, prossimiRisultati: r.prossimiRisultati?.replace('&descrizione=e', '') })),
    );
  }
});

it('still refuses a caller without the right, and answers 404 for an unknown dominio', async () => {
  expect((await get(b, DOMINIO)).status).toBe(200);
  const refused = await get(b, DOMINIO, basic(IDA2A01));
  expect(refused.status).toBe(403);
  const g = await call(b.baseUrl, 'POST', '/graphql', {
    auth: basic(IDA2A01),
    body: { query: '{ dominio(idDominio: "12345678901") { ragioneSociale } }' },
  });
  expect(g.body.errors[0].extensions.status).toBe(403);
  expect((await get(b, `${BO}/domini/99999999999`)).status).toBe(404);
  expect((await get(b, `${BO}/domini/99999999999/entrate`)).status).toBe(404);
});

it('sees, later in the same graph request, the change that request made', async () => {
  const dominio = {
    ragioneSociale: 'Ente Creditore Test',
    gln: '8088888000000',
    stazione: '11111111113_01',
    abilitato: true,
    scaricaFr: true,
    idDominio: '12345678901',
  };
  const unita = 'dominio { unitaOperative(first: 100) { nodes { idUnita } } }';
  // Root mutation fields run one after the other: the first reads the configuration, the second changes it.
  const r = await call(b.baseUrl, 'POST', '/graphql', {
    body: {
      query: `mutation ($d: SalvaDominioInput!) {
        before: salvaDominio(input: $d) { ${unita} }
        add: salvaUnitaOperativa(input: { idDominio: "12345678901", idUnita: "UO3", ragioneSociale: "Protocollo", abilitato: true }) { created }
        after: salvaDominio(input: $d) { ${unita} } }`,
      variables: { d: dominio },
    },
  });
  expect(r.body.errors).toBeUndefined();
  const ids = (k: string) => r.body.data[k].dominio.unitaOperative.nodes.map((u: { idUnita: string }) => u.idUnita);
  expect(ids('before')).not.toContain('UO3');
  expect(ids('after')).toContain('UO3');
});
