import { romeDate, romeDateTime } from '../../core/rome-time';
import { formatAmount } from '../../pagopa/soap/amount';
import { issueMarcaDaBollo } from './marca-da-bollo';
import type { PaymentData, QrCode, Receipt, ReceiptTransfer } from './types';

/** The PSP that takes the payment, as the receipt names it. */
export interface PspProfile {
  idPSP: string;
  idChannel: string;
  PSPCompanyName: string;
  channelDescription: string;
  paymentMethod: string;
  feeCents: number;
  pspFiscalCode?: string;
  pspPartitaIVA?: string;
}

export interface ReceiptInput {
  /** The payment token the Nodo issued at activation: it becomes the receipt's id. */
  paymentToken: string;
  qr: QrCode;
  /** The station's answer to the activation, copied into the receipt. */
  activation: PaymentData;
  /** ctReceipt requires companyName where ctPaymentPA (V1) does not: the verify's, else the fiscal code. */
  companyNameFallback?: string;
  psp: PspProfile;
  paidAt: Date;
  paymentNote?: string;
  standIn: boolean;
}

/** The positive receipt of a payment (the new model sends receipts for positive outcomes only). */
export function buildReceipt(input: ReceiptInput): Receipt {
  const { activation: data, psp, paidAt } = input;
  // pagoPA's date-times have no fraction of a second.
  const paymentDateTime = romeDateTime(paidAt).slice(0, 19);
  const applicationDate = romeDate(paidAt);
  return {
    receiptId: input.paymentToken,
    noticeNumber: input.qr.noticeNumber,
    fiscalCode: input.qr.fiscalCode,
    outcome: 'OK',
    creditorReferenceId: data.creditorReferenceId,
    paymentAmountCents: data.paymentAmountCents,
    description: data.description,
    companyName: data.companyName ?? input.companyNameFallback ?? input.qr.fiscalCode,
    officeName: data.officeName,
    debtor: data.debtor,
    transfers: data.transfers.map(
      ({ richiestaMarcaDaBollo, ...transfer }): ReceiptTransfer => ({
        ...transfer,
        mbdAttachment:
          richiestaMarcaDaBollo &&
          issueMarcaDaBollo({
            request: richiestaMarcaDaBollo,
            amount: formatAmount(transfer.transferAmountCents),
            pspFiscalCode: psp.pspFiscalCode ?? psp.idPSP,
            pspName: psp.PSPCompanyName,
            purchasedAt: paymentDateTime,
          }),
      }),
    ),
    idPSP: psp.idPSP,
    pspFiscalCode: psp.pspFiscalCode,
    pspPartitaIVA: psp.pspPartitaIVA,
    PSPCompanyName: psp.PSPCompanyName,
    idChannel: psp.idChannel,
    channelDescription: psp.channelDescription,
    paymentMethod: psp.paymentMethod,
    paymentNote: input.paymentNote,
    feeCents: psp.feeCents,
    paymentDateTime,
    applicationDate,
    // The PSP credits the Ente on the next day (SACI §4.1: by the end of the next business day).
    transferDate: nextDay(applicationDate),
    metadata: data.metadata,
    standIn: input.standIn || undefined,
  };
}

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
