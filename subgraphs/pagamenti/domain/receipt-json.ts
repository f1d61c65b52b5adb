import type { Subject } from '../../../pagopa/soap/messages';
import type { Rpp, Soggetto } from '../../../schema/entities';

/**
 * A receipt as the hub stores it (Rpp.ricevuta): pagoPA's ctReceipt (V2: ctReceiptV2) in its JSON
 * shape, element names as on the wire and amounts as `\d+\.\d{2}` strings. Read loosely: what a
 * receipt may lack is optional here.
 */
export interface StoredReceipt {
  receiptId?: string;
  noticeNumber?: string;
  outcome?: string;
  paymentAmount?: string;
  description?: string;
  /** Required by pagoPA's XSD, as the station checks. */
  debtor: ReceiptSubject;
  payer?: ReceiptSubject;
  transferList?: { transfer?: StoredTransfer[] };
  pspFiscalCode?: string;
  channelDescription?: string;
}

export interface StoredTransfer {
  transferAmount?: string;
  remittanceInformation?: string;
  transferCategory?: string;
}

/** The receipt an attempt stored. */
export const storedReceipt = (r: Rpp): StoredReceipt => r.ricevuta as unknown as StoredReceipt;

/** A subject as the stored receipt has it: pagoPA's element names (`e-mail`). */
export type ReceiptSubject = Partial<Omit<Subject, 'email'>> & { 'e-mail'?: string };

/** A pagoPA subject (ctSubject) as GovPay's Soggetto. */
export const soggettoOf = (s: ReceiptSubject): Soggetto => ({
  tipo: s.uniqueIdentifier?.entityUniqueIdentifierType ?? 'F',
  identificativo: s.uniqueIdentifier?.entityUniqueIdentifierValue ?? '',
  anagrafica: s.fullName,
  indirizzo: s.streetName,
  civico: s.civicNumber,
  cap: s.postalCode,
  localita: s.city,
  provincia: s.stateProvinceRegion,
  nazione: s.country,
  email: s['e-mail'],
});

/** A stored amount in cents: pagoPA writes exactly two decimals, so without its dot it is the cents. */
export function storedCents(amount: string | undefined): number | undefined {
  return amount !== undefined && /^\d{1,9}\.\d{2}$/.test(amount) ? Number(amount.replace('.', '')) : undefined;
}
