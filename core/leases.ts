import type { EntityManager, EntityName } from '@mikro-orm/core';

export interface LeaseClaim {
  /** Which rows are free to take (waiting, or leased by an instance whose lease expired). */
  claimable: Record<string, unknown>[];
  /** The columns the taker sets (its owner name, the lease's expiry, the state). */
  lease: Record<string, unknown>;
  /** At most this many rows are taken. */
  max: number;
}

/**
 * Takes up to `max` rows by a conditional UPDATE of each candidate (by id order): the UPDATE
 * repeats the claimable condition, so when instances race for a row exactly one of them changes
 * it. Works on every dialect and with any number of instances; returns the ids taken.
 */
export async function takeLeases(em: EntityManager, entity: EntityName<{ id: number }>, claim: LeaseClaim): Promise<number[]> {
  const where = { $or: claim.claimable };
  const candidates = await em.find(entity, where as never, { fields: ['id'] as never, orderBy: { id: 'ASC' }, limit: claim.max * 2 + 3 });
  const taken: number[] = [];
  for (const { id } of candidates) {
    if (taken.length >= claim.max) break;
    if ((await em.nativeUpdate(entity, { id, ...where } as never, claim.lease as never)) === 1) taken.push(id);
  }
  return taken;
}
