import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordExchange } from './http';

/** One call the hub made to the Ente's system. */
export interface EnteCall {
  method: string;
  /** The path after the connector's base (`/ente`), e.g. `/pagamenti/12345678901/01000…`. */
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** How the double answers one call: a status and a body (JSON, or a string sent as is), or never (`'hang'`: the hub must time out). */
export type EnteAnswer = { status: number; body?: unknown } | 'hang';

/** The connector base every call goes under. */
export const ENTE_BASE = '/ente';

/**
 * The Ente's system, over real HTTP: it records every call (and, with GOVPAY_RECORD_DIR, the
 * notification bodies for the conformance suite, as `ente-<pid>.jsonl`) and answers as `answer`
 * says (200 by default). It can go down and come back on the same port (connection refused meanwhile).
 */
export class EnteDouble {
  readonly calls: EnteCall[] = [];
  answer: (call: EnteCall, index: number) => EnteAnswer = () => ({ status: 200 });
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();
  private port = 0;

  get listening(): boolean {
    return this.server !== undefined;
  }

  /** The connector URL the applicazione is configured with. */
  get url(): string {
    return `http://127.0.0.1:${this.port}${ENTE_BASE}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops listening (later calls are refused) and drops the calls left hanging. */
  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Forgets the calls and answers 200 again. */
  reset(): void {
    this.calls.length = 0;
    this.answer = () => ({ status: 200 });
  }

  /** The calls to one path. */
  callsTo(path: string): EnteCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const call: EnteCall = {
      method: req.method ?? '',
      path: (req.url ?? '').slice(ENTE_BASE.length),
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    this.calls.push(call);
    const answer = this.answer(call, this.calls.length - 1);
    // Notification bodies are what the conformance suite checks (verify calls carry none); status 0 stands for no answer.
    if (call.body !== undefined) recordExchange('ente', { method: call.method, path: call.path, status: answer === 'hang' ? 0 : answer.status, body: call.body });
    if (answer === 'hang') {
      this.hanging.add(res);
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  }
}
