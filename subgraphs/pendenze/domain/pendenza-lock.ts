import { MySqlPlatform } from '@mikro-orm/mysql';
import type { EntityManager } from '@mikro-orm/core';

/**
 * Locks a pendenza's row for the rest of the caller's transaction (`SELECT … FOR UPDATE` on
 * MySQL/MariaDB; SQLite serialises writers), as the receipt path does: every change of a
 * pendenza's state takes turns with a payment of it, so none is lost or undone. It must be the
 * transaction's first read: InnoDB's snapshot then starts after the lock was granted, and the
 * reads that follow see what the previous holder committed.
 */
export async function lockPendenza(tx: EntityManager, idA2A: string, idPendenza: string): Promise<void> {
  if (!(tx.getPlatform() instanceof MySqlPlatform)) return;
  await tx
    .getConnection()
    .execute('select id from pendenze where id_a2a = ? and id_pendenza = ? for update', [idA2A, idPendenza], 'all', tx.getTransactionContext());
}
