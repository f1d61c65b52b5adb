import type { EntityManager } from '@mikro-orm/core';
import { Pendenza } from '../../../../schema/entities';
import { soggetto } from '../../../pendenze/services';
import { errors } from '../../../../core/errors';
import { ANONIMO, type Principal } from '../../../../core/principal';
import type { ElementoCarrello } from './carrello';
import { erroriPagamento } from './errori';
import type { NuovoPagamento } from './nuovo-pagamento';

/*
 * GovPay's rules for the callers API Pagamento adds to the Ente's own: a cittadino (SPID) pays as
 * itself, only what it owes; an anonymous caller pays only avvisi whose debtor it names, as an
 * anonymous versante with an e-mail. The Ente's applicazioni and operatori pass unchanged.
 */

/** The versante a cittadino or an anonymous caller pays as, whatever the request says (GovPay's controlloUtenzaVersante). */
export function versanteDelChiamante(actor: Principal, input: NuovoPagamento): NuovoPagamento {
  const email = input.soggettoVersante?.email ?? undefined;
  if (actor.kind === 'cittadino') {
    // The proxy's e-mail is used only when it is one pagoPA accepts.
    const spid = soggetto.shape.email.safeParse(actor.anagrafica?.email).data ?? undefined;
    return {
      ...input,
      soggettoVersante: { tipo: 'F', identificativo: actor.id, anagrafica: actor.nome.slice(0, 70), email: email ?? spid },
    };
  }
  if (actor.kind === 'anonimo') {
    if (!email) throw errors.syntax("Il campo email del soggetto versante e' obbligatorio.");
    return { ...input, soggettoVersante: { tipo: 'F', identificativo: ANONIMO, anagrafica: ANONIMO, email } };
  }
  return input;
}

/** Before anything is looked up: an anonymous caller names only avvisi, each with its debtor. */
export function checkFormePermesse(actor: Principal, input: NuovoPagamento): void {
  if (actor.kind !== 'anonimo') return;
  for (const p of input.pendenze) {
    if (!p.avviso)
      throw errors.forbidden("Un'utenza anonima puo' pagare solo avvisi, indicandone il debitore (idDominio, numeroAvviso, idDebitore).");
    if (!p.avviso.idDebitore) throw nonDelDebitore();
  }
}

/** Once the cart is resolved: every pendenza is the cittadino's own, or the debtor the anonymous caller named. */
export async function checkDebitori(
  em: EntityManager,
  actor: Principal,
  input: NuovoPagamento,
  elementi: ElementoCarrello[],
): Promise<void> {
  if (actor.kind !== 'cittadino' && actor.kind !== 'anonimo') return;
  for (const [i, e] of elementi.entries()) {
    if ('esistente' in e) {
      const atteso = actor.kind === 'cittadino' ? actor.id : (input.pendenze[i].avviso?.idDebitore ?? '');
      if (e.esistente.idDebitore.toUpperCase() === atteso.toUpperCase()) continue;
      if (actor.kind === 'anonimo') throw nonDelDebitore();
      throw erroriPagamento.debitoreDiverso(actor.id, e.esistente, e.esistente.idDebitore);
    } else {
      const soggetto = e.nuova.corpo.soggettoPagatore as { identificativo?: unknown } | undefined;
      const debitore = String(soggetto?.identificativo ?? '');
      if (debitore.toUpperCase() !== actor.id) throw erroriPagamento.debitoreDiverso(actor.id, e.nuova, debitore);
      // A spontaneous pendenza under a key the hub holds updates it: only the cittadino's own.
      const esistente = await em
        .fork()
        .findOne(Pendenza, { applicazione: e.nuova.idA2A, idPendenza: e.nuova.idPendenza }, { fields: ['idDebitore'] });
      if (esistente && esistente.idDebitore.toUpperCase() !== actor.id)
        throw erroriPagamento.debitoreDiverso(actor.id, e.nuova, esistente.idDebitore);
    }
  }
}

const nonDelDebitore = () =>
  errors.forbidden('Utenza non autorizzata, il codice fiscale del debitore non corrisponde a quello indicato nella pendenza.');
