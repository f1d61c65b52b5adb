import type { Server } from 'node:http';
import { closeServer, localServer, readBody } from './http';

/**
 * The Ente's system as the hub calls it (GovPay's API Ente: verify and notifications), over real
 * HTTP: it records every request and answers what the test sets in `reply` (404 by default).
 */
export interface EnteRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

export interface EnteReply {
  status?: number;
  /** Sent as JSON unless a string. */
  body?: unknown;
  /** Answer only after this long (to make the hub time out). */
  delayMs?: number;
}

export class EnteDouble {
  readonly requests: EnteRequest[] = [];
  reply: (request: EnteRequest) => EnteReply = () => ({ status: 404 });

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<EnteDouble> {
    const { server, base } = await localServer();
    const ente = new EnteDouble(server, `${base}/ente`);
    server.on('request', (req, res) => {
      void readBody(req).then(async (text) => {
        const request: EnteRequest = {
          method: req.method ?? 'GET',
          path: (req.url ?? '').replace(/^\/ente/, ''),
          authorization: req.headers.authorization,
          body: text ? JSON.parse(text) : undefined,
        };
        ente.requests.push(request);
        const answer = ente.reply(request);
        if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
        if (res.destroyed) return;
        const body = typeof answer.body === 'string' ? answer.body : answer.body === undefined ? '' : JSON.stringify(answer.body);
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(body);
      });
    });
    return ente;
  }

  reset(): void {
    this.requests.length = 0;
    this.reply = () => ({ status: 404 });
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }
}
