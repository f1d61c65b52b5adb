import { randomUUID } from 'node:crypto';
import type { Logger } from '../../core/logger';
import type { StationClient, Step } from '../soap/client';
import type { StationVersion } from '../soap/types';
import { History } from './history';
import { playCart, playPayment, type FlowContext, type PlannedPayment } from './payment';
import { newRecord, verifiedNotice, type PaymentRecord, type VerifiedNotice } from './record';
import {
  parseRequest,
  paymentRequestSchema,
  planPayment,
  stationIdsOf,
  verifyRequestSchema,
  type NodoDefaults,
  type PaymentRequest,
  type VerifyRequest,
} from './request';

export interface NodoSettings {
  client: StationClient;
  defaults: NodoDefaults;
  /** Each station's paForNode version; a station not listed is V2. */
  stations: Record<string, StationVersion>;
  tokenValidityMs: number;
  retryDelayMs: number;
  historyLimit: number;
  log: Logger;
}

export interface VerifyOutcome {
  step: Step;
  verified?: VerifiedNotice;
}

/** The simulated Nodo: plays payments in the background and remembers them. */
export class Nodo {
  private readonly records: History<PaymentRecord>;
  private readonly running = new Set<Promise<void>>();
  private readonly closing = new AbortController();

  constructor(private readonly s: NodoSettings) {
    this.records = new History(s.historyLimit);
  }

  /** Starts a payment and returns its record at once; `done` settles when it is over. */
  start(request: PaymentRequest): { record: PaymentRecord; done: Promise<void> } {
    const [payment] = this.planned([request]);
    return { record: payment.record, done: this.run((ctx) => playPayment(ctx, payment)) };
  }

  /**
   * Starts the payment of a cart, as Checkout asks the Nodo: all its notices are activated before
   * any is paid (flow/payment.ts, playCart). Every request is checked before anything starts.
   */
  startCart(requests: PaymentRequest[]): { records: PaymentRecord[]; done: Promise<void> } {
    const payments = this.planned(requests);
    return { records: payments.map((p) => p.record), done: this.run((ctx) => playCart(ctx, payments)) };
  }

  /** The requests checked and planned, each with its record in the history. */
  private planned(requests: PaymentRequest[]): PlannedPayment[] {
    if (this.closing.signal.aborted) throw new Error('the simulator is closed');
    const versionOf = (id: string) => this.s.stations[id] ?? 'V2';
    const plans = requests.map((r) => planPayment(parseRequest(paymentRequestSchema, r), this.s.defaults, versionOf));
    const now = new Date();
    return plans.map((plan) => {
      const record = newRecord(randomUUID(), plan, now);
      this.records.add(record);
      return { plan, record };
    });
  }

  private run(play: (ctx: FlowContext) => Promise<void>): Promise<void> {
    const done = play({ ...this.s, signal: this.closing.signal }).finally(() => this.running.delete(done));
    this.running.add(done);
    return done;
  }

  async pay(request: PaymentRequest): Promise<PaymentRecord> {
    const { record, done } = this.start(request);
    await done;
    return record;
  }

  /** A verify alone, as a PSP asks before showing the amount: nothing is recorded. */
  async verify(request: VerifyRequest): Promise<VerifyOutcome> {
    const r = parseRequest(verifyRequestSchema, request);
    const { step, data } = await this.s.client.verify(
      stationIdsOf(r, this.s.defaults),
      { fiscalCode: r.fiscalCode, noticeNumber: r.noticeNumber },
      this.closing.signal,
    );
    return { step, verified: data && verifiedNotice(data) };
  }

  get(id: string): PaymentRecord | undefined {
    return this.records.get(id);
  }

  history(): PaymentRecord[] {
    return this.records.list();
  }

  clear(): void {
    this.records.clear();
  }

  /** Stops the payments still running (they end INTERROTTO) and waits until they have. */
  async close(): Promise<void> {
    this.closing.abort();
    await Promise.all([...this.running]);
  }
}
