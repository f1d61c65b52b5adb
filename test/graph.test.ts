import { basic, call, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/** The federated graph at /graphql: queries, cursors, mutations, the error model and the limits. */
let t: TestHub;
beforeAll(async () => {
  t = await startHub();
});
afterAll(() => t.close());

describe('queries', () => {
  it('reads the demo dominio with its stazione and intermediario across types', async () => {
    const r = await gql(
      t.baseUrl,
      `{ dominio(idDominio: "12345678901") { idDominio ragioneSociale auxDigit
           stazione { idStazione applicationCode intermediario { idIntermediario denominazione } }
           contiAccredito(orderBy: [{ field: IBAN, direction: ASC }]) { totalCount nodes { iban postale } } } }`,
    );
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.dominio).toEqual({
      idDominio: '12345678901',
      ragioneSociale: 'Ente Creditore Test',
      auxDigit: '0',
      stazione: {
        idStazione: '11111111113_01',
        applicationCode: '01',
        intermediario: { idIntermediario: '11111111113', denominazione: 'Intermediario Test' },
      },
      contiAccredito: {
        totalCount: 2,
        nodes: [
          { iban: 'IT02L0760112345123452222222', postale: true },
          { iban: 'IT02L1234512345123451111111', postale: false },
        ],
      },
    });
  });

  it('pages with cursors until the end', async () => {
    const page = (after?: string) =>
      gql(
        t.baseUrl,
        `query ($after: String) { dominio(idDominio: "12345678901") {
           entrate(first: 2, after: $after, orderBy: [{ field: ID_ENTRATA, direction: ASC }]) { totalCount nodes { idEntrata } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
    const first = (await page()).body.data.dominio.entrate;
    expect(first.nodes.map((n: any) => n.idEntrata)).toEqual(['BOLLOT', 'LIBERO']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first.pageInfo.endCursor)).body.data.dominio.entrate;
    expect(second.nodes.map((n: any) => n.idEntrata)).toEqual(['SEGRETERIA']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(3);
  });

  it('answers a bad cursor with a syntax error', async () => {
    const r = await gql(t.baseUrl, '{ domini(after: "bm9wZQ") { nodes { idDominio } } }');
    expect(r.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI', status: 400 });
  });

  it("returns the caller's profile", async () => {
    const r = await gql(t.baseUrl, '{ profilo { nome acl { servizio } } }', {}, basic(IDA2A01));
    expect(r.body.data.profilo.nome).toBe('IDA2A01');
    expect(r.body.data.profilo.acl.map((a: any) => a.servizio)).toContain('PENDENZE');
  });
});

describe('mutations', () => {
  const input = { ragioneSociale: 'Comune Grafico', gln: '8088888000077', stazione: '11111111113_01', abilitato: true, scaricaFr: true };
  const save = ({ id, input }: { id: string; input: Record<string, unknown> }) =>
    gql(
      t.baseUrl,
      `mutation ($input: SalvaDominioInput!) { salvaDominio(input: $input) { created dominio { idDominio ragioneSociale } } }`,
      { input: { ...input, idDominio: id } },
    );

  it('creates, then updates, a dominio', async () => {
    const created = await save({ id: '77777777777', input });
    expect(created.body.data.salvaDominio).toEqual({
      created: true,
      dominio: { idDominio: '77777777777', ragioneSociale: 'Comune Grafico' },
    });
    const updated = await save({ id: '77777777777', input: { ...input, ragioneSociale: 'Comune Grafico 2' } });
    expect(updated.body.data.salvaDominio).toEqual({
      created: false,
      dominio: { idDominio: '77777777777', ragioneSociale: 'Comune Grafico 2' },
    });
  });

  it("puts GovPay's error fields in extensions and changes nothing on bad input", async () => {
    const bad = await save({ id: '77777777777', input: { ...input, gln: '12', ragioneSociale: 'Mai' } });
    expect(bad.body.data).toBeNull();
    expect(bad.body.errors[0].extensions).toMatchObject({ categoria: 'RICHIESTA', codice: 'SINTASSI', status: 400 });
    expect(bad.body.errors[0].extensions.dettaglio).toContain('gln');
    const still = await gql(t.baseUrl, '{ dominio(idDominio: "77777777777") { ragioneSociale } }');
    expect(still.body.data.dominio.ragioneSociale).toBe('Comune Grafico 2');
  });

  it('refuses a mutation to a caller without the right', async () => {
    const r = await gql(
      t.baseUrl,
      'mutation { salvaEntrata(input: { idEntrata: "X", descrizione: "x", tipoContabilita: ALTRO, codiceContabilita: "123" }) { created } }',
      {},
      basic(IDA2A01),
    );
    expect(r.body.errors[0].extensions).toMatchObject({ codice: '403000', status: 403 });
    expect((await gql(t.baseUrl, '{ entrata(idEntrata: "X") { idEntrata } }')).body.errors[0].extensions.codice).toBe('404000');
  });
});

describe('errors and limits', () => {
  it('answers 404 in extensions for an unknown dominio', async () => {
    const r = await gql(t.baseUrl, '{ dominio(idDominio: "99999999999") { idDominio } }');
    expect(r.body.errors[0].extensions).toMatchObject({ categoria: 'OPERAZIONE', codice: '404000', status: 404 });
  });

  it('answers 401 without credentials', async () => {
    const r = await gql(t.baseUrl, '{ profilo { nome } }', {}, null);
    expect(r.status).toBe(401);
    expect(r.body.errors[0].extensions).toMatchObject({ codice: '401000' });
  });

  it('answers 401 with a wrong password', async () => {
    const r = await gql(t.baseUrl, '{ profilo { nome } }', {}, basic({ user: 'gpadmin', password: 'wrong' }));
    expect(r.status).toBe(401);
  });

  it('refuses a query deeper than the limit before running it', async () => {
    const deep =
      '{ dominio(idDominio: "12345678901") { stazione { domini { nodes { stazione { domini { nodes { stazione { domini { nodes { stazione { intermediario { idIntermediario } } } } } } } } } } } } }';
    const r = await gql(t.baseUrl, deep);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses a query costlier than the limit', async () => {
    const costly = '{ domini(first: 500) { nodes { entrate(first: 500) { nodes { idEntrata } } } } }';
    const r = await gql(t.baseUrl, costly);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('answers malformed JSON and malformed queries with 400', async () => {
    const json = await call(t.baseUrl, 'POST', '/graphql', { rawBody: '{"query":', headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(400);
    const query = await gql(t.baseUrl, '{ dominio(idDominio: ');
    expect(query.status).toBe(400);
    expect(query.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('allows introspection outside production by default', async () => {
    const r = await gql(t.baseUrl, '{ __schema { queryType { name } } }');
    expect(r.body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('introspection switched off', () => {
  let closed: TestHub;
  beforeAll(async () => {
    closed = await startHub({ GRAPHQL_INTROSPECTION: 'false', AUTH_HEADER_TRUSTED_PROXIES: '10.0.0.1' });
  });
  afterAll(() => closed.close());

  it('refuses introspection queries', async () => {
    const r = await gql(closed.baseUrl, '{ __schema { queryType { name } } }');
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors[0].message).toMatch(/introspection/i);
  });

  it('refuses header mode from an address that is not a trusted proxy', async () => {
    const r = await call(closed.baseUrl, 'POST', '/graphql', {
      auth: null,
      headers: { 'X-GovPay-Principal': 'gpadmin' },
      body: { query: '{ profilo { nome } }' },
    });
    expect(r.status).toBe(401);
  });
});
