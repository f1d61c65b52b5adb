import type { EntityManager } from '@mikro-orm/core';
import { Applicazione, Dominio } from '../../../../schema/entities';

/**
 * Where a payment returns when its request named no urlRitorno (§7.2, several portals for one
 * Ente): the address of the portal (applicazione) that started it, else the Ente's (the dominio of
 * its first pendenza). Read when needed, so a changed configuration applies at once.
 */
export async function urlRitornoConfigurato(
  em: EntityManager,
  avviatoDa: { tipo: string; id: string },
  idDominio: string | undefined,
): Promise<string | null> {
  if (avviatoDa.tipo === 'applicazione') {
    const portale = await em.findOne(Applicazione, { idA2A: avviatoDa.id }, { fields: ['urlRitorno'] });
    if (portale?.urlRitorno) return portale.urlRitorno;
  }
  if (!idDominio) return null;
  return (await em.findOne(Dominio, { idDominio }, { fields: ['urlRitorno'] }))?.urlRitorno ?? null;
}
