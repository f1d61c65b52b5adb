import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { STATION_PATH, stationRouter } from '../pagopa';
import { Admission } from '../core/admission';
import { createLogger } from '../core/logger';
import { soapDocument } from './helpers/soap';
import { verifyEnvelope } from './helpers/station-envelopes';
import { VERIFY_RESULT } from './helpers/station-samples';
import type { StationService } from '../subgraphs/pagamenti/domain/station-types';

/**
 * The station under more requests than it serves at once: beyond its turns and its queue a request
 * is refused at once (503, Retry-After, a SOAP fault), so a burst cannot pile up inside the process
 * (seen on the running hub: at 300 receipts/s on a hub that does 90, answers took 30-70 s and the
 * outbox's statements waited behind them). The service here holds each verify until the test lets it go.
 */
class HeldStation implements StationService {
  readonly held: Array<() => void> = [];
  verified = 0;

  async verify() {
    await new Promise<void>((resolve) => this.held.push(resolve));
    this.verified += 1;
    return VERIFY_RESULT;
  }

  async getPayment(): Promise<never> {
    throw new Error('not in this test');
  }

  async sendRT(): Promise<void> {
    throw new Error('not in this test');
  }
}

const registry = new Registry();
let service: HeldStation;
let server: Server;
let base: string;

async function station(limits: { active: number; queued: number; waitMs: number }) {
  service = new HeldStation();
  const app = express();
  app.use(
    STATION_PATH,
    stationRouter({
      service,
      authenticate: async () => ({ idIntermediario: '11111111113' }),
      log: createLogger('silent'),
      bodyLimit: '64kb',
      registry,
      admission: new Admission(limits),
    }),
  );
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${STATION_PATH}`;
}

afterEach(async () => {
  service.held.splice(0).forEach((release) => release());
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const verify = () =>
  fetch(base, { method: 'POST', headers: { 'content-type': 'text/xml', soapaction: 'paVerifyPaymentNotice' }, body: verifyEnvelope() });

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

async function expectBusy(answer: Response) {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('1');
  const { root } = soapDocument(await answer.text());
  expect(root.name).toBe('Fault');
  expect(root.children.find((c) => c.name === 'faultstring')?.text).toMatch(/busy.*retry/i);
}

it('serves `active` requests at once, queues `queued` more in order, and refuses the next at once', async () => {
  await station({ active: 1, queued: 1, waitMs: 60_000 });
  const first = verify();
  await until(() => service.held.length === 1);
  const second = verify();
  const refused = await verify();
  await expectBusy(refused);
  expect(service.held).toHaveLength(1);

  service.held[0]();
  expect((await first).status).toBe(200);
  await until(() => service.held.length === 2);
  service.held[1]();
  expect((await second).status).toBe(200);
  expect(service.verified).toBe(2);

  const metrics = await registry.metrics();
  expect(metrics).toMatch(/operation="paVerifyPaymentNotice",outcome="THROTTLED"[^\n]* 1/);
});

it('refuses a queued request whose wait runs out, and never runs it later', async () => {
  await station({ active: 1, queued: 4, waitMs: 100 });
  const first = verify();
  await until(() => service.held.length === 1);
  await expectBusy(await verify());
  service.held[0]();
  expect((await first).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(service.held).toHaveLength(1);
  expect(service.verified).toBe(1);
});

it('keeps the turn of a caller that hung up until its work ends, then gives it to the next', async () => {
  await station({ active: 1, queued: 1, waitMs: 60_000 });
  const gone = new AbortController();
  const abandoned = fetch(base, {
    method: 'POST',
    headers: { 'content-type': 'text/xml', soapaction: 'paVerifyPaymentNotice' },
    body: verifyEnvelope(),
    signal: gone.signal,
  }).catch((e: Error) => e.name);
  await until(() => service.held.length === 1);
  const next = verify();
  gone.abort();
  expect(await abandoned).toBe('AbortError');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(service.held).toHaveLength(1);
  service.held[0]();
  await until(() => service.held.length === 2);
  service.held[1]();
  expect((await next).status).toBe(200);
  expect(service.verified).toBe(2);
});
