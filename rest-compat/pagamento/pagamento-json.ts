import { stripNulls } from '../../core/compact';
import { romeDate } from '../../core/rome-time';
import { PENDENZA_FIELDS, pendenzaIndex, rppJson, RPP_FIELDS, type GraphPendenza, type GraphRpp } from '../pendenze/mapping';

/** The graph selection of a payment session for GovPay's PagamentoBase, and the cart for its detail. */
const SOGGETTO = 'tipo identificativo anagrafica indirizzo civico cap localita provincia nazione email cellulare';
export const PAGAMENTO_FIELDS = `idPagamento idSession nome stato descrizioneStato importo idSessionePortale urlRitorno redirect dataRichiesta
  dataEsecuzionePagamento soggettoVersante { ${SOGGETTO} } contoAddebito { iban bic } credenzialiPagatore autenticazioneSoggetto lingua`;
export const PAGAMENTO_DETTAGLIO_FIELDS = `${PAGAMENTO_FIELDS}
  pendenze { pendenza { ${PENDENZA_FIELDS} } rpp { ${RPP_FIELDS} pendenza { ${PENDENZA_FIELDS} } } }`;

export interface GraphPagamento {
  idPagamento: string;
  idSession: string;
  nome: string;
  stato: string;
  descrizioneStato?: string | null;
  importo: string;
  dataRichiesta: string;
  autenticazioneSoggetto?: string | null;
  lingua?: string | null;
  pendenze?: Array<{ pendenza: GraphPendenza | null; rpp: (GraphRpp & { pendenza: GraphPendenza | null }) | null }>;
  [field: string]: unknown;
}

/** GovPay's PagamentoBase: the graph's session with GovPay's names and formats (the graph's enum names back to GovPay's values). */
export function pagamentoBase(p: GraphPagamento) {
  const { idPagamento, idSession, redirect, dataRichiesta, importo, autenticazioneSoggetto, lingua, pendenze: _p, ...rest } = p;
  return stripNulls({
    ...rest,
    id: idPagamento,
    importo: Number(importo),
    idSessionePsp: idSession,
    pspRedirectUrl: redirect,
    dataRichiestaPagamento: romeDate(dataRichiesta),
    autenticazioneSoggetto: autenticazioneSoggetto === 'N_A' ? 'N/A' : autenticazioneSoggetto,
    lingua: lingua?.toLowerCase(),
  });
}

/** GovPay's PagamentoIndex (lists): links to the cart's pendenze and attempts. */
export const pagamentoIndex = (p: GraphPagamento) => ({
  ...pagamentoBase(p),
  pendenze: `/pendenze?idPagamento=${p.idPagamento}`,
  rpp: `/rpp?idPagamento=${p.idPagamento}`,
});

/** GovPay's Pagamento (detail): the cart's pendenze, and the receipts that settled them. */
export function pagamentoDettaglio(p: GraphPagamento) {
  const voci = p.pendenze ?? [];
  return {
    ...pagamentoBase(p),
    rpp: voci.flatMap((v) => (v.rpp ? [rppJson(v.rpp, v.rpp.pendenza ? pendenzaIndex(v.rpp.pendenza) : undefined)] : [])),
    pendenze: voci.flatMap((v) => (v.pendenza ? [pendenzaIndex(v.pendenza)] : [])),
  };
}
