import { DomainError } from '../../../../core/errors';

/**
 * GovPay's IncassiException: each refusal of an incasso has its code and its fixed text
 * (descrizione), the case at hand goes in dettaglio; HTTP 422.
 */
const INCASSI = {
  RICHIESTA_NON_PROCESSABILE: ['021400', 'Richiesta di incasso non processabile'],
  CAUSALE_NON_VALIDA: ['021401', "Il formato della causale non e' conforme alle specifiche AgID."],
  PAGAMENTO_NON_TROVATO: ['021402', 'Pagamento non trovato.'],
  PAGAMENTO_NON_IDENTIFICATO: ['021403', 'Pagamento non identificato.'],
  FR_ANOMALA: ['021404', 'Rendicontazione anomala.'],
  IDF_NON_TROVATO: ['021405', 'Flusso rendicontazione non trovato.'],
  PAGAMENTO_GIA_INCASSATO: ['021406', 'Pagamento gia incassato.'],
  IMPORTO_ERRATO: ['021407', 'Importo errato.'],
  ERRORE_SINTASSI: ['021408', 'Riscontrato errore di sintassi nella richiesta.'],
  DUPLICATO: ['021409', 'Riconciliazione duplicata.'],
  DOMINIO_INESISTENTE: ['021410', 'Dominio inesistente.'],
  CAUSALE_GIA_INCASSATA: ['021411', "Riversamento gia' riconciliato."],
  IBAN_INESISTENTE: ['021412', 'Iban inesistente.'],
  FLUSSO_GIA_INCASSATO: ['021413', 'Flusso gia riconciliato.'],
} as const;

export type FaultIncasso = keyof typeof INCASSI;

export function erroreIncasso(fault: FaultIncasso, dettaglio: string): DomainError {
  const [codice, descrizione] = INCASSI[fault];
  return new DomainError(422, { categoria: 'RICHIESTA', codice, descrizione, dettaglio });
}
