import type { FlussoAcquisito } from '../../subgraphs/riconciliazione/services';

/** Who asks a source for a dominio's flows: the dominio and the station it is bound to. */
export interface DominioStazione {
  idDominio: string;
  idIntermediario: string;
  idStazione: string;
}

/** A flow a source lists: enough to tell whether the hub has it already and to fetch it. */
export interface FlussoElencato {
  idFlusso: string;
  dataOraFlusso: Date;
  /** FdR: the PSP and revision its URL names; the Nodo needs neither. */
  idPsp?: string;
  revisione?: number;
}

/** A fetched flow: read and checked, or refused with the reasons (an anomaly, never a stop). */
export type FlussoScaricato = { ok: true; flusso: FlussoAcquisito } | { ok: false; errori: string[]; xml?: string };

/** One of pagoPA's two places to get reporting flows from (the Nodo's SOAP primitives, FdR's REST API). */
export interface SorgenteFlussi {
  readonly nome: 'NODO' | 'FDR';
  elenco(d: DominioStazione): Promise<FlussoElencato[]>;
  scarica(d: DominioStazione, flusso: FlussoElencato): Promise<FlussoScaricato>;
}

/**
 * The source could not answer (unreachable, timeout, HTTP error, a fault, an answer that is not
 * the protocol's): the run counts it and the next run asks again. `codice` names it for metrics
 * and logs (a pagoPA fault code, or UNREACHABLE, HTTP_<status>, PROTOCOL).
 */
export class SorgenteNonDisponibile extends Error {
  constructor(
    readonly codice: string,
    message: string,
  ) {
    super(message);
  }
}
