import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { projectRoot } from '../core/project-root';
import { verticale, VERTICALE } from './helpers/fixtures';
import { basic, GPADMIN } from './helpers/http';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';
import { until } from './helpers/until';

/**
 * The "done when", as a new user lives it: `npm start` (the compiled hub on a fresh
 * embedded database, with the simulator), an Ente system configured to be notified, a
 * subscription opened as the README shows, a pendenza loaded, paid through the simulator's
 * control API; then the pendenza is ESEGUITA with its receipt, the Ente got the receipt and the
 * subscriber the event.
 */
const main = join(projectRoot(), 'dist', 'gateway', 'main.js');

interface Started {
  child: ChildProcess;
  port: number;
  simulatorPort: number;
}

function startHub(): Promise<Started> {
  const child = spawn(process.execPath, [main], {
    cwd: mkdtempSync(join(tmpdir(), 'govpay-journey-')),
    env: { PATH: process.env.PATH ?? '', PORT: '0', SUBGRAPHS_PORT: '0', SIMULATOR_PORT: '0', HOST: '127.0.0.1', OUTBOX_POLL_MS: '200' },
  });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    let port = 0;
    child.stdout!.on('data', (d: Buffer) => {
      const text = d.toString();
      logs.push(text);
      port ||= Number(/"port":(\d+)/.exec(text)?.[1] ?? 0);
      const sim = /"simulatorPort":(\d+)/.exec(text);
      if (port && sim) resolve({ child, port, simulatorPort: Number(sim[1]) });
    });
    child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}: ${logs.join('')}`)));
  });
}

interface Received {
  method: string;
  url: string;
  body: any;
}

function enteDouble(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body: text ? JSON.parse(text) : undefined });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ente`, received })),
  );
}


describe('the demo journey: load, pay through the simulator, see it everywhere', () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

  let hub: Started;
  let ente: Awaited<ReturnType<typeof enteDouble>>;

  beforeAll(async () => {
    [hub, ente] = await Promise.all([startHub(), enteDouble()]);
  }, 60_000);

  afterAll(async () => {
    hub?.child.kill('SIGTERM');
    await new Promise((r) => ente?.server.close(r));
  });

  it('pays a loaded pendenza end to end', async () => {
    const base = `http://127.0.0.1:${hub.port}`;
    const json = (auth: string) => ({ 'content-type': 'application/json', authorization: auth });

    const applicazione = await fetch(`${base}/govpay/backend/api/backoffice/rs/basic/v1/applicazioni/VERTICALE`, {
      method: 'PUT',
      headers: json(basic(GPADMIN)),
      body: JSON.stringify(verticale(ente.url, 'REST v2')),
    });
    expect(applicazione.status).toBe(201);

    const events: any[] = [];
    const ws = createClient({
      url: `ws://127.0.0.1:${hub.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: basic(VERTICALE) },
    });
    const subscribed = new Promise<void>((resolve, reject) => {
      ws.on('connected', () => resolve());
      ws.on('closed', (e) => reject(new Error(`subscription closed: ${JSON.stringify(e)}`)));
    });
    const stop = ws.subscribe(
      {
        query: `subscription { ricevutaRegistrata(idDominio: "12345678901") {
          iuv ccp importo stato pendenza { idPendenza stato dominio { ragioneSociale } } } }`,
      },
      { next: (v) => events.push(v), error: (e) => events.push({ error: e }), complete: () => undefined },
    );
    await subscribed;

    const put = await fetch(`${base}/govpay/backend/api/pendenze/rs/basic/v2/pendenze/VERTICALE/TARI-2027-001`, {
      method: 'PUT',
      headers: json(basic(VERTICALE)),
      body: JSON.stringify({
        idTipoPendenza: 'SEGRETERIA',
        idDominio: '12345678901',
        causale: 'Diritti di segreteria',
        soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi' },
        importo: 100.99,
        voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'Diritti di segreteria', codEntrata: 'SEGRETERIA' }],
      }),
    });
    expect(put.status).toBe(201);
    const { numeroAvviso } = (await put.json()) as { numeroAvviso: string };

    const paid = await fetch(`http://127.0.0.1:${hub.simulatorPort}/api/payments?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fiscalCode: '12345678901', noticeNumber: numeroAvviso }),
    });
    const payment = (await paid.json()) as { status: string; steps: Array<{ operation: string; outcome?: string; xsd: { verdict: string } }> };
    expect(payment.status).toBe('ESEGUITO');
    expect(payment.steps.map((s) => s.operation)).toEqual(['paVerifyPaymentNotice', 'paGetPaymentV2', 'paSendRTV2']);
    expect(payment.steps.every((s) => s.xsd.verdict === 'valid')).toBe(true);

    const detail = await fetch(`${base}/govpay/backend/api/pendenze/rs/basic/v2/pendenze/VERTICALE/TARI-2027-001`, { headers: json(basic(VERTICALE)) });
    const pendenza = (await detail.json()) as any;
    expect(pendenza.stato).toBe('ESEGUITA');
    expect(pendenza.dataPagamento).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(pendenza.voci[0].stato).toBe('Eseguito');
    expect(pendenza.rpp).toHaveLength(1);
    expect(pendenza.rpp[0].stato).toBe('RT_ACCETTATA_PA');
    expect(pendenza.rpp[0].rt).toMatchObject({ noticeNumber: numeroAvviso, paymentAmount: '100.99' });
    const iuv = numeroAvviso.slice(3);
    const ccp = pendenza.rpp[0].rt.receiptId;

    const notified = await until('the Ente notification', () => ente.received.find((r) => r.method === 'PUT'));
    expect(notified.url).toBe(`/ente/ricevute/12345678901/${iuv}/${ccp}`);
    expect(notified.body).toMatchObject({ iuv, idRicevuta: ccp, importo: 100.99, esito: 'ESEGUITO', pendenza: { idA2A: 'VERTICALE', idPendenza: 'TARI-2027-001' } });

    const event = await until('the subscription event', () => events[0]);
    expect(event).toEqual({
      data: {
        ricevutaRegistrata: {
          iuv,
          ccp,
          importo: '100.99',
          stato: 'RT_ACCETTATA_PA',
          pendenza: { idPendenza: 'TARI-2027-001', stato: 'ESEGUITA', dominio: { ragioneSociale: 'Ente Creditore Test' } },
        },
      },
    });
    stop();
    await ws.dispose();
  }, 60_000);
});
