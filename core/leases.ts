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

/**
 * Takes up to `max` rows with one UPDATE of all the candidates rather than one per row, for many
 * small jobs where a statement per row would cost more than the work; returns them in id order.
 * When another instance took some candidates first, the rows this call won are read back by
 * `mark`, the value `claim.lease` gives the owner column, unique to this call.
 */
export async function takeLeasesTogether<T extends { id: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  claim: LeaseClaim & { mark: Record<string, unknown> },
): Promise<T[]> {
  const where = { $or: claim.claimable };
  const candidates = await em.find(entity, where as never, { orderBy: { id: 'ASC' } as never, limit: claim.max });
  if (!candidates.length) return [];
  const ids = candidates.map((c) => c.id);
  const taken = await em.nativeUpdate(entity, { id: { $in: ids }, ...where } as never, claim.lease as never);
  if (taken === candidates.length) return candidates.map((c) => Object.assign(c, claim.lease));
  if (!taken) return [];
  // Refreshed: the candidates' copies in the identity map predate the UPDATE.
  return em.find(entity, { id: { $in: ids }, ...claim.mark } as never, { orderBy: { id: 'ASC' } as never, refresh: true });
}
