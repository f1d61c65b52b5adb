import type { EntityManager } from '@mikro-orm/core';
import { Ruolo } from '../../../schema/entities';
import { DIRITTI, type Acl, type Diritto } from '../../../core/principal';

/** Repeated ACL entries for one servizio collapse into one, with the union of their rights. */
export function mergeAcl(acl: readonly Acl[]): Acl[] {
  const byServizio = new Map<Acl['servizio'], Set<Diritto>>();
  for (const a of acl) {
    const rights = byServizio.get(a.servizio) ?? new Set();
    a.autorizzazioni.forEach((r) => rights.add(r));
    byServizio.set(a.servizio, rights);
  }
  return [...byServizio].map(([servizio, rights]) => ({
    servizio,
    autorizzazioni: DIRITTI.filter((r) => rights.has(r)),
  }));
}

/**
 * What an utenza may do: its own ACLs together with those of its roles, as GovPay merges them
 * (a role that no longer exists grants nothing).
 */
export async function effectiveAcl(em: EntityManager, u: { acl: Acl[]; ruoli: string[] }): Promise<Acl[]> {
  if (!u.ruoli.length) return u.acl;
  const ruoli = await em.find(Ruolo, { idRuolo: { $in: u.ruoli } });
  return mergeAcl([...u.acl, ...ruoli.flatMap((r) => r.acl)]);
}
