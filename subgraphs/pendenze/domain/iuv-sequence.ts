import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { IuvSequence } from '../../../schema/entities';
import { perDatabase } from '../../../core/per-database';
import { retryTransient } from '../../../core/transaction';

/** How many progressives an instance reserves at a time for single loads. */
const BLOCK = 50;

/**
 * Reserves `count` progressives of a dominio's IUV prefix and returns the last one. The increment
 * is one UPDATE, so the row lock makes concurrent takers (in any instance) wait for each other and
 * no number is ever handed out twice.
 */
async function reserveProgressives(em: EntityManager, idDominio: string, prefisso: string, count: number): Promise<number> {
  const last = await bump(em, idDominio, prefisso, count);
  if (last !== null) return last;
  // The prefix's first number: its row is created outside any transaction, since two instances
  // creating it inside their UPDATE transactions would take gap locks on MySQL and deadlock.
  try {
    await em.fork().insert(IuvSequence, { idDominio, prefisso, ultimo: 0 });
  } catch (e) {
    if (!(e instanceof UniqueConstraintViolationException)) throw e;
  }
  const first = await bump(em, idDominio, prefisso, count);
  if (first === null) throw new Error(`IUV sequence ${idDominio}/${prefisso} missing right after its creation`);
  return first;
}

/**
 * Adds `count` to a sequence and reads it back in one short transaction; null when the row does
 * not exist. Retried on a deadlock or lock-wait timeout: every request waiting on this refill would
 * fail with it.
 */
function bump(em: EntityManager, idDominio: string, prefisso: string, count: number): Promise<number | null> {
  // A fork of its own: this short transaction must not flush whatever the caller has loaded.
  return retryTransient(() =>
    em.fork().transactional(async (tx) => {
      const conn = tx.getConnection();
      // Raw statements must run on the transaction's own connection (SQLite has only one).
      const inTx = tx.getTransactionContext();
      const sql = 'update iuv_sequences set ultimo = ultimo + ? where id_dominio = ? and prefisso = ?';
      if ((await conn.execute(sql, [count, idDominio, prefisso], 'run', inTx)).affectedRows === 0) return null;
      const row = await conn.execute<{ ultimo: number | string }>(
        'select ultimo from iuv_sequences where id_dominio = ? and prefisso = ?',
        [idDominio, prefisso],
        'get',
        inTx,
      );
      return Number(row.ultimo);
    }),
  );
}

interface Pool {
  /** Reserved and not yet handed out, smallest first. */
  free: number[];
  refill?: Promise<void>;
}

/**
 * Hands out IUV progressives from blocks reserved in the database, so that a load costs no
 * round trip most of the time. A number handed out and not used (the pendenza existed already)
 * goes back to the pool; numbers reserved by an instance that stops are never used: a gap,
 * harmless to pagoPA, never a duplicate.
 */
export class IuvAllocator {
  private readonly pools = new Map<string, Pool>();

  async take(em: EntityManager, idDominio: string, prefisso: string, count = 1): Promise<number[]> {
    const pool = this.pool(idDominio, prefisso);
    while (pool.free.length < count) {
      if (!pool.refill) {
        const wanted = Math.max(BLOCK, count - pool.free.length);
        pool.refill = reserveProgressives(em, idDominio, prefisso, wanted)
          .then((last) => {
            for (let n = last - wanted + 1; n <= last; n++) pool.free.push(n);
          })
          .finally(() => {
            pool.refill = undefined;
          });
      }
      await pool.refill;
    }
    return pool.free.splice(0, count);
  }

  /** Returns progressives that were taken but never written anywhere. */
  release(idDominio: string, prefisso: string, progressives: number[]): void {
    const pool = this.pool(idDominio, prefisso);
    pool.free.push(...progressives);
    pool.free.sort((a, b) => a - b);
  }

  private pool(idDominio: string, prefisso: string): Pool {
    const key = `${idDominio}|${prefisso}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = { free: [] };
      this.pools.set(key, pool);
    }
    return pool;
  }
}

export const iuvAllocator = (em: EntityManager): IuvAllocator => perDatabase(em, 'pendenze.iuv', () => new IuvAllocator());
