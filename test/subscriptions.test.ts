import { readFileSync } from 'node:fs';
import { subscriptionSchema } from '../gateway/subscriptions/schema';
import { TOPICS } from '../subgraphs/esiti/services';
import { projectRoot } from '../core/project-root';
import { Supergraph } from '@apollo/federation-internals';
import { composeSubgraphs, readSupergraph, subgraphSdlPath } from '../schema/supergraph';
import { SUBGRAPHS } from '../subgraphs/registry';
import type { HubEvent } from '../core/events';
import { basic, BO, call, GPADMIN, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza, nuovoDominio } from './helpers/fixtures';
import { pendenzaEvent, subscriber, untilAnnounced, untilSubscriptions, type Subscriber } from './helpers/subscriber';

/**
 * Live esiti over graphql-ws on /graphql: real WebSocket clients, events published on the hub's
 * bus for pendenze created through the API, each resolved through the graph for the subscriber.
 */
let t: TestHub;
const open: Subscriber[] = [];
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const ALTRO = '01234567890';

const connect = (o: Parameters<typeof subscriber>[1]) => {
  const s = subscriber(t.baseUrl, o);
  open.push(s);
  return s;
};
const asUser = (user: string, password: string) => connect({ connectionParams: { authorization: basic({ user, password }) } });
const publish = (e: HubEvent) => t.hub.events.publish(e);
const backoffice = (path: string, body: unknown) => call(t.baseUrl, 'PUT', `${BO}${path}`, { body });

/** The subscription of the README. */
const README_SUBSCRIPTION = `subscription {
  pendenzaAggiornata(idDominio: "12345678901") { idPendenza stato importo dominio { ragioneSociale } }
}`;
const ALL = 'subscription { pendenzaAggiornata { idPendenza } }';

beforeAll(async () => {
  t = await startHub({ GRAPHQL_MAX_DEPTH: '4' });
  expect((await backoffice(`/domini/${ALTRO}`, nuovoDominio)).status).toBe(201);
  expect(
    (await backoffice(`/domini/${ALTRO}/contiAccredito/IT60X0542811101000000123456`, { postale: false, bic: 'BPPIITRR' })).status,
  ).toBe(201);
  expect((await backoffice(`/domini/${ALTRO}/entrate/SEGRETERIA`, { ibanAccredito: 'IT60X0542811101000000123456' })).status).toBe(201);
  expect((await backoffice(`/domini/${ALTRO}/tipiPendenza/LIBERO`, { codificaIUV: '7' })).status).toBe(201);
  const readsPendenze = [{ servizio: 'Pendenze', autorizzazioni: ['R'] }];
  const operatori = {
    'solo-libero': { domini: ['12345678901'], tipiPendenza: ['LIBERO'], acl: readsPendenze },
    'solo-altro': { domini: [ALTRO], tipiPendenza: [], acl: readsPendenze },
    'senza-pendenze': { domini: ['12345678901'], tipiPendenza: [], acl: [{ servizio: 'Anagrafica Creditore', autorizzazioni: ['R'] }] },
  };
  for (const [principal, o] of Object.entries(operatori)) {
    expect((await backoffice(`/operatori/${principal}`, { ragioneSociale: principal, password: 'Operatore1', ...o })).status).toBe(201);
  }
  expect(
    (
      await backoffice('/applicazioni/ALTRA', {
        principal: 'altra',
        password: 'Password1!',
        codificaAvvisi: { codificaIuv: '02', generazioneIuvInterna: true },
        domini: ['12345678901'],
        tipiPendenza: ['SEGRETERIA'],
        acl: [{ servizio: 'Pendenze', autorizzazioni: ['R', 'W'] }],
        apiPendenze: true,
      })
    ).status,
  ).toBe(201);

  expect(
    (
      await backoffice('/applicazioni/SPENTA', {
        principal: 'spenta',
        password: 'Password1!',
        domini: ['*'],
        tipiPendenza: ['*'],
        abilitato: false,
      })
    ).status,
  ).toBe(201);

  const load = async (idA2A: string, auth: string, id: string, over: Record<string, unknown> = {}) => {
    const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/${idA2A}/${id}`, { auth, body: nuovaPendenza(id, over) });
    if (r.status !== 201) throw new Error(`${id}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  await load('IDA2A01', basic(IDA2A01), 'S1');
  await load('IDA2A01', basic(IDA2A01), 'L1', { idTipoPendenza: 'LIBERO' });
  await load('IDA2A01', basic(IDA2A01), 'A1', { idDominio: ALTRO, idTipoPendenza: 'LIBERO' });
  await load('ALTRA', basic({ user: 'altra', password: 'Password1!' }), 'X1');
  await untilAnnounced(t);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
  await untilSubscriptions(t, 0);
});
afterAll(() => t.close());

const S1 = () => pendenzaEvent('S1');
const L1 = () => pendenzaEvent('L1', '12345678901', 'LIBERO');
const A1 = () => pendenzaEvent('A1', ALTRO, 'LIBERO');
const X1 = () => pendenzaEvent('X1', '12345678901', 'SEGRETERIA', 'ALTRA');

it("delivers the README's subscription, Basic in connection_init, with a federated field", async () => {
  const s = asUser(IDA2A01.user, IDA2A01.password).subscribe(README_SUBSCRIPTION);
  await untilSubscriptions(t, 1);
  await publish(S1());
  expect(await s.next()).toEqual({
    data: {
      pendenzaAggiornata: {
        idPendenza: 'S1',
        stato: 'NON_ESEGUITA',
        importo: '100.99',
        dominio: { ragioneSociale: 'Ente Creditore Test' },
      },
    },
  });
});

it("keeps the subscriber's aliases, fragments and variables", async () => {
  const s = asUser(IDA2A01.user, IDA2A01.password).subscribe(
    `subscription ($d: String, $lingua: LinguaSecondaria) {
       evento: pendenzaAggiornata(idDominio: $d) { ...P ente: dominio { nome: ragioneSociale } pdf: avvisoPdf(linguaSecondaria: $lingua) }
     }
     fragment P on Pendenza { id: idPendenza tipoPendenza { idTipoPendenza } }`,
    { d: '12345678901', lingua: 'DE' },
  );
  await untilSubscriptions(t, 1);
  await publish(S1());
  const { data } = await s.next();
  expect(data.evento).toMatchObject({ id: 'S1', tipoPendenza: { idTipoPendenza: 'SEGRETERIA' }, ente: { nome: 'Ente Creditore Test' } });
  expect(Buffer.from(data.evento.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
});

it('filters by idDominio and idA2A', async () => {
  const c = asUser(GPADMIN.user, GPADMIN.password);
  const byDominio = c.subscribe(`subscription { pendenzaAggiornata(idDominio: "${ALTRO}") { idPendenza } }`);
  const byA2A = c.subscribe('subscription { pendenzaAggiornata(idA2A: "ALTRA") { idPendenza } }');
  const both = c.subscribe('subscription { pendenzaAggiornata(idDominio: "12345678901", idA2A: "IDA2A01") { idPendenza } }');
  await untilSubscriptions(t, 3);
  for (const e of [S1(), A1(), X1()]) await publish(e);
  expect(await byDominio.next()).toEqual({ data: { pendenzaAggiornata: { idPendenza: 'A1' } } });
  expect(await byA2A.next()).toEqual({ data: { pendenzaAggiornata: { idPendenza: 'X1' } } });
  expect(await both.next()).toEqual({ data: { pendenzaAggiornata: { idPendenza: 'S1' } } });
  await publish(L1());
  expect(await both.next()).toEqual({ data: { pendenzaAggiornata: { idPendenza: 'L1' } } });
  expect(byDominio.received).toHaveLength(1);
  expect(byA2A.received).toHaveLength(1);
});

it("delivers only events of the subscriber's domini and tipi pendenza", async () => {
  const everything = asUser(IDA2A01.user, IDA2A01.password).subscribe(ALL);
  const libero = asUser('solo-libero', 'Operatore1').subscribe(ALL);
  const altro = asUser('solo-altro', 'Operatore1').subscribe(ALL);
  await untilSubscriptions(t, 3);
  for (const e of [S1(), L1(), A1()]) await publish(e);
  const ids = async (s: typeof everything, n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((await s.next()).data.pendenzaAggiornata.idPendenza);
    return out;
  };
  expect(await ids(everything, 3)).toEqual(['S1', 'L1', 'A1']);
  // Each restricted subscriber's first result is the first event it may see: the earlier ones were dropped.
  expect(await ids(libero, 1)).toEqual(['L1']);
  expect(await ids(altro, 1)).toEqual(['A1']);
  await publish(S1());
  expect(await ids(everything, 1)).toEqual(['S1']);
  expect(libero.received).toHaveLength(1);
  expect(altro.received).toHaveLength(1);
});

it("refuses the subscription to a caller without the ACL's read right on Pendenze", async () => {
  const s = asUser('senza-pendenze', 'Operatore1').subscribe(ALL);
  const result = await s.next();
  expect(result.errors[0].extensions).toMatchObject({ codice: '403000', status: 403 });
  await untilSubscriptions(t, 0);
});

it('drops an event the graph refuses to read for the subscriber (a pendenza that does not exist)', async () => {
  const s = asUser(IDA2A01.user, IDA2A01.password).subscribe(ALL);
  await untilSubscriptions(t, 1);
  await publish(pendenzaEvent('NESSUNA'));
  await publish(S1());
  expect(await s.next()).toEqual({ data: { pendenzaAggiornata: { idPendenza: 'S1' } } });
});

it('ignores events of an unknown version', async () => {
  const s = asUser(IDA2A01.user, IDA2A01.password).subscribe(ALL);
  await untilSubscriptions(t, 1);
  await publish({ ...pendenzaEvent('L1'), v: 2 } as unknown as HubEvent);
  await publish(S1());
  expect(await s.next()).toEqual({ data: { pendenzaAggiornata: { idPendenza: 'S1' } } });
  expect(s.received).toHaveLength(1);
});

describe('authentication', () => {
  it.each([
    ['wrong credentials', { connectionParams: { authorization: basic({ user: 'IDA2A01', password: 'sbagliata' }) } }],
    ['no credentials', {}],
    ['an Authorization header that is not Basic', { headers: { authorization: 'Bearer abc' } }],
  ])('closes the connection with 4401 on %s, subscribing nothing', async (_what, o) => {
    const c = connect(o);
    const s = c.subscribe(ALL);
    const closed = await c.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/Utenza non autenticata/);
    await publish(S1());
    await untilSubscriptions(t, 0);
    expect(s.received).toEqual([]);
  });

  it('closes the connection with 4403 for a disabled applicazione', async () => {
    const c = asUser('spenta', 'Password1!');
    const s = c.subscribe(ALL);
    expect(await c.closed).toEqual({ code: 4403, reason: 'Operazione non autorizzata: Applicazione [SPENTA] disabilitata.' });
    expect(s.received).toEqual([]);
  });

  it("accepts Basic credentials on the upgrade request's Authorization header", async () => {
    const s = connect({ headers: { authorization: basic(IDA2A01) } }).subscribe(ALL);
    await untilSubscriptions(t, 1);
    await publish(S1());
    expect(await s.next()).toEqual({ data: { pendenzaAggiornata: { idPendenza: 'S1' } } });
  });

  it("accepts the trusted proxy's principal header", async () => {
    const s = connect({ headers: { 'x-govpay-principal': 'gpadmin' } }).subscribe(ALL);
    await untilSubscriptions(t, 1);
    await publish(X1());
    expect(await s.next()).toEqual({ data: { pendenzaAggiornata: { idPendenza: 'X1' } } });
  });
});

describe('documents', () => {
  const refused = async (query: string) => {
    const s = asUser(IDA2A01.user, IDA2A01.password).subscribe(query);
    return s.error;
  };

  it('refuses a document over the depth limit, as the HTTP endpoint does', async () => {
    const deep = 'subscription { pendenzaAggiornata { dominio { unitaOperative { nodes { ragioneSociale } } } } }';
    const [e] = (await refused(deep)) as any[];
    expect(e).toMatchObject({ message: 'Query depth 5 exceeds the limit of 4.', extensions: { code: 'QUERY_TOO_DEEP' } });
    const http = await call(t.baseUrl, 'POST', '/graphql', {
      auth: basic(IDA2A01),
      body: { query: '{ pendenza(idA2A: "IDA2A01", idPendenza: "S1") { dominio { unitaOperative { nodes { ragioneSociale } } } } }' },
    });
    expect(http.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses an invalid document and queries over WebSocket, with a clear error', async () => {
    const [invalid] = (await refused('subscription { pendenzaAggiornata { nonEsiste } }')) as any[];
    expect(invalid.message).toBe('Cannot query field "nonEsiste" on type "Pendenza".');
    const [query] = (await refused('{ pendenza(idA2A: "IDA2A01", idPendenza: "S1") { stato } }')) as any[];
    expect(query.message).toMatch(/Only subscriptions are served over WebSocket/);
    const [syntax] = (await refused('subscription {')) as any[];
    expect(syntax.message).toMatch(/Syntax Error/);
    expect(await untilSubscriptions(t, 0)).toBeUndefined();
  });
});

it('tells an HTTP POST of a subscription to use graphql-ws, and serves queries beside it', async () => {
  const r = await call(t.baseUrl, 'POST', '/graphql', { auth: basic(IDA2A01), body: { query: ALL } });
  expect(r.status).toBe(400);
  expect(r.body.errors[0]).toMatchObject({
    message: expect.stringMatching(/served over WebSocket \(graphql-ws\)/),
    extensions: { code: 'BAD_REQUEST' },
  });
  const q = await call(t.baseUrl, 'POST', '/graphql', {
    auth: basic(GPADMIN),
    body: { query: '{ dominio(idDominio: "12345678901") { ragioneSociale } }' },
  });
  expect(q.body).toEqual({ data: { dominio: { ragioneSociale: 'Ente Creditore Test' } } });
});

describe('the subscription schema', () => {
  const sdl = (name: string) => readFileSync(subgraphSdlPath(projectRoot(), name), 'utf8');
  const build = (sdls: Record<string, string>) =>
    subscriptionSchema(composeSubgraphs(sdls), TOPICS, t.hub.events, undefined as never, 1000, t.hub.log);

  it("is the supergraph's Subscription, which the esiti subgraph describes, one field per topic", () => {
    const subscription = Supergraph.build(readSupergraph(projectRoot())).apiSchema().toGraphQLJSSchema().getSubscriptionType()!;
    const fields = Object.values(subscription.getFields());
    expect(fields.map((f) => f.name)).toEqual(TOPICS.map((x) => x.field));
    for (const [i, topic] of TOPICS.entries()) {
      expect(String(fields[i].type)).toBe(`${topic.type}!`);
      expect(fields[i].description).toBe(topic.description);
      expect(fields[i].args.map((a) => `${a.name}: ${a.type}`)).toEqual(Object.entries(topic.args).map(([n, a]) => `${n}: ${a.type}`));
    }
    const { topics } = build(Object.fromEntries(Object.keys(SUBGRAPHS).map((name) => [name, sdl(name)])));
    expect(topics).toEqual(TOPICS);
  });

  it('makes live only the topics whose query field the supergraph has', () => {
    const { schema, topics } = build({ anagrafica: sdl('anagrafica'), pendenze: sdl('pendenze'), esiti: sdl('esiti') });
    expect(topics.map((x) => x.field)).toEqual(['pendenzaAggiornata']);
    expect(schema.getSubscriptionType()!.getFields().pendenzaAggiornata.subscribe).toBeDefined();
    expect(schema.getSubscriptionType()!.getFields().ricevutaRegistrata.subscribe).toBeUndefined();
  });
});
