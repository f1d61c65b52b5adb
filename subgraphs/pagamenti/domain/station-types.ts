import type {
  Receipt,
  StationIds,
  StationVersion,
  GetPaymentRequest,
  PaymentData,
  VerifyRequest,
  VerifyResult,
} from '../../../pagopa/soap/messages';

/**
 * What the station's protocol layer (pagopa/) and its domain services exchange: pagoPA's
 * paForNode messages (pagopa/soap/messages.ts) as plain data. The protocol layer parses and
 * validates the XML into them and renders the results back; the domain never sees XML.
 */

/** Who is calling: the intermediario whose principalPagoPa the Nodo authenticated as. */
export interface StationCaller {
  idIntermediario: string;
}

export interface SendRTRequest extends StationIds {
  versione: StationVersion;
  receipt: Receipt;
  /** The receipt as pagoPA's JSON shape (element names, amounts as sent), stored and sent to the Ente. */
  receiptJson: Record<string, unknown>;
  /** The receipt element exactly as received. */
  receiptXml: string;
}

/**
 * The station's domain: each call either returns its result or throws a PagoPaFault, checking
 * broker, station and dominio first (GovPay's order). getPayment never changes the pendenza.
 */
export interface StationService {
  verify(caller: StationCaller, req: VerifyRequest): Promise<VerifyResult>;
  getPayment(caller: StationCaller, req: GetPaymentRequest, versione: StationVersion): Promise<PaymentData>;
  sendRT(caller: StationCaller, req: SendRTRequest): Promise<void>;
}

/**
 * A receipt handed in as pagoPA's XML (GovPay's Backoffice POST /ricevute): paSendRTV2Request or
 * paSendRTReq, in a SOAP envelope or alone, possibly base64. The station's protocol layer reads it
 * with the very checks of its paForNode XSD and gives the domain the same request a Nodo's would be.
 */
export type RicevutaLetta = { ok: true; request: SendRTRequest } | { ok: false; error: string };
export type LettoreRicevute = (xml: string) => RicevutaLetta;
