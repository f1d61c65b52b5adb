import type { LinguaSecondaria } from './labels';

/** What an Avviso pagoPA PDF shows. Amounts are integer cents; dates are `YYYY-MM-DD`. */
export interface AvvisoPdfData {
  ente: {
    /** Codice fiscale of the Ente Creditore (11 digits). */
    cf: string;
    ragioneSociale: string;
    /** Settore / area / unità operativa. */
    settore?: string;
    /** Contacts (address, web site, e-mail, phone), one or more lines. */
    info?: string;
    cbill?: string;
    /** Logo as base64 PNG or JPEG (a `data:image/...;base64,` URI is accepted too). */
    logo?: string;
  };
  /** Oggetto del pagamento. */
  causale: string;
  debitore: {
    cf: string;
    anagrafica: string;
    indirizzo?: string;
  };
  /** One rata for a single avviso; several for a documento (one page each). */
  rate: AvvisoPdfRata[];
  /** Adds the Poste Italiane bollettino with its data matrix (when the IBAN is postal). */
  postale?: {
    iban: string;
    intestatario: string;
    /** The "Aut. num." authorization to print the bollettino. */
    autorizzazione?: string;
  };
  linguaSecondaria?: LinguaSecondaria;
}

export interface AvvisoPdfRata {
  numeroAvviso: string;
  importoCents: bigint | number;
  dataScadenza?: string;
  iuv?: string;
}
