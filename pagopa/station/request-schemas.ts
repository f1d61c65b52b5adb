import { z } from 'zod';
import {
  amount,
  amountNotZero,
  anyText,
  base64,
  boolean,
  date,
  dateTime,
  email,
  fiscalCodePA,
  idTransfer,
  nazioneProvincia,
  noticeNumber,
  oneOf,
  text,
} from './xsd-types';

/**
 * The request types of paForNode.xsd as zod objects, keyed by element name in the XSD sequence's
 * order (element-object.ts relies on that order). Values come out typed: amounts in cents,
 * booleans, transfer numbers.
 */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).min(1, 'must have at least one element').max(max, `must have at most ${max} elements`);

const stationIds = {
  idPA: text(35),
  idBrokerPA: text(35),
  idStation: text(35),
};

const qrCode = z.object({ fiscalCode: fiscalCodePA, noticeNumber });

const metadata = z.object({ mapEntry: list(z.object({ key: text(140), value: text(140) }), 15) });

const subject = z.object({
  uniqueIdentifier: z.object({
    entityUniqueIdentifierType: oneOf(['F', 'G']),
    entityUniqueIdentifierValue: text(16, 2),
  }),
  fullName: text(70),
  streetName: text(70).optional(),
  civicNumber: text(16).optional(),
  postalCode: text(16).optional(),
  city: text(35).optional(),
  stateProvinceRegion: text(35).optional(),
  country: nazioneProvincia.optional(),
  'e-mail': email.optional(),
});

export const verifyRequest = z.object({ ...stationIds, qrCode });

/** paGetPaymentReq and paGetPaymentV2Request are the same type. */
export const getPaymentRequest = z.object({
  ...stationIds,
  qrCode,
  amount: amount.optional(),
  paymentNote: text(210).optional(),
  transferType: oneOf(['POSTAL', 'PAGOPA']).optional(),
  dueDate: date.optional(),
});

const transferFields = {
  idTransfer,
  transferAmount: amountNotZero,
  fiscalCodePA,
};
const transferTail = {
  remittanceInformation: text(140),
  transferCategory: text(140),
  metadata: metadata.optional(),
};

/** ctTransferPA: V1 receipts always credit an IBAN. */
const transferV1 = z.object({ ...transferFields, IBAN: text(35), ...transferTail });

/** ctTransferPAReceiptV2: the IBAN, or the marca da bollo the PSP issued (xs:choice). */
const transferV2 = z
  .object({
    ...transferFields,
    companyName: text(140).optional(),
    IBAN: text(35).optional(),
    MBDAttachment: base64.optional(),
    ...transferTail,
  })
  .refine((t) => (t.IBAN === undefined) !== (t.MBDAttachment === undefined), 'must have either IBAN or MBDAttachment, not both');

const receiptHead = {
  receiptId: anyText,
  noticeNumber,
  fiscalCode: fiscalCodePA,
  outcome: oneOf(['OK', 'KO']),
  creditorReferenceId: text(35),
  paymentAmount: amount,
  description: text(140),
  companyName: text(140),
  officeName: text(140).optional(),
  debtor: subject,
};
const psp = {
  idPSP: text(35),
  pspFiscalCode: text(70).optional(),
  pspPartitaIVA: text(20).optional(),
  PSPCompanyName: text(70),
  idChannel: text(35),
  channelDescription: text(35),
  payer: subject.optional(),
  paymentMethod: text(35).optional(),
};
const receiptTail = {
  paymentDateTime: dateTime.optional(),
  applicationDate: date.optional(),
  transferDate: date.optional(),
  metadata: metadata.optional(),
  standIn: boolean.optional(),
};

const receiptV1 = z.object({
  ...receiptHead,
  transferList: z.object({ transfer: list(transferV1, 5) }),
  ...psp,
  fee: amount.optional(),
  ...receiptTail,
});

const receiptV2 = z.object({
  ...receiptHead,
  transferList: z.object({ transfer: list(transferV2, 5) }),
  ...psp,
  paymentNote: text(210).optional(),
  fee: amount.optional(),
  primaryCiIncurredFee: amount.optional(),
  idBundle: text(70).optional(),
  idCiBundle: text(70).optional(),
  ...receiptTail,
});

export const sendRTRequest = z.object({ ...stationIds, receipt: receiptV1 });
export const sendRTV2Request = z.object({ ...stationIds, receipt: receiptV2 });
