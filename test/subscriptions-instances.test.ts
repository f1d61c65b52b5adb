import { Redis } from 'ioredis';
import { EVENTS_CHANNEL } from '../core/event-bus';
import { basic, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { testRedisUrl } from './helpers/redis';
import { pendenzaEvent, subscriber, untilAnnounced, untilSubscriptions, type Subscriber } from './helpers/subscriber';

/**
 * Two hubs on one database behind a load balancer, their events over a real Redis: a subscriber
 * connected to one instance receives what the other publishes.
 */
let a: TestHub;
let b: TestHub;
let raw: Redis;
const open: Subscriber[] = [];
const SELECTION = 'subscription { pendenzaAggiornata(idA2A: "IDA2A01") { idPendenza stato dominio { ragioneSociale } } }';
const databaseUrl = (t: TestHub) => {
  const db = t.hub.config.database;
  return db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url;
};
const subscribeOn = (t: TestHub) => {
  const s = subscriber(t.baseUrl, { connectionParams: { authorization: basic(IDA2A01) } });
  open.push(s);
  return s.subscribe(SELECTION);
};

beforeAll(async () => {
  const REDIS_URL = testRedisUrl();
  a = await startHub({ REDIS_URL });
  b = await startHub({ REDIS_URL, DATABASE_URL: databaseUrl(a) });
  raw = new Redis(REDIS_URL);
  for (const id of ['M1', 'M2']) {
    const r = await call(b.baseUrl, 'PUT', `/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/${id}`, {
      auth: basic(IDA2A01),
      body: nuovaPendenza(id),
    });
    expect(r.status).toBe(201);
  }
  await untilAnnounced(a);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
  await untilSubscriptions(a, 0);
});
afterAll(async () => {
  raw?.disconnect();
  await b?.close();
  await a?.close();
});

const expected = {
  data: { pendenzaAggiornata: { idPendenza: 'M1', stato: 'NON_ESEGUITA', dominio: { ragioneSociale: 'Ente Creditore Test' } } },
};

it('delivers on instance A an event published on instance B', async () => {
  const onA = subscribeOn(a);
  const onB = subscribeOn(b);
  await untilSubscriptions(a, 1);
  await untilSubscriptions(b, 1);
  await b.hub.events.publish(pendenzaEvent('M1'));
  expect(await onA.next()).toEqual(expected);
  expect(await onB.next()).toEqual(expected);
});

it('ignores, on every instance, messages of an unknown version or not JSON', async () => {
  const onA = subscribeOn(a);
  await untilSubscriptions(a, 1);
  await raw.publish(EVENTS_CHANNEL, JSON.stringify({ ...pendenzaEvent('M1'), v: 2 }));
  await raw.publish(EVENTS_CHANNEL, 'not json');
  await raw.publish(EVENTS_CHANNEL, JSON.stringify(pendenzaEvent('M2')));
  expect((await onA.next()).data.pendenzaAggiornata.idPendenza).toBe('M2');
  expect(onA.received).toHaveLength(1);
});

it('refuses to start with a REDIS_URL nobody answers on, saying so', async () => {
  await expect(startHub({ REDIS_URL: 'redis://127.0.0.1:1', DATABASE_URL: databaseUrl(a) })).rejects.toThrow(
    'REDIS_URL redis://127.0.0.1:1 is not reachable: connect ECONNREFUSED 127.0.0.1:1',
  );
});
