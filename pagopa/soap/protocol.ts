/** The paForNode protocol's names, shared by the station (pagopa/) and the Nodo simulator. */
export const PAFORNODE_NS = 'http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd';
export const SOAP11_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** The five operations a Nodo calls on a station (the SOAPAction), with their body elements. */
export const OPERATIONS = {
  paVerifyPaymentNotice: { request: 'paVerifyPaymentNoticeReq', response: 'paVerifyPaymentNoticeRes' },
  paGetPayment: { request: 'paGetPaymentReq', response: 'paGetPaymentRes' },
  paGetPaymentV2: { request: 'paGetPaymentV2Request', response: 'paGetPaymentV2Response' },
  paSendRT: { request: 'paSendRTReq', response: 'paSendRTRes' },
  paSendRTV2: { request: 'paSendRTV2Request', response: 'paSendRTV2Response' },
} as const;
export type Operation = keyof typeof OPERATIONS;
