import type { MikroORM } from '@mikro-orm/core';
import { OutboxJob } from '../schema/entities';
import { enqueue, outboxSignal, type NuovoJob } from '../schema/outbox';
import { OutboxWorker, type OutboxWorkerOptions } from '../subgraphs/pagamenti/domain/outbox-worker';
import { eventiPendenze, eventoPendenza } from '../subgraphs/pendenze/domain/eventi';
import type { EventBus, HubEvent } from '../core/events';
import { createLogger } from '../core/logger';
import { startHub, type TestHub } from './helpers/hub';
import { until } from './helpers/until';

/**
 * The outbox's event lanes on the suite's database, with workers driven by the test: single
 * events and a tracciato's (bulk) events published once each by several workers, the bulk lane's
 * folding of one pendenza's changes, its hand-back when a worker stops mid-way, and a bus that
 * fails (retried later, never lost).
 */
const silent = createLogger('silent');
let t: TestHub;
let orm: MikroORM;
const workers: OutboxWorker[] = [];

class RecordingBus implements EventBus {
  readonly published: HubEvent[] = [];
  failing = false;
  async publish(event: HubEvent): Promise<void> {
    if (this.failing) throw new Error('Redis down');
    this.published.push(event);
  }
  subscribe(): () => void {
    return () => undefined;
  }
  async close(): Promise<void> {}
}

function worker(bus: EventBus, opts: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  const w = new OutboxWorker(orm.em, bus, silent, {
    owner: `bulk-worker-${workers.length}`,
    pollMs: 3_600_000,
    leaseMs: 30_000,
    notifyTimeoutMs: 5000,
    ...opts,
  });
  workers.push(w);
  w.start();
  return w;
}

const pendenza = (idPendenza: string, stato = 'NON_ESEGUITA') => ({
  idDominio: '12345678901',
  idA2A: 'IDA2A01',
  idPendenza,
  idTipoPendenza: 'SEGRETERIA',
  stato,
});
/** A tracciato chunk's job: `n` pendenze from P-<from>, in state `stato`. */
const chunk = (from: number, n: number, stato?: string) =>
  eventiPendenze(
    Array.from({ length: n }, (_, i) => pendenza(`P-${from + i}`, stato)),
    `eventi:test:${from}:${n}:${stato ?? ''}`,
  );

async function commit(jobs: NuovoJob[]): Promise<void> {
  await orm.em.fork().transactional((em) => enqueue(em, jobs));
  outboxSignal(orm.em).emit('enqueued');
}
const ids = (bus: RecordingBus) => bus.published.map((e) => (e as { idPendenza: string }).idPendenza);

beforeAll(async () => {
  t = await startHub({ OUTBOX_WORKER: 'false', TRACCIATI_WORKER: 'false' });
  orm = t.hub.orm;
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await orm.em.fork().nativeDelete(OutboxJob, {});
});
afterAll(() => t.close());

it('several workers publish every single and bulk event once', async () => {
  const buses = [new RecordingBus(), new RecordingBus(), new RecordingBus()];
  for (const bus of buses) worker(bus, { bulkEventsPerSecond: 2000 });
  const singles = Array.from({ length: 40 }, (_, i) => eventoPendenza(pendenza(`S-${i}`)));
  const bulk = Array.from({ length: 20 }, (_, i) => chunk(1000 + i * 10, 10));
  await commit([...singles, ...bulk]);
  await until('every job done', async () => (await orm.em.fork().count(OutboxJob, { stato: 'ESEGUITO' })) === 60, 30_000);
  const published = buses.flatMap(ids);
  expect(published).toHaveLength(240);
  expect(new Set(published).size).toBe(240);
  const done = await orm.em.fork().find(OutboxJob, {});
  expect(done.every((j) => j.tentativi === 1 && j.leaseOwner === null && j.eseguitoIl instanceof Date)).toBe(true);
});

it('folds the bulk changes of one pendenza into its latest', async () => {
  const bus = new RecordingBus();
  await commit([chunk(1, 3), chunk(2, 1, 'ANNULLATA')]);
  worker(bus, { bulkEventsPerSecond: 2000 });
  await until('both jobs done', async () => (await orm.em.fork().count(OutboxJob, { stato: 'ESEGUITO' })) === 2);
  expect(bus.published.map((e) => [(e as { idPendenza: string }).idPendenza, (e as { stato: string }).stato])).toEqual([
    ['P-1', 'NON_ESEGUITA'],
    ['P-3', 'NON_ESEGUITA'],
    ['P-2', 'ANNULLATA'],
  ]);
});

it('hands bulk events back when its worker stops mid-way, and another worker publishes them', async () => {
  const first = new RecordingBus();
  await commit([chunk(1, 50)]);
  const w = worker(first, { bulkEventsPerSecond: 20 });
  await until('the first events', () => first.published.length > 0);
  await w.stop();
  const handedBack = await orm.em.fork().findOneOrFail(OutboxJob, { tipo: 'EVENTI' });
  expect(handedBack).toMatchObject({ stato: 'DA_ESEGUIRE', leaseOwner: null, tentativi: 0 });
  expect(first.published.length).toBeLessThan(50);

  const second = new RecordingBus();
  worker(second, { bulkEventsPerSecond: 2000 });
  await until(
    'the job done',
    async () => (await orm.em.fork().findOneOrFail(OutboxJob, { tipo: 'EVENTI' }, { refresh: true })).stato === 'ESEGUITO',
  );
  expect(ids(second)).toEqual(Array.from({ length: 50 }, (_, i) => `P-${1 + i}`));
});

it('keeps events the bus refused, to try again later', async () => {
  const bus = new RecordingBus();
  bus.failing = true;
  await commit([eventoPendenza(pendenza('S-1')), chunk(1, 2)]);
  worker(bus);
  const failed = await until('both attempts recorded', async () => {
    const jobs = await orm.em.fork().find(OutboxJob, {}, { orderBy: { id: 'ASC' } });
    return jobs.every((j) => j.tentativi === 1 && j.leaseOwner === null) && jobs;
  });
  for (const j of failed) {
    expect(j).toMatchObject({ stato: 'DA_ESEGUIRE', ultimoErrore: 'Redis down' });
    expect(j.prossimoTentativo.getTime()).toBeGreaterThan(Date.now() + 30_000);
  }
  expect(bus.published).toEqual([]);
});
