import type { EsitoRpp, Rpp, StatoRpp, VersioneRicevuta } from '../../../schema/entities';

/** A payment attempt as every edge shows it; the amount in cents. */
export interface RppView {
  idDominio: string;
  iuv: string;
  ccp: string;
  stato: StatoRpp;
  /** The Nodo's detail of the state: the new model's attempts carry none. */
  dettaglioStato?: string;
  esito: EsitoRpp;
  importoCents: number;
  dataPagamento: Date;
  /** When the receipt arrived. */
  dataRicevuta: Date;
  idPsp: string;
  ragioneSocialePsp?: string;
  idCanale?: string;
  versione: VersioneRicevuta;
  standIn: boolean;
  duplicato: boolean;
  rpt: Record<string, unknown>;
  rt: Record<string, unknown>;
  rtXml: string;
  /** The pendenza's key, when the hub holds the position. */
  pendenza?: { idA2A: string; idPendenza: string };
}

const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** The view of a row; its pendenza need not be loaded, only referenced. */
export function toRppView(r: Rpp): RppView {
  return {
    idDominio: r.dominio.idDominio,
    iuv: r.iuv,
    ccp: r.ccp,
    stato: r.stato,
    esito: r.esito,
    importoCents: r.importoCents,
    dataPagamento: r.dataPagamento,
    dataRicevuta: r.createdAt,
    idPsp: r.idPsp,
    ragioneSocialePsp: orUndefined(r.ragioneSocialePsp),
    idCanale: orUndefined(r.idCanale),
    versione: r.versione,
    standIn: r.standIn,
    duplicato: r.duplicato,
    rpt: r.richiesta,
    rt: r.ricevuta,
    rtXml: r.ricevutaXml,
    pendenza: r.pendenza ? { idA2A: r.pendenza.applicazione.idA2A, idPendenza: r.pendenza.idPendenza } : undefined,
  };
}
