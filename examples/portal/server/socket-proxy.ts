import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer, type RawData } from 'ws';
import { resolveOperation, type Operations } from './operations';

const PROTOCOL = 'graphql-transport-ws';

interface Message {
  id?: string;
  type?: string;
  payload?: unknown;
}

function parse(data: RawData): Message | undefined {
  try {
    const m: unknown = JSON.parse(data.toString());
    return m !== null && typeof m === 'object' ? (m as Message) : undefined;
  } catch {
    return undefined;
  }
}

/** Close codes passed on as they are: normal closure and graphql-ws's own (4400, 4401, 4403…); anything else is the proxy's failure. */
const passedOn = (code: number) => (code === 1000 || (code >= 4000 && code < 5000) ? code : 1011);

/**
 * One browser's graphql-ws socket relayed to the hub's, opened with the applicazione's credentials
 * on the upgrade. The browser's messages are rewritten on the way: its connection_init loses any
 * payload (the hub knows the caller by the upgrade), a subscribe names a persisted operation whose
 * text replaces it, or is refused here with graphql-ws's error message; the hub's go back as they are.
 */
function relay(browser: WebSocket, hubWs: string, authorization: string, operations: Operations): void {
  const hub = new WebSocket(hubWs, PROTOCOL, { headers: { authorization } });
  const waiting: string[] = [];
  const toHub = (m: Message) => {
    if (hub.readyState === WebSocket.OPEN) hub.send(JSON.stringify(m));
    else waiting.push(JSON.stringify(m));
  };
  hub.on('open', () => waiting.splice(0).forEach((m) => hub.send(m)));
  hub.on('message', (data, isBinary) => browser.send(data, { binary: isBinary }));
  hub.on('close', (code, reason) => browser.close(passedOn(code), reason));
  hub.on('error', () => browser.close(1011, 'Il servizio dei pagamenti non risponde.'));
  browser.on('close', () => hub.close());
  browser.on('error', () => hub.terminate());
  browser.on('message', (data) => {
    const m = parse(data);
    if (!m) return browser.close(4400, 'Messaggio non valido');
    if (m.type === 'connection_init') return toHub({ type: 'connection_init' });
    if (m.type !== 'subscribe') return toHub(m);
    const op = resolveOperation(operations, m.payload);
    if (!op.ok) return browser.send(JSON.stringify({ id: m.id, type: 'error', payload: [{ message: op.message }] }));
    toHub({ id: m.id, type: 'subscribe', payload: op.request });
  });
}

/** The pages' graphql-ws endpoint: takes the upgrades of /graphql and relays each socket to the hub. */
export function socketProxy(hubUrl: string, authorization: string, operations: Operations) {
  const hubWs = `${hubUrl.replace(/^http/, 'ws')}/graphql`;
  const server = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false) });
  server.on('connection', (browser: WebSocket) => relay(browser, hubWs, authorization, operations));
  return {
    upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      server.handleUpgrade(req, socket, head, (browser) => server.emit('connection', browser, req)),
    close: () => {
      for (const browser of server.clients) browser.terminate();
      server.close();
    },
  };
}
