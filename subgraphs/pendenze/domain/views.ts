import type {
  AllegatoPendenza,
  NotaPendenza,
  Pendenza,
  Soggetto,
  StatoPendenza,
  StatoVoce,
  TipoContabilita,
  VocePendenza,
} from '../../../schema/entities';
import { centsToEuro } from '../../../core/money';
import { romeDate } from '../../../core/rome-time';

/** The states a pendenza shows: the stored ones and SCADUTA (statoOf). */
export const STATI_PENDENZA = ['NON_ESEGUITA', 'ESEGUITA', 'ESEGUITA_PARZIALE', 'ANNULLATA', 'SCADUTA'] as const satisfies readonly (
  | StatoPendenza
  | 'SCADUTA'
)[];
export type StatoPendenzaView = (typeof STATI_PENDENZA)[number];

/** GovPay's tipologia of a pendenza: DOVUTO (loaded by the Ente) or SPONTANEO (asked for by the citizen). */
export const TIPOLOGIE_PENDENZA = ['DOVUTO', 'SPONTANEO'] as const;
export type TipologiaPendenza = (typeof TIPOLOGIE_PENDENZA)[number];

export interface VoceView {
  indice: number;
  idVocePendenza: string;
  importo: number;
  importoCents: number;
  descrizione: string;
  descrizioneCausaleRPT?: string;
  stato: StatoVoce;
  idDominio?: string;
  codEntrata?: string;
  ibanAccredito?: string;
  ibanAppoggio?: string;
  tipoContabilita?: TipoContabilita;
  codiceContabilita?: string;
  tipoBollo?: string;
  hashDocumento?: string;
  provinciaResidenza?: string;
  contabilita?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  datiAllegati?: Record<string, unknown>;
}

export interface AllegatoView {
  id: number;
  nome: string;
  tipo: string;
  descrizione?: string;
}

/** A pendenza as every edge shows it; amounts both as cents and as GovPay's euro number. */
export interface PendenzaView {
  idA2A: string;
  idPendenza: string;
  idTipoPendenza: string;
  idDominio: string;
  ragioneSocialeDominio: string;
  unitaOperativa?: { idUnita: string; ragioneSociale: string };
  stato: StatoPendenzaView;
  descrizioneStato?: string;
  anomalo: boolean;
  /** GovPay's ack: an operator has looked at the anomalies. */
  verificato: boolean;
  note: Array<Omit<NotaPendenza, 'data'> & { data: Date }>;
  numeroAvviso?: string;
  iuvAvviso?: string;
  causale: string;
  soggettoPagatore: Soggetto;
  importo: number;
  importoCents: number;
  dataCaricamento: Date;
  dataUltimoAggiornamento: Date;
  dataValidita?: string;
  dataScadenza?: string;
  dataPagamento?: string;
  annoRiferimento?: number;
  cartellaPagamento?: string;
  tassonomia?: string;
  tassonomiaAvviso?: string;
  direzione?: string;
  divisione?: string;
  documento?: Record<string, unknown>;
  datiAllegati?: Record<string, unknown>;
  proprieta?: Record<string, unknown>;
  tipo: TipologiaPendenza;
  UUID: string;
  voci: VoceView[];
  allegati: AllegatoView[];
}

const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** An unpaid pendenza past its dataScadenza is SCADUTA; the stored state stays NON_ESEGUITA. */
export function statoOf(p: Pick<Pendenza, 'stato' | 'dataScadenza'>, today = romeDate()): StatoPendenzaView {
  return p.stato === 'NON_ESEGUITA' && p.dataScadenza && p.dataScadenza < today ? 'SCADUTA' : p.stato;
}

export function toVoceView(v: VoceFields): VoceView {
  const byKind =
    v.tipo === 'ENTRATA'
      ? { codEntrata: orUndefined(v.codEntrata) }
      : v.tipo === 'BOLLO'
        ? {
            tipoBollo: orUndefined(v.tipoBollo),
            hashDocumento: orUndefined(v.hashDocumento),
            provinciaResidenza: orUndefined(v.provinciaResidenza),
          }
        : {
            ibanAccredito: orUndefined(v.ibanAccredito),
            ibanAppoggio: orUndefined(v.ibanAppoggio),
            tipoContabilita: orUndefined(v.tipoContabilita),
            codiceContabilita: orUndefined(v.codiceContabilita),
          };
  return {
    indice: v.indice,
    idVocePendenza: v.idVocePendenza,
    importo: centsToEuro(v.importoCents),
    importoCents: v.importoCents,
    descrizione: v.descrizione,
    descrizioneCausaleRPT: orUndefined(v.descrizioneCausaleRPT),
    stato: v.stato,
    idDominio: orUndefined(v.idDominio),
    ...byKind,
    contabilita: orUndefined(v.contabilita),
    metadata: orUndefined(v.metadata),
    datiAllegati: orUndefined(v.datiAllegati),
  };
}

/** A pendenza's own columns, as an entity or as a row just inserted. */
export type PendenzaFields = Omit<
  Pendenza,
  'id' | 'applicazione' | 'dominio' | 'unitaOperativa' | 'tipoPendenza' | 'voci' | 'allegati' | 'createdAt' | 'updatedAt'
>;
export type VoceFields = Omit<VocePendenza, 'id' | 'pendenza' | 'createdAt' | 'updatedAt'>;

/** What a view shows of a pendenza's references and children. */
export interface PendenzaRefs {
  idA2A: string;
  idTipoPendenza: string;
  idDominio: string;
  ragioneSocialeDominio: string;
  unitaOperativa?: { idUnita: string; ragioneSociale: string };
  voci: VoceFields[];
  allegati: AllegatoView[];
}

/** A loaded pendenza's references (dominio and unità operativa populated). */
export const refsOf = (p: Pendenza): PendenzaRefs => ({
  idA2A: p.applicazione.idA2A,
  idTipoPendenza: p.tipoPendenza.idTipoPendenza,
  idDominio: p.dominio.idDominio,
  ragioneSocialeDominio: p.dominio.ragioneSociale,
  unitaOperativa: p.unitaOperativa ? { idUnita: p.unitaOperativa.idUnita, ragioneSociale: p.unitaOperativa.ragioneSociale } : undefined,
  voci: p.voci.getItems(),
  allegati: p.allegati.isInitialized() ? p.allegati.getItems().map(toAllegatoView) : [],
});

export function toPendenzaView(p: Pendenza, refs: PendenzaRefs = refsOf(p)): PendenzaView {
  return pendenzaView(p, refs);
}

/** A row just inserted has no updatedAt of its own yet: it was last changed when it was loaded. */
export function pendenzaView(p: PendenzaFields & { updatedAt?: Date }, refs: PendenzaRefs): PendenzaView {
  return {
    idA2A: refs.idA2A,
    idPendenza: p.idPendenza,
    idTipoPendenza: refs.idTipoPendenza,
    idDominio: refs.idDominio,
    ragioneSocialeDominio: refs.ragioneSocialeDominio,
    unitaOperativa: refs.unitaOperativa,
    stato: statoOf(p),
    descrizioneStato: orUndefined(p.descrizioneStato),
    anomalo: p.anomalo,
    verificato: p.ack,
    note: (p.note ?? []).map((n) => ({ ...n, data: new Date(n.data) })),
    numeroAvviso: orUndefined(p.numeroAvviso),
    iuvAvviso: orUndefined(p.iuv),
    causale: p.causale,
    soggettoPagatore: p.soggettoPagatore,
    importo: centsToEuro(p.importoCents),
    importoCents: p.importoCents,
    dataCaricamento: p.dataCaricamento,
    dataUltimoAggiornamento: p.updatedAt ?? p.dataCaricamento,
    dataValidita: orUndefined(p.dataValidita),
    dataScadenza: orUndefined(p.dataScadenza),
    dataPagamento: orUndefined(p.dataPagamento),
    annoRiferimento: orUndefined(p.annoRiferimento),
    cartellaPagamento: orUndefined(p.cartellaPagamento),
    tassonomia: orUndefined(p.tassonomia),
    tassonomiaAvviso: orUndefined(p.tassonomiaAvviso),
    direzione: orUndefined(p.direzione),
    divisione: orUndefined(p.divisione),
    documento: orUndefined(p.documento),
    datiAllegati: orUndefined(p.datiAllegati),
    proprieta: orUndefined(p.proprieta),
    tipo: 'DOVUTO',
    UUID: p.uuid,
    voci: refs.voci.map(toVoceView),
    allegati: refs.allegati,
  };
}

export const toAllegatoView = (a: AllegatoPendenza): AllegatoView => ({
  id: a.id,
  nome: a.nome,
  tipo: a.tipo,
  descrizione: orUndefined(a.descrizione),
});
