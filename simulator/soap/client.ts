import type { Logger } from '../../core/logger';
import { XsdValidator, type XsdVerdict } from '../xsd/xmllint';
import { parseSoap, type XmlElement } from '../../pagopa/soap/parse';
import type { Operation } from '../../pagopa/soap/protocol';
import { readPaymentData, readResponse, readVerifyData, type Read } from './read';
import { getPaymentRequest, sendRTRequest, verifyRequest } from '../../pagopa/soap/requests';
import { SoapTransport, TransportError } from './transport';
import type {
  Fault,
  GetPaymentOptions,
  Outcome,
  PaymentData,
  QrCode,
  Receipt,
  StationIds,
  StationVersion,
  VerifyData,
} from './types';

/** One call to the station, kept whole: what was sent, what came back, and the verdicts on it. */
export interface Step {
  operation: Operation;
  /** For receipts: which delivery (1, or 2 when sent twice) and which attempt of it (1–5). */
  delivery?: number;
  attempt?: number;
  startedAt: string;
  durationMs: number;
  requestXml: string;
  httpStatus?: number;
  responseXml?: string;
  outcome?: Outcome;
  fault?: Fault;
  /** What kept the simulator from using the answer (timeout, HTTP error, unreadable XML…). */
  error?: string;
  timedOut?: boolean;
  xsd: XsdVerdict;
}

/** A step and the operation's typed data, when the station answered OK with readable data. */
export interface CallResult<T> {
  step: Step;
  data?: T;
}

export interface Timeouts {
  verifyMs: number;
  activateMs: number;
  receiptMs: number;
}

/** The Nodo's side of the paForNode protocol: builds, posts, reads and validates. */
export class StationClient {
  constructor(
    private readonly transport: SoapTransport,
    private readonly validator: XsdValidator,
    private readonly timeouts: Timeouts,
    private readonly log: Logger,
  ) {}

  verify(ids: StationIds, qr: QrCode, signal: AbortSignal): Promise<CallResult<VerifyData>> {
    return this.call('paVerifyPaymentNotice', verifyRequest(ids, qr), this.timeouts.verifyMs, signal, readVerifyData);
  }

  getPayment(version: StationVersion, ids: StationIds, qr: QrCode, options: GetPaymentOptions, signal: AbortSignal) {
    const operation = version === 'V2' ? 'paGetPaymentV2' : 'paGetPayment';
    return this.call<PaymentData>(
      operation,
      getPaymentRequest(version, ids, qr, options),
      this.timeouts.activateMs,
      signal,
      readPaymentData,
    );
  }

  sendRT(version: StationVersion, ids: StationIds, receipt: Receipt, signal: AbortSignal): Promise<CallResult<never>> {
    return this.call(version === 'V2' ? 'paSendRTV2' : 'paSendRT', sendRTRequest(version, ids, receipt), this.timeouts.receiptMs, signal);
  }

  private async call<T>(
    operation: Operation,
    requestXml: string,
    timeoutMs: number,
    signal: AbortSignal,
    readData?: (root: XmlElement) => Read<T>,
  ): Promise<CallResult<T>> {
    const started = Date.now();
    const step: Step = { operation, startedAt: new Date(started).toISOString(), durationMs: 0, requestXml, xsd: noResponse() };
    let data: T | undefined;
    try {
      const reply = await this.transport.post(operation, requestXml, timeoutMs, signal);
      step.durationMs = Date.now() - started;
      step.httpStatus = reply.status;
      step.responseXml = reply.body;
      data = await this.understand(step, reply.body, readData);
      if (reply.status !== 200) {
        // The body is still read and recorded, but an HTTP error is a failed call whatever it says.
        step.error = [`HTTP ${reply.status}`, step.error].filter(Boolean).join(': ');
        data = undefined;
      }
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      step.durationMs = Date.now() - started;
      step.error = e.kind === 'timeout' ? `timeout: ${e.message}` : e.message;
      step.timedOut = e.kind === 'timeout' || undefined;
      if (e.kind === 'aborted') throw e;
    }
    this.log.debug(
      { operation, httpStatus: step.httpStatus, outcome: step.outcome, error: step.error, xsd: step.xsd.verdict },
      'station call',
    );
    return { step, data };
  }

  /** Fills in the step from the answer's body; returns the operation's data when it is usable. */
  private async understand<T>(step: Step, body: string, readData?: (root: XmlElement) => Read<T>): Promise<T | undefined> {
    const parsed = parseSoap(body);
    if (!parsed.ok) {
      step.error = parsed.error;
      step.xsd = { verdict: 'invalid', messages: [parsed.error] };
      return undefined;
    }
    step.xsd = await this.validator.validate(parsed.document.bodyXml);
    const response = readResponse(step.operation, parsed.document.root);
    if (!response.value) {
      step.error = response.problems.join('; ');
      return undefined;
    }
    step.outcome = response.value.outcome;
    step.fault = response.value.fault;
    if (step.outcome !== 'OK' || !readData) return undefined;
    const data = readData(parsed.document.root);
    if (!data.value) step.error = `unusable data: ${data.problems.join('; ')}`;
    return data.value;
  }
}

const noResponse = (): XsdVerdict => ({ verdict: 'skipped', messages: ['no response to validate'] });
