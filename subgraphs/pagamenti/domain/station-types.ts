/**
 * What the station's protocol layer (pagopa/) and its domain services exchange: pagoPA's
 * paForNode messages as plain data, amounts in integer cents. The protocol layer parses and
 * validates the XML into these and renders the results back; the domain never sees XML.
 */

/** Who is calling: the intermediario whose principalPagoPa the Nodo authenticated as. */
export interface StationCaller {
  idIntermediario: string;
}

export interface StationIds {
  idPA: string;
  idBrokerPA: string;
  idStation: string;
}

export interface QrCode {
  fiscalCode: string;
  noticeNumber: string;
}

export interface VerifyRequest extends StationIds {
  qrCode: QrCode;
}

export interface VerifyResult {
  amountCents: number;
  options: 'EQ';
  /** yyyy-MM-dd */
  dueDate?: string;
  detailDescription?: string;
  allCCP: boolean;
  paymentDescription: string;
  fiscalCodePA: string;
  companyName: string;
  officeName?: string;
}

export interface GetPaymentRequest extends StationIds {
  qrCode: QrCode;
  amountCents?: number;
  paymentNote?: string;
  transferType?: 'POSTAL' | 'PAGOPA';
  /** yyyy-MM-dd */
  dueDate?: string;
}

export interface Subject {
  uniqueIdentifier: { entityUniqueIdentifierType: 'F' | 'G'; entityUniqueIdentifierValue: string };
  fullName: string;
  streetName?: string;
  civicNumber?: string;
  postalCode?: string;
  city?: string;
  stateProvinceRegion?: string;
  country?: string;
  email?: string;
}

export interface MapEntry {
  key: string;
  value: string;
}

export interface MarcaDaBollo {
  hashDocumento: string;
  tipoBollo: string;
  provinciaResidenza: string;
}

/** One transfer of a payment: an IBAN, or (V2 only) a marca da bollo. */
export interface Transfer {
  idTransfer: number;
  transferAmountCents: number;
  fiscalCodePA: string;
  /** V2 only. */
  companyName?: string;
  iban?: string;
  richiestaMarcaDaBollo?: MarcaDaBollo;
  remittanceInformation: string;
  transferCategory: string;
  metadata?: MapEntry[];
}

/** paGetPayment's ctPaymentPA (V2: ctPaymentPAV2). */
export interface PaymentData {
  creditorReferenceId: string;
  paymentAmountCents: number;
  /** yyyy-MM-dd */
  dueDate: string;
  description: string;
  companyName: string;
  officeName?: string;
  debtor: Subject;
  transfers: Transfer[];
  metadata?: MapEntry[];
}

export interface ReceiptTransfer {
  idTransfer: number;
  transferAmountCents: number;
  fiscalCodePA: string;
  companyName?: string;
  iban?: string;
  /** V2: the marca da bollo document, base64. */
  mbdAttachment?: string;
  remittanceInformation: string;
  transferCategory: string;
  metadata?: MapEntry[];
}

/** paSendRT's ctReceipt (V2: ctReceiptV2). Date-times as sent (xsd:dateTime text). */
export interface Receipt {
  receiptId: string;
  noticeNumber: string;
  fiscalCode: string;
  outcome: 'OK' | 'KO';
  creditorReferenceId: string;
  paymentAmountCents: number;
  description: string;
  companyName: string;
  officeName?: string;
  debtor: Subject;
  transfers: ReceiptTransfer[];
  idPSP: string;
  pspFiscalCode?: string;
  pspPartitaIVA?: string;
  PSPCompanyName: string;
  idChannel: string;
  channelDescription: string;
  payer?: Subject;
  paymentMethod?: string;
  feeCents?: number;
  primaryCiIncurredFeeCents?: number;
  idBundle?: string;
  idCiBundle?: string;
  paymentDateTime?: string;
  applicationDate?: string;
  transferDate?: string;
  metadata?: MapEntry[];
  standIn?: boolean;
  paymentNote?: string;
}

export interface SendRTRequest extends StationIds {
  versione: 'V1' | 'V2';
  receipt: Receipt;
  /** The receipt as pagoPA's JSON shape (element names, amounts as sent), stored and sent to the Ente. */
  receiptJson: Record<string, unknown>;
  /** The receipt element exactly as received. */
  receiptXml: string;
}

/**
 * The station's domain: each call either returns its result or throws a PagoPaFault, checking
 * broker, station and dominio first (GovPay's order). getPayment never changes the pendenza.
 */
export interface StationService {
  verify(caller: StationCaller, req: VerifyRequest): Promise<VerifyResult>;
  getPayment(caller: StationCaller, req: GetPaymentRequest, versione: 'V1' | 'V2'): Promise<PaymentData>;
  sendRT(caller: StationCaller, req: SendRTRequest): Promise<void>;
}
