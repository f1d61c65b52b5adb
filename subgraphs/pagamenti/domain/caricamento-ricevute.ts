import type { EntityManager } from '@mikro-orm/core';
import { DomainError, errors } from '../../../core/errors';
import type { Logger } from '../../../core/logger';
import { inScope, requireRight, type Principal } from '../../../core/principal';
import { referenceCache } from '../../pendenze/services';
import { PagoPaFault } from './faults';
import { loadPagabile } from './posizioni';
import { registraRicevuta } from './ricevute';
import { RppService, type RppKey } from './rpp';
import type { RppView } from './rpp-views';
import type { LettoreRicevute } from './station-types';

/** GovPay's answer for a receipt it does not take (its UnprocessableEntityException): 422 with the reason. */
const rtNonValida = (motivo: string) =>
  new DomainError(422, {
    categoria: 'RICHIESTA',
    codice: '422000',
    descrizione: 'Richiesta non processabile',
    dettaglio: `RT non valida: ${motivo}`,
  });

export interface CaricamentoRicevuta {
  xml: string;
  /** PATCH /rpp/{idDominio}/{iuv}/{ccp} with /rt: the receipt must be that attempt's. */
  atteso?: RppKey;
}

/**
 * A receipt of a payment made outside the station, uploaded by an operatore (GovPay's POST
 * /ricevute and the /rt replacement of an rpp): read and checked against pagoPA's XSD, then
 * recorded by the very service the station uses for paSendRT(V2) — one transaction with its
 * pendenza, riscossioni and outbox jobs, and idempotent (the same receipt again changes nothing;
 * the same receiptId with other content is refused). Unlike the Nodo's, an upload is refused
 * (422) when the hub holds no pendenza for its IUV: nothing obliges the hub to keep it. The caller
 * needs the Pagamenti write right and the pendenza's dominio and tipo (403).
 */
export async function caricaRicevuta(
  em: EntityManager,
  log: Logger,
  actor: Principal,
  leggi: LettoreRicevute,
  c: CaricamentoRicevuta,
): Promise<RppView> {
  requireRight(actor, 'Pagamenti', 'W');
  const letta = leggi(c.xml);
  if (!letta.ok) throw rtNonValida(letta.error);
  const r = letta.request.receipt;
  const key = { idDominio: r.fiscalCode, iuv: r.creditorReferenceId, ccp: r.receiptId };
  if (c.atteso && (c.atteso.idDominio !== key.idDominio || c.atteso.iuv !== key.iuv || c.atteso.ccp !== key.ccp)) {
    throw rtNonValida(
      `la ricevuta (${key.idDominio}, ${key.iuv}, ${key.ccp}) non e' del tentativo (${c.atteso.idDominio}, ${c.atteso.iuv}, ${c.atteso.ccp}).`,
    );
  }
  if (!inScope(actor.domini, key.idDominio))
    throw errors.forbidden(`Il chiamante non e' autorizzato ad operare sul dominio ${key.idDominio}.`);
  const dominio = await referenceCache(em).dominio(em, key.idDominio);
  if (!dominio) throw rtNonValida(`il dominio ${key.idDominio} non e' censito.`);
  const pagabile = await loadPagabile(em, dominio, { iuv: key.iuv });
  if (!pagabile) throw rtNonValida(`pagamento sconosciuto: il dominio ${key.idDominio} non ha una pendenza con IUV ${key.iuv}.`);
  if (!inScope(actor.tipiPendenza, pagabile.pendenza.idTipoPendenza)) {
    throw errors.forbidden(`Il chiamante non e' autorizzato ad operare sul tipo pendenza ${pagabile.pendenza.idTipoPendenza}.`);
  }
  try {
    await registraRicevuta(em.fork(), log, dominio, letta.request);
  } catch (e) {
    if (e instanceof PagoPaFault) throw rtNonValida(e.description);
    throw e;
  }
  return new RppService(em.fork(), actor).get(key.idDominio, key.iuv, key.ccp);
}
