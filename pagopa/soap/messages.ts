/**
 * pagoPA's paForNode messages as plain data (paForNode.xsd's names, amounts in integer cents,
 * dates as the XSD's text): the wire contract the station reads and answers (pagopa/station), its
 * domain implements (subgraphs/pagamenti) and the simulator speaks from the Nodo's side. Types
 * only, importing nothing: every room may stand on it.
 */

/** A station's paForNode version: V2 activates with paGetPaymentV2 and receives paSendRTV2. */
export type StationVersion = 'V1' | 'V2';
export type Outcome = 'OK' | 'KO';
export type TransferType = 'POSTAL' | 'PAGOPA';

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
  transferType?: TransferType;
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
  outcome: Outcome;
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

/** ctFaultBean. */
export interface Fault {
  faultCode: string;
  faultString: string;
  id: string;
  description?: string;
  serial?: string;
  originalFaultCode?: string;
  originalFaultString?: string;
  originalDescription?: string;
}
