import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { IuvSequence } from '../../../schema/entities';

/**
 * Takes the next progressive of a dominio's IUV prefix. The increment is one UPDATE, so the row
 * lock makes concurrent takers (in any instance) wait for each other and no number is ever
 * handed out twice; a taker whose pendenza then fails leaves a harmless gap.
 */
export async function nextProgressive(em: EntityManager, idDominio: string, prefisso: string): Promise<number> {
  // A fork of its own: this short transaction must not flush whatever the caller has loaded.
  return em.fork().transactional(async (tx) => {
    const conn = tx.getConnection();
    // Raw statements must run on the transaction's own connection (SQLite has only one).
    const inTx = tx.getTransactionContext();
    const bump = () =>
      conn.execute('update iuv_sequences set ultimo = ultimo + 1 where id_dominio = ? and prefisso = ?', [idDominio, prefisso], 'run', inTx);
    if ((await bump()).affectedRows === 0) {
      try {
        await tx.insert(IuvSequence, { idDominio, prefisso, ultimo: 1 });
        return 1;
      } catch (e) {
        if (!(e instanceof UniqueConstraintViolationException)) throw e;
        await bump();
      }
    }
    const row = await conn.execute<{ ultimo: number | string }>(
      'select ultimo from iuv_sequences where id_dominio = ? and prefisso = ?',
      [idDominio, prefisso],
      'get',
      inTx,
    );
    return Number(row.ultimo);
  });
}
