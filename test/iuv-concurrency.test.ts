import type { MikroORM } from '@mikro-orm/core';
import { IuvSequence } from '../schema/entities';
import { openDatabase } from '../schema/orm';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';
import { scratchDatabase, type ScratchDatabase } from './helpers/database';
import { runCompiled } from './helpers/run-compiled';

/**
 * The IUV allocator on its own, in two processes on one database: the write path's retry on a
 * duplicate key (PUT of a pendenza) is not there to hide a number handed out twice.
 */
const DOMINIO = '12345678901';
const PREFISSO = '77';
const ALLOCATORS = 4;
const TAKES = 100;
// Per allocator: 96 takes of one number and 4 of 60, more than the block an allocator reserves.
const PER_PROCESS = ALLOCATORS * (96 + 4 * 60);

let db: ScratchDatabase | undefined;
let orm: MikroORM | undefined;

beforeAll(async () => {
  await ensureBuilt();
  db = await scratchDatabase();
  // Migrated here, so that the two processes only take numbers.
  orm = await openDatabase(loadConfig({ DATABASE_URL: db.url }).database, createLogger('silent'), 2);
}, BUILD_TIMEOUT_MS);
afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

it('never hands out one number twice to two processes taking at once from a new prefix', async () => {
  const args = [db!.url, DOMINIO, PREFISSO, String(ALLOCATORS), String(TAKES)];
  const outputs = await Promise.all([1, 2].map(() => runCompiled('test/helpers/iuv-taker.js', args)));
  const numbers = outputs.flatMap((out) => JSON.parse(out) as number[]);

  expect(numbers).toHaveLength(2 * PER_PROCESS);
  expect(new Set(numbers).size).toBe(numbers.length);
  const { ultimo } = await orm!.em.fork().findOneOrFail(IuvSequence, { idDominio: DOMINIO, prefisso: PREFISSO });
  expect(Math.min(...numbers)).toBe(1);
  expect(Math.max(...numbers)).toBeLessThanOrEqual(ultimo);
}, 120_000);
