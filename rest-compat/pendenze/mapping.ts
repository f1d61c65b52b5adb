import { stripNulls } from '../../core/compact';
import { romeDate } from '../../core/rome-time';
import { TIPOLOGIA_GOVPAY, voceGovPay, type TipologiaPendenza } from '../../subgraphs/pendenze/services';

/** The graph selection REST needs for GovPay's Pendenza, and the mapping back to GovPay's JSON. */
export const PENDENZA_FIELDS = `idA2A idPendenza idTipoPendenza dominio { idDominio ragioneSociale }
  unitaOperativa { idUnita ragioneSociale } stato descrizioneStato numeroAvviso iuvAvviso causale
  soggettoPagatore { tipo identificativo anagrafica indirizzo civico cap localita provincia nazione email cellulare }
  importo dataCaricamento dataValidita dataScadenza dataPagamento annoRiferimento cartellaPagamento tassonomia
  tassonomiaAvviso direzione divisione documento datiAllegati proprieta tipo UUID
  voci { indice idVocePendenza importo descrizione descrizioneCausaleRPT stato dominio { idDominio ragioneSociale } codEntrata ibanAccredito
    ibanAppoggio tipoContabilita codiceContabilita tipoBollo hashDocumento provinciaResidenza contabilita metadata datiAllegati }
  allegati { numero nome tipo descrizione }`;

/** What GovPay's Rpp shows of a payment attempt (its pendenza is selected apart, where needed). */
export const RPP_FIELDS = 'stato dettaglioStato rpt rt';

/** A pendenza's detail: its fields and its payment attempts. */
export const PENDENZA_DETTAGLIO_FIELDS = `${PENDENZA_FIELDS} rpp { ${RPP_FIELDS} }`;

export interface GraphRpp {
  stato: string;
  dettaglioStato?: string | null;
  rpt: Record<string, unknown>;
  rt: Record<string, unknown>;
}

export interface GraphPendenza {
  idA2A: string;
  idPendenza: string;
  dominio: { idDominio: string; ragioneSociale: string };
  numeroAvviso?: string | null;
  importo: string;
  dataCaricamento: string;
  tipo: TipologiaPendenza;
  voci: Array<Record<string, unknown> & { importo: string }>;
  allegati: Array<{ numero: number; nome: string; tipo: string; descrizione?: string | null }>;
  /** Selected by PENDENZA_DETTAGLIO_FIELDS only. */
  rpp?: GraphRpp[];
  [field: string]: unknown;
}

/** The graph's "100.99" strings become GovPay's JSON numbers (exact: two decimals at most). */
export const euro = (importo: string) => Number(importo);

/** How an API turns the common JSON of a pendenza into its own (the Backoffice's fields); see shape.ts. */
export type PendenzaAdapt = (json: Record<string, unknown>, p: GraphPendenza) => Record<string, unknown>;

const asIs: PendenzaAdapt = (json) => json;

/** GovPay's PendenzaBase: the graph's pendenza with GovPay's formats. */
export function pendenzaBase(p: GraphPendenza, adapt: PendenzaAdapt = asIs) {
  const { voci: _voci, allegati: _allegati, rpp: _rpp, importo, dataCaricamento, ...rest } = p;
  return adapt(
    stripNulls({ ...rest, tipo: TIPOLOGIA_GOVPAY[p.tipo], importo: euro(importo), dataCaricamento: romeDate(dataCaricamento) }),
    p,
  );
}

/**
 * GovPay's Rpp (RppIndex in lists): the receipt and request as pagoPA's JSON, kept as they are
 * (their nulls included), with the attempt's pendenza as GovPay indexes it; `extra` is what an
 * API adds (the Backoffice's modello).
 */
export function rppJson(r: GraphRpp, pendenza: unknown, extra: Record<string, unknown> = {}) {
  return { stato: r.stato, ...(r.dettaglioStato ? { dettaglioStato: r.dettaglioStato } : {}), rpt: r.rpt, rt: r.rt, pendenza, ...extra };
}

/** GovPay's Pendenza (detail): with its voci and its payment attempts, each indexing the pendenza. */
export function pendenzaDettaglio(p: GraphPendenza, rppExtra: Record<string, unknown> = {}, adapt: PendenzaAdapt = asIs) {
  const index = pendenzaIndex(p, adapt);
  return {
    ...pendenzaBase(p, adapt),
    voci: p.voci.map(({ importo, ...v }) => stripNulls({ ...voceGovPay(v), importo: euro(importo) })),
    rpp: (p.rpp ?? []).map((r) => rppJson(r, index, rppExtra)),
    ...(p.allegati.length ? { allegati: allegatiJson(p.allegati) } : {}),
  };
}

/** GovPay's allegati of a pendenza: each links to its file by number (GovPay's id, the graph's numero). */
export const allegatiJson = (allegati: GraphPendenza['allegati']) =>
  allegati.map(({ numero, ...a }) => stripNulls({ ...a, contenuto: `/allegati/${numero}` }));

/** GovPay's PendenzaIndex (lists): links instead of the nested collections. */
export function pendenzaIndex(p: GraphPendenza, adapt: PendenzaAdapt = asIs) {
  return {
    ...pendenzaBase(p, adapt),
    rpp: `/rpp?idA2A=${p.idA2A}&idPendenza=${p.idPendenza}`,
    pagamenti: `/pagamenti?idA2A=${p.idA2A}&idPendenza=${p.idPendenza}`,
  };
}
