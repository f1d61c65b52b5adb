import pino from 'pino';
import { PRINCIPAL_HEADER } from '../core/principal';
import { basic, BO, call, gql, GPADMIN, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/**
 * A real database outage under a running hub (its ORM closed): authentication answers 503, not
 * 401; /ready says the database is unreachable without its words; REST, the graph and the
 * subgraph endpoint answer GovPay's generic fault naming a reference, and the detail is only in
 * the log under that reference.
 */
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const REFERENCE = /^Errore interno \(riferimento ([0-9a-f-]{36})\)\.$/;
const logged: Record<string, unknown>[] = [];
let t: TestHub;

beforeAll(async () => {
  const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
  t = await startHub({ TRACCIATI_WORKER: 'false', OUTBOX_WORKER: 'false' }, log);
  // IDA2A01 is authenticated (and remembered) before the outage; gpadmin is not.
  expect((await call(t.baseUrl, 'GET', `${PV2}/profilo`, { auth: basic(IDA2A01) })).status).toBe(200);
  await t.hub.orm.close(true);
});
afterAll(() => t.close());

/** The in-process pendenze subgraph's own HTTP endpoint. */
const subgraphUrl = () => t.subgraphUrl.replace('/anagrafica/', '/pendenze/');

/** The log line carrying `reference`, which must hold the failure's own detail. */
function loggedUnder(reference: string): Record<string, unknown> {
  const line = logged.find((l) => l.reference === reference);
  expect(line).toMatchObject({ level: 50, err: { message: expect.any(String) } });
  return line!;
}

it('answers authentication during the outage with 503, not 401, on REST and the graph', async () => {
  const rest = await call(t.baseUrl, 'GET', `${BO}/profilo`, { auth: basic(GPADMIN) });
  expect(rest.status).toBe(503);
  expect(rest.body).toEqual({
    categoria: 'INTERNO',
    codice: '503000',
    descrizione: 'Servizio non disponibile',
    dettaglio: "Impossibile verificare le credenziali in questo momento: riprovare piu' tardi.",
  });
  const graph = await gql(t.baseUrl, '{ profilo { nome } }', {}, basic(GPADMIN));
  expect(graph.status).toBe(503);
  expect(graph.body.errors[0].extensions).toMatchObject({ codice: '503000', status: 503 });
  expect(logged.some((l) => l.msg === 'authentication failed: the database could not be asked' && l.err)).toBe(true);
});

it('says /ready is not ready without echoing the database', async () => {
  const r = await call(t.baseUrl, 'GET', '/ready', { auth: null });
  expect(r.status).toBe(503);
  expect(r.body).toEqual({ status: 'NOT_READY', reason: 'database unreachable' });
});

it('answers a REST call that fails inside with the generic fault and a reference to the log', async () => {
  const r = await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/ANY`, { auth: basic(IDA2A01) });
  expect(r.status).toBe(500);
  expect(Object.keys(r.body).sort()).toEqual(['categoria', 'codice', 'descrizione', 'dettaglio']);
  expect(r.body).toMatchObject({ categoria: 'INTERNO', codice: '500000', descrizione: 'Errore interno' });
  const [, reference] = REFERENCE.exec(r.body.dettaglio)!;
  loggedUnder(reference);
});

it('answers the graph and the subgraph endpoint the same way', async () => {
  const graph = await gql(t.baseUrl, '{ pendenza(idA2A: "IDA2A01", idPendenza: "ANY") { stato } }', {}, basic(IDA2A01));
  expect(graph.body.errors).toHaveLength(1);
  expect(graph.body.errors[0].extensions).toMatchObject({ categoria: 'INTERNO', codice: '500000', status: 500 });
  loggedUnder(REFERENCE.exec(graph.body.errors[0].extensions.dettaglio)![1]);

  const principal = t.hub.signer.tokenFor({
    kind: 'operatore',
    id: 'gpadmin',
    principal: 'gpadmin',
    nome: 'gpadmin',
    domini: '*',
    tipiPendenza: '*',
    acl: [{ servizio: 'Pendenze', autorizzazioni: ['R'] }],
    api: { pagamenti: false, pendenze: false, ragioneria: false },
    autenticazione: 'BASIC',
  });
  const res = await fetch(subgraphUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PRINCIPAL_HEADER]: principal },
    body: JSON.stringify({ query: '{ pendenza(idA2A: "IDA2A01", idPendenza: "ANY") { stato } }' }),
  });
  const body = (await res.json()) as any;
  expect(body.errors[0].message).toMatch(REFERENCE);
  expect(body.errors[0].extensions).toMatchObject({ codice: '500000', categoria: 'INTERNO' });
  loggedUnder(REFERENCE.exec(body.errors[0].message)![1]);
});

it('tells a subgraph caller what is wrong with its own request, and nothing internal', async () => {
  const res = await fetch(subgraphUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
  expect(res.status).toBe(400);
  expect(((await res.json()) as any).errors[0].message).toMatch(/JSON/);
});
