import type { EntityManager } from '@mikro-orm/core';
import type { EsitoRendicontazione, SorgenteFlusso } from '../../../../schema/entities';

/** A reporting flow as a source delivered it, parsed and checked against its schema: amounts in cents. */
export interface FlussoAcquisito {
  sorgente: SorgenteFlusso;
  idDominio: string;
  idFlusso: string;
  dataOraFlusso: Date;
  /** FdR's revision number; absent for the Nodo, where a later dataOraFlusso is the next revision. */
  revisione?: number;
  idPsp: string;
  bicRiversamento?: string;
  trn: string;
  /** yyyy-MM-dd */
  dataRegolamento: string;
  numeroPagamenti: number;
  importoTotaleCents: number;
  pagamenti: PagamentoRendicontato[];
  /** The FlussoRiversamento XML (Nodo only). */
  xml?: string;
}

export interface PagamentoRendicontato {
  iuv: string;
  iur: string;
  indice?: number;
  importoCents: number;
  esito: EsitoRendicontazione;
  /** yyyy-MM-dd */
  data: string;
}

/** What storing a flow did: stored (new revision or first), already known (duplicate); `anomalie` counts the segnalazioni of the flow and its lines (0 for a duplicate). */
export interface EsitoRegistrazioneFlusso {
  esito: 'NUOVO' | 'DUPLICATO';
  id: number;
  anomalie: number;
}

/**
 * Stores an acquired flow in one transaction of its own (call it outside any: it locks the flow's
 * revisions first); implemented by the flussi domain (registraFlusso in services.ts). Anomalies
 * never make it fail: it throws only when the database does, or for a dominio the hub does not have.
 */
export type RegistraFlusso = (em: EntityManager, flusso: FlussoAcquisito) => Promise<EsitoRegistrazioneFlusso>;
