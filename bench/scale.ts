import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { STATION_PATH } from '../pagopa';
import { verifyRequest } from '../pagopa/soap/requests';
import { openDatabase, type Orm } from '../schema/orm';
import { DEMO_DEFAULTS } from '../simulator';
import { freshDatabase, seedBenchDatabase } from './database';
import { hubEnv } from './hub-env';
import { measure, type LoadResult } from './load';
import { startServer, type ServerProcess } from './processes';
import { putPendenza } from './put-pendenza';
import { machine } from './report';
import { caricata, debitoreOf, numeroOf, SEED, seedRange } from './scale-seed';
import { explainRequest, formatExplained } from './scale-explain';
import { checkScenario, type Scenario } from './scenario';
import { DEMO_APP_AUTHORIZATION, DEMO_AUTHORIZATION } from './servers';

/**
 * `npm run bench:scale`: the reads that grow with the archive, on an almost empty database and
 * then, in the same run, after loading BENCH_SCALE_PENDENZE (1,000,000) pendenze and
 * BENCH_SCALE_RICEVUTE (200,000) paid receipts straight into it (scale-seed.ts). Each read is the
 * same request both times, through the hub's real HTTP; the table gives the ratio (goal: within
 * 2×), and on MariaDB every statement the hub issues for each read is captured and EXPLAINed,
 * flagging scans and sorts over many rows (scale-explain.ts).
 *
 * BENCH_SCALE_SMALL (1000): the pendenze of the almost empty database (the first rows of the full
 * one). BENCH_SECONDS (5), BENCH_WARMUP_SECONDS (1.5), BENCH_CONNECTIONS (1,10), BENCH_ONLY
 * (scenario ids); BENCH_SCALE_OUT writes the markdown table and the findings to that file;
 * BENCH_SCALE_KEEP=1 keeps the loaded database for a closer look.
 */
const numberEnv = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

/** An unpaid pendenza of the small set, due in years (see scale-seed.ts): what the Nodo verifies. */
const TARGET = 2;
const DEEP_PAGE = 400;

async function main(): Promise<void> {
  const total = numberEnv('BENCH_SCALE_PENDENZE', 1_000_000);
  const ricevute = numberEnv('BENCH_SCALE_RICEVUTE', 200_000);
  const small = Math.min(total, numberEnv('BENCH_SCALE_SMALL', 1000));
  const seconds = numberEnv('BENCH_SECONDS', 5);
  const warmup = numberEnv('BENCH_WARMUP_SECONDS', 1.5);
  const connections = (process.env.BENCH_CONNECTIONS ?? '1,10').split(',').map(Number);
  const only = process.env.BENCH_ONLY?.split(',');

  const db = await freshDatabase(process.env.TEST_MYSQL_URL);
  await seedBenchDatabase(db.url);
  const log = createLogger('silent');
  console.log(`bench: ${machine()}`);
  console.log(`bench: database ${db.description}`);
  let hub: ServerProcess | undefined;
  let orm: Orm | undefined;
  try {
    hub = await startServer(
      'hub',
      // Their polls would be captured with the reads' statements; nothing here needs them.
      hubEnv(db.url, { OUTBOX_WORKER: 'false', TRACCIATI_WORKER: 'false' }),
    );
    const base = `http://127.0.0.1:${hub.ready.port}`;
    const sample = await hubNumeroAvviso(base);
    orm = await openDatabase(loadConfig({ DATABASE_URL: db.url }).database, log, 2);
    await seed(orm, sample, 0, small, ricevute);

    const scenarios = scaleScenarios(base, sample, small).filter((s) => !only || only.includes(s.id));
    for (const s of scenarios) await checkScenario(s);
    const empty = await measureAll(scenarios, connections, warmup, seconds, `${small} pendenze`);

    await seed(orm, sample, small, total, ricevute);
    if (db.url.startsWith('mysql')) await analyze(orm);
    for (const s of scenarios) await checkScenario(s);
    const loaded = await measureAll(scenarios, connections, warmup, seconds, `${total} pendenze`);

    const table = ratioTable(scenarios, connections, empty, loaded);
    const findings: string[] = [];
    if (db.url.startsWith('mysql')) {
      for (const s of scenarios) findings.push(...formatExplained(s.label, await explainRequest(db.url, () => checkScenario(s))), '');
    } else findings.push('explain: the statements are captured on MariaDB only (set TEST_MYSQL_URL)');
    console.log(`\n${table}\n\n${findings.join('\n')}`);
    const out = process.env.BENCH_SCALE_OUT;
    if (out) {
      const header = `${machine()}; database ${db.description}; ${small} pendenze, then ${total} pendenze and their receipts; ${seconds} s per row after ${warmup} s warm-up, closed loop.`;
      writeFileSync(out, `${header}\n\n${table}\n\n\`\`\`\n${findings.join('\n')}\n\`\`\`\n`);
    }
  } finally {
    await orm?.close(true);
    await hub?.stop();
    if (process.env.BENCH_SCALE_KEEP) console.log(`bench: database kept: ${db.url}`);
    else await db.drop().catch((e) => console.error('bench: could not drop the bench database', e));
  }
}

/** A notice number the hub generated itself: the seeded ones are numbered alike. */
async function hubNumeroAvviso(base: string): Promise<string> {
  const { numeroAvviso } = await putPendenza(base, SEED.idA2A, 'SCALE-SAMPLE', {
    idTipoPendenza: 'LIBERO',
    idDominio: SEED.idDominio,
    causale: 'Numerazione di prova',
    soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi' },
    importo: 10,
    voci: [{ idVocePendenza: '1', importo: 10, descrizione: 'Pagamento libero', codEntrata: 'LIBERO' }],
  });
  if (!numeroAvviso) throw new Error('bench: the sample pendenza has no numeroAvviso');
  return numeroAvviso;
}

async function seed(orm: Orm, sample: string, from: number, to: number, ricevute: number): Promise<void> {
  if (to <= from) return;
  const started = performance.now();
  let next = 0;
  const paid = await seedRange(orm, sample, from, to, ricevute, (done, all) => {
    if (done < next && done < all) return;
    next = done + Math.max(50_000, Math.floor(all / 10));
    const s = (performance.now() - started) / 1000;
    console.log(`bench: seeded ${done}/${all} pendenze in ${s.toFixed(1)} s (${(done / s).toFixed(0)}/s)`);
  });
  console.log(`bench: pendenze ${from}..${to - 1} written with ${paid} receipts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Fresh index statistics after the load, as a database that grew slowly would have. */
async function analyze(orm: Orm): Promise<void> {
  await orm.em.getConnection().execute('ANALYZE TABLE pendenze, voci_pendenza, rpp, riscossioni');
}

const PENDENZE_V2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const BACKOFFICE = '/govpay/backend/api/backoffice/rs/basic/v1';

function scaleScenarios(base: string, sample: string, small: number): Scenario[] {
  const app = { authorization: DEMO_APP_AUTHORIZATION };
  const operatore = { authorization: DEMO_AUTHORIZATION };
  const get = (path: string, headers: Record<string, string>) => ({ url: `${base}${path}`, method: 'GET' as const, headers });
  const lista = (min: number) => (b: unknown) => ((b as { risultati?: unknown[] }).risultati?.length ?? -1) >= min;
  const { numeroAvviso } = numeroOf(sample, TARGET);
  const ids = { idPA: SEED.idDominio, idBrokerPA: DEMO_DEFAULTS.idBrokerPA, idStation: DEMO_DEFAULTS.idStation };
  const nonEseguite = `${PENDENZE_V2}/pendenze?idDominio=${SEED.idDominio}&stato=NON_ESEGUITA`;
  const da = caricata(0).toISOString();
  const a = new Date(caricata(small - 1).getTime() + 86_400_000).toISOString();
  return [
    {
      id: 'verify',
      label: 'paVerifyPaymentNotice of one notice',
      request: {
        url: `${base}${STATION_PATH}`,
        method: 'POST',
        headers: {
          'content-type': 'text/xml; charset=utf-8',
          soapaction: '"paVerifyPaymentNotice"',
          authorization: `Basic ${Buffer.from('ndpsym:Password1!').toString('base64')}`,
        },
        body: verifyRequest(ids, { fiscalCode: SEED.idDominio, noticeNumber: numeroAvviso }),
      },
      check: (_, text) => text.includes('<outcome>OK</outcome>'),
    },
    {
      id: 'pendenze-first',
      label: 'GET /pendenze (API Pendenze v2) idDominio + stato NON_ESEGUITA, page 1 of 25',
      request: get(nonEseguite, app),
      check: lista(25),
    },
    {
      id: 'pendenze-deep',
      label: `GET /pendenze (API Pendenze v2) idDominio + stato NON_ESEGUITA, page ${DEEP_PAGE} of 25`,
      request: get(`${nonEseguite}&pagina=${DEEP_PAGE}`, app),
      check: lista(0),
    },
    {
      id: 'pendenze-backoffice',
      label: 'GET /pendenze (Backoffice) idDominio, page 1 of 25',
      request: get(`${BACKOFFICE}/pendenze?idDominio=${SEED.idDominio}`, operatore),
      check: lista(25),
    },
    {
      id: 'debitore',
      label: 'GET /pendenze (API Pendenze v2) of one debtor',
      request: get(`${PENDENZE_V2}/pendenze?idDebitore=${debitoreOf(TARGET)}`, app),
      check: lista(SEED.debtorShare),
    },
    {
      id: 'rpp-date',
      label: `GET /rpp (Backoffice) by date range (the small set's receipts), page 1 of 25`,
      request: get(`${BACKOFFICE}/rpp?dataRptDa=${encodeURIComponent(da)}&dataRptA=${encodeURIComponent(a)}`, operatore),
      check: lista(25),
    },
  ];
}

type Results = Map<string, LoadResult>;

async function measureAll(scenarios: Scenario[], connections: number[], warmup: number, seconds: number, size: string): Promise<Results> {
  const results: Results = new Map();
  for (const c of connections) {
    for (const s of scenarios) {
      console.log(`bench: ${size}: ${s.label}, ${c} connection${c > 1 ? 's' : ''}`);
      results.set(`${s.id}/${c}`, await measure(s.request, c, warmup, seconds));
    }
  }
  return results;
}

function ratioTable(scenarios: Scenario[], connections: number[], empty: Results, loaded: Results): string {
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
  const lines = [
    '| read | conns | almost empty req/s | loaded req/s | loaded ÷ empty | empty p50 ms | loaded p50 ms | empty p99 ms | loaded p99 ms | within 2× | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const c of connections) {
    for (const s of scenarios) {
      const e = empty.get(`${s.id}/${c}`);
      const l = loaded.get(`${s.id}/${c}`);
      if (!e || !l) continue;
      const ratio = l.rps / e.rps;
      lines.push(
        `| ${s.label} | ${c} | ${f(e.rps, 0)} | ${f(l.rps, 0)} | ${f(ratio, 2)} | ${f(e.p50, 2)} | ${f(l.p50, 2)} | ${f(e.p99, 2)} | ${f(l.p99, 2)} | ${Number.isFinite(ratio) ? (ratio >= 0.5 ? 'yes' : 'no') : 'n/a'} | ${e.errors}/${l.errors} |`,
      );
    }
  }
  return lines.join('\n');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
