import type { EntityManager } from '@mikro-orm/core';
import { Pendenza, VocePendenza } from '../../../schema/entities';

/** What an operator reads on a pendenza paid after it was cancelled. */
export const PAGAMENTO_DI_ANNULLATA = 'Pagamento acquisito per una pendenza annullata.';

/**
 * Marks a pendenza paid: ESEGUITA with its dataPagamento (Europe/Rome yyyy-MM-dd) and every voce
 * Eseguito. A cancelled pendenza is paid all the same (pagoPA took the money) and flagged anomalo
 * for an operator to refund or reconcile. The pendenze context owns these tables, so the
 * pagamenti context calls this inside its receipt's transaction, with the row locked (`em` must be
 * that transaction's EntityManager).
 */
export async function registraPagamento(em: EntityManager, pendenzaId: number, dataPagamento: string, annullata: boolean): Promise<void> {
  const updatedAt = new Date();
  const anomalia = annullata ? { anomalo: true, descrizioneStato: PAGAMENTO_DI_ANNULLATA } : { descrizioneStato: null };
  await em.nativeUpdate(Pendenza, { id: pendenzaId }, { stato: 'ESEGUITA', dataPagamento, ...anomalia, updatedAt });
  await em.nativeUpdate(VocePendenza, { pendenza: pendenzaId }, { stato: 'Eseguito', updatedAt });
}
