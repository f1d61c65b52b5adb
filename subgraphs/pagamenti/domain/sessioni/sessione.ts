import { LockMode, type EntityManager } from '@mikro-orm/core';
import { MySqlPlatform } from '@mikro-orm/mysql';
import { PagamentoPortale, type EsitoPendenzaPagamento, type StatoPagamento } from '../../../../schema/entities';
import type { HubEvent } from '../../../../core/events';
import { enqueue } from '../outbox';

/**
 * Every change of a payment session goes through here, so that each one takes the same locks in
 * the same order (the session's row, then its items: a receipt, the return from Checkout and the
 * sweep of abandoned carts never deadlock on each other), keeps the state derived from the items,
 * releases the session's hold on its pendenze when it is over, and is announced exactly once.
 */

/**
 * The session and its items read with a lock for the rest of `tx` (MySQL: one joined SELECT … FOR
 * UPDATE, session row first, which also reads the latest committed rows rather than the
 * transaction's snapshot; SQLite serialises writers), replacing whatever `tx` held of them.
 */
export async function sessionePerModifica(
  tx: EntityManager,
  where: { id: number } | { idPagamento: string },
): Promise<PagamentoPortale | null> {
  const lock = tx.getPlatform() instanceof MySqlPlatform ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
  return tx.findOne(PagamentoPortale, where, { populate: ['pendenze'], strategy: 'joined', refresh: true, ...lock });
}

/** GovPay's state of a session from the outcomes of its pendenze: in progress while any is. */
export function statoDa(esiti: EsitoPendenzaPagamento[]): StatoPagamento {
  if (esiti.some((e) => e === 'IN_CORSO')) return 'IN_CORSO';
  if (esiti.every((e) => e === 'ESEGUITO')) return 'ESEGUITO';
  if (esiti.every((e) => e === 'NON_ESEGUITO')) return 'NON_ESEGUITO';
  return 'ESEGUITO_PARZIALE';
}

/** States that the receipts decide; FALLITO and ANNULLATO are decided once and stay. */
const DAI_PAGAMENTI: StatoPagamento[] = ['IN_CORSO', 'ESEGUITO', 'NON_ESEGUITO', 'ESEGUITO_PARZIALE'];

/** Sets the state the outcomes of its pendenze give (a late receipt reopens nothing but upgrades a closed session). */
export function deriva(s: PagamentoPortale): void {
  const voci = s.pendenze.getItems();
  if (DAI_PAGAMENTI.includes(s.stato) && voci.length) s.stato = statoDa(voci.map((v) => v.esito));
}

/**
 * Writes the changes made to a locked session and its items: the state derived again, the holds
 * released once it is over, the version moved on, the event enqueued in the same transaction.
 */
export async function salvaSessione(tx: EntityManager, s: PagamentoPortale): Promise<void> {
  const voci = s.pendenze.getItems();
  deriva(s);
  if (s.stato !== 'IN_CORSO') for (const v of voci) v.inCorso = null;
  s.versione += 1;
  await tx.flush();
  await annunciaSessione(tx, s);
}

/** The event of a session's change (its current version), in the outbox of `tx`. */
export async function annunciaSessione(tx: EntityManager, s: PagamentoPortale): Promise<void> {
  const voci = s.pendenze.getItems();
  const event: HubEvent = {
    v: 1,
    tipo: 'pagamentoAggiornato',
    id: s.idPagamento,
    stato: s.stato,
    idA2A: s.avviatoDaTipo === 'applicazione' ? s.avviatoDa : null,
    domini: [...new Set(voci.map((v) => v.idDominio))],
    tipiPendenza: [...new Set(voci.map((v) => v.idTipoPendenza))],
    at: new Date().toISOString(),
  };
  await enqueue(tx, [{ tipo: 'EVENTO', chiave: `evento:pagamentoAggiornato:${s.idPagamento}:${s.versione}`, payload: event }]);
}
