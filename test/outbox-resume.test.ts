import type { MikroORM } from '@mikro-orm/core';
import type { ChildProcess } from 'node:child_process';
import { OutboxJob } from '../schema/entities';
import { openDatabase } from '../schema/orm';
import { enqueue } from '../subgraphs/pagamenti/domain/outbox';
import { notificaJob } from '../subgraphs/pagamenti/ente/notifica';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';
import { startCompiledHub } from './helpers/compiled-hub';
import { scratchDatabase, type ScratchDatabase } from './helpers/database';
import { EnteDouble } from './helpers/ente-double';
import { nuovaPendenza } from './helpers/fixtures';
import { basic, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { DOMINIO, insertPaidRpp, setConnettore } from './helpers/rpp';
import { until } from './helpers/until';

/**
 * A hub killed (SIGKILL) while it notifies a receipt, before the Ente answered: the job stays in the
 * outbox under the dead instance's lease, and another instance delivers it when the lease expires.
 */
let db: ScratchDatabase;
let orm: MikroORM | undefined;
let child: ChildProcess | undefined;
let survivor: TestHub | undefined;
const ente = new EnteDouble();

beforeAll(async () => {
  db = await scratchDatabase();
  await ente.start();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await survivor?.close();
  await orm?.close(true);
  await ente.stop();
  await db?.drop();
});

describe('a notification whose instance dies', () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

  it('is delivered by another instance once the lease expires', async () => {
    const env = { DATABASE_URL: db.url, DEMO_SEED: 'true', LOG_LEVEL: 'info', OUTBOX_POLL_MS: '50', OUTBOX_LEASE_SECONDS: '5', ENTE_NOTIFY_TIMEOUT_MS: '4000' };
    const started = await startCompiledHub(env);
    child = started.child;
    const exited = new Promise((r) => child!.once('exit', r));
    // The first call is never answered: its hub dies while waiting for the Ente.
    ente.answer = (_c, i) => {
      if (i > 0) return { status: 200 };
      child!.kill('SIGKILL');
      return 'hang';
    };

    const put = await call(`http://127.0.0.1:${started.port}`, 'PUT', '/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/KILLED-1', {
      auth: basic(IDA2A01),
      body: nuovaPendenza('KILLED-1'),
    });
    expect(put.status).toBe(201);
    orm = await openDatabase(loadConfig({ DATABASE_URL: db.url }).database, createLogger('silent'));
    await setConnettore(orm.em.fork(), { url: ente.url, versioneApi: 'REST v1' });
    const rpp = await insertPaidRpp(orm.em.fork(), { idPendenza: 'KILLED-1' });
    const job = notificaJob({ idDominio: DOMINIO, iuv: rpp.iuv, ccp: rpp.ccp });
    await orm.em.fork().transactional((em) => enqueue(em, [job]));

    await exited;
    expect(ente.calls).toHaveLength(1);
    const orphan = await orm.em.fork().findOneOrFail(OutboxJob, { chiave: job.chiave });
    expect(orphan).toMatchObject({ stato: 'DA_ESEGUIRE', tentativi: 0 });
    expect(orphan.leaseOwner).toEqual(expect.any(String));

    survivor = await startHub({ DATABASE_URL: db.url, OUTBOX_POLL_MS: '100', OUTBOX_LEASE_SECONDS: '5', ENTE_NOTIFY_TIMEOUT_MS: '4000' });
    const done = await until('the survivor to deliver the orphaned job', async () => {
      const j = await orm!.em.fork().findOneOrFail(OutboxJob, { chiave: job.chiave });
      return j.stato === 'ESEGUITO' && j;
    }, 30_000, 100);
    expect(done).toMatchObject({ stato: 'ESEGUITO', tentativi: 1, leaseOwner: null });
    expect(ente.calls).toHaveLength(2);
    expect(ente.calls.map((c) => c.path)).toEqual([`/pagamenti/${DOMINIO}/${rpp.iuv}`, `/pagamenti/${DOMINIO}/${rpp.iuv}`]);
  }, 90_000);
});
