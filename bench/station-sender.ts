import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { STATION_PATH } from '../pagopa';
import { RECEIPT_OK, STATION_HEADERS } from './station';

/** paSendRTV2 sent to one hub's station over keep-alive connections: whether the station acknowledged it (outcome OK), and in how long. */
export class StationSender {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 512 });
  private readonly headers = STATION_HEADERS('paSendRTV2');

  constructor(private readonly port: number) {}

  send(body: string): Promise<{ ok: boolean; ms: number }> {
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
              ms: performance.now() - started,
            }),
          );
          res.on('error', () => resolve({ ok: false, ms: performance.now() - started }));
        },
      );
      req.setTimeout(30_000, () => req.destroy());
      req.on('error', () => resolve({ ok: false, ms: performance.now() - started }));
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
