import type { EntityManager } from '@mikro-orm/core';
import { Pendenza, VocePendenza } from '../../../schema/entities';

/**
 * Marks a pendenza paid: ESEGUITA with its dataPagamento (Europe/Rome yyyy-MM-dd) and every voce
 * Eseguito. The pendenze context owns these tables, so the pagamenti context calls this inside its
 * receipt's transaction (`em` must be that transaction's EntityManager).
 */
export async function registraPagamento(em: EntityManager, pendenzaId: number, dataPagamento: string): Promise<void> {
  const updatedAt = new Date();
  await em.nativeUpdate(Pendenza, { id: pendenzaId }, { stato: 'ESEGUITA', dataPagamento, descrizioneStato: null, updatedAt });
  await em.nativeUpdate(VocePendenza, { pendenza: pendenzaId }, { stato: 'Eseguito', updatedAt });
}
