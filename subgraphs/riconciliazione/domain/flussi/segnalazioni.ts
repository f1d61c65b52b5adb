import { centsToDecimalString } from '../../../../core/money';
import type { Segnalazione } from '../../../../schema/entities';

/*
 * The anomalies of a flow and of its lines, with GovPay's codes and texts
 * (it.govpay.core.business.Rendicontazioni). GovPay prints amounts with Java's MessageFormat; the
 * hub prints them as the graph does ("100.99").
 */

/** Revocations may be reported with negative amounts. */
const euro = (cents: number): string => (cents < 0 ? `-${centsToDecimalString(-cents)}` : centsToDecimalString(cents));

/** A paid line (esito 0, 4, or 3) with no receipt in the hub: unknown IUV, or a pendenza never paid through it. */
export const pagamentoNonPresente = (dettaglio: string): Segnalazione => ({
  codice: '007101',
  descrizione: 'Il pagamento riferito dalla rendicontazione non risulta presente in base dati.',
  dettaglio,
});

/**
 * A flow that could not be read (not well-formed, or breaking FlussoRiversamento's schema). GovPay
 * has no code for it (it drops such a flow and logs it); the hub keeps it visible, RIFIUTATO.
 */
export const flussoNonConforme = (errori: string[]): Segnalazione => ({
  codice: 'FLUSSO_NON_CONFORME',
  descrizione: "Il flusso di rendicontazione non e' conforme allo schema FlussoRiversamento e non e' stato acquisito.",
  dettaglio: errori.join('; ').slice(0, 1000),
});

/** The line's amount differs from what the receipt's transfer paid. */
export const importoNonCorrispondente = (rendicontato: number, pagato: number): Segnalazione => ({
  codice: '007104',
  descrizione: `L'importo rendicontato [${euro(rendicontato)}] non corrisponde a quanto pagato [${euro(pagato)}]`,
});

/** A line of the flow with a paid receipt, and as much revoked as the hub recorded (it records no revoche: 0). */
export const stornoNonCorrispondente = (rendicontato: number, stornato: number): Segnalazione => ({
  codice: '007112',
  descrizione: `L'importo rendicontato [${euro(rendicontato)}] non corrisponde a quanto stornato [${euro(stornato)}]`,
});

/** A payment without RPT (esito 8 or 9) of a pendenza the hub does not hold. */
export const versamentoSconosciuto = (): Segnalazione => ({
  codice: '007111',
  descrizione:
    "Il versamento risulta sconosciuto: Non e' stata trovata un'Applicazione autorizzata a gestire lo Iuv per il dominio indicato.",
});

/** A payment without RPT (esito 8 or 9) of a pendenza with several voci: it must be a single-voce position. */
export const versamentoConPiuVoci = (): Segnalazione => ({
  codice: '007114',
  descrizione: "Il versamento presenta piu' singoli versamenti",
});

/** The same (iuv, iur, indice) twice in one flow. */
export const rendicontazioneDuplicata = (idDominio: string, iuv: string, iur: string, indice: number | null): Segnalazione => ({
  codice: '007115',
  descrizione: `Rendicontazione [Dominio:${idDominio} Iuv:${iuv} Iur:${iur} Indice:${indice ?? 'null'}] duplicata all'interno del flusso, in violazione delle specifiche PagoPA. Necessario intervento manuale per la risoluzione del problema.`,
});

/** The flow's declared total differs from the sum of its lines. */
export const totaleNonCorrispondente = (somma: number, dichiarato: number): Segnalazione => ({
  codice: '007106',
  descrizione: `La somma degli importi rendicontati [${euro(somma)}] non corrisponde al totale indicato nella testata del flusso [${euro(dichiarato)}]`,
});

/** The flow's declared number of payments differs from its lines. */
export const numeroNonCorrispondente = (righe: number, dichiarato: number): Segnalazione => ({
  codice: '007107',
  descrizione: `Il numero di pagamenti rendicontati [${righe}] non corrisponde al totale indicato nella testata del flusso [${dichiarato}]`,
});
