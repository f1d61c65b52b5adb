import type { EntityManager } from '@mikro-orm/core';
import { runStatement } from '../../../core/native-statement';
import { upsert } from '../../../core/upsert';

const BUMP = 'update anagrafica_revisione set revisione = revisione + 1 where id = 1';
/** The revision's read (its text is also the bench floors'). */
export const READ_REVISION = 'select revisione from anagrafica_revisione where id = 1';

/**
 * Saves a piece of the anagrafica as an upsert and, in the same transaction, moves the anagrafica
 * revision on: every cache of the configuration, in any instance, sees the change at its next use.
 */
export function saveConfiguration<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const saved = upsert(em, async (tx) => {
    const result = await work(tx);
    // Raw statements must run on the transaction's own connection (SQLite has only one).
    await tx.getConnection().execute(BUMP, [], 'run', tx.getTransactionContext());
    return result;
  });
  // What the request reads after its own change must see it.
  return saved.finally(() => seen.delete(em));
}

const seen = new WeakMap<EntityManager, Promise<number>>();

/**
 * The anagrafica revision as one request (its EntityManager) sees it: read once however many of
 * its fields ask, and read again after a change the request makes itself.
 */
export function requestRevision(em: EntityManager): Promise<number> {
  let revision = seen.get(em);
  if (!revision) {
    const read = anagraficaRevision(em);
    seen.set(em, (revision = read));
    read.catch(() => seen.get(em) === read && seen.delete(em));
  }
  return revision;
}

/** The current anagrafica revision: one primary-key read. */
export async function anagraficaRevision(em: EntityManager): Promise<number> {
  // Every authenticated call and every station request reads it: the driver's own call, not the ORM's.
  const [row] = await runStatement(em, READ_REVISION, [], 'all');
  return Number(row?.revisione ?? 0);
}
