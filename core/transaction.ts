import { DeadlockException, LockWaitTimeoutException, type EntityManager } from '@mikro-orm/core';
import { setTimeout as sleep } from 'node:timers/promises';

/** Attempts of one transaction before a deadlock or lock-wait timeout reaches the caller. */
const MAX_ATTEMPTS = 8;
/** The first back-off; each further attempt doubles it, capped, and a random part spreads the contenders. */
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 250;

/** MySQL/MariaDB's deadlock (1213) and lock-wait timeout (1205), however the error reached us. */
export function isTransient(e: unknown): boolean {
  if (e instanceof DeadlockException || e instanceof LockWaitTimeoutException) return true;
  const err = e as { errno?: unknown; code?: unknown } | null;
  return !!err && (err.errno === 1213 || err.errno === 1205 || err.code === 'ER_LOCK_DEADLOCK' || err.code === 'ER_LOCK_WAIT_TIMEOUT');
}

/**
 * Runs `attempt` again when the database aborted it as a deadlock victim or after a lock-wait
 * timeout, a bounded number of times with jittered exponential back-off. InnoDB rolls the whole
 * transaction back in both cases, so `attempt` must be a whole transaction: it runs from scratch.
 */
export async function retryTransient<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isTransient(e) || n >= MAX_ATTEMPTS) throw e;
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (n - 1));
      await sleep(ceiling / 2 + Math.random() * (ceiling / 2));
    }
  }
}

/**
 * A domain write transaction: `work` runs in a transaction on a fresh fork of `em` (so a retry
 * never sees entities a failed attempt loaded), and is run again from scratch when the database
 * aborts it for a deadlock or a lock-wait timeout; the caller never sees those. Inside a
 * transaction already, it joins it (a savepoint) and leaves retrying to the outermost one.
 */
export function transaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (em.isInTransaction()) return em.transactional(work);
  return retryTransient(() => em.fork().transactional(work));
}
