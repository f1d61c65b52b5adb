import type { WrittenReceipt, WrittenReceiptTransfer } from '../../pagopa/soap/requests';
import type { WrittenSubject } from '../../pagopa/soap/elements';
import type { MapEntry, MarcaDaBollo } from '../../pagopa/soap/messages';

/**
 * The paForNode data the simulator reads from a station's answers and sends back. Where it says
 * what pagoPA's wire says, it is pagoPA's type (pagopa/soap/messages.ts); the types below are
 * looser on purpose, each for the reason on its line: the simulator reads another system's
 * answers without trusting their enumerations, and writes them back to test the station's refusals.
 */
export type { Fault, MapEntry, Outcome, QrCode, StationIds, StationVersion, TransferType } from '../../pagopa/soap/messages';
export type { GetPaymentOptions } from '../../pagopa/soap/requests';

/** ctSubject as read: its identifier type is any text, kept as the station sent it. */
export type Subject = WrittenSubject;

/** ctRichiestaMarcaDaBollo: a transfer paid with a digital revenue stamp instead of to an IBAN. */
export type MarcaDaBolloRequest = MarcaDaBollo;

/** ctTransferPA / ctTransferPAV2 as read: `idTransfer` kept as text, as the station sent it. */
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

/** paVerifyPaymentNoticeRes's data as read: enumerations and booleans kept as the station's text. */
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

/** ctPaymentPA / ctPaymentPAV2 as read: a missing companyName is reported by the XSD check, not refused here. */
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

/** A receipt transfer: the activation's as read, with the marca da bollo itself where one was asked. */
export type ReceiptTransfer = WrittenReceiptTransfer & Omit<Transfer, 'richiestaMarcaDaBollo'>;

/** ctReceipt / ctReceiptV2 as the simulator writes it back (the V2-only fields for V2 stations only). */
export type Receipt = WrittenReceipt & { debtor: Subject; transfers: ReceiptTransfer[] };
