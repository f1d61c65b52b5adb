import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { Lease } from '../../schema/entities';

/**
 * Takes the named lease for `ms` when it is free or expired: a conditional UPDATE, so among
 * instances racing for it exactly one wins; the row is created by the first taker ever.
 */
export async function prendiLease(root: EntityManager, nome: string, owner: string, ms: number): Promise<boolean> {
  const em = root.fork();
  const now = new Date();
  const lease = { owner, scadenza: new Date(now.getTime() + ms) };
  if ((await em.nativeUpdate(Lease, { nome, $or: [{ owner: null }, { scadenza: { $lt: now } }] }, lease)) === 1) return true;
  if (await em.count(Lease, { nome })) return false;
  try {
    await em.insert(Lease, { nome, ...lease });
    return true;
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) return false;
    throw e;
  }
}

/** Frees the lease, if this owner still holds it. */
export async function rilasciaLease(root: EntityManager, nome: string, owner: string): Promise<void> {
  await root.fork().nativeUpdate(Lease, { nome, owner }, { owner: null, scadenza: null });
}
