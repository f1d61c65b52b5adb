import { toGlobalKeyId } from '../core/global-id';
import { basic, call, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { subscriber, type Subscriber } from './helpers/subscriber';

/**
 * The graph's cost, alias and token limits against the bypasses seen on the running hub: a `first`
 * passed as a variable, `nodes` inside a fragment, aliases, PDFs priced as plain fields. Each is
 * refused with 400 before anything runs (no `data`, no PDF rendered); an ordinary portal query passes.
 */
let t: TestHub;
const app = basic(IDA2A01);
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const LOADED = 30;
const open: Subscriber[] = [];

beforeAll(async () => {
  t = await startHub();
  for (let i = 1; i <= LOADED; i++) {
    const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/COST-${i}`, { auth: app, body: nuovaPendenza(`COST-${i}`) });
    expect(r.status).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await t.close();
});

/** Refused before running: 400, the limit's code, no data at all, and quickly (no PDF was rendered). */
async function expectRefused(query: string, variables: Record<string, unknown>, code: string) {
  const started = Date.now();
  const r = await gql(t.baseUrl, query, variables, app);
  expect({ status: r.status, code: r.body.errors?.[0]?.extensions?.code, data: r.body.data }).toEqual({
    status: 400,
    code,
    data: undefined,
  });
  expect(Date.now() - started).toBeLessThan(1000);
  return r.body.errors[0].message as string;
}

it('counts a `first` passed as a variable at its value', async () => {
  const message = await expectRefused('query ($n: Int) { pendenze(first: $n) { nodes { avvisoPdf } } }', { n: 5000 }, 'QUERY_TOO_COSTLY');
  expect(message).toMatch(/^Query cost \d+ exceeds the limit of 5000\.$/);
  await expectRefused(
    'query ($n: Int) { pendenze(first: $n) { nodes { idPendenza causale importo stato } } }',
    { n: 5000 },
    'QUERY_TOO_COSTLY',
  );
});

it('counts `nodes` inside a fragment once per element of the page', async () => {
  await expectRefused(
    '{ pendenze(first: 5000) { ...Page } } fragment Page on PendenzaConnection { nodes { idPendenza causale importo } }',
    {},
    'QUERY_TOO_COSTLY',
  );
  await expectRefused('{ pendenze(first: 5000) { ... on PendenzaConnection { nodes { idPendenza } } } }', {}, 'QUERY_TOO_COSTLY');
});

it('limits aliases: 12 aliases of a page of 199 are refused, and aliases count toward the cost', async () => {
  const aliased = Array.from({ length: 12 }, (_, i) => `p${i}: pendenze(first: 199) { nodes { idPendenza } }`).join(' ');
  const message = await expectRefused(`{ ${aliased} }`, {}, 'TOO_MANY_ALIASES');
  expect(message).toBe('Aliases limit of 10 exceeded, found 12.');
  const inFragment = Array.from({ length: 11 }, (_, i) => `a${i}: idPendenza`).join(' ');
  await expectRefused(`{ pendenze(first: 1) { nodes { ...F } } } fragment F on Pendenza { ${inFragment} }`, {}, 'TOO_MANY_ALIASES');
  const costly = Array.from({ length: 8 }, (_, i) => `p${i}: pendenze(first: 199) { nodes { idPendenza causale importo } }`).join(' ');
  await expectRefused(`{ ${costly} }`, {}, 'QUERY_TOO_COSTLY');
});

it('prices a PDF as hundreds of fields: a page of avvisi is refused, one avviso is served', async () => {
  await expectRefused(`{ pendenze(first: ${LOADED}) { nodes { avvisoPdf } } }`, {}, 'QUERY_TOO_COSTLY');
  await expectRefused(
    '{ documentoAvvisiPdf(idDominio: "12345678901", numeroDocumento: "D1") a: documentoAvvisiPdf(idDominio: "12345678901", numeroDocumento: "D2") b: documentoAvvisiPdf(idDominio: "12345678901", numeroDocumento: "D3") c: documentoAvvisiPdf(idDominio: "12345678901", numeroDocumento: "D4") d: documentoAvvisiPdf(idDominio: "12345678901", numeroDocumento: "D5") e: documentoAvvisiPdf(idDominio: "12345678901", numeroDocumento: "D6") }',
    {},
    'QUERY_TOO_COSTLY',
  );
  const one = await gql(t.baseUrl, '{ pendenza(idA2A: "IDA2A01", idPendenza: "COST-1") { avvisoPdf } }', {}, app);
  expect(one.status).toBe(200);
  expect(Buffer.from(one.body.data.pendenza.avvisoPdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
});

it('prices nodes(ids:) once per id: 30 avvisi by id are refused as a page of them is', async () => {
  const ids = Array.from({ length: LOADED }, (_, i) => toGlobalKeyId('Pendenza', ['IDA2A01', `COST-${i + 1}`]));
  await expectRefused('query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Pendenza { avvisoPdf } } }', { ids }, 'QUERY_TOO_COSTLY');
});

it('refuses a document of more tokens than the limit before parsing it whole', async () => {
  const long = `{ profilo { ${'nome '.repeat(2100)} } }`;
  const message = await expectRefused(long, {}, 'GRAPHQL_PARSE_FAILED');
  // graphql-js's own wording ("more that").
  expect(message).toMatch(/^Syntax Error: Document contains more tha[nt] 2000 tokens\. Parsing aborted\.$/);
});

it("passes an ordinary portal query: a page of a citizen's pendenze with their voci and dominio", async () => {
  const r = await gql(
    t.baseUrl,
    `query Pendenze($first: Int, $filter: PendenzaFilter) {
      pendenze(first: $first, filter: $filter, withCount: true) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { ...Riga dominio { ragioneSociale } voci { indice importo descrizione stato } }
      }
    }
    fragment Riga on Pendenza { idA2A idPendenza stato causale importo dataScadenza numeroAvviso }`,
    { first: 25, filter: { idDominio: '12345678901' } },
    app,
  );
  expect(r.status).toBe(200);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.pendenze.totalCount).toBe(LOADED);
  expect(r.body.data.pendenze.nodes).toHaveLength(25);
  expect(r.body.data.pendenze.nodes[0].dominio.ragioneSociale).toBe('Ente Creditore Test');
});

it('holds subscription documents to the same alias and token limits', async () => {
  const s = subscriber(t.baseUrl, { connectionParams: { authorization: app } });
  open.push(s);
  const aliases = Array.from({ length: 11 }, (_, i) => `a${i}: idPendenza`).join(' ');
  const [tooMany] = (await s.subscribe(`subscription { pendenzaAggiornata { ${aliases} } }`).error) as any[];
  expect(tooMany).toMatchObject({ message: 'Aliases limit of 10 exceeded, found 11.', extensions: { code: 'TOO_MANY_ALIASES' } });
  const [tooLong] = (await s.subscribe(`subscription { pendenzaAggiornata { ${'idPendenza '.repeat(2100)} } }`).error) as any[];
  expect(tooLong.message).toMatch(/^Syntax Error: Document contains more tha[nt] 2000 tokens\. Parsing aborted\.$/);
});
