import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHub, type Hub } from '../gateway/app';
import { Applicazione, OutboxJob, Pendenza, Rpp } from '../schema/entities';
import { enqueue, outboxSignal, type NuovoJob } from '../schema/outbox';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { freshDatabase } from './database';

/**
 * How fast the outbox drains a backlog, and what it costs: RECEIPTS receipts' jobs (a notification
 * to the Ente and two events each, as the station enqueues them) committed at once into a hub
 * whose worker runs as `npm start` wires it, an Ente's system in another process answering every
 * notification after ENTE_DELAY_MS. Reports the time to an empty backlog and the hub process's
 * CPU time per job (on SQLite the database's work is in it too). Run as
 * `node dist/bench/outbox-drain.js` (SQLite) or with BENCH_DB=mysql and TEST_MYSQL_URL.
 */
const RECEIPTS = Number(process.env.RECEIPTS ?? 1000);
const ENTE_DELAY_MS = Number(process.env.ENTE_DELAY_MS ?? 5);
const DOMINIO = '12345678901';
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const AUTH = `Basic ${Buffer.from('IDA2A01:Password1!').toString('base64')}`;

/** The Ente's system: its own process, so that its CPU is not the hub's. Prints its port, then each count asked for. */
const ENTE = `
const http = require('node:http');
let n = 0;
const s = http.createServer((req, res) => { req.resume(); req.on('end', () => setTimeout(() => { n++; res.writeHead(200, {'content-type': 'application/json'}); res.end('{}'); }, ${ENTE_DELAY_MS})); });
s.keepAliveTimeout = 65000;
s.listen(0, '127.0.0.1', () => console.log(s.address().port));
process.stdin.on('data', () => console.log(n));
`;

async function startEnte(): Promise<{ child: ChildProcess; url: string; count(): Promise<number> }> {
  const child = spawn(process.execPath, ['-e', ENTE], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: Array<(l: string) => void> = [];
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    for (const l of d.split('\n').filter(Boolean)) (waiting.shift() ?? ((x: string) => lines.push(x)))(l);
  });
  const next = () => new Promise<string>((r) => (lines.length ? r(lines.shift()!) : waiting.push(r)));
  const port = await next();
  return {
    child,
    url: `http://127.0.0.1:${port}/ente`,
    count: async () => {
      child.stdin!.write('\n');
      return Number(await next());
    },
  };
}

async function put(baseUrl: string, idPendenza: string, i: number): Promise<void> {
  const body = {
    idTipoPendenza: 'SEGRETERIA',
    idDominio: DOMINIO,
    causale: `Bench outbox ${i}`,
    soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi' },
    importo: 10.5,
    voci: [{ idVocePendenza: 'V1', importo: 10.5, descrizione: 'Diritti', codEntrata: 'SEGRETERIA' }],
  };
  const r = await fetch(`${baseUrl}${PV2}/pendenze/IDA2A01/${idPendenza}`, {
    method: 'PUT',
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (r.status !== 201) throw new Error(`PUT ${idPendenza}: ${r.status} ${await r.text()}`);
}

/** A stored receipt for each pendenza, as the station writes one (the fields the notification reads). */
async function receipts(hub: Hub, ids: string[]): Promise<Rpp[]> {
  const em = hub.orm.em.fork();
  const pendenze = await em.find(Pendenza, { applicazione: 'IDA2A01', idPendenza: { $in: ids } }, { populate: ['dominio', 'voci'] });
  const rpps = pendenze.map((p) => {
    const ricevuta = {
      receiptId: `rcpt-${p.iuv}`,
      noticeNumber: p.numeroAvviso,
      fiscalCode: DOMINIO,
      outcome: 'OK',
      creditorReferenceId: p.iuv,
      paymentAmount: '10.50',
      description: p.causale,
      companyName: p.dominio.ragioneSociale,
      idPSP: 'BCITITMM',
      PSPCompanyName: 'Banca Test',
      idChannel: 'BCITITMM_01',
      channelDescription: 'app',
      payer: {
        uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA30A01H501I' },
        fullName: 'Mario Rossi',
      },
      transferList: {
        transfer: [
          {
            idTransfer: 1,
            transferAmount: '10.50',
            fiscalCodePA: DOMINIO,
            IBAN: 'IT02L1234512345123451111111',
            transferCategory: '9/0101100IM/',
          },
        ],
      },
      paymentDateTime: new Date().toISOString(),
    };
    return Object.assign(new Rpp(), {
      dominio: p.dominio,
      iuv: p.iuv,
      ccp: ricevuta.receiptId,
      pendenza: p,
      importoCents: p.importoCents,
      dataPagamento: new Date(),
      idPsp: 'BCITITMM',
      ragioneSocialePsp: 'Banca Test',
      idCanale: 'BCITITMM_01',
      versione: 'V2',
      richiesta: { creditorReferenceId: p.iuv, paymentAmount: '10.50', dueDate: '2999-12-31', lastPayment: true },
      ricevuta,
      ricevutaXml: `<receipt><receiptId>${ricevuta.receiptId}</receiptId></receipt>`,
      impronta: createHash('sha256').update(JSON.stringify(ricevuta)).digest('hex'),
    });
  });
  await em.persist(rpps).flush();
  return rpps;
}

function jobsOf(rpp: Rpp, idPendenza: string): NuovoJob[] {
  const key = `${DOMINIO}:${rpp.iuv}:${rpp.ccp}`;
  const at = new Date().toISOString();
  const ids = { idA2A: 'IDA2A01', idPendenza, idTipoPendenza: 'SEGRETERIA' };
  return [
    { tipo: 'NOTIFICA_RICEVUTA', chiave: `notifica:${key}`, payload: { idDominio: DOMINIO, iuv: rpp.iuv, ccp: rpp.ccp } },
    {
      tipo: 'EVENTO',
      chiave: `evento:ricevutaRegistrata:${key}`,
      payload: { v: 1, tipo: 'ricevutaRegistrata', idDominio: DOMINIO, iuv: rpp.iuv, idRicevuta: rpp.ccp, ...ids, at },
    },
    {
      tipo: 'EVENTO',
      chiave: `evento:pendenzaAggiornata:${key}`,
      payload: { v: 1, tipo: 'pendenzaAggiornata', idDominio: DOMINIO, ...ids, stato: 'ESEGUITA', at },
    },
  ];
}

const backlog = (hub: Hub) => hub.orm.em.fork().count(OutboxJob, { stato: 'DA_ESEGUIRE' });

async function drained(hub: Hub, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await backlog(hub)) > 0) {
    if (Date.now() > until) throw new Error(`backlog not empty after ${timeoutMs} ms: ${await backlog(hub)}`);
    await sleep(20);
  }
}

async function main(): Promise<void> {
  const db = await freshDatabase(process.env.BENCH_DB === 'mysql' ? process.env.TEST_MYSQL_URL : undefined);
  const ente = await startEnte();
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    SUBGRAPHS_PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'true',
    SIMULATOR_ENABLED: 'false',
  });
  const hub = await createHub(config, createLogger('silent'));
  try {
    const { port } = await hub.listen();
    const ids = Array.from({ length: RECEIPTS }, (_, i) => `OUTBOX-BENCH-${i}`);
    for (let i = 0; i < ids.length; i += 20)
      await Promise.all(ids.slice(i, i + 20).map((id, j) => put(`http://127.0.0.1:${port}`, id, i + j)));
    await hub.orm.em
      .fork()
      .nativeUpdate(Applicazione, { idA2A: 'IDA2A01' }, { servizioIntegrazione: { url: ente.url, versioneApi: 'REST v2' } });
    const rpps = await receipts(hub, ids);
    await drained(hub, 60_000);
    const jobs = rpps.flatMap((r) => jobsOf(r, r.pendenza!.idPendenza));

    let published = 0;
    hub.events.subscribe((e) => (published += 'idPendenza' in e && e.idPendenza?.startsWith('OUTBOX-BENCH-') ? 1 : 0));
    const enteBefore = await ente.count();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await hub.orm.em.fork().transactional((em) => enqueue(em, jobs));
    outboxSignal(hub.orm.em).emit('enqueued');
    await drained(hub, 300_000);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const notified = (await ente.count()) - enteBefore;
    console.log(
      JSON.stringify({
        db: config.database.dialect,
        jobs: jobs.length,
        drainMs: Math.round(ms),
        jobsPerSecond: Math.round(jobs.length / (ms / 1000)),
        cpuMsPerJob: +(cpuMs / jobs.length).toFixed(3),
        jobsPerCpuSecond: Math.round(jobs.length / (cpuMs / 1000)),
        notified,
        published,
      }),
    );
  } finally {
    await hub.close();
    ente.child.kill();
    await once(ente.child, 'exit');
    await db.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
