import type { MikroORM } from '@mikro-orm/core';
import { OutboxJob, Rpp } from '../schema/entities';
import { openDatabase } from '../schema/orm';
import { enqueue, outboxSignal, type NuovoJob } from '../subgraphs/pagamenti/domain/outbox';
import { retryDelayMs, type OutboxWorker, type OutboxWorkerOptions } from '../subgraphs/pagamenti/domain/outbox-worker';
import { notificaJob } from '../subgraphs/pagamenti/ente/notifica';
import type { EventBus, HubEvent } from '../core/events';
import { createLogger } from '../core/logger';
import { romeDateTime } from '../core/rome-time';
import { EnteDouble } from './helpers/ente-double';
import { basic, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { TestWorkers } from './helpers/outbox';
import { DOMINIO, insertPaidRpp, setConnettore } from './helpers/rpp';
import { until } from './helpers/until';

/**
 * The outbox worker against a real Ente's system over HTTP (a double that can fail, hang or be
 * down) on the suite's database: notifications in GovPay's REST v1 and v2 shapes, retries with
 * the backoff, leases shared by several workers, and events handed to the bus.
 */
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const ROME_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;
const MINUTE = 60_000;
const silent = createLogger('silent');

let t: TestHub;
let ente: EnteDouble;
let orm: MikroORM;
const extraOrms: MikroORM[] = [];

/** The workers' clock: tests move it forward instead of waiting for a retry. */
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);

/** A bus that keeps what it is given. */
class RecordingBus implements EventBus {
  readonly published: HubEvent[] = [];
  async publish(event: HubEvent): Promise<void> {
    this.published.push(event);
  }
  subscribe(): () => void {
    return () => undefined;
  }
  async close(): Promise<void> {}
}

const workers = new TestWorkers({ owner: 'test-worker', leaseMs: 30_000, now });
const worker = (opts: Partial<OutboxWorkerOptions> = {}, bus: EventBus = new RecordingBus(), on: MikroORM = orm): OutboxWorker =>
  workers.start(on.em, bus, opts);

/** Commits jobs as the station does, and tells this process's workers. */
async function commit(jobs: NuovoJob[], on: MikroORM = orm): Promise<void> {
  await on.em.fork().transactional((em) => enqueue(em, jobs));
  outboxSignal(on.em).emit('enqueued');
}

const job = (chiave: string) => orm.em.fork().findOneOrFail(OutboxJob, { chiave });

const attempted = (chiave: string, tentativi: number) =>
  until(`${chiave} at attempt ${tentativi}`, async () => {
    const j = await job(chiave);
    return j.tentativi >= tentativi && !j.leaseOwner && j;
  });

let seq = 0;
/** A pendenza loaded through API Pendenze v2 and a receipt for it. */
async function paid(over: Record<string, unknown> = {}): Promise<Rpp> {
  const idPendenza = `OUTBOX-${++seq}`;
  const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${idPendenza}`, {
    auth: basic(IDA2A01),
    body: nuovaPendenza(idPendenza, over),
  });
  expect(r.status).toBe(201);
  return insertPaidRpp(orm.em.fork(), { idPendenza });
}

const pathV1 = (rpp: Rpp) => `/pagamenti/${DOMINIO}/${rpp.iuv}`;
const keyOf = (rpp: Rpp) => notificaJob({ idDominio: DOMINIO, iuv: rpp.iuv, ccp: rpp.ccp });

beforeAll(async () => {
  t = await startHub({ OUTBOX_WORKER: 'false' });
  orm = t.hub.orm;
  ente = await new EnteDouble().start();
});

beforeEach(async () => {
  await setConnettore(orm.em.fork(), { url: ente.url, versioneApi: 'REST v1', auth: { username: 'ente', password: 'segreto' } });
});

afterEach(async () => {
  await workers.stopAll();
  await orm.em.fork().nativeDelete(OutboxJob, {});
  ente.calls.length = 0;
  ente.answer = () => ({ status: 200 });
  offsetMs = 0;
  if (!ente.listening) await ente.start();
});

afterAll(async () => {
  await ente?.stop();
  for (const o of extraOrms) await o.close(true);
  await t?.close();
});

describe('notifications to the Ente (NOTIFICA_RICEVUTA)', () => {
  it('REST v1: POST /pagamenti/{idDominio}/{iuv} with {idA2A, idPendenza, rpt, rt}, authenticated as the connector says', async () => {
    const rpp = await paid();
    worker();
    await commit([keyOf(rpp)]);
    const done = await until('delivery', async () => (await job(keyOf(rpp).chiave)).stato === 'ESEGUITO' && job(keyOf(rpp).chiave));
    expect(done).toMatchObject({ tentativi: 1, leaseOwner: null, leaseScadenza: null });
    expect(done.eseguitoIl).toBeInstanceOf(Date);
    expect(ente.calls).toHaveLength(1);
    const [c] = ente.calls;
    expect(c.method).toBe('POST');
    expect(c.path).toBe(pathV1(rpp));
    expect(c.headers.authorization).toBe(`Basic ${Buffer.from('ente:segreto').toString('base64')}`);
    expect(c.body).toEqual({ idA2A: 'IDA2A01', idPendenza: rpp.pendenza!.idPendenza, rpt: rpp.richiesta, rt: rpp.ricevuta });
  });

  it("REST v2: PUT /ricevute/{idDominio}/{iuv}/{idRicevuta} with GovPay's Ricevuta", async () => {
    await setConnettore(orm.em.fork(), { url: ente.url, versioneApi: 'REST v2' });
    const rpp = await paid({
      importo: 100.99,
      voci: [
        { idVocePendenza: 'V1', importo: 60.5, descrizione: 'Diritti', codEntrata: 'SEGRETERIA' },
        {
          idVocePendenza: 'V2',
          importo: 40.49,
          descrizione: 'Segreteria',
          ibanAccredito: 'IT02L1234512345123451111111',
          tipoContabilita: 'ALTRO',
          codiceContabilita: '0101100IM',
        },
      ],
    });
    worker();
    await commit([keyOf(rpp)]);
    await until('delivery', async () => (await job(keyOf(rpp).chiave)).stato === 'ESEGUITO');
    expect(ente.calls).toHaveLength(1);
    const [c] = ente.calls;
    expect(c.method).toBe('PUT');
    expect(c.path).toBe(`/ricevute/${DOMINIO}/${rpp.iuv}/${rpp.ccp}`);
    const body = c.body as Record<string, any>;
    expect(body).toMatchObject({
      dominio: { idDominio: DOMINIO, ragioneSociale: expect.any(String) },
      iuv: rpp.iuv,
      idRicevuta: rpp.ccp,
      importo: 100.99,
      esito: 'ESEGUITO',
      modello: 'Pagamento ad iniziativa PSP',
      istitutoAttestante: { idPSP: 'BCITITMM', denominazione: 'Banca Test', idCanale: 'BCITITMM_01', descrizione: 'app' },
      versante: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi', email: 'mario.rossi@testmail.it' },
      dataPagamento: romeDateTime(rpp.dataPagamento),
      rpt: { tipo: 'ctPaymentPA', json: rpp.richiesta },
      rt: { tipo: 'ctReceipt', json: rpp.ricevuta },
    });
    expect(body.dataPagamento).toBe('2026-07-01T12:00:00.000');
    expect(body.data).toMatch(ROME_DATE_TIME);
    expect(Buffer.from(body.rt.xml, 'base64').toString()).toBe(rpp.ricevutaXml);
    expect(body.pendenza).toMatchObject({
      idA2A: 'IDA2A01',
      idPendenza: rpp.pendenza!.idPendenza,
      idTipoPendenza: 'SEGRETERIA',
      dominio: { idDominio: DOMINIO },
      importo: 100.99,
      numeroAvviso: rpp.pendenza!.numeroAvviso,
      soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I' },
      tipo: 'dovuto',
    });
    expect(body.pendenza.importoCents).toBeUndefined();
    const [v1, v2] = body.pendenza.voci;
    // GovPay's text of the voce's stato (this fixture stores the receipt alone, leaving the voci as loaded).
    expect(v1).toMatchObject({ idVocePendenza: 'V1', importo: 60.5, codEntrata: 'SEGRETERIA', stato: 'Non eseguito' });
    expect(v1.codiceTassonomicoPagoPA).toBeUndefined();
    expect(v2).toMatchObject({
      idVocePendenza: 'V2',
      importo: 40.49,
      ibanAccredito: 'IT02L1234512345123451111111',
      codiceTassonomicoPagoPA: '9/0101100IM/',
    });
    expect(v2.riscossione).toEqual({
      idDominio: DOMINIO,
      iuv: rpp.iuv,
      iur: rpp.ccp,
      indice: v2.indice,
      tipo: 'ENTRATA',
      importo: 40.49,
      data: '2026-07-01T12:00:00.000',
    });
  });

  it('without a connector, or for a pendenza the hub does not hold, is done and sends nothing', async () => {
    const rpp = await paid();
    const orphan = await insertPaidRpp(orm.em.fork(), { iuv: '99000000000000001' });
    await setConnettore(orm.em.fork(), null);
    worker();
    await commit([keyOf(rpp), keyOf(orphan)]);
    for (const r of [rpp, orphan]) {
      const done = await until('the job done', async () => (await job(keyOf(r).chiave)).stato === 'ESEGUITO' && job(keyOf(r).chiave));
      expect(done).toMatchObject({ tentativi: 1, ultimoErrore: null });
    }
    expect(ente.calls).toHaveLength(0);
  });

  it('a malformed payload is a failure kept in the job, and no receipt is notified in its place', async () => {
    await paid();
    worker();
    await commit([{ tipo: 'NOTIFICA_RICEVUTA', chiave: 'notifica:malformed', payload: { idDominio: DOMINIO, iuv: 5 } }]);
    const failed = await attempted('notifica:malformed', 1);
    expect(failed.stato).toBe('DA_ESEGUIRE');
    expect(failed.ultimoErrore).toMatch(/payload is not \{idDominio, iuv, ccp\}/);
    expect(ente.calls).toHaveLength(0);
  });

  it('an Ente answering 500 gets the notification again at the retry: tentativi and prossimoTentativo follow the backoff', async () => {
    const rpp = await paid();
    const { chiave } = keyOf(rpp);
    ente.answer = (_c, i) => (i === 0 ? { status: 500, body: { errore: 'database non disponibile' } } : { status: 200 });
    const w = worker();
    const before = now().getTime();
    await commit([keyOf(rpp)]);
    const failed = await attempted(chiave, 1);
    const after = now().getTime();
    expect(failed.stato).toBe('DA_ESEGUIRE');
    expect(failed.ultimoErrore).toContain('HTTP 500');
    expect(failed.ultimoErrore).toContain('database non disponibile');
    expect(failed.prossimoTentativo.getTime()).toBeGreaterThanOrEqual(before + MINUTE);
    expect(failed.prossimoTentativo.getTime()).toBeLessThanOrEqual(after + MINUTE);

    // Not due yet: a kick leaves it alone.
    w.kick();
    offsetMs += MINUTE / 2;
    w.kick();
    await new Promise((r) => setTimeout(r, 200));
    expect(ente.calls).toHaveLength(1);

    offsetMs += MINUTE;
    w.kick();
    const done = await until('delivery', async () => (await job(chiave)).stato === 'ESEGUITO' && job(chiave));
    expect(done.tentativi).toBe(2);
    expect(ente.callsTo(pathV1(rpp))).toHaveLength(2);
  });

  it('an Ente that does not answer within the notify timeout is a failure, and other jobs go on meanwhile', async () => {
    const slow = await paid();
    const quick = await paid();
    ente.answer = (c) => (c.path === pathV1(slow) ? 'hang' : { status: 200 });
    worker({ notifyTimeoutMs: 3000 });
    await commit([keyOf(slow)]);
    await until('the slow call', () => ente.callsTo(pathV1(slow)).length === 1);
    await commit([keyOf(quick)]);
    await until('the quick delivery', async () => (await job(keyOf(quick).chiave)).stato === 'ESEGUITO');
    expect((await job(keyOf(slow).chiave)).tentativi).toBe(0);

    const failed = await attempted(keyOf(slow).chiave, 1);
    expect(failed.stato).toBe('DA_ESEGUIRE');
    expect(failed.ultimoErrore).toContain('no answer within 3000 ms');
  });

  it('an Ente down for many attempts gets the notification once when it is back', async () => {
    const rpp = await paid();
    const { chiave } = keyOf(rpp);
    await ente.stop();
    const w = worker();
    await commit([keyOf(rpp)]);
    for (let n = 1; n <= 6; n++) {
      const failed = await attempted(chiave, n);
      // The first call may find the pooled connection the double closed when it went down.
      expect(failed.ultimoErrore).toMatch(n === 1 ? /ECONNREFUSED|UND_ERR_SOCKET/ : /ECONNREFUSED/);
      offsetMs += retryDelayMs(n);
      w.kick();
    }
    await attempted(chiave, 7);
    await ente.start();
    offsetMs += retryDelayMs(7);
    w.kick();
    const done = await until('delivery', async () => (await job(chiave)).stato === 'ESEGUITO' && job(chiave));
    expect(done.tentativi).toBe(8);
    expect(ente.calls).toHaveLength(1);
  });

  it('retries after n² minutes, never later than a day', async () => {
    expect([1, 2, 3, 10, 37].map(retryDelayMs)).toEqual([1, 4, 9, 100, 1369].map((m) => m * MINUTE));
    expect(retryDelayMs(38)).toBe(24 * 60 * MINUTE);
    expect(retryDelayMs(10_000)).toBe(24 * 60 * MINUTE);

    const rpp = await paid();
    const { chiave } = keyOf(rpp);
    ente.answer = () => ({ status: 503 });
    await commit([keyOf(rpp)]);
    await orm.em.fork().nativeUpdate(OutboxJob, { chiave }, { tentativi: 99 });
    worker();
    const before = now().getTime();
    const failed = await attempted(chiave, 100);
    expect(failed.prossimoTentativo.getTime() - before).toBeGreaterThanOrEqual(24 * 60 * MINUTE);
    expect(failed.prossimoTentativo.getTime() - now().getTime()).toBeLessThanOrEqual(24 * 60 * MINUTE);
  });
});

describe('several workers on one database', () => {
  it('never run a job twice: every notification reaches the Ente once, every event the bus once', async () => {
    const second = await openDatabase(t.hub.config.database, silent);
    extraOrms.push(second);
    const rpps: Rpp[] = [];
    for (let i = 0; i < 12; i++) rpps.push(await paid());
    const events = Array.from({ length: 30 }, (_, i) => evento(`P-${i}`));
    const buses = [new RecordingBus(), new RecordingBus(), new RecordingBus()];
    worker({ concurrency: 3 }, buses[0]);
    worker({ concurrency: 3 }, buses[1]);
    worker({ concurrency: 3 }, buses[2], second);
    await commit([...rpps.map(keyOf), ...events.map(eventoJob)]);
    outboxSignal(second.em).emit('enqueued');
    // Each PUT of paid() announced its pendenza too: one more event per receipt.
    const announced = events.length + rpps.length;
    await until('every job done', async () => (await orm.em.fork().count(OutboxJob, { stato: 'ESEGUITO' })) === rpps.length + announced);
    for (const rpp of rpps) expect(ente.callsTo(pathV1(rpp))).toHaveLength(1);
    const published = buses.flatMap((b) => b.published);
    expect(published).toHaveLength(announced);
    expect(new Set(published.map((e) => (e as { idPendenza: string }).idPendenza)).size).toBe(announced);
  });
});

describe('events (EVENTO)', () => {
  it('are published to the bus once, as enqueued', async () => {
    const bus = new RecordingBus();
    worker({}, bus);
    const e = evento('EV-1');
    await commit([eventoJob(e)]);
    await until('the event', () => bus.published.length === 1);
    expect(bus.published).toEqual([e]);
    const done = await job(eventoJob(e).chiave);
    expect(done).toMatchObject({ stato: 'ESEGUITO', tentativi: 1 });
  });

  it("reach the hub's own bus as soon as the job commits on that instance (OUTBOX_WORKER, no poll in between)", async () => {
    const db = t.hub.config.database;
    const second = await startHub({ DATABASE_URL: db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url, OUTBOX_POLL_MS: '3600000' });
    try {
      const heard: HubEvent[] = [];
      second.hub.events.subscribe((e) => heard.push(e));
      const e = evento('EV-HUB');
      await commit([eventoJob(e)], second.hub.orm);
      await until('the event on the hub bus', () => heard.length === 1);
      expect(heard).toEqual([e]);
    } finally {
      await second.close();
    }
  });
});

function evento(idPendenza: string): HubEvent {
  return {
    v: 1,
    tipo: 'pendenzaAggiornata',
    idDominio: DOMINIO,
    idA2A: 'IDA2A01',
    idPendenza,
    idTipoPendenza: 'SEGRETERIA',
    stato: 'ESEGUITA',
    at: new Date().toISOString(),
  };
}

const eventoJob = (e: HubEvent): NuovoJob => ({
  tipo: 'EVENTO',
  chiave: `evento:${(e as { idPendenza: string }).idPendenza}:${e.at}`,
  payload: e as unknown as Record<string, unknown>,
});
