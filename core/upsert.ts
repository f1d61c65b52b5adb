import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { transaction } from './transaction';

/**
 * Runs an upsert in a transaction. Two concurrent creations of one key both see it absent and
 * both insert; the loser hits the unique key, and running it again turns it into the update it
 * should have been, so the caller sees a clean 200 instead of an error.
 */
export async function upsert<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await transaction(em, work);
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) return transaction(em, work);
    throw e;
  }
}
