import type { EntityManager } from '@mikro-orm/core';
import { PagamentoPortalePendenza } from '../../../../schema/entities';
import { runStatement } from '../../../../core/native-statement';
import { PagoPaFault } from '../faults';

/**
 * A notice in a portal's payment in progress, as the station sees it. pagoPA's Checkout drives the
 * session's own attempt through the station like any PSP (verify, then activation), and nothing in
 * paForNode tells it apart: the first activation while the session holds the notice is taken as
 * Checkout's and recorded; from then on, until the session ends, any other attempt on that notice
 * is answered PAA_PAGAMENTO_IN_CORSO, as GovPay answers an attempt while a portal's payment of the
 * pendenza is pending ("Pagamento in corso [CCP:…].", here the session's idSession).
 */
async function inCorso(em: EntityManager, pendenzaId: number): Promise<PagoPaFault | undefined> {
  // Every verify asks: one compiled statement (an ORM findOne with its populate cost a tenth of a verify's CPU).
  const [voce] = await runStatement(em, IN_CORSO, [pendenzaId], 'all');
  return voce ? new PagoPaFault('PAA_PAGAMENTO_IN_CORSO', `Pagamento in corso [CCP:${voce.id_session}].`) : undefined;
}

/** The portal session holding a notice, if any (its text is also the bench floor's). */
export const IN_CORSO = `select p.id_session from pagamenti_portale_pendenze v join pagamenti_portale p on p.id = v.pagamento_id
  where v.pendenza_id = ? and v.in_corso = 1 and v.attivato_il is not null`;

/** paVerifyPaymentNotice: refused while the session's own attempt is under way. */
export async function checkNonInCorso(em: EntityManager, pendenzaId: number): Promise<void> {
  const fault = await inCorso(em, pendenzaId);
  if (fault) throw fault;
}

/** paGetPayment: the first activation of a held notice is the session's own (one conditional UPDATE); a later one is refused. */
export async function attivazione(em: EntityManager, pendenzaId: number): Promise<void> {
  const presa = await em.nativeUpdate(
    PagamentoPortalePendenza,
    { pendenza: pendenzaId, inCorso: true, attivatoIl: null },
    { attivatoIl: new Date() },
  );
  if (presa) return;
  await checkNonInCorso(em, pendenzaId);
}
