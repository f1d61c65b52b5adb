import { projectRoot } from '../core/project-root';
import 'reflect-metadata';
import { join } from 'node:path';
import { freshDatabase, seedBenchDatabase } from './database';
import { hubEnv } from './hub-env';
import { measureBulk, type BulkResult } from './bulk';
import { measure, type LoadRequest } from './load';
import { checkScenario, type Scenario } from './scenario';
import { CheckoutStub, pagamentoScenarios } from './pagamento';
import { stationScenarios } from './station';
import { riconciliaScenario } from './riconcilia';
import { startServer, type ServerProcess } from './processes';
import { measureSubscriptions, type SubscriptionsResult } from './subscriptions';
import { consoleTable, flowRow, goals, instancesRow, machine, markdownSection, writeSection, type Row } from './report';
import { EnteListener } from './ente-listener';
import { openLoop, type FlowResult } from './receipt-flow';
import { receiptRig } from './receipt-rig';
import { prepareFloor } from './floor';
import { statementCount } from './floor-statements';
import { measureInstances, type InstancesResult } from './instances';
import { DEMO_APP_AUTHORIZATION, DEMO_AUTHORIZATION } from './servers';
import { PRINCIPAL_HEADER } from '../core/principal';

/**
 * `npm run bench`: the primary-key query straight to the subgraph, through Apollo Gateway (in
 * process and over an HTTP hop), through Hive Gateway, and a Backoffice REST GET, side by side in
 * one run. Prints the table and writes it into BENCHMARKS.md.
 *
 * BENCH_SECONDS (5), BENCH_WARMUP_SECONDS (1.5), BENCH_CONNECTIONS (1,10), BENCH_BULK_ROWS (100000)
 * and BENCH_ONLY (scenario ids, `bulk` for the bulk load, `subscriptions` for live esiti) tune a
 * run; a partial run (BENCH_ONLY) does not touch BENCHMARKS.md. BENCH_SUBSCRIPTIONS (1000),
 * BENCH_SUBSCRIPTION_EVENTS (50) and BENCH_SUBSCRIPTION_INTERVAL_MS (100) shape the live esiti run.
 * BENCH_CPU_PROF=<role>,... profiles server processes (see processes.ts); BENCH_HUB_LOG=info lets the hubs log (silent by default). BENCH_BASELINE_DIST=<dir>
 * (another build's dist/, e.g. main's) also starts a hub from that build on the same database and
 * measures its PUT rows right before this build's, each row of this build compared with its own.
 * Starting a payment (`pagamento-graph`, `pagamento-rest`) opens its carts at a Checkout stub in this process.
 * `riconcilia` reconciles a new single payment per request, of BENCH_RICONCILIA_PAGAMENTI (20000) written beforehand.
 *
 * The demo applicazione's connector points at an EnteListener in this process (API Ente v2, answers
 * 201 after 5 ms), so every receipt's notification is delivered.
 * Floors (MariaDB only; BENCH_FLOOR=false skips them): pa-verify, pa-send-rt and put-rest are each
 * followed, after all hub rows, by the same SQL statements (floor-statements.ts) from a bare mysql2
 * pool with the same connections and timing; each row shows its req/s ÷ its floor's.
 * `receipts-e2e`: BENCH_RECEIPT_RATE (300) receipts a second, open loop, for BENCH_RECEIPT_SECONDS
 * (60), of BENCH_RECEIPT_RATE × BENCH_RECEIPT_SECONDS pendenze loaded for it: acknowledged,
 * notified, published to a ricevutaRegistrata subscriber, and the outbox backlog each second until
 * it is empty (or 30 s after the end).
 * `instances` (MariaDB and TEST_REDIS_URL): two hubs on a database of their own and one Redis,
 * BENCH_INSTANCES_CONNECTIONS (10) closed-loop receipt senders alternating between them for
 * BENCH_INSTANCES_SECONDS (10), of BENCH_INSTANCES_PENDENZE (8000) pendenze: aggregate
 * throughput, none lost, each notification once, every event on both instances' subscribers.
 */
const QUERY = JSON.stringify({ query: '{ dominio(idDominio:"12345678901"){ idDominio ragioneSociale } }' });
const TYPENAME = JSON.stringify({ query: '{ __typename }' });
const ID_DOMINIO = '12345678901';

const numberEnv = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

async function main(): Promise<void> {
  const seconds = numberEnv('BENCH_SECONDS', 5);
  const warmupSeconds = numberEnv('BENCH_WARMUP_SECONDS', 1.5);
  const connections = (process.env.BENCH_CONNECTIONS ?? '1,10').split(',').map(Number);
  const only = process.env.BENCH_ONLY?.split(',');

  const db = await freshDatabase(process.env.TEST_MYSQL_URL);
  const ente = await new EnteListener().start();
  await seedBenchDatabase(db.url, ente.url);
  console.log(`bench: ${machine()}`);
  console.log(`bench: database ${db.description}`);
  const servers: ServerProcess[] = [];
  const checkout = await new CheckoutStub().start();
  try {
    const env = hubEnv(db.url, { CHECKOUT_URL: checkout.url });
    const hub = await startServer('hub', env);
    servers.push(hub);
    const subgraphUrl = `http://127.0.0.1:${hub.ready.subgraphPort}/anagrafica/graphql`;
    const signedPrincipal = hub.ready.signedPrincipal ?? '';
    const [apolloRemote, hive] = await Promise.all([
      // A gateway only: its outbox worker would publish the hub's events on its own bus, where no subscriber listens.
      startServer('apollo-remote', { ...env, SUBGRAPH_ANAGRAFICA_URL: subgraphUrl, OUTBOX_WORKER: 'false' }),
      startServer('hive', { NODE_ENV: 'production', BENCH_SUBGRAPH_URL: subgraphUrl, BENCH_SIGNED_PRINCIPAL: signedPrincipal }),
    ]);
    servers.push(apolloRemote, hive);
    console.log(
      `bench: hub :${hub.ready.port} (subgraph :${hub.ready.subgraphPort}), Apollo over HTTP :${apolloRemote.ready.port}, Hive :${hive.ready.port}`,
    );

    const json = { 'content-type': 'application/json' };
    const basic = { ...json, authorization: DEMO_AUTHORIZATION };
    const post = (url: string, headers: Record<string, string>, body = QUERY): LoadRequest => ({ url, method: 'POST', headers, body });
    const dominio = (b: unknown) => (b as { data?: { dominio?: { idDominio?: string } } }).data?.dominio?.idDominio === ID_DOMINIO;
    const all: Scenario[] = [
      {
        id: 'subgraph',
        label: 'subgraph direct',
        request: post(subgraphUrl, { ...json, [PRINCIPAL_HEADER]: signedPrincipal }),
        check: dominio,
      },
      {
        id: 'apollo',
        label: 'Apollo Gateway, subgraph in process',
        request: post(`http://127.0.0.1:${hub.ready.port}/graphql`, basic),
        check: dominio,
      },
      {
        id: 'apollo-http',
        label: 'Apollo Gateway, subgraph over HTTP',
        request: post(`http://127.0.0.1:${apolloRemote.ready.port}/graphql`, basic),
        check: dominio,
      },
      {
        id: 'hive',
        label: 'Hive Gateway, subgraph over HTTP',
        request: post(`http://127.0.0.1:${hive.ready.port}/graphql`, json),
        check: dominio,
      },
      {
        id: 'rest',
        label: 'Backoffice REST GET /domini/{id}',
        request: {
          url: `http://127.0.0.1:${hub.ready.port}/govpay/backend/api/backoffice/rs/basic/v1/domini/${ID_DOMINIO}`,
          method: 'GET',
          headers: { authorization: DEMO_AUTHORIZATION },
        },
        check: (b) => (b as { idDominio?: string }).idDominio === ID_DOMINIO,
      },
      {
        id: 'apollo-typename',
        label: 'Apollo Gateway, { __typename } (no subgraph call)',
        request: post(`http://127.0.0.1:${apolloRemote.ready.port}/graphql`, basic, TYPENAME),
        check: (b) => (b as { data?: { __typename?: string } }).data?.__typename === 'Query',
      },
    ];
    const { scenarios: pendenze, printed } = await pendenzeScenarios(hub.ready.port, hub.ready.subgraphPort ?? 0, signedPrincipal);
    const baselineDist = process.env.BENCH_BASELINE_DIST;
    if (baselineDist) {
      const before = await startServer('hub', env, join(baselineDist, 'bench', 'servers.js'));
      servers.push(before);
      console.log(`bench: baseline hub from ${baselineDist} :${before.ready.port}`);
      const { scenarios: theirs } = await pendenzeScenarios(
        before.ready.port,
        before.ready.subgraphPort ?? 0,
        before.ready.signedPrincipal ?? '',
        'b',
      );
      all.push(...beforeAndAfter(pendenze, theirs, baselineDist));
    } else all.push(...pendenze);
    all.push(...pagamentoScenarios(hub.ready.port, NUOVA_PENDENZA));
    const wanted = (id: string) => !only || only.includes(id.replace(BEFORE, ''));
    const station =
      wanted('pa-verify') || wanted('pa-send-rt')
        ? await stationScenarios(hub.ready.port, numberEnv('BENCH_STATION_PENDENZE', 20_000))
        : undefined;
    all.push(...(station?.scenarios ?? []));
    if (wanted('riconcilia')) all.push(await riconciliaScenario(hub.ready.port, db.url, numberEnv('BENCH_RICONCILIA_PAGAMENTI', 20_000)));
    const scenarios = all.filter((s) => wanted(s.id));

    for (const s of scenarios) await checkScenario(s);

    const rows: Row[] = [];
    const total = scenarios.length * connections.length;
    for (const c of connections) {
      for (const s of scenarios) {
        console.log(`bench: [${rows.length + 1}/${total}] ${s.label}, ${c} connection${c > 1 ? 's' : ''}`);
        rows.push({
          id: s.id,
          label: s.label,
          connections: c,
          baseline: s.baseline,
          result: await measure(s.request, c, warmupSeconds, seconds),
        });
      }
    }

    const audit = await station?.audit();
    if (audit) console.log(`bench: station ${audit}`);

    let subscriptions: SubscriptionsResult | undefined;
    if (!only || only.includes('subscriptions')) {
      const count = numberEnv('BENCH_SUBSCRIPTIONS', 1000);
      const events = numberEnv('BENCH_SUBSCRIPTION_EVENTS', 50);
      console.log(`bench: ${count} open subscriptions, ${events} events`);
      subscriptions = await measureSubscriptions(hub, {
        subscriptions: count,
        events,
        intervalMs: numberEnv('BENCH_SUBSCRIPTION_INTERVAL_MS', 100),
        idDominio: ID_DOMINIO,
      });
    }

    const notes = audit ? [`Station ${audit}`] : [];
    let flow: FlowResult | undefined;
    if (wanted('receipts-e2e')) {
      const rate = numberEnv('BENCH_RECEIPT_RATE', 300);
      const flowSeconds = numberEnv('BENCH_RECEIPT_SECONDS', 60);
      const rig = await receiptRig({ hubs: [hub], listener: ente, pendenze: Math.ceil(rate * flowSeconds) });
      try {
        console.log(`bench: receipts end to end, ${rate}/s for ${flowSeconds} s`);
        flow = await openLoop(rig, rate, flowSeconds);
        const lost = await rig.lost(flow);
        notes.push(`Receipts end to end: ${lost} lost (acknowledged, pendenza not paid)`);
        rows.push(flowRow(flow, { rate, seconds: flowSeconds }));
      } finally {
        await rig.close();
      }
    }

    if (db.url.startsWith('mysql') && process.env.BENCH_FLOOR !== 'false') {
      const floor = await prepareFloor(db.url, { idDominio: ID_DOMINIO, numeroAvviso: station?.verified ?? printed });
      for (const op of floor.operations) {
        for (const row of rows.filter((r) => r.id === op.id)) {
          console.log(`bench: floor of ${row.label}, ${row.connections} connection${row.connections > 1 ? 's' : ''}`);
          row.floor = { ...(await floor.measure(op, row.connections, warmupSeconds, seconds)), statements: statementCount(op) };
        }
      }
    } else notes.push('Floors: not measured (MariaDB only, or BENCH_FLOOR=false).');

    let instances: InstancesResult | undefined;
    if (wanted('instances')) {
      const redisUrl = process.env.TEST_REDIS_URL;
      if (!redisUrl || !db.url.startsWith('mysql')) notes.push('Two instances: not measured (needs TEST_MYSQL_URL and TEST_REDIS_URL).');
      else {
        const { DATABASE_URL: _own, CHECKOUT_URL: _checkout, ...shared } = env;
        console.log('bench: two instances');
        instances = await measureInstances({
          mysqlUrl: process.env.TEST_MYSQL_URL,
          redisUrl,
          env: shared,
          connections: numberEnv('BENCH_INSTANCES_CONNECTIONS', 10),
          seconds: numberEnv('BENCH_INSTANCES_SECONDS', 10),
          pendenze: numberEnv('BENCH_INSTANCES_PENDENZE', 8000),
        });
        rows.push(instancesRow(instances));
      }
    }

    // Last: a tracciato's events are published at OUTBOX_BULK_EVENTS_PER_SECOND for minutes after it
    // is loaded, and would run under every later row (with 1,000 subscribers open, they swamp live esiti).
    let bulk: BulkResult | undefined;
    if (!only || only.includes('bulk')) {
      const bulkRows = numberEnv('BENCH_BULK_ROWS', 100_000);
      console.log(`bench: bulk load of ${bulkRows} pendenze in one tracciato`);
      bulk = await measureBulk(hub.ready.port, bulkRows, ID_DOMINIO);
    }

    console.log(`\n${consoleTable(rows)}\n`);
    const extras = { bulk, subscriptions, flow, instances };
    for (const g of goals(rows, extras)) console.log(`goal: ${g}`);
    for (const n of notes) console.log(`note: ${n}`);
    if (!only) {
      const path = join(projectRoot(), 'BENCHMARKS.md');
      writeSection(path, markdownSection(rows, { date: new Date(), database: db.description, warmupSeconds, seconds, ...extras, notes }));
      console.log(`\nbench: results written to ${path}`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await checkout.stop();
    await ente.stop();
    await db.drop().catch((e) => console.error('bench: could not drop the bench database', e));
  }
}

const NUOVA_PENDENZA = {
  idTipoPendenza: 'SEGRETERIA',
  idDominio: ID_DOMINIO,
  causale: 'Diritti di segreteria',
  soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi' },
  importo: 100.99,
  dataScadenza: '2999-12-31',
  voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'Diritti di segreteria', codEntrata: 'SEGRETERIA' }],
};
const SAVE =
  'mutation ($id: ID!, $pendenza: JSONObject!) { caricaPendenza(input: { idA2A: "IDA2A01", idPendenza: $id, pendenza: $pendenza }) { created pendenza { numeroAvviso } } }';

/** The id suffix of a scenario measured on the baseline build. */
const BEFORE = '@before';

/**
 * The PUT rows of both builds, each of the baseline build right before this build's, which is
 * compared with it: the same load on the same database a few seconds apart.
 */
function beforeAndAfter(ours: Scenario[], theirs: Scenario[], dist: string): Scenario[] {
  return ours.flatMap((s) => {
    const before = theirs.find((b) => b.id === s.id);
    if (!s.id.startsWith('put-') || !before) return [s];
    return [
      { ...before, id: `${s.id}${BEFORE}`, label: `${before.label} [before: ${dist}]`, baseline: `${s.id}${BEFORE}` },
      { ...s, baseline: `${s.id}${BEFORE}` },
    ];
  });
}

/**
 * Loading pendenze: a new pendenza per request through REST compat, the graph and the pendenze
 * subgraph alone (the baseline of the three), and the Avviso PDF of one pendenza (`printed`, its
 * numero avviso). `tag` keeps the ids of two hubs on one database apart.
 */
async function pendenzeScenarios(
  port: number,
  subgraphPort: number,
  signedPrincipal: string,
  tag = '',
): Promise<{ scenarios: Scenario[]; printed: string }> {
  const run = `${tag}${Date.now().toString(36)}`;
  const json = { 'content-type': 'application/json' };
  const rest = `/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01`;
  const body = JSON.stringify(NUOVA_PENDENZA);
  const saved = (b: unknown) =>
    /^\d{18}$/.test(
      (b as { data?: { caricaPendenza?: { pendenza?: { numeroAvviso?: string } } } }).data?.caricaPendenza?.pendenza?.numeroAvviso ?? '',
    );
  const mutation = (n: number) => JSON.stringify({ query: SAVE, variables: { id: `G${run}-${n}`, pendenza: NUOVA_PENDENZA } });
  const sub = (n: number) => JSON.stringify({ query: SAVE, variables: { id: `S${run}-${n}`, pendenza: NUOVA_PENDENZA } });

  const printed = await fetch(`http://127.0.0.1:${port}${rest}/PDF${run}`, {
    method: 'PUT',
    headers: { ...json, authorization: DEMO_APP_AUTHORIZATION },
    body,
  });
  const { numeroAvviso } = (await printed.json()) as { numeroAvviso: string };
  const scenarios: Scenario[] = [
    {
      id: 'put-subgraph',
      label: 'PUT new pendenza: pendenze subgraph alone',
      request: {
        url: `http://127.0.0.1:${subgraphPort}/pendenze/graphql`,
        method: 'POST',
        headers: { ...json, [PRINCIPAL_HEADER]: signedPrincipal },
        body: sub(0),
        vary: (n) => ({ body: sub(n) }),
      },
      check: saved,
    },
    {
      id: 'put-graph',
      label: 'PUT new pendenza: graph (caricaPendenza)',
      baseline: 'put-subgraph',
      request: {
        url: `http://127.0.0.1:${port}/graphql`,
        method: 'POST',
        headers: { ...json, authorization: DEMO_APP_AUTHORIZATION },
        body: mutation(0),
        vary: (n) => ({ body: mutation(n) }),
      },
      check: saved,
    },
    {
      id: 'put-rest',
      label: 'PUT new pendenza: REST compat (API Pendenze v2)',
      baseline: 'put-subgraph',
      request: {
        url: `http://127.0.0.1:${port}${rest}/R${run}-0`,
        method: 'PUT',
        headers: { ...json, authorization: DEMO_APP_AUTHORIZATION },
        body,
        vary: (n) => ({ path: `${rest}/R${run}-${n}` }),
      },
      check: (b) => /^\d{18}$/.test((b as { numeroAvviso?: string }).numeroAvviso ?? ''),
    },
    {
      id: 'avviso-pdf',
      label: 'GET /avvisi as PDF (API Pendenze v2)',
      baseline: 'avviso-pdf',
      request: {
        url: `http://127.0.0.1:${port}/govpay/backend/api/pendenze/rs/basic/v2/avvisi/${ID_DOMINIO}/${numeroAvviso}`,
        method: 'GET',
        headers: { authorization: DEMO_APP_AUTHORIZATION, accept: 'application/pdf' },
      },
      check: () => true,
    },
  ];
  return { scenarios, printed: numeroAvviso };
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
