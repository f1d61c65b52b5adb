import { toGlobalId } from '../../../../core/global-id';
import type {
  EsitoRendicontazione,
  FlussoRendicontazione,
  Rendicontazione,
  Segnalazione,
  SorgenteFlusso,
  StatoFlusso,
  StatoRendicontazione,
} from '../../../../schema/entities';

/** A stored revision of a flow as readers see it (its lines and XML are read separately). */
export interface FlussoView {
  pk: number;
  id: string;
  idFlusso: string;
  dataFlusso: Date;
  revisione: number;
  obsoleto: boolean;
  sorgente: SorgenteFlusso;
  idPsp: string;
  bicRiversamento: string | null;
  idDominio: string;
  trn: string;
  dataRegolamento: string;
  numeroPagamenti: number;
  importoTotaleCents: number;
  stato: StatoFlusso;
  segnalazioni: Segnalazione[];
  dataAcquisizione: Date;
}

/** One line of a flow, with the key of the receipt it settles (its rpp's primary key). */
export interface RendicontazioneView {
  pk: number;
  id: string;
  flussoPk: number;
  rppPk: number | null;
  idDominio: string;
  iuv: string;
  iur: string;
  indice: number | null;
  importoCents: number;
  codiceEsito: EsitoRendicontazione;
  data: string;
  stato: StatoRendicontazione;
  segnalazioni: Segnalazione[];
}

/** The entity's primary key of a ManyToOne, loaded or a reference. */
const pkOf = (ref: unknown): string | number =>
  typeof ref === 'object' && ref !== null
    ? ((ref as { id?: number; idDominio?: string }).id ?? (ref as { idDominio: string }).idDominio)
    : (ref as string | number);

/** MikroORM's `date` columns read as strings; a driver may hand a Date. */
export const isoDate = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

export function toFlussoView(f: FlussoRendicontazione): FlussoView {
  return {
    pk: f.id,
    id: toGlobalId('FlussoRendicontazione', f.id),
    idFlusso: f.idFlusso,
    dataFlusso: f.dataOraFlusso,
    revisione: f.revisione,
    obsoleto: f.obsoleto,
    sorgente: f.sorgente,
    idPsp: f.idPsp,
    bicRiversamento: f.bicRiversamento ?? null,
    idDominio: String(pkOf(f.dominio)),
    trn: f.trn,
    dataRegolamento: isoDate(f.dataRegolamento),
    numeroPagamenti: f.numeroPagamenti,
    importoTotaleCents: f.importoTotaleCents,
    stato: f.stato,
    segnalazioni: f.segnalazioni,
    dataAcquisizione: f.dataAcquisizione,
  };
}

export function toRendicontazioneView(r: Rendicontazione): RendicontazioneView {
  return {
    pk: r.id,
    id: toGlobalId('Rendicontazione', r.id),
    flussoPk: Number(pkOf(r.flusso)),
    rppPk: r.rpp ? Number(pkOf(r.rpp)) : null,
    idDominio: String(pkOf(r.dominio)),
    iuv: r.iuv,
    iur: r.iur,
    indice: r.indice ?? null,
    importoCents: r.importoCents,
    codiceEsito: Number(r.esito) as EsitoRendicontazione,
    data: isoDate(r.data),
    stato: r.stato,
    segnalazioni: r.segnalazioni,
  };
}
