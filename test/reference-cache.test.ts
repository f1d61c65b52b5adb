import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../schema/orm';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { seedDemo } from '../subgraphs/anagrafica/domain/demo';
import { ReferenceCache } from '../subgraphs/pendenze/domain/references';
import { scratchDatabase, type ScratchDatabase } from './helpers/database';

/**
 * The anagrafica cache shares one load among the requests that want the same dominio. A load
 * started inside one request's transaction must not be what the others wait for: that transaction
 * may end (its connection back in the pool) before the load's last query, and every waiting
 * request would fail with it (seen once on MariaDB as eight 500s from one instance).
 */
const DOMINIO = '12345678901';

let db: ScratchDatabase | undefined;
let orm: MikroORM | undefined;

beforeAll(async () => {
  db = await scratchDatabase();
  orm = await openDatabase(loadConfig({ DATABASE_URL: db.url }).database, createLogger('silent'), 4);
  await seedDemo(orm.em.fork());
}, 60_000);
afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

it('does not make other requests wait on a load that runs in a transaction which ends before it', async () => {
  const cache = new ReferenceCache();
  let insideLoad: Promise<unknown> | undefined;
  // The transaction starts the load and commits without waiting for it, as a request that fails
  // early (a duplicate key) rolls back while the load it started is still running.
  await orm!.em.fork().transactional(async (tx) => {
    insideLoad = cache.dominio(tx, DOMINIO);
    insideLoad.catch(() => undefined);
  });
  const outside = await cache.dominio(orm!.em.fork(), DOMINIO);
  expect(outside?.idDominio).toBe(DOMINIO);
  expect(outside?.tipi.size).toBeGreaterThan(0);
  // A later request is served from the cache, whatever became of the transaction's own load.
  expect((await cache.dominio(orm!.em.fork(), DOMINIO))?.idDominio).toBe(DOMINIO);
});
