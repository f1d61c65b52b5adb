import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Ente's system, played by the bench process: API Ente v2's notification endpoint
 * (`PUT /ricevute/{idDominio}/{iuv}/{idRicevuta}` under `url`), which the demo applicazione's
 * connector points at when the bench seeds its database. Every notification is counted by its key
 * (`idDominio:iuv:idRicevuta`) and answered 201 after `delayMs`, as an Ente that takes it.
 */
export class EnteListener {
  private server?: Server;
  /** Notifications received, per receipt key. */
  readonly received = new Map<string, number>();
  url = '';

  constructor(private readonly delayMs = 5) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const m = /\/ricevute\/([^/]+)\/([^/]+)\/([^/?]+)$/.exec(req.url ?? '');
      req.resume();
      req.on('end', () => {
        if (req.method !== 'PUT' || !m) {
          res.writeHead(404).end();
          return;
        }
        const key = m.slice(1, 4).map(decodeURIComponent).join(':');
        this.received.set(key, (this.received.get(key) ?? 0) + 1);
        setTimeout(() => res.writeHead(201, { 'content-type': 'application/json' }).end('{}'), this.delayMs);
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/ente/v2`;
    return this;
  }

  /** How many of `keys` were notified, and how many of those more than once. */
  count(keys: Iterable<string>): { delivered: number; duplicated: number } {
    let delivered = 0;
    let duplicated = 0;
    for (const k of keys) {
      const n = this.received.get(k) ?? 0;
      if (n > 0) delivered += 1;
      if (n > 1) duplicated += 1;
    }
    return { delivered, duplicated };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
