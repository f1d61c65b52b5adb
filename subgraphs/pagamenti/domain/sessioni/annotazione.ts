import type { EntityManager } from '@mikro-orm/core';
import { errors } from '../../../../core/errors';
import { requireRight, type Principal } from '../../../../core/principal';
import { transaction } from '../../../../core/transaction';
import { PagamentoPortale } from '../../../../schema/entities';
import { PagamentiService } from './consultazione';
import { toPagamentoView, type PagamentoView } from './viste';

export interface NotaPagamento {
  oggetto: string;
  testo?: string | null;
}

/** What an operatore may change on a payment session (GovPay's PATCH /pagamenti/{id}: /verificato and /nota). */
export interface AnnotazionePagamento {
  verificato?: boolean | null;
  nota?: NotaPagamento | null;
}

/** descrizioneStato's column width. */
const MAX_DESCRIZIONE = 1024;

/**
 * Marks a session as checked or writes a note on it, as GovPay does: the note becomes the
 * session's descrizioneStato ("oggetto: testo"); its state and cart are never touched. The caller
 * needs the Pagamenti write right and must see the session (403 otherwise, 404 for none).
 */
export async function annotaPagamento(em: EntityManager, actor: Principal, id: string, a: AnnotazionePagamento): Promise<PagamentoView> {
  requireRight(actor, 'Pagamenti', 'W');
  const descrizione = a.nota ? descrizioneOf(a.nota) : undefined;
  if (a.verificato === undefined && descrizione === undefined) throw errors.syntax('Nessuna modifica indicata: usare verificato o nota.');
  // Reading first gives the caller GovPay's 404 or 403 before anything changes.
  await new PagamentiService(em, actor).get(id);
  return transaction(em, async (tx) => {
    const s = await tx.findOneOrFail(PagamentoPortale, { idPagamento: id }, { populate: ['pendenze'] as never });
    if (typeof a.verificato === 'boolean') s.verificato = a.verificato;
    if (descrizione !== undefined) s.descrizioneStato = descrizione;
    await tx.flush();
    return toPagamentoView(s);
  });
}

function descrizioneOf(nota: NotaPagamento): string {
  if (!nota.oggetto.trim()) throw errors.syntax('Il campo oggetto della nota non deve essere vuoto.');
  const descrizione = nota.testo ? `${nota.oggetto}: ${nota.testo}` : nota.oggetto;
  if (descrizione.length > MAX_DESCRIZIONE) throw errors.syntax(`La nota non deve superare ${MAX_DESCRIZIONE} caratteri.`);
  return descrizione;
}
