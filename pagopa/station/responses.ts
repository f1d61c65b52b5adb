import type { PaymentData, Transfer, VerifyResult } from '../soap/messages';
import { formatAmount } from '../soap/amount';
import { metadataElement, subjectElement } from '../soap/elements';
import { OPERATIONS, PAFORNODE_NS, SOAP11_ENV_NS, type Operation } from '../soap/protocol';
import { escapeXml, group, leaf, list, type Xml } from '../soap/xml';

/**
 * The station's answers: each operation's response element (only the root qualified, its
 * children unqualified, amounts with two decimals from cents), in paForNode.xsd's order; and the
 * SOAP 1.1 Fault for what is not a paForNode request at all.
 */
function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP11_ENV_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

function response(operation: Operation, content: Xml[]): string {
  const root = OPERATIONS[operation].response;
  return envelope(`<pafn:${root} xmlns:pafn="${PAFORNODE_NS}">${content.join('')}</pafn:${root}>`);
}

const OK = leaf('outcome', 'OK');

export interface FaultContent {
  faultCode: string;
  faultString: string;
  /** Who answers: the request's idPA. */
  id: string;
  description?: string;
}

/** outcome KO with a ctFaultBean: how the station reports any error of a paForNode request. */
export function koResponse(operation: Operation, fault: FaultContent): string {
  return response(operation, [
    leaf('outcome', 'KO'),
    group('fault', [
      leaf('faultCode', fault.faultCode),
      leaf('faultString', fault.faultString),
      leaf('id', fault.id),
      leaf('description', fault.description),
    ]),
  ]);
}

export function verifyResponse(r: VerifyResult): string {
  return response('paVerifyPaymentNotice', [
    OK,
    group('paymentList', [
      group('paymentOptionDescription', [
        leaf('amount', formatAmount(r.amountCents)),
        leaf('options', r.options),
        leaf('dueDate', r.dueDate),
        leaf('detailDescription', r.detailDescription),
        leaf('allCCP', String(r.allCCP)),
      ]),
    ]),
    leaf('paymentDescription', r.paymentDescription),
    leaf('fiscalCodePA', r.fiscalCodePA),
    leaf('companyName', r.companyName),
    leaf('officeName', r.officeName),
  ]);
}

/** ctPaymentPA (V1: every transfer to an IBAN) or ctPaymentPAV2 (companyName per transfer, marca da bollo). */
export function getPaymentResponse(version: 'V1' | 'V2', d: PaymentData): string {
  return response(version === 'V2' ? 'paGetPaymentV2' : 'paGetPayment', [
    OK,
    group('data', [
      leaf('creditorReferenceId', d.creditorReferenceId),
      leaf('paymentAmount', formatAmount(d.paymentAmountCents)),
      leaf('dueDate', d.dueDate),
      leaf('description', d.description),
      leaf('companyName', d.companyName),
      leaf('officeName', d.officeName),
      subjectElement('debtor', d.debtor),
      group('transferList', [list(d.transfers, (t) => transfer(version, t))]),
      metadataElement(d.metadata),
    ]),
  ]);
}

function transfer(version: 'V1' | 'V2', t: Transfer): Xml {
  const v2 = version === 'V2';
  if (!v2 && t.iban === undefined) throw new Error(`transfer ${t.idTransfer} has no IBAN, which paGetPayment (V1) requires`);
  const bollo = t.richiestaMarcaDaBollo;
  return group('transfer', [
    leaf('idTransfer', String(t.idTransfer)),
    leaf('transferAmount', formatAmount(t.transferAmountCents)),
    leaf('fiscalCodePA', t.fiscalCodePA),
    leaf('companyName', v2 ? t.companyName : undefined),
    t.iban !== undefined
      ? leaf('IBAN', t.iban)
      : group(
          'richiestaMarcaDaBollo',
          bollo && [
            leaf('hashDocumento', bollo.hashDocumento),
            leaf('tipoBollo', bollo.tipoBollo),
            leaf('provinciaResidenza', bollo.provinciaResidenza),
          ],
        ),
    leaf('remittanceInformation', t.remittanceInformation),
    leaf('transferCategory', t.transferCategory),
    metadataElement(t.metadata),
  ]);
}

export function sendRTResponse(operation: 'paSendRT' | 'paSendRTV2'): string {
  return response(operation, [OK]);
}

/** A SOAP 1.1 Fault (HTTP 500): the message is not a paForNode request the station can answer in kind. */
export function soapFault(code: 'Client' | 'Server', faultString: string): string {
  return envelope(`<soap:Fault><faultcode>soap:${code}</faultcode><faultstring>${escapeXml(faultString)}</faultstring></soap:Fault>`);
}
