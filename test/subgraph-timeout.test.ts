import type { Socket } from 'node:net';
import { basic, call, closeServer, gql, IDA2A01, localServer } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/**
 * A remote subgraph that accepts connections and never answers: the gateway gives up after
 * SUBGRAPH_TIMEOUT_MS with a clear error (graph and REST alike), instead of holding the request forever.
 */
let t: TestHub;
let hung: Awaited<ReturnType<typeof localServer>>;
const held: Socket[] = [];
const app = basic(IDA2A01);
const TIMEOUT_MS = 600;

beforeAll(async () => {
  hung = await localServer();
  hung.server.on('connection', (socket) => held.push(socket));
  hung.server.on('request', () => undefined);
  t = await startHub({ SUBGRAPH_PAGAMENTI_URL: `${hung.base}/pagamenti/graphql`, SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) });
});
afterAll(async () => {
  await t.close();
  await closeServer(hung.server);
});

it('answers the graph with a 504 fault once the subgraph has had its time', async () => {
  const started = Date.now();
  const r = await gql(t.baseUrl, '{ rpps { nodes { iuv } } }', {}, app);
  const elapsed = Date.now() - started;
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors[0].extensions).toEqual({
    code: '504000',
    status: 504,
    categoria: 'INTERNO',
    codice: '504000',
    descrizione: 'Servizio non disponibile',
    dettaglio: `Un servizio interno non ha risposto entro ${TIMEOUT_MS} ms.`,
  });
  expect(JSON.stringify(r.body)).not.toContain(hung.base.replace('http://', ''));
  expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
  expect(elapsed).toBeLessThan(TIMEOUT_MS + 1500);
  expect(held.length).toBeGreaterThanOrEqual(1);
});

it('answers REST with the same fault and status, and the hub keeps serving what it holds itself', async () => {
  const started = Date.now();
  const r = await call(t.baseUrl, 'GET', '/govpay/backend/api/pendenze/rs/basic/v2/rpp', { auth: app });
  expect(r.status).toBe(504);
  expect(r.body).toEqual({
    categoria: 'INTERNO',
    codice: '504000',
    descrizione: 'Servizio non disponibile',
    dettaglio: `Un servizio interno non ha risposto entro ${TIMEOUT_MS} ms.`,
  });
  expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
  const local = await gql(t.baseUrl, '{ profilo { nome } }', {}, app);
  expect(local.body.data.profilo.nome).toBe('IDA2A01');
});
