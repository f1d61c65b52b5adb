import type { MapEntry, MarcaDaBollo } from '../../subgraphs/pagamenti/domain/station-types';

/**
 * The paForNode data the simulator sends and reads, as typed values. Amounts are integer cents;
 * field names follow paForNode.xsd so that a reader can hold the two side by side.
 */
/** A station's paForNode version: V2 activates with paGetPaymentV2 and receives paSendRTV2. */
export type StationVersion = 'V1' | 'V2';
export type Outcome = 'OK' | 'KO';
export type TransferType = 'POSTAL' | 'PAGOPA';

// The shapes both sides of paForNode read alike; the simulator keeps its own, looser, types where
// it reads another system's answers (subjects, transfers) without trusting their enumerations.
export type { MapEntry, QrCode, StationIds } from '../../subgraphs/pagamenti/domain/station-types';

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

/** ctSubject (debtor or payer), in the XSD's element order. */
export interface Subject {
  uniqueIdentifier: { entityUniqueIdentifierType: string; entityUniqueIdentifierValue: string };
  fullName: string;
  streetName?: string;
  civicNumber?: string;
  postalCode?: string;
  city?: string;
  stateProvinceRegion?: string;
  country?: string;
  email?: string;
}

/** ctRichiestaMarcaDaBollo: a transfer paid with a digital revenue stamp instead of to an IBAN. */
export type MarcaDaBolloRequest = MarcaDaBollo;

/** ctTransferPA / ctTransferPAV2: exactly one of `iban` and `richiestaMarcaDaBollo` is set. */
export interface Transfer {
  idTransfer: string;
  transferAmountCents: number;
  fiscalCodePA: string;
  companyName?: string;
  iban?: string;
  richiestaMarcaDaBollo?: MarcaDaBolloRequest;
  remittanceInformation: string;
  transferCategory: string;
  metadata?: MapEntry[];
}

/** The data of paVerifyPaymentNoticeRes. */
export interface VerifyData {
  amountCents: number;
  options: string;
  dueDate?: string;
  detailDescription?: string;
  allCCP: string;
  paymentDescription?: string;
  fiscalCodePA?: string;
  companyName?: string;
  officeName?: string;
}

/** ctPaymentPA / ctPaymentPAV2: what the station answers an activation with. */
export interface PaymentData {
  creditorReferenceId: string;
  paymentAmountCents: number;
  dueDate: string;
  description: string;
  companyName?: string;
  officeName?: string;
  debtor: Subject;
  transfers: Transfer[];
  metadata?: MapEntry[];
}

/** The optional fields of an activation request. */
export interface GetPaymentOptions {
  amountCents?: number;
  paymentNote?: string;
  transferType?: TransferType;
}

/** A receipt transfer: the activation's, with the marca da bollo itself where one was asked. */
export interface ReceiptTransfer extends Omit<Transfer, 'richiestaMarcaDaBollo'> {
  mbdAttachment?: string;
}

/** ctReceipt / ctReceiptV2 (the V2-only fields are written for V2 stations only). */
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
  paymentMethod?: string;
  paymentNote?: string;
  feeCents?: number;
  paymentDateTime?: string;
  applicationDate?: string;
  transferDate?: string;
  metadata?: MapEntry[];
  standIn?: boolean;
}
