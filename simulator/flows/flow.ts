/**
 * A reporting flow the simulated PSP published for a dominio (one revision): the payments one
 * bank transfer covers. Amounts in cents; dates as pagoPA writes them.
 */
export interface FlowLine {
  iuv: string;
  /** identificativoUnivocoRiscossione: the receipt's receiptId. */
  iur: string;
  indice: number;
  importoCents: number;
  /** codiceEsitoSingoloPagamento: 0 paid, 3 revoked, 4 stand-in, 8/9 without RPT. */
  esito: 0 | 3 | 4 | 8 | 9;
  /** yyyy-MM-dd */
  data: string;
}

export interface PublishedFlow {
  idFlusso: string;
  revision: number;
  dataOraFlusso: Date;
  idDominio: string;
  ragioneSocialeDominio?: string;
  idPsp: string;
  pspName: string;
  idBrokerPsp: string;
  idChannel: string;
  /** identificativoUnivocoRegolamento: the bank transfer's reference. */
  trn: string;
  /** yyyy-MM-dd */
  dataRegolamento: string;
  bic: string;
  lines: FlowLine[];
  /** importoTotalePagamenti as published: the lines' sum unless a test asked for a wrong total. */
  importoTotaleCents: number;
  /** A test's broken flow: its XML breaks FlussoRiversamento's schema (FdR serves it unchanged). */
  breaksXsd: boolean;
  /** The SCT description the bank shows for its transfer. */
  causale: string;
}

export const sumCents = (lines: FlowLine[]) => lines.reduce((n, l) => n + l.importoCents, 0);
