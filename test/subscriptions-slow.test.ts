import { nuovaPendenza } from './helpers/fixtures';
import { basic, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { subscribeRaw, upgrade, type RawSubscription } from './helpers/raw-subscriber';
import { pendenzaEvent, untilAnnounced, untilSubscriptions } from './helpers/subscriber';
import { until } from './helpers/until';

/**
 * A subscriber that stops reading its socket (issue 10, item 10): once TCP's buffers are full the
 * gateway keeps at most SUBSCRIPTION_MAX_PENDING of its events waiting and drops the OLDEST, so
 * when it reads again it gets the latest state; a subscriber reading at pace loses nothing.
 */
const MAX_PENDING = 5;
const BIG = 'BIG';
const SMALL = Array.from({ length: 10 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
const QUERY = 'subscription { pendenzaAggiornata { idPendenza datiAllegati } }';

let t: TestHub;
beforeAll(async () => {
  t = await startHub({ SUBSCRIPTION_MAX_PENDING: String(MAX_PENDING) });
  const put = (id: string, over: Record<string, unknown> = {}) =>
    call(t.baseUrl, 'PUT', `/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/${id}`, {
      auth: basic(IDA2A01),
      body: nuovaPendenza(id, over),
    });
  // 300 KB per result: a dozen fill the kernel's and ws's buffers of a socket nobody reads.
  expect((await put(BIG, { datiAllegati: { blob: 'x'.repeat(300_000) } })).status).toBe(201);
  for (const id of SMALL) expect((await put(id)).status).toBe(201);
  await untilAnnounced(t);
});
afterAll(() => t?.close());

const ids = (s: RawSubscription) => s.results.map((r) => r.data.pendenzaAggiornata.idPendenza as string);

async function open(): Promise<RawSubscription> {
  const outcome = await upgrade(t.baseUrl);
  if (!outcome.opened) throw new Error(`upgrade refused with ${outcome.status}`);
  return subscribeRaw(outcome.socket, QUERY);
}

it('keeps the newest events for a subscriber that stopped reading, the oldest dropped', async () => {
  const reading = await open();
  const stalled = await open();
  await untilSubscriptions(t, 2);
  stalled.socket.pause();

  // Events at the pace of the subscriber that reads: it never has more than one waiting.
  const published = [...Array<string>(40).fill(BIG), ...SMALL];
  for (const [i, id] of published.entries()) {
    await t.hub.events.publish(pendenzaEvent(id));
    await until(`event ${i} at the reading subscriber`, () => reading.results.length === i + 1);
  }
  expect(ids(reading)).toEqual(published);

  stalled.socket.resume();
  await until('the newest event at the stalled subscriber', () => ids(stalled).includes('P10'));
  const received = ids(stalled);
  expect(received.length).toBeLessThan(published.length);
  expect(received.slice(-MAX_PENDING)).toEqual(SMALL.slice(-MAX_PENDING));
  expect(received.filter((id) => id !== BIG)).toEqual(SMALL.slice(-MAX_PENDING));
  reading.socket.close();
  stalled.socket.close();
  await untilSubscriptions(t, 0);
}, 120_000);
