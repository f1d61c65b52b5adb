import type { MikroORM } from '@mikro-orm/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'libsql';
import { OutboxJob } from '../schema/entities';
import { openDatabase } from '../schema/orm';
import { enqueue, outboxSignal } from '../subgraphs/pagamenti/domain/outbox';
import { OutboxWorker } from '../subgraphs/pagamenti/domain/outbox-worker';
import type { EventBus } from '../core/events';
import { createLogger } from '../core/logger';
import { dialect } from './helpers/database';
import { paidNotification } from './helpers/outbox';
import { startHub, type TestHub } from './helpers/hub';
import { setConnettore } from './helpers/rpp';
import { describeIf } from './helpers/skip';
import { until } from './helpers/until';

/**
 * SQLite, the default database, shared with another connection or process (a second instance,
 * seed:demo, an operator's sqlite3): the worker's lease release must not fail with "database is
 * locked" because someone reads, must wait for a short write, and when a write outlasts the busy
 * timeout the release is tried again instead of leaving the job to its lease's expiry.
 */
const silent = createLogger('silent');
const bus: EventBus = { publish: async () => undefined, subscribe: () => () => undefined, close: async () => undefined };
/** Far beyond what any test here waits: a job left to its lease would fail the test. */
const LEASE_MS = 60_000;
const BUSY_TIMEOUT_MS = 200;

let t: TestHub;
let orm: MikroORM;
let path: string;
let ente: Server;
let enteUrl: string;
/** What the Ente's system does before it answers a notification (the test's moment to lock the database). */
let beforeAnswer: () => Promise<void> = async () => undefined;
let worker: OutboxWorker | undefined;
let seq = 0;

/** A paid receipt's notification, committed: its chiave. */
async function notification(): Promise<string> {
  const job = await paidNotification(t.baseUrl, orm.em.fork(), `LOCKS-${++seq}`);
  await orm.em.fork().transactional((em) => enqueue(em, [job]));
  return job.chiave;
}

function startWorker(): void {
  worker = new OutboxWorker(orm.em, bus, silent, { owner: 'locks-worker', pollMs: 3_600_000, leaseMs: LEASE_MS, notifyTimeoutMs: 5000 });
  worker.start();
  outboxSignal(orm.em).emit('enqueued');
}

const job = (chiave: string) => orm.em.fork().findOneOrFail(OutboxJob, { chiave });

/** Another process holding SQLite's write lock for `ms`; resolves once it holds it. */
async function writerHolding(ms: number): Promise<ChildProcess> {
  const code = `
    const Database = require(${JSON.stringify(require.resolve('libsql'))});
    const db = new Database(${JSON.stringify(path)});
    db.exec('BEGIN IMMEDIATE');
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString()).toContain('locked');
  return child;
}

describeIf(dialect === 'sqlite', 'SQLite alone has file locks')('the outbox on a SQLite file shared with other connections', () => {
  beforeAll(async () => {
    t = await startHub({ OUTBOX_WORKER: 'false', SQLITE_BUSY_TIMEOUT_MS: String(BUSY_TIMEOUT_MS) });
    orm = t.hub.orm;
    const db = t.hub.config.database;
    if (db.dialect !== 'sqlite') throw new Error('SQLite expected');
    path = db.path;
    ente = createServer((req, res) => {
      req.resume();
      req.on('end', () => void beforeAnswer().then(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
    });
    ente.listen(0, '127.0.0.1');
    await once(ente, 'listening');
    enteUrl = `http://127.0.0.1:${(ente.address() as AddressInfo).port}/ente`;
    await setConnettore(orm.em.fork(), { url: enteUrl, versioneApi: 'REST v1' });
  });

  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    beforeAnswer = async () => undefined;
  });

  afterAll(async () => {
    ente?.closeAllConnections();
    ente?.close();
    await t?.close();
  });

  it('runs in WAL mode with the configured busy timeout on every connection', async () => {
    const conn = orm.em.getConnection();
    expect(await conn.execute('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await conn.execute('pragma busy_timeout')).toEqual([{ timeout: BUSY_TIMEOUT_MS }]);
  });

  it('a reader holding a transaction open does not stop the worker from releasing its lease', async () => {
    const reader = new Database(path);
    try {
      beforeAnswer = async () => {
        reader.exec('BEGIN');
        reader.prepare('select count(*) from outbox').all();
      };
      const chiave = await notification();
      startWorker();
      const done = await until(
        'the job done while the reader still reads',
        async () => (await job(chiave)).stato === 'ESEGUITO' && job(chiave),
        5000,
      );
      expect(reader.inTransaction).toBe(true);
      expect(done).toMatchObject({ tentativi: 1, leaseOwner: null, leaseScadenza: null });
    } finally {
      if (reader.inTransaction) reader.exec('COMMIT');
      reader.close();
    }
  });

  it('a write of another process that outlasts the busy timeout delays the release, which is retried: the job is done long before its lease expires', async () => {
    let writer: ChildProcess | undefined;
    beforeAnswer = async () => {
      writer = await writerHolding(BUSY_TIMEOUT_MS * 6);
    };
    const chiave = await notification();
    const started = Date.now();
    startWorker();
    const done = await until(
      'the job done once the other write ends',
      async () => (await job(chiave)).stato === 'ESEGUITO' && job(chiave),
      10_000,
    );
    expect(writer).toBeDefined();
    expect(Date.now() - started).toBeLessThan(LEASE_MS / 4);
    expect(done).toMatchObject({ tentativi: 1, leaseOwner: null, leaseScadenza: null });
    if (writer!.exitCode === null) await once(writer!, 'exit');
  });

  it('an in-memory database (no WAL there) still opens and migrates', async () => {
    const memory = await openDatabase({ dialect: 'sqlite', path: ':memory:' }, silent);
    try {
      expect(await memory.em.fork().count(OutboxJob, {})).toBe(0);
      expect(await memory.em.getConnection().execute('pragma journal_mode')).toEqual([{ journal_mode: 'memory' }]);
    } finally {
      await memory.close(true);
    }
  });
});
