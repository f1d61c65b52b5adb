import WebSocket from 'ws';
import { basic, IDA2A01 } from './http';

/**
 * The graphql-ws protocol spoken by hand over a bare `ws` socket, for tests that need what a
 * protocol client hides: the upgrade's outcome (status, Origin) or a consumer that stops reading.
 */
export type Upgrade = { opened: true; socket: WebSocket } | { opened: false; status: number; body: string };

/** An upgrade to the hub's /graphql with graphql-ws's subprotocol and these headers. */
export function upgrade(baseUrl: string, headers: Record<string, string> = {}): Promise<Upgrade> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
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

export interface RawSubscription {
  socket: WebSocket;
  /** Every `next` payload received, in order. */
  results: any[];
}

/**
 * Authenticates an open socket (connection_init) and subscribes once acknowledged; `results`
 * fills as `next` messages arrive.
 */
export function subscribeRaw(socket: WebSocket, query: string, authorization = basic(IDA2A01)): RawSubscription {
  const results: any[] = [];
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
    if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    if (message.type === 'next') results.push(message.payload);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } }));
  return { socket, results };
}
