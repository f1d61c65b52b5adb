import type { MikroORM } from '@mikro-orm/core';
import { OutboxJob } from '../schema/entities';
import { enqueue, outboxSignal, type NuovoJob } from '../subgraphs/pagamenti/domain/outbox';
import { OutboxRows, outboxRows, type Lane } from '../subgraphs/pagamenti/domain/outbox-rows';
import { retryDelayMs, type OutboxWorker, type OutboxWorkerOptions } from '../subgraphs/pagamenti/domain/outbox-worker';
import type { EventBus } from '../core/events';
import { EnteDouble } from './helpers/ente-double';
import { paidNotification, TestWorkers } from './helpers/outbox';
import { startHub, type TestHub } from './helpers/hub';
import { DOMINIO, setConnettore } from './helpers/rpp';
import { until } from './helpers/until';

/**
 * The outbox worker under the conditions of a busy hub, on the suite's database: a failed write of
 * a job's end is tried again (not left to the lease's expiry), an Ente that is down costs a few
 * looks per poll and no calls until the retry is due, and the compiled statements the worker uses
 * write exactly what the ORM wrote.
 */
const bus: EventBus = { publish: async () => undefined, subscribe: () => () => undefined, close: async () => undefined };
const LEASE_MS = 60_000;

let t: TestHub;
let orm: MikroORM;
let ente: EnteDouble;
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
let seq = 0;

const workers = new TestWorkers({ owner: 'load', leaseMs: LEASE_MS, now });
const worker = (opts: Partial<OutboxWorkerOptions> = {}): OutboxWorker => workers.start(orm.em, bus, opts);

/** Paid receipts' notifications, committed (the PUTs' own events are left out: only notifications here). */
async function notifications(n: number): Promise<string[]> {
  const jobs: NuovoJob[] = [];
  for (let i = 0; i < n; i++) jobs.push(await paidNotification(t.baseUrl, orm.em.fork(), `LOAD-${++seq}`));
  await orm.em.fork().nativeDelete(OutboxJob, {});
  await orm.em.fork().transactional((em) => enqueue(em, jobs));
  outboxSignal(orm.em).emit('enqueued');
  return jobs.map((j) => j.chiave);
}

const jobsOf = (chiavi: string[]) => orm.em.fork().find(OutboxJob, { chiave: { $in: chiavi } }, { orderBy: { id: 'ASC' } });

beforeAll(async () => {
  t = await startHub({ OUTBOX_WORKER: 'false' });
  orm = t.hub.orm;
  ente = await new EnteDouble().start();
  await setConnettore(orm.em.fork(), { url: ente.url, versioneApi: 'REST v1' });
});

afterEach(async () => {
  jest.restoreAllMocks();
  await workers.stopAll();
  await orm.em.fork().nativeDelete(OutboxJob, {});
  ente.reset();
  offsetMs = 0;
  if (!ente.listening) await ente.start();
});

afterAll(async () => {
  await ente?.stop();
  await t?.close();
});

describe('the end of a job is recorded even when the first write fails', () => {
  it('a delivered notification whose write fails is written again, not left to its lease: done, sent once', async () => {
    const done = jest.spyOn(OutboxRows.prototype, 'done').mockImplementationOnce(() => Promise.reject(new Error('database is locked')));
    const [chiave] = await notifications(1);
    worker();
    const job = await until('the job done', async () => (await jobsOf([chiave])).find((j) => j.stato === 'ESEGUITO'));
    expect(job).toMatchObject({ tentativi: 1, leaseOwner: null, leaseScadenza: null });
    expect(done).toHaveBeenCalledTimes(2);
    expect(ente.calls).toHaveLength(1);
  });

  it('a failed attempt whose write fails is written again: the job waits for its retry, free of its lease', async () => {
    ente.answer = () => ({ status: 503 });
    const failed = jest
      .spyOn(OutboxRows.prototype, 'failed')
      .mockImplementationOnce(() => Promise.reject(new Error('Connection lost: The server closed the connection.')));
    const [chiave] = await notifications(1);
    const before = now().getTime();
    worker();
    const job = await until('the failure recorded', async () => (await jobsOf([chiave])).find((j) => j.tentativi === 1));
    expect(job).toMatchObject({ stato: 'DA_ESEGUIRE', leaseOwner: null, leaseScadenza: null });
    expect(job.ultimoErrore).toContain('HTTP 503');
    expect(job.prossimoTentativo.getTime()).toBeGreaterThanOrEqual(before + retryDelayMs(1));
    expect(failed).toHaveBeenCalledTimes(2);
  });
});

describe('an Ente that is down', () => {
  it('costs a bounded number of looks while its notifications wait for their retry, and gets them once it is back and they are due', async () => {
    await ente.stop();
    const chiavi = await notifications(6);
    const w = worker({ pollMs: 200 });
    await until('every notification tried once', async () => (await jobsOf(chiavi)).every((j) => j.tentativi === 1 && !j.leaseOwner));

    const claims = jest.spyOn(OutboxRows.prototype, 'claim');
    const windowMs = 2000;
    await new Promise((r) => setTimeout(r, windowMs));
    // Each poll looks once in each of the three lanes; a loop over the failing jobs would look thousands of times.
    expect(claims.mock.calls.length).toBeLessThanOrEqual(3 * (windowMs / 200 + 2));
    expect((await jobsOf(chiavi)).every((j) => j.tentativi === 1 && j.stato === 'DA_ESEGUIRE')).toBe(true);

    await ente.start();
    offsetMs += retryDelayMs(1);
    w.kick();
    const done = await until('every notification delivered', async () => {
      const jobs = await jobsOf(chiavi);
      return jobs.every((j) => j.stato === 'ESEGUITO') && jobs;
    });
    expect(done.map((j) => j.tentativi)).toEqual(chiavi.map(() => 2));
    expect(ente.calls).toHaveLength(chiavi.length);
  });
});

describe('the compiled statements write what the ORM wrote', () => {
  /** Every column but the id and the key, as the database stores it. */
  const stored = async (prefix: string) => {
    const rows = await orm.em.getConnection().execute('select * from outbox where chiave like ? order by id', [`${prefix}%`]);
    return (rows as Array<Record<string, unknown>>).map(({ id: _id, chiave, ...rest }) => ({
      n: String(chiave).slice(prefix.length),
      ...rest,
    }));
  };
  const commit = (prefix: string, at: Date) =>
    orm.em.fork().transactional((em) =>
      enqueue(
        em,
        [1, 2, 3].map((i) => ({
          tipo: 'NOTIFICA_RICEVUTA',
          chiave: `${prefix}${i}`,
          payload: { idDominio: DOMINIO, iuv: `iuv-${i}`, ccp: 'c', n: [i, 'à'] },
        })),
      ).then(() =>
        em.nativeUpdate(OutboxJob, { chiave: { $like: `${prefix}%` } }, { createdAt: at, updatedAt: at, prossimoTentativo: at }),
      ),
    );

  it('claim, done and failed leave the same rows as the ORM statements they replace', async () => {
    const at = new Date(Date.now() - 1000);
    const claimAt = new Date(at.getTime() + 500);
    const leaseUntil = new Date(claimAt.getTime() + LEASE_MS);
    const endAt = new Date(claimAt.getTime() + 100);
    const failure = { tentativi: 1, prossimoTentativo: new Date(endAt.getTime() + retryDelayMs(1)), ultimoErrore: 'HTTP 500 è giù' };
    await commit('orm:', at);
    await commit('sql:', at);

    // The ORM path, as the worker wrote it before.
    const em = orm.em.fork();
    const ormJobs = await em.find(OutboxJob, { chiave: { $like: 'orm:%' } }, { orderBy: { id: 'ASC' } });
    const ormIds = ormJobs.map((j) => j.id);
    await em.nativeUpdate(
      OutboxJob,
      { id: { $in: ormIds }, stato: 'DA_ESEGUIRE', prossimoTentativo: { $lte: claimAt }, leaseScadenza: null },
      { leaseOwner: 'tok', leaseScadenza: leaseUntil, updatedAt: claimAt },
    );
    await em.nativeUpdate(
      OutboxJob,
      { id: { $in: ormIds.slice(0, 2) }, leaseOwner: 'tok' },
      { tentativi: 1, stato: 'ESEGUITO', eseguitoIl: endAt, leaseOwner: null, leaseScadenza: null, updatedAt: endAt },
    );
    await em.nativeUpdate(
      OutboxJob,
      { id: ormIds[2], leaseOwner: 'tok' },
      { ...failure, leaseOwner: null, leaseScadenza: null, updatedAt: endAt },
    );

    // The compiled path; the chiave prefix keeps the two sets apart, the lane takes only notifications.
    await orm.em.fork().nativeUpdate(OutboxJob, { chiave: { $like: 'orm:%' } }, { tipo: 'EVENTI' });
    const rows = outboxRows(orm.em);
    const claimed = await rows.claim(orm.em.fork(), { not: ['EVENTO', 'EVENTI'] }, 'tok', claimAt, leaseUntil, 10);
    expect(claimed.map((j) => j.chiave)).toEqual(['sql:1', 'sql:2', 'sql:3']);
    expect(claimed[0]).toMatchObject({
      tipo: 'NOTIFICA_RICEVUTA',
      tentativi: 0,
      payload: { idDominio: DOMINIO, iuv: 'iuv-1', ccp: 'c', n: [1, 'à'] },
    });
    await rows.done(orm.em.fork(), claimed.slice(0, 2), 'tok', endAt);
    await rows.failed(orm.em.fork(), [claimed[2].id], failure, 'tok', endAt);
    await orm.em.fork().nativeUpdate(OutboxJob, { chiave: { $like: 'orm:%' } }, { tipo: 'NOTIFICA_RICEVUTA' });

    const [viaOrm, viaSql] = [await stored('orm:'), await stored('sql:')];
    expect(viaSql).toEqual(viaOrm);
    expect(viaSql.map((r) => (r as { stato?: unknown }).stato)).toEqual(['ESEGUITO', 'ESEGUITO', 'DA_ESEGUIRE']);
  });

  it('a claim takes nothing that is leased, not due or done, and a job leased by another claim is not released by this one', async () => {
    const at = new Date(Date.now() - 1000);
    await commit('lease:', at);
    const rows = outboxRows(orm.em);
    const lane: Lane = { not: ['EVENTO', 'EVENTI'] };
    const first = await rows.claim(orm.em.fork(), lane, 'one', now(), new Date(Date.now() + LEASE_MS), 2);
    const second = await rows.claim(orm.em.fork(), lane, 'two', now(), new Date(Date.now() + LEASE_MS), 10);
    expect(first.map((j) => j.chiave)).toEqual(['lease:1', 'lease:2']);
    expect(second.map((j) => j.chiave)).toEqual(['lease:3']);
    expect(await rows.claim(orm.em.fork(), lane, 'three', now(), new Date(Date.now() + LEASE_MS), 10)).toEqual([]);
    await rows.done(orm.em.fork(), first, 'two', now());
    expect((await jobsOf(['lease:1', 'lease:2'])).map((j) => [j.stato, j.leaseOwner])).toEqual([
      ['DA_ESEGUIRE', 'one'],
      ['DA_ESEGUIRE', 'one'],
    ]);
    // Due only in a minute: not taken.
    await orm.em
      .fork()
      .nativeUpdate(
        OutboxJob,
        { chiave: 'lease:3' },
        { leaseOwner: null, leaseScadenza: null, prossimoTentativo: new Date(Date.now() + 60_000) },
      );
    expect(await rows.claim(orm.em.fork(), lane, 'four', now(), new Date(Date.now() + LEASE_MS), 10)).toEqual([]);
  });
});
