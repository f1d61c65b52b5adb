import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/mysql';
import { retryTransient } from './transaction';

/**
 * `transaction` for the hottest write (a receipt): the same retry of deadlocks and lock-wait
 * timeouts, the same fresh fork per attempt, joining an outer transaction when there is one; but
 * begun and ended on knex's transaction directly, without MikroORM's transaction manager, which
 * costs more CPU than the receipt's own statements. The fork is bound to the transaction, so ORM
 * reads and writes in `work` run in it, and what they leave unflushed is flushed before the commit.
 */
export function leanTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (em.isInTransaction()) return em.transactional(work);
  return retryTransient(async () => {
    const trx = await (em.getConnection() as AbstractSqlConnection).getKnex().transaction();
    const tx = em.fork();
    tx.setTransactionContext(trx);
    try {
      const result = await work(tx);
      await tx.flush();
      await trx.commit();
      return result;
    } catch (e) {
      // The error that ended the work is the one to report, whatever the ROLLBACK meets.
      await trx.rollback().catch(() => undefined);
      throw e;
    }
  });
}
