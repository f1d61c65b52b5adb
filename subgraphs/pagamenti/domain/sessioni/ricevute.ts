import type { EntityManager } from '@mikro-orm/core';
import { runStatement } from '../../../../core/native-statement';
import { salvaSessione, sessionePerModifica } from './sessione';

export interface RicevutaDiSessione {
  pendenzaId: number;
  eseguito: boolean;
  /** The receipt's receiptId. */
  ccp: string;
}

/**
 * A receipt of a pendenza settles it in the portal's session that was paying it, in the receipt's
 * own transaction: the session holding the notice, or (a receipt arriving after its session was
 * closed by its timeout or by the citizen's return) the latest session whose Checkout activated
 * it, whose payment still counts. A KO receipt settles only a pendenza still in progress. Returns
 * whether a session changed (its event is then in the outbox).
 */
/** The statement that finds the session a receipt settles (its text is also the bench floor's). */
export const sessioneDellaRicevuta = (eseguito: boolean): string =>
  `select id, pagamento_id from pagamenti_portale_pendenze
     where pendenza_id = ? and ${eseguito ? "esito <> 'ESEGUITO'" : "esito = 'IN_CORSO'"} and (in_corso = 1 or attivato_il is not null)
     order by pagamento_id desc limit 1`;

export async function sessioneDopoRicevuta(tx: EntityManager, r: RicevutaDiSessione): Promise<boolean> {
  const [voce] = await runStatement(tx, sessioneDellaRicevuta(r.eseguito), [r.pendenzaId], 'all');
  if (!voce) return false;
  const s = await sessionePerModifica(tx, { id: Number(voce.pagamento_id) });
  const pagata = s?.pendenze.getItems().find((v) => v.id === Number(voce.id));
  // Checked again on the locked rows: a sweep or a return may have settled it meanwhile.
  if (!s || !pagata || pagata.esito === 'ESEGUITO' || (!r.eseguito && pagata.esito !== 'IN_CORSO')) return false;
  pagata.esito = r.eseguito ? 'ESEGUITO' : 'NON_ESEGUITO';
  pagata.ccp = r.ccp;
  await salvaSessione(tx, s);
  return true;
}
