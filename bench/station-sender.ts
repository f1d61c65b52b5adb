import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { STATION_PATH } from '../pagopa';
import { RECEIPT_OK, STATION_HEADERS } from './station';

/** One answer of the station: acknowledged (outcome OK), busy (503: its admission refused it), and in how long. */
export interface Sent {
  ok: boolean;
  busy: boolean;
  ms: number;
}

/** How many times a receipt the station was too busy for is sent again, as the Nodo would. */
const BUSY_RETRIES = 60;

/**
 * The wait before sending again after `refusals` busy answers: Retry-After's second doubled each time
 * up to 8 s, spread ±50% so that the refused receipts of a burst do not all come back together.
 */
const retryAfterMs = (refusals: number) => 1000 * Math.min(8, 2 ** refusals) * (0.5 + Math.random());

/** paSendRTV2 sent to one hub's station over keep-alive connections: whether the station acknowledged it (outcome OK), and in how long. */
export class StationSender {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 512 });
  private readonly headers = STATION_HEADERS('paSendRTV2');

  constructor(private readonly port: number) {}

  /** Sends a receipt until the station is not busy (the Nodo's retries, spread): the last answer, the time from the first try, and the refusals. */
  async deliver(body: string): Promise<Sent & { refusals: number }> {
    const started = performance.now();
    for (let refusals = 0; ; refusals++) {
      const sent = await this.send(body);
      if (!sent.busy || refusals >= BUSY_RETRIES) return { ...sent, ms: performance.now() - started, refusals };
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs(refusals)));
    }
  }

  send(body: string): Promise<Sent> {
    const started = performance.now();
    return new Promise((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: STATION_PATH,
          method: 'POST',
          agent: this.agent,
          headers: { ...this.headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              ok: res.statusCode === 200 && Buffer.concat(chunks).toString('utf8').includes(RECEIPT_OK),
              busy: res.statusCode === 503,
              ms: performance.now() - started,
            }),
          );
          res.on('error', () => resolve({ ok: false, busy: false, ms: performance.now() - started }));
        },
      );
      req.setTimeout(30_000, () => req.destroy());
      req.on('error', () => resolve({ ok: false, busy: false, ms: performance.now() - started }));
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
