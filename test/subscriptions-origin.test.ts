import WebSocket from 'ws';
import { nuovaPendenza } from './helpers/fixtures';
import { basic, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { pendenzaEvent, untilSubscriptions } from './helpers/subscriber';

/**
 * WebSocket upgrades and their Origin (issue 10, item 12): a browser page of another site must not
 * open a subscription with the credentials its user's browser holds. Requests without an Origin
 * (servers, scripts) and same-origin pages are let in; other browser origins only when listed in
 * ALLOWED_ORIGINS. A refused upgrade gets HTTP 403 and no WebSocket at all.
 */
let t: TestHub;
beforeAll(async () => {
  t = await startHub({ ALLOWED_ORIGINS: 'https://portale.ente.it' });
  const put = await call(t.baseUrl, 'PUT', '/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/S1', { auth: basic(IDA2A01), body: nuovaPendenza('S1') });
  expect(put.status).toBe(201);
});
afterAll(() => t?.close());

type Outcome = { opened: true; socket: WebSocket } | { opened: false; status: number; body: string };

/** A raw upgrade to /graphql with the graphql-ws subprotocol and these headers. */
function upgrade(headers: Record<string, string>): Promise<Outcome> {
  const socket = new WebSocket(`${t.baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ opened: false, status: res.statusCode ?? 0, body }));
    });
    socket.once('error', reject);
  });
}

/** Subscribes over an open socket and resolves with the first event's result. */
function firstEvent(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { pendenzaAggiornata { idPendenza } }' } }));
      }
      if (message.type === 'next') resolve(message.payload);
    });
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: basic(IDA2A01) } }));
  });
}

async function subscribedAndServed(outcome: Outcome): Promise<void> {
  expect(outcome.opened).toBe(true);
  const socket = (outcome as { socket: WebSocket }).socket;
  const result = firstEvent(socket);
  await untilSubscriptions(t, 1);
  await t.hub.events.publish(pendenzaEvent('S1'));
  expect(await result).toEqual({ data: { pendenzaAggiornata: { idPendenza: 'S1' } } });
  socket.close();
  await untilSubscriptions(t, 0);
}

it('serves an upgrade without an Origin header (a server, a script)', async () => {
  await subscribedAndServed(await upgrade({}));
});

it('serves a page of the same origin as the hub', async () => {
  await subscribedAndServed(await upgrade({ origin: t.baseUrl }));
});

it('serves an origin listed in ALLOWED_ORIGINS', async () => {
  await subscribedAndServed(await upgrade({ origin: 'https://portale.ente.it' }));
});

it.each([
  ['another site', 'https://evil.example'],
  ['a listed host on another scheme and port', 'http://portale.ente.it:8443'],
  ['an opaque origin (sandboxed frame, file:)', 'null'],
])('refuses %s at the upgrade with 403, subscribing nothing', async (_what, origin) => {
  const outcome = await upgrade({ origin, authorization: basic(IDA2A01) });
  expect(outcome).toEqual({ opened: false, status: 403, body: expect.stringMatching(/Origin/) });
  await untilSubscriptions(t, 0);
});
