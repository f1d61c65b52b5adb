/** The fault codes the station answers with (pagoPA's PAA_* catalogue) and their official texts. */
export const PAA_FAULTS = {
  PAA_PAGAMENTO_SCONOSCIUTO: 'Pagamento in attesa risulta sconosciuto all’Ente Creditore.',
  PAA_PAGAMENTO_SCADUTO: 'Pagamento in attesa risulta scaduto all’Ente Creditore.',
  PAA_PAGAMENTO_ANNULLATO: 'Pagamento in attesa risulta annullato all’Ente Creditore.',
  PAA_PAGAMENTO_DUPLICATO: 'Pagamento in attesa risulta concluso all’Ente Creditore.',
  PAA_PAGAMENTO_IN_CORSO: 'Pagamento in attesa risulta in corso all’Ente Creditore.',
  PAA_ID_DOMINIO_ERRATO: 'La PAA non corrisponde al Dominio indicato.',
  PAA_ID_INTERMEDIARIO_ERRATO: 'Identificativo intermediario non corrispondente.',
  PAA_STAZIONE_INT_ERRATA: 'Stazione intermediario non corrispondente.',
  PAA_SINTASSI_XSD: 'Errore di sintassi XSD.',
  PAA_SINTASSI_EXTRAXSD: 'Errore di sintassi extra XSD.',
  PAA_SEMANTICA: 'Errore semantico.',
  PAA_SYSTEM_ERROR: 'Errore generico.',
} as const;

export type PaaFaultCode = keyof typeof PAA_FAULTS;

/**
 * A business error of the station: rendered as the operation's response with outcome KO and a
 * fault (HTTP 200), never as a SOAP Fault. `description` says what exactly was wrong.
 */
export class PagoPaFault extends Error {
  constructor(
    readonly code: PaaFaultCode,
    readonly description: string,
  ) {
    super(`${code}: ${description}`);
  }

  get faultString(): string {
    return PAA_FAULTS[this.code];
  }
}
