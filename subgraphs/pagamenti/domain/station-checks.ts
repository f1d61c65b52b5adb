import type { EntityManager } from '@mikro-orm/core';
import { referenceCache, type DominioRef, type StazioneRef } from '../../pendenze/services';
import { PagoPaFault } from './faults';
import type { StationIds } from '../../../pagopa/soap/messages';
import type { StationCaller } from './station-types';

export interface CheckedCall {
  stazione: StazioneRef;
  dominio: DominioRef;
}

/**
 * The checks every station call starts with, in GovPay's order: the broker (an existing, enabled
 * intermediario, the one the Nodo authenticated as), the station (existing, of that broker,
 * enabled), the dominio (existing, enabled, served by that station, and the one the notice or
 * receipt names). All read from the anagrafica cache: one revision read per call.
 */
export async function checkCall(em: EntityManager, caller: StationCaller, ids: StationIds, fiscalCode: string): Promise<CheckedCall> {
  const refs = referenceCache(em);
  await refs.refresh(em);
  const { idPA, idBrokerPA, idStation } = ids;

  const intermediario = await refs.intermediario(em, idBrokerPA);
  if (!intermediario) throw new PagoPaFault('PAA_ID_INTERMEDIARIO_ERRATO', `L'intermediario ${idBrokerPA} non e' censito.`);
  if (!intermediario.abilitato) throw new PagoPaFault('PAA_ID_INTERMEDIARIO_ERRATO', `L'intermediario ${idBrokerPA} e' disabilitato.`);
  if (idBrokerPA !== caller.idIntermediario) {
    throw new PagoPaFault(
      'PAA_ID_INTERMEDIARIO_ERRATO',
      `L'intermediario ${idBrokerPA} non e' quello autenticato per la chiamata (${caller.idIntermediario}).`,
    );
  }

  const stazione = await refs.stazione(em, idStation);
  if (!stazione) throw new PagoPaFault('PAA_STAZIONE_INT_ERRATA', `La stazione ${idStation} non e' censita.`);
  if (stazione.idIntermediario !== idBrokerPA) {
    throw new PagoPaFault('PAA_STAZIONE_INT_ERRATA', `La stazione ${idStation} non appartiene all'intermediario ${idBrokerPA}.`);
  }
  if (!stazione.abilitato) throw new PagoPaFault('PAA_STAZIONE_INT_ERRATA', `La stazione ${idStation} e' disabilitata.`);

  const dominio = await refs.dominio(em, idPA);
  if (!dominio) throw new PagoPaFault('PAA_ID_DOMINIO_ERRATO', `Il dominio ${idPA} non e' censito.`);
  if (!dominio.abilitato) throw new PagoPaFault('PAA_ID_DOMINIO_ERRATO', `Il dominio ${idPA} e' disabilitato.`);
  if (dominio.idStazione !== idStation) {
    throw new PagoPaFault('PAA_ID_DOMINIO_ERRATO', `Il dominio ${idPA} non e' servito dalla stazione ${idStation}.`);
  }
  if (fiscalCode !== idPA) {
    throw new PagoPaFault('PAA_ID_DOMINIO_ERRATO', `Il codice fiscale dell'ente (${fiscalCode}) e' diverso da idPA (${idPA}).`);
  }
  return { stazione, dominio };
}
