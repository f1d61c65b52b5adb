import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { RowInserter } from '../core/row-inserter';
import { NodoClient } from '../pagopa/rendicontazione/nodo-client';
import { leggiFlussoRiversamento } from '../pagopa/rendicontazione/flusso-riversamento';
import { Riscossione, Rpp } from '../schema/entities';
import { openDatabase, type Orm } from '../schema/orm';
import { createSimulator } from '../simulator';
import { flowXml } from '../simulator/flows/flow-xml';
import type { PublishedFlow } from '../simulator/flows/flow';
import { RPP_COLUMNS } from '../subgraphs/pagamenti/services';
import { registraFlusso } from '../subgraphs/riconciliazione/services';
import { freshDatabase, seedBenchDatabase } from './database';
import { hubEnv } from './hub-env';
import { startServer } from './processes';
import { machine } from './report';
import { RISCOSSIONE_COLUMNS } from './scale-seed';
import { DEMO_AUTHORIZATION } from './servers';

/**
 * `npm run bench:flusso`: a reporting flow of BENCH_FLOW_PAYMENTS (10,000) payments, each with its
 * receipt and riscossione in the database, acquired from the simulated Nodo and reconciled with one
 * cumulative bank entry (`/PUR/LGPE-RIVERSAMENTO/URI/<idFlusso>`).
 *
 * Two flows: the first is taken apart in this process with the hub's own code — fetch
 * (nodoChiediFlussoRendicontazione through the soap client, less the parse), parse (the
 * FlussoRiversamento read alone), store (registraFlusso) — and matched through a running hub's
 * `riconcilia`; the second goes end to end through that hub: the acquisition mutation, then
 * `riconcilia`. The receipts and riscossioni are written straight to the database beforehand, as
 * the station writes them (their making is not what is measured).
 */
const PAYMENTS = Number(process.env.BENCH_FLOW_PAYMENTS ?? 10_000);
const ID_DOMINIO = '12345678901';
const STAZIONE = { idDominio: ID_DOMINIO, idIntermediario: '11111111113', idStazione: '11111111113_01' };
const PASSWORD = 'Password1!';

const euro = (cents: number) => (cents / 100).toFixed(2);

/** The receipt (one transfer) and riscossione of each of the flow's payments, in bulk. */
async function paid(orm: Orm, flow: PublishedFlow): Promise<void> {
  const em = orm.em.fork();
  const now = new Date();
  await em.transactional(async (tx) => {
    await new RowInserter(tx, Rpp, RPP_COLUMNS).insert(
      tx,
      flow.lines.map((l) => ({
        dominio: ID_DOMINIO,
        iuv: l.iuv,
        ccp: l.iur,
        pendenza: null,
        stato: 'RT_ACCETTATA_PA',
        esito: 'ESEGUITO',
        importoCents: l.importoCents,
        dataPagamento: now,
        idPsp: flow.idPsp,
        ragioneSocialePsp: null,
        idCanale: null,
        versione: 'V2',
        standIn: false,
        duplicato: false,
        richiesta: { creditorReferenceId: l.iuv },
        ricevuta: {
          receiptId: l.iur,
          creditorReferenceId: l.iuv,
          transferList: { transfer: [{ idTransfer: 1, transferAmount: euro(l.importoCents) }] },
        },
        ricevutaXml: '<receipt/>',
        impronta: createHash('sha256').update(l.iur).digest('hex'),
        createdAt: now,
        updatedAt: now,
      })),
    );
    const ids = new Map(
      (await tx.find(Rpp, { dominio: ID_DOMINIO, iuv: { $in: flow.lines.map((l) => l.iuv) } }, { fields: ['id', 'iuv'] })).map((r) => [
        r.iuv,
        r.id,
      ]),
    );
    await new RowInserter(tx, Riscossione, RISCOSSIONE_COLUMNS).insert(
      tx,
      flow.lines.map((l) => ({
        dominio: ID_DOMINIO,
        iuv: l.iuv,
        iur: l.iur,
        indice: 1,
        importoCents: l.importoCents,
        tipo: 'ENTRATA',
        stato: 'RISCOSSA',
        data: now,
        rpp: ids.get(l.iuv),
        createdAt: now,
        updatedAt: now,
      })),
    );
  });
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

async function main(): Promise<void> {
  const log = createLogger('silent');
  const db = await freshDatabase(process.env.TEST_MYSQL_URL);
  await seedBenchDatabase(db.url);
  console.log(`bench: ${machine()}`);
  console.log(`bench: database ${db.description}; a flow of ${PAYMENTS} payments`);
  const sim = createSimulator({ stationUrl: 'http://127.0.0.1:9/station', nodoAuth: { user: 'ndpsym', password: PASSWORD }, logger: log });
  const nodoUrl = `http://127.0.0.1:${await sim.listen(0)}/nodo/nodeForPa`;
  const orm = await openDatabase(loadConfig({ DATABASE_URL: db.url }).database, log, 4);
  const hub = await startServer(
    'hub',
    hubEnv(db.url, {
      RENDICONTAZIONI_SOURCE: 'nodo',
      RENDICONTAZIONI_INTERVAL_SECONDS: '0',
      RENDICONTAZIONI_NODO_URL: nodoUrl,
      RENDICONTAZIONI_NODO_PASSWORD: PASSWORD,
    }),
  );
  const graph = async (query: string, variables: object = {}) => {
    const res = await fetch(`http://127.0.0.1:${hub.ready.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: DEMO_AUTHORIZATION },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors) throw new Error(`graph: ${JSON.stringify(body.errors)}`);
    return body.data ?? {};
  };
  const publish = async () => {
    const [summary] = sim.flows.publish({ idDominio: ID_DOMINIO, synthetic: PAYMENTS });
    const flow = sim.flows.find(ID_DOMINIO, summary.identificativoFlusso);
    if (!flow) throw new Error('the simulator did not keep the flow it published');
    process.stdout.write(`bench: flow ${flow.idFlusso}: writing ${flow.lines.length} receipts and riscossioni… `);
    await paid(orm, flow);
    console.log('done');
    return flow;
  };
  const riconcilia = (flow: PublishedFlow, sct: string) =>
    graph('mutation ($input: RiconciliaInput!) { riconcilia(input: $input) { creata riconciliazione { idRiconciliazione } } }', {
      input: { idDominio: ID_DOMINIO, causale: `BONIFICO SEPA ${flow.causale} RIVERSAMENTO`, importo: euro(flow.importoTotaleCents), sct },
    }).then((d) => {
      if (!(d.riconcilia as { creata?: boolean } | undefined)?.creata)
        throw new Error(`riconcilia of ${flow.idFlusso}: ${JSON.stringify(d)}`);
    });

  try {
    const first = await publish();
    const nodo = new NodoClient({ url: nodoUrl, password: PASSWORD, timeoutMs: 120_000 });
    const [scaricato, fetchAndParse] = await timed(() => nodo.scarica(STAZIONE, first));
    if (!scaricato.ok) throw new Error(`the flow was refused: ${scaricato.errori.join('; ')}`);
    const xml = flowXml(first);
    const [, parse] = await timed(async () => leggiFlussoRiversamento(xml));
    const [stored, store] = await timed(() => registraFlusso(orm.em.fork(), scaricato.flusso));
    if (stored.esito !== 'NUOVO' || stored.anomalie) throw new Error(`stored as ${JSON.stringify(stored)}`);
    const [, match] = await timed(() => riconcilia(first, 'SCT-BENCH-1'));

    const second = await publish();
    const [acquired, acquire] = await timed(() =>
      graph('mutation { acquisisciFlussiRendicontazione { eseguita acquisiti falliti } }').then(
        (d) => d.acquisisciFlussiRendicontazione as { acquisiti: number; falliti: number },
      ),
    );
    if (acquired.acquisiti !== 1 || acquired.falliti) throw new Error(`acquisition: ${JSON.stringify(acquired)}`);
    const [, reconcile] = await timed(() => riconcilia(second, 'SCT-BENCH-2'));

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const fetch = Math.max(0, fetchAndParse - parse);
    console.log(
      [
        '',
        `| ${PAYMENTS} payments | fetch | parse | store | match | total |`,
        '| --- | --- | --- | --- | --- | --- |',
        `| taken apart | ${s(fetch)} | ${s(parse)} | ${s(store)} | ${s(match)} | ${s(fetch + parse + store + match)} |`,
        `| end to end through the hub | ${s(acquire)} (fetch + parse + store) | | | ${s(reconcile)} | ${s(acquire + reconcile)} |`,
        '',
      ].join('\n'),
    );
  } finally {
    await hub.stop();
    await orm.close(true);
    await sim.close();
    await db.drop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
