import type WebSocket from 'ws';
import { nuovaPendenza } from './helpers/fixtures';
import { basic, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { subscribeRaw, upgrade, type Upgrade } from './helpers/raw-subscriber';
import { pendenzaEvent, untilSubscriptions } from './helpers/subscriber';
import { until } from './helpers/until';

/**
 * WebSocket upgrades and their Origin (issue 10, item 12): a browser page of another site must not
 * open a subscription with the credentials its user's browser holds. Requests without an Origin
 * (servers, scripts) and same-origin pages are let in; other browser origins only when listed in
 * ALLOWED_ORIGINS. A refused upgrade gets HTTP 403 and no WebSocket at all.
 */
let t: TestHub;
beforeAll(async () => {
  t = await startHub({ ALLOWED_ORIGINS: 'https://portale.ente.it' });
  const put = await call(t.baseUrl, 'PUT', '/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/S1', {
    auth: basic(IDA2A01),
    body: nuovaPendenza('S1'),
  });
  expect(put.status).toBe(201);
});
afterAll(() => t?.close());

const attempt = (headers: Record<string, string>) => upgrade(t.baseUrl, headers);

async function subscribedAndServed(outcome: Upgrade): Promise<void> {
  expect(outcome.opened).toBe(true);
  const socket = (outcome as { socket: WebSocket }).socket;
  const { results } = subscribeRaw(socket, 'subscription { pendenzaAggiornata { idPendenza } }');
  await untilSubscriptions(t, 1);
  await t.hub.events.publish(pendenzaEvent('S1'));
  expect(await until('the event', () => results[0])).toEqual({ data: { pendenzaAggiornata: { idPendenza: 'S1' } } });
  socket.close();
  await untilSubscriptions(t, 0);
}

it('serves an upgrade without an Origin header (a server, a script)', async () => {
  await subscribedAndServed(await attempt({}));
});

it('serves a page of the same origin as the hub', async () => {
  await subscribedAndServed(await attempt({ origin: t.baseUrl }));
});

it('serves an origin listed in ALLOWED_ORIGINS', async () => {
  await subscribedAndServed(await attempt({ origin: 'https://portale.ente.it' }));
});

it.each([
  ['another site', 'https://evil.example'],
  ['a listed host on another scheme and port', 'http://portale.ente.it:8443'],
  ['an opaque origin (sandboxed frame, file:)', 'null'],
])('refuses %s at the upgrade with 403, subscribing nothing', async (_what, origin) => {
  const outcome = await attempt({ origin, authorization: basic(IDA2A01) });
  expect(outcome).toEqual({ opened: false, status: 403, body: expect.stringMatching(/Origin/) });
  await untilSubscriptions(t, 0);
});
