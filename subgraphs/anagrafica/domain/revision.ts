import type { EntityManager } from '@mikro-orm/core';
import { upsert } from '../../../core/upsert';

const BUMP = 'update anagrafica_revisione set revisione = revisione + 1 where id = 1';
const READ = 'select revisione from anagrafica_revisione where id = 1';

/**
 * Saves a piece of the anagrafica as an upsert and, in the same transaction, moves the anagrafica
 * revision on: every cache of the configuration, in any instance, sees the change at its next use.
 */
export function saveConfiguration<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return upsert(em, async (tx) => {
    const result = await work(tx);
    // Raw statements must run on the transaction's own connection (SQLite has only one).
    await tx.getConnection().execute(BUMP, [], 'run', tx.getTransactionContext());
    return result;
  });
}

/** The current anagrafica revision: one primary-key read. */
export async function anagraficaRevision(em: EntityManager): Promise<number> {
  const row = await em.getConnection().execute<{ revisione: number | string } | undefined>(READ, [], 'get', em.getTransactionContext());
  return Number(row?.revisione ?? 0);
}
