import type { z } from 'zod';
import type { GetPaymentRequest, MapEntry, Receipt, ReceiptTransfer, StationIds, Subject, VerifyRequest } from '../soap/messages';
import type { SendRTRequest } from '../../subgraphs/pagamenti/services';
import { elementXml, type XmlElement } from '../soap/parse';
import { OPERATIONS, type Operation } from '../soap/protocol';
import { elementToObject, issueProblem, type ElementProblem } from './element-object';
import { getPaymentRequest, sendRTRequest, sendRTV2Request, verifyRequest } from './request-schemas';

/**
 * A paForNode request body, checked against every constraint of its XSD type and turned into the
 * station's plain data. A request that breaks one gets the problems, each naming its element.
 */
export type StationRequest =
  | { operation: 'paVerifyPaymentNotice'; request: VerifyRequest }
  | { operation: 'paGetPayment' | 'paGetPaymentV2'; request: GetPaymentRequest }
  | { operation: 'paSendRT' | 'paSendRTV2'; request: SendRTRequest };

export type ReadResult = { ok: true; value: StationRequest } | { ok: false; problems: ElementProblem[] };

const SCHEMAS = {
  paVerifyPaymentNotice: verifyRequest,
  paGetPayment: getPaymentRequest,
  paGetPaymentV2: getPaymentRequest,
  paSendRT: sendRTRequest,
  paSendRTV2: sendRTV2Request,
} satisfies Record<Operation, z.ZodObject>;

export function readRequest(operation: Operation, root: XmlElement): ReadResult {
  const name = OPERATIONS[operation].request;
  const problems: ElementProblem[] = [];
  const raw = elementToObject(root, SCHEMAS[operation], name, problems);
  if (problems.length) return { ok: false, problems };
  const parsed = SCHEMAS[operation].safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => issueProblem(i, name, raw)) };
  return { ok: true, value: toStationRequest(operation, parsed.data, raw, root) };
}

type Verify = z.output<typeof verifyRequest>;
type GetPayment = z.output<typeof getPaymentRequest>;
type SendRT = z.output<typeof sendRTRequest> | z.output<typeof sendRTV2Request>;

function toStationRequest(operation: Operation, data: unknown, raw: Record<string, unknown>, root: XmlElement): StationRequest {
  switch (operation) {
    case 'paVerifyPaymentNotice': {
      const d = data as Verify;
      return { operation, request: { ...stationIds(d), qrCode: d.qrCode } };
    }
    case 'paGetPayment':
    case 'paGetPaymentV2': {
      const d = data as GetPayment;
      return {
        operation,
        request: {
          ...stationIds(d),
          qrCode: d.qrCode,
          amountCents: d.amount,
          paymentNote: d.paymentNote,
          transferType: d.transferType,
          dueDate: d.dueDate,
        },
      };
    }
    case 'paSendRT':
    case 'paSendRTV2': {
      const d = data as SendRT;
      const receiptElement = root.children.find((c) => c.name === 'receipt') as XmlElement;
      return {
        operation,
        request: {
          ...stationIds(d),
          versione: operation === 'paSendRTV2' ? 'V2' : 'V1',
          receipt: toReceipt(d.receipt),
          receiptJson: raw.receipt as Record<string, unknown>,
          receiptXml: elementXml(receiptElement),
        },
      };
    }
  }
}

const stationIds = ({ idPA, idBrokerPA, idStation }: StationIds): StationIds => ({ idPA, idBrokerPA, idStation });

type ReceiptData = SendRT['receipt'];
type SubjectData = ReceiptData['debtor'];
/** A receipt of either version, read through V2's wider type (V1 simply has none of V2's fields). */
type AnyReceipt = Omit<z.output<typeof sendRTV2Request>['receipt'], 'transferList'> & { transferList: { transfer: AnyTransfer[] } };
type AnyTransfer = Partial<z.output<typeof sendRTV2Request>['receipt']['transferList']['transfer'][number]> &
  ReceiptData['transferList']['transfer'][number];

function toReceipt(data: ReceiptData): Receipt {
  const r = data as AnyReceipt;
  return {
    receiptId: r.receiptId,
    noticeNumber: r.noticeNumber,
    fiscalCode: r.fiscalCode,
    outcome: r.outcome,
    creditorReferenceId: r.creditorReferenceId,
    paymentAmountCents: r.paymentAmount,
    description: r.description,
    companyName: r.companyName,
    officeName: r.officeName,
    debtor: toSubject(r.debtor),
    transfers: r.transferList.transfer.map(toTransfer),
    idPSP: r.idPSP,
    pspFiscalCode: r.pspFiscalCode,
    pspPartitaIVA: r.pspPartitaIVA,
    PSPCompanyName: r.PSPCompanyName,
    idChannel: r.idChannel,
    channelDescription: r.channelDescription,
    payer: r.payer && toSubject(r.payer),
    paymentMethod: r.paymentMethod,
    feeCents: r.fee,
    primaryCiIncurredFeeCents: r.primaryCiIncurredFee,
    idBundle: r.idBundle,
    idCiBundle: r.idCiBundle,
    paymentDateTime: r.paymentDateTime,
    applicationDate: r.applicationDate,
    transferDate: r.transferDate,
    metadata: toMetadata(r.metadata),
    standIn: r.standIn,
    paymentNote: r.paymentNote,
  };
}

function toTransfer(t: AnyTransfer): ReceiptTransfer {
  return {
    idTransfer: t.idTransfer,
    transferAmountCents: t.transferAmount,
    fiscalCodePA: t.fiscalCodePA,
    companyName: t.companyName,
    iban: t.IBAN,
    mbdAttachment: t.MBDAttachment,
    remittanceInformation: t.remittanceInformation,
    transferCategory: t.transferCategory,
    metadata: toMetadata(t.metadata),
  };
}

function toSubject(s: SubjectData): Subject {
  const { 'e-mail': email, ...rest } = s;
  return { ...rest, email };
}

function toMetadata(m: { mapEntry: MapEntry[] } | undefined): MapEntry[] | undefined {
  return m?.mapEntry;
}
