import type { Riconciliazione, Riscossione, StatoRiconciliazione, StatoRiscossione, TipoRiscossione } from '../../../../schema/entities';
import { toGlobalId } from '../../../../core/global-id';

/** A riconciliazione as the graph shows it. */
export interface RiconciliazioneView {
  pk: number;
  id: string;
  idRiconciliazione: string;
  idDominio: string;
  causale: string | null;
  iuv: string | null;
  idFlusso: string | null;
  /** The reconciled flow's row, when it paid a whole flow. */
  flussoPk: number | null;
  importoCents: number;
  sct: string;
  dataValuta: string | null;
  dataContabile: string | null;
  contoAccredito: string | null;
  stato: StatoRiconciliazione;
  descrizioneStato: string | null;
  dataRichiesta: Date;
}

/** A riscossione as the graph shows it; the pendenza is read through its receipt (rppPk). */
export interface RiscossioneView {
  pk: number;
  id: string;
  idDominio: string;
  iuv: string;
  iur: string;
  indice: number;
  importoCents: number;
  tipo: TipoRiscossione;
  stato: StatoRiscossione;
  data: Date;
  riconciliazionePk: number | null;
  rendicontazionePk: number | null;
  rppPk: number | null;
}

const pkOf = (ref: { id: number } | null | undefined): number | null => (ref ? ref.id : null);

/** A riconciliazione's row as loaded, or as just written: `flusso` with its idFlusso when it paid a flow. */
export type RiconciliazioneRiga = Pick<
  Riconciliazione,
  | 'id'
  | 'idRiconciliazione'
  | 'causale'
  | 'importoCents'
  | 'sct'
  | 'dataValuta'
  | 'dataContabile'
  | 'contoAccredito'
  | 'stato'
  | 'descrizioneStato'
  | 'dataRichiesta'
  | 'iuv'
> & { dominio: { idDominio: string }; flusso?: { id: number; idFlusso: string } | null };

export function toRiconciliazioneView(r: RiconciliazioneRiga): RiconciliazioneView {
  return {
    pk: r.id,
    id: toGlobalId('Riconciliazione', r.id),
    idRiconciliazione: r.idRiconciliazione,
    idDominio: r.dominio.idDominio,
    causale: r.causale ?? null,
    iuv: r.iuv ?? null,
    idFlusso: r.flusso?.idFlusso ?? null,
    flussoPk: pkOf(r.flusso),
    importoCents: r.importoCents,
    sct: r.sct,
    dataValuta: r.dataValuta ?? null,
    dataContabile: r.dataContabile ?? null,
    contoAccredito: r.contoAccredito ?? null,
    stato: r.stato,
    descrizioneStato: r.descrizioneStato ?? null,
    dataRichiesta: r.dataRichiesta,
  };
}

export function toRiscossioneView(r: Riscossione): RiscossioneView {
  return {
    pk: r.id,
    id: toGlobalId('Riscossione', r.id),
    idDominio: r.dominio.idDominio,
    iuv: r.iuv,
    iur: r.iur,
    indice: r.indice,
    importoCents: r.importoCents,
    tipo: r.tipo,
    stato: r.stato,
    data: r.data,
    riconciliazionePk: pkOf(r.riconciliazione),
    rendicontazionePk: pkOf(r.rendicontazione),
    rppPk: pkOf(r.rpp),
  };
}
