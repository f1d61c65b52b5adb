import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { IuvSequence } from '../../../schema/entities';
import { perDatabase } from '../../shared/per-database';

/** How many progressives an instance reserves at a time for single loads. */
const BLOCK = 50;

/**
 * Reserves `count` progressives of a dominio's IUV prefix and returns the last one. The increment
 * is one UPDATE, so the row lock makes concurrent takers (in any instance) wait for each other and
 * no number is ever handed out twice.
 */
export async function reserveProgressives(em: EntityManager, idDominio: string, prefisso: string, count: number): Promise<number> {
  // A fork of its own: this short transaction must not flush whatever the caller has loaded.
  return em.fork().transactional(async (tx) => {
    const conn = tx.getConnection();
    // Raw statements must run on the transaction's own connection (SQLite has only one).
    const inTx = tx.getTransactionContext();
    const bump = () =>
      conn.execute(
        'update iuv_sequences set ultimo = ultimo + ? where id_dominio = ? and prefisso = ?',
        [count, idDominio, prefisso],
        'run',
        inTx,
      );
    if ((await bump()).affectedRows === 0) {
      try {
        await tx.insert(IuvSequence, { idDominio, prefisso, ultimo: count });
        return count;
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
