import { formatAmount } from './amount';
import { metadataElement as metadata, subjectElement as subject, type WrittenSubject } from './elements';
import type { GetPaymentRequest, QrCode, Receipt, ReceiptTransfer, StationIds, StationVersion } from './messages';
import { OPERATIONS, PAFORNODE_NS, SOAP11_ENV_NS, type Operation } from './protocol';
import { group, leaf, list, type Xml } from './xml';

/** The optional fields of an activation request. */
export type GetPaymentOptions = Pick<GetPaymentRequest, 'amountCents' | 'paymentNote' | 'transferType'>;

/**
 * What a receipt writer accepts: pagoPA's receipt with its subjects' identifier types and its
 * transfers' ids as any text, because the Nodo's side (the simulator) writes back what a station
 * answered, right or wrong, to see what the station makes of it.
 */
export type WrittenReceiptTransfer = Omit<ReceiptTransfer, 'idTransfer'> & { idTransfer: number | string };
export type WrittenReceipt = Omit<Receipt, 'debtor' | 'payer' | 'transfers'> & {
  debtor: WrittenSubject;
  payer?: WrittenSubject;
  transfers: WrittenReceiptTransfer[];
};

/**
 * The Nodo's request envelopes of the five operations the station serves, element by element in paForNode.xsd's order.
 * Only the body's root is namespace-qualified: the XSD has no elementFormDefault, so its
 * children are unqualified.
 */
function envelope(operation: Operation, content: Xml[]): string {
  const root = OPERATIONS[operation].request;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="${SOAP11_ENV_NS}" xmlns:pafn="${PAFORNODE_NS}">` +
    `<soapenv:Body><pafn:${root}>${content.join('')}</pafn:${root}></soapenv:Body></soapenv:Envelope>`
  );
}

const stationIds = (ids: StationIds): Xml[] => [
  leaf('idPA', ids.idPA),
  leaf('idBrokerPA', ids.idBrokerPA),
  leaf('idStation', ids.idStation),
];

const qrCode = (qr: QrCode): Xml => group('qrCode', [leaf('fiscalCode', qr.fiscalCode), leaf('noticeNumber', qr.noticeNumber)]);

const optionalAmount = (cents: number | undefined) => (cents === undefined ? undefined : formatAmount(cents));

export function verifyRequest(ids: StationIds, qr: QrCode): string {
  return envelope('paVerifyPaymentNotice', [...stationIds(ids), qrCode(qr)]);
}

/** paGetPaymentReq and paGetPaymentV2Request have the same fields. */
export function getPaymentRequest(version: StationVersion, ids: StationIds, qr: QrCode, options: GetPaymentOptions): string {
  return envelope(version === 'V2' ? 'paGetPaymentV2' : 'paGetPayment', [
    ...stationIds(ids),
    qrCode(qr),
    leaf('amount', optionalAmount(options.amountCents)),
    leaf('paymentNote', options.paymentNote),
    leaf('transferType', options.transferType),
  ]);
}

export function sendRTRequest(version: StationVersion, ids: StationIds, receipt: WrittenReceipt): string {
  return envelope(version === 'V2' ? 'paSendRTV2' : 'paSendRT', [...stationIds(ids), receiptElement(version, receipt)]);
}

function receiptElement(version: StationVersion, r: WrittenReceipt): Xml {
  const v2 = version === 'V2';
  return group('receipt', [
    leaf('receiptId', r.receiptId),
    leaf('noticeNumber', r.noticeNumber),
    leaf('fiscalCode', r.fiscalCode),
    leaf('outcome', r.outcome),
    leaf('creditorReferenceId', r.creditorReferenceId),
    leaf('paymentAmount', formatAmount(r.paymentAmountCents)),
    leaf('description', r.description),
    leaf('companyName', r.companyName),
    leaf('officeName', r.officeName),
    subject('debtor', r.debtor),
    group('transferList', [list(r.transfers, (t) => transfer(version, t))]),
    leaf('idPSP', r.idPSP),
    leaf('pspFiscalCode', r.pspFiscalCode),
    leaf('pspPartitaIVA', r.pspPartitaIVA),
    leaf('PSPCompanyName', r.PSPCompanyName),
    leaf('idChannel', r.idChannel),
    leaf('channelDescription', r.channelDescription),
    leaf('paymentMethod', r.paymentMethod),
    leaf('paymentNote', v2 ? r.paymentNote : undefined),
    leaf('fee', optionalAmount(r.feeCents)),
    leaf('paymentDateTime', r.paymentDateTime),
    leaf('applicationDate', r.applicationDate),
    leaf('transferDate', r.transferDate),
    metadata(r.metadata),
    leaf('standIn', r.standIn === undefined ? undefined : String(r.standIn)),
  ]);
}

/**
 * A receipt's transfer: ctTransferPA (V1: always an IBAN, no companyName) or
 * ctTransferPAReceiptV2 (the IBAN, or the marca da bollo the PSP issued for that transfer).
 */
function transfer(version: StationVersion, t: WrittenReceiptTransfer): Xml {
  const v2 = version === 'V2';
  if (!v2 && t.iban === undefined) throw new Error(`transfer ${t.idTransfer} has no IBAN, which a V1 receipt requires`);
  return group('transfer', [
    leaf('idTransfer', String(t.idTransfer)),
    leaf('transferAmount', formatAmount(t.transferAmountCents)),
    leaf('fiscalCodePA', t.fiscalCodePA),
    leaf('companyName', v2 ? t.companyName : undefined),
    t.iban !== undefined ? leaf('IBAN', t.iban) : leaf('MBDAttachment', t.mbdAttachment),
    leaf('remittanceInformation', t.remittanceInformation),
    leaf('transferCategory', t.transferCategory),
    metadata(t.metadata),
  ]);
}
