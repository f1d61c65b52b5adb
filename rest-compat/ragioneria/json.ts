import { stripNulls } from '../../core/compact';
import { romeDate, romeDateTime } from '../../core/rome-time';
import { allegatiJson, type GraphPendenza } from '../pendenze/mapping';
import type { GraphFlusso, GraphRendicontazione, GraphRiconciliazione, GraphRiscossione, GraphSegnalazione } from './graph';

/**
 * The shapes API Ragioneria v2 gives the riconciliazione graph (api-ragioneria-v2.yaml), and the
 * formats every GovPay API shares for them (amounts as numbers, Rome's local date-times).
 */

/** The graph's "100.99" strings become GovPay's JSON numbers (exact: two decimals at most). */
export const euro = (importo: string) => Number(importo);

/** GovPay's flow states are words with a capital. */
const STATO_FLUSSO = { ACQUISITO: 'Acquisito', ANOMALO: 'Anomalo', RIFIUTATO: 'Rifiutato' } as const;
export const STATI_FLUSSO = Object.values(STATO_FLUSSO);
export const statoFlussoGraph = (s: string) => Object.entries(STATO_FLUSSO).find(([, v]) => v.toLowerCase() === s.toLowerCase())?.[0];

/** A date of the graph (yyyy-MM-dd) where GovPay writes a date-time: its midnight. */
const midnight = (date: string) => `${date}T00:00:00.000`;

export const segnalazioni = (s: GraphSegnalazione[]) =>
  s.map((x) => stripNulls({ codice: x.codice, descrizione: x.descrizione, dettaglio: x.dettaglio }));

/** FlussoRendicontazioneIndex, shared by every API that lists flows. */
export function flussoIndex(f: GraphFlusso) {
  return stripNulls({
    idFlusso: f.idFlusso,
    dataFlusso: romeDateTime(f.dataFlusso),
    trn: f.trn,
    dataRegolamento: midnight(f.dataRegolamento),
    revisione: f.revisione,
    idPsp: f.idPsp,
    bicRiversamento: f.bicRiversamento,
    idDominio: f.idDominio,
    numeroPagamenti: f.numeroPagamenti,
    importoTotale: euro(f.importoTotale),
    stato: STATO_FLUSSO[f.stato],
    segnalazioni: segnalazioni(f.segnalazioni),
  });
}

/** Rendicontazione: a line of a flow, its outcome as GovPay's code (0, 3, 4, 8, 9). */
export function rendicontazione(r: GraphRendicontazione) {
  return stripNulls({
    iuv: r.iuv,
    iur: r.iur,
    indice: r.indice ?? 1,
    importo: euro(r.importo),
    esito: r.codiceEsito,
    data: r.data,
    segnalazioni: segnalazioni(r.segnalazioni),
  });
}

/** API Ragioneria v2's Pendenza: the fields of the debt position, its dominio by id. */
function pendenzaV2(p: GraphPendenza) {
  const uo = p.unitaOperativa as { idUnita?: string } | null | undefined;
  return stripNulls({
    idA2A: p.idA2A,
    idPendenza: p.idPendenza,
    idDominio: p.dominio.idDominio,
    idUnitaOperativa: uo?.idUnita,
    idTipoPendenza: p.idTipoPendenza,
    causale: p.causale,
    dataCaricamento: romeDate(p.dataCaricamento),
    dataValidita: p.dataValidita,
    dataScadenza: p.dataScadenza,
    annoRiferimento: p.annoRiferimento,
    cartellaPagamento: p.cartellaPagamento,
    datiAllegati: p.datiAllegati,
    tassonomia: p.tassonomia,
    tassonomiaAvviso: p.tassonomiaAvviso,
    direzione: p.direzione,
    divisione: p.divisione,
    UUID: p.UUID,
    allegati: p.allegati.length ? allegatiJson(p.allegati) : undefined,
  });
}

/** The voce a riscossione paid: the pendenza's voce number `indice`. */
export const voceOf = (r: GraphRiscossione) => r.pendenza?.voci.find((v) => v.indice === r.indice);

/** API Ragioneria v2's VocePendenza, with its pendenza inside. */
function vocePendenzaV2(r: GraphRiscossione) {
  const v = voceOf(r);
  if (!v || !r.pendenza) return undefined;
  return stripNulls({
    indice: v.indice,
    idVocePendenza: v.idVocePendenza,
    importo: euro(v.importo),
    descrizione: v.descrizione,
    datiAllegati: v.datiAllegati,
    descrizioneCausaleRPT: v.descrizioneCausaleRPT,
    contabilita: v.contabilita,
    pendenza: pendenzaV2(r.pendenza),
    dominio: v.dominio,
  });
}

/** RiscossioneIndex: ALTRO_INTERMEDIARIO lines carry no state nor voce, as in GovPay. */
export function riscossioneIndex(r: GraphRiscossione) {
  const interna = r.tipo !== 'ALTRO_INTERMEDIARIO';
  return stripNulls({
    dominio: { idDominio: r.dominio.idDominio, ragioneSociale: r.dominio.ragioneSociale },
    iuv: r.iuv,
    iur: r.iur,
    indice: r.indice,
    stato: interna ? r.stato : undefined,
    tipo: r.tipo,
    importo: euro(r.importo),
    data: romeDate(r.data),
    vocePendenza: interna ? vocePendenzaV2(r) : undefined,
    riconciliazione: r.riconciliazione ? `/riconciliazioni/${r.idDominio}/${r.riconciliazione.idRiconciliazione}` : undefined,
  });
}

/** Riscossione (detail): the index and the receipt as pagoPA's JSON. */
export const riscossioneDettaglio = (r: GraphRiscossione & { rpp?: { rt?: unknown } | null }) =>
  stripNulls({ ...riscossioneIndex(r), rt: r.rpp?.rt });

/** The one reference GovPay echoes (NuovaRiconciliazione's oneOf): the causale, else the iuv, else the flow. */
export function riferimento(r: Pick<GraphRiconciliazione, 'causale' | 'iuv' | 'idFlusso'>) {
  if (r.causale) return { causale: r.causale };
  return r.iuv ? { iuv: r.iuv } : { idFlusso: r.idFlusso ?? '' };
}

/** RiconciliazioneIndex. */
export function riconciliazioneIndex(r: GraphRiconciliazione) {
  return stripNulls({
    idDominio: r.idDominio,
    idRiconciliazione: r.idRiconciliazione,
    ...riferimento(r),
    importo: euro(r.importo),
    dataValuta: r.dataValuta,
    dataContabile: r.dataContabile,
    contoAccredito: r.contoAccredito,
    sct: r.sct,
  });
}

/** Riconciliazione: the index and the riscossioni it covered. */
export const riconciliazione = (r: GraphRiconciliazione & { riscossioni: GraphRiscossione[] }) => ({
  ...riconciliazioneIndex(r),
  riscossioni: r.riscossioni.map(riscossioneIndex),
});
