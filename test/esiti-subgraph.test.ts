import { PRINCIPAL_HEADER, type Principal } from '../core/principal';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';
import { nuovaPendenza } from './helpers/fixtures';
import { basic, call, IDA2A01 } from './helpers/http';
import { SECRET, startHub, type TestHub } from './helpers/hub';
import { testRedisUrl } from './helpers/redis';
import { startStandaloneSubgraph, type StandaloneSubgraph } from './helpers/standalone-subgraph';
import { pendenzaEvent, subscriber, untilAnnounced, type Results, type Subscriber } from './helpers/subscriber';
import { until } from './helpers/until';

/**
 * The esiti subgraph as its own process (`npm run start:subgraph esiti`), as a Federation gateway
 * that supports subscriptions would use it: graphql-ws on /esiti/graphql with the signed principal,
 * events from the hub's instances over Redis, each result a reference its owning subgraph resolves.
 */
let hub: TestHub;
let esiti: StandaloneSubgraph;
const open: Subscriber[] = [];
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const ALTRO = '99999999999';
const PENDENZE = 'subscription { pendenzaAggiornata { __typename idA2A idPendenza } }';

const operatore = (o: Partial<Principal> = {}): Principal =>
  ({
    kind: 'operatore',
    id: 'esiti-test',
    principal: 'esiti-test',
    nome: 'esiti-test',
    domini: '*',
    tipiPendenza: '*',
    acl: [{ servizio: 'Pendenze', autorizzazioni: ['R'] }],
    api: { pagamenti: false, pendenze: false, ragioneria: false },
    autenticazione: 'BASIC',
    ...o,
  }) as Principal;

const connect = (connectionParams: Record<string, unknown>) => {
  const s = subscriber(esiti.url.replace(/\/esiti\/graphql$/, ''), { path: '/esiti/graphql', connectionParams });
  open.push(s);
  return s;
};
const as = (p: Principal) => connect({ [PRINCIPAL_HEADER]: hub.hub.signer.tokenFor(p) });

/** Publishes probes until the subscription delivers one: subscribing is asynchronous and the subgraph has no metrics. */
async function untilLive(results: Results, idDominio?: string): Promise<void> {
  let n = 0;
  await until('the subscription live', async () => {
    await hub.hub.events.publish(pendenzaEvent(`PROBE-${++n}`, idDominio));
    await new Promise((resolve) => setTimeout(resolve, 100));
    return results.received.length > 0;
  });
}

/** The next result of this pendenza, past the probes (and other tests' events on the shared Redis). */
async function nextOf(results: Results, idPendenza: string): Promise<any> {
  for (;;) {
    const r = await results.next();
    if (r.data?.pendenzaAggiornata?.idPendenza === idPendenza) return r;
  }
}

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
beforeAll(async () => {
  const REDIS_URL = testRedisUrl();
  hub = await startHub({ REDIS_URL });
  const db = hub.hub.config.database;
  const DATABASE_URL = db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url;
  esiti = await startStandaloneSubgraph('esiti', { DATABASE_URL, REDIS_URL, INTERNAL_PRINCIPAL_SECRET: SECRET });
  await untilAnnounced(hub);
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await esiti?.stop();
  await hub?.close();
});

it("delivers a pendenza's change as a reference the pendenze subgraph resolves", async () => {
  const results = as(operatore()).subscribe(PENDENZE);
  await untilLive(results);
  const put = await call(hub.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/ESITI-1`, { auth: basic(IDA2A01), body: nuovaPendenza('ESITI-1') });
  expect(put.status).toBe(201);
  const { data } = await nextOf(results, 'ESITI-1');
  expect(data.pendenzaAggiornata).toEqual({ __typename: 'Pendenza', idA2A: 'IDA2A01', idPendenza: 'ESITI-1' });

  // What a Federation gateway does next: the owning subgraph completes the reference.
  const entities = await fetch(hub.subgraphUrl.replace(/anagrafica\/graphql$/, 'pendenze/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PRINCIPAL_HEADER]: hub.hub.signer.tokenFor(operatore()) },
    body: JSON.stringify({
      query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pendenza { idPendenza stato } } }',
      variables: { r: [data.pendenzaAggiornata] },
    }),
  });
  expect(((await entities.json()) as any).data._entities).toEqual([{ idPendenza: 'ESITI-1', stato: 'NON_ESEGUITA' }]);
});

it("filters by the subscriber's arguments and the principal's domini, as the hub's own subscriptions do", async () => {
  const byArgument = as(operatore()).subscribe(`subscription { pendenzaAggiornata(idDominio: "${ALTRO}") { idPendenza } }`);
  const byScope = as(operatore({ domini: [ALTRO] })).subscribe(PENDENZE);
  await untilLive(byArgument, ALTRO);
  await untilLive(byScope, ALTRO);
  await hub.hub.events.publish(pendenzaEvent('ESITI-NOT-THEIRS'));
  await hub.hub.events.publish(pendenzaEvent('ESITI-THEIRS', ALTRO));
  for (const results of [byArgument, byScope]) {
    const past = results.received.length;
    expect((await nextOf(results, 'ESITI-THEIRS')).data.pendenzaAggiornata.idPendenza).toBe('ESITI-THEIRS');
    const ids = results.received.slice(past).map((r) => r.data.pendenzaAggiornata.idPendenza);
    expect(ids).not.toContain('ESITI-NOT-THEIRS');
  }
});

it("refuses a subscriber without the right, with GovPay's error", async () => {
  const results = as(operatore({ acl: [{ servizio: 'Anagrafica Creditore', autorizzazioni: ['R'] }] })).subscribe(PENDENZE);
  const { errors } = await Promise.race([results.next(), results.error.then((e) => ({ errors: e as any[] }))]);
  expect(errors[0].extensions).toMatchObject({ status: 403, codice: '403000' });
});

it('closes a socket without a principal the gateway signed (4401)', async () => {
  expect(await connect({}).closed).toMatchObject({ code: 4401 });
  expect(await connect({ [PRINCIPAL_HEADER]: 'not-a-token' }).closed).toMatchObject({ code: 4401 });
});
