import type { Principal } from '../../../../core/principal';
import type {
  EsitoPendenzaPagamento,
  EsitoRitorno,
  PagamentoPortale,
  PagamentoPortalePendenza,
  Soggetto,
  StatoPagamento,
} from '../../../../schema/entities';

/** Who may start a payment, as GovPay names a caller's kind (its TipoUtenza). */
export const TIPI_UTENZA = ['APPLICAZIONE', 'OPERATORE', 'CITTADINO', 'ANONIMO'] as const;
export type TipoUtenza = (typeof TIPI_UTENZA)[number];

// The session stores the caller's kind as the gateway names it; the graph shows GovPay's name.
const TIPO_UTENZA: Record<Principal['kind'], TipoUtenza> = {
  applicazione: 'APPLICAZIONE',
  operatore: 'OPERATORE',
  cittadino: 'CITTADINO',
  anonimo: 'ANONIMO',
};

/** A pendenza as a cart names it: the session records these, Checkout is told its notice and amount. */
export interface PendenzaNelCarrello {
  idA2A: string;
  idPendenza: string;
  idDominio: string;
  idTipoPendenza: string;
  numeroAvviso: string;
  iuv: string;
  importoCents: number;
}

export interface PagamentoPendenzaView extends PendenzaNelCarrello {
  indice: number;
  esito: EsitoPendenzaPagamento;
  /** The receipt that settled it (its receiptId), when one arrived. */
  ccp?: string;
}

/** A payment session as every edge shows it; amounts in cents, dates as instants. */
export interface PagamentoView {
  idPagamento: string;
  idSession: string;
  nome: string;
  stato: StatoPagamento;
  descrizioneStato?: string;
  importoCents: number;
  idSessionePortale?: string;
  urlRitorno?: string;
  redirect?: string;
  dataRichiesta: Date;
  dataAggiornamento: Date;
  dataScadenza: Date;
  dataEsecuzionePagamento?: string;
  soggettoVersante?: Soggetto;
  contoAddebito?: { iban: string; bic?: string };
  credenzialiPagatore?: string;
  autenticazioneSoggetto?: string;
  lingua?: string;
  avviatoDa: { tipo: TipoUtenza; principal: string };
  esitoRitorno?: EsitoRitorno;
  dataRitorno?: Date;
  verificato: boolean;
  pendenze: PagamentoPendenzaView[];
}

const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

export function toPagamentoPendenzaView(i: PagamentoPortalePendenza): PagamentoPendenzaView {
  return {
    indice: i.indice,
    idA2A: i.idA2A,
    idPendenza: i.idPendenza,
    idDominio: i.idDominio,
    idTipoPendenza: i.idTipoPendenza,
    numeroAvviso: i.numeroAvviso,
    iuv: i.iuv,
    importoCents: i.importoCents,
    esito: i.esito,
    ccp: orUndefined(i.ccp),
  };
}

/** The view of a session whose items are loaded. */
export function toPagamentoView(p: PagamentoPortale): PagamentoView {
  return {
    idPagamento: p.idPagamento,
    idSession: p.idSession,
    nome: p.nome,
    stato: p.stato,
    descrizioneStato: orUndefined(p.descrizioneStato),
    importoCents: p.importoCents,
    idSessionePortale: orUndefined(p.idSessionePortale),
    urlRitorno: orUndefined(p.urlRitorno),
    redirect: orUndefined(p.redirect),
    dataRichiesta: p.createdAt,
    dataAggiornamento: p.updatedAt,
    dataScadenza: p.scadenza,
    dataEsecuzionePagamento: orUndefined(p.dataEsecuzionePagamento),
    soggettoVersante: orUndefined(p.soggettoVersante),
    contoAddebito: p.contoAddebito ? { iban: p.contoAddebito.iban, bic: orUndefined(p.contoAddebito.bic) } : undefined,
    credenzialiPagatore: orUndefined(p.credenzialiPagatore),
    autenticazioneSoggetto: orUndefined(p.autenticazioneSoggetto),
    lingua: orUndefined(p.lingua),
    avviatoDa: { tipo: TIPO_UTENZA[p.avviatoDaTipo], principal: p.avviatoDa },
    esitoRitorno: orUndefined(p.esitoRitorno),
    dataRitorno: orUndefined(p.ritornoIl),
    verificato: p.verificato,
    pendenze: p.pendenze
      .getItems()
      .sort((a, b) => a.indice - b.indice)
      .map(toPagamentoPendenzaView),
  };
}
