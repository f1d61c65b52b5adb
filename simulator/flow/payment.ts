import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../core/logger';
import { formatAmount } from '../../pagopa/soap/amount';
import type { StationClient } from '../soap/client';
import { buildReceipt } from '../soap/receipt';
import { TransportError } from '../soap/transport';
import type { PaymentData, Receipt, VerifyData } from '../soap/types';
import { stationFault, tokenExpired, type NodoFault } from './nodo-fault';
import { verifiedNotice, type Delivery, type PaymentRecord, type PaymentStatus } from './record';
import type { PaymentPlan } from './request';
import { isExpired, issueToken, type PaymentToken } from './token';

/** The Nodo delivers a receipt up to 5 times, then leaves it to an operator (SANP 3_03_00). */
const MAX_RECEIPT_ATTEMPTS = 5;

export interface FlowContext {
  client: StationClient;
  tokenValidityMs: number;
  retryDelayMs: number;
  /** Aborted when the simulator closes: pending waits and calls stop. */
  signal: AbortSignal;
  log: Logger;
}

/** What an activation gave the PSP: the station's data (and the verify's) and the Nodo's token. */
interface Activation {
  data: PaymentData;
  verified?: VerifyData;
  token: PaymentToken;
}

/** One notice of a payment or a cart, with the record its steps go to. */
export interface PlannedPayment {
  plan: PaymentPlan;
  record: PaymentRecord;
}

/**
 * The Nodo and a PSP playing one notice: verify, activate (the station's version decides V1
 * or V2), the token, the PSP's outcome, the receipt. Every call is appended to the record as it
 * happens, so a caller polling the record sees the payment progress.
 */
export async function playPayment(ctx: FlowContext, { plan, record }: PlannedPayment): Promise<void> {
  await guarded(ctx, record, async () => {
    const activation = await activate(ctx, plan, record);
    if (activation) await complete(ctx, plan, record, activation);
  });
  played(ctx, record);
}

/**
 * A cart as Checkout plays it with the Nodo: every notice is verified and activated first, and
 * the PSP takes the money only when all of them were; then each notice gets its receipt. When
 * one notice fails, no notice is paid (the tokens of the others just expire, no receipt goes out).
 */
export async function playCart(ctx: FlowContext, payments: PlannedPayment[]): Promise<void> {
  const activations: (Activation | undefined)[] = [];
  for (const { plan, record } of payments) activations.push(await guarded(ctx, record, () => activate(ctx, plan, record)));
  const failed = payments.filter((_, i) => !activations[i]).map((p) => p.record.noticeNumber);
  for (const [i, { plan, record }] of payments.entries()) {
    const activation = activations[i];
    if (!activation) continue;
    if (failed.length === 0) await guarded(ctx, record, () => complete(ctx, plan, record, activation));
    else {
      finish(record, 'NON_ESEGUITO');
      record.error = `not paid: the cart's notice ${failed.join(', ')} failed`;
    }
  }
  for (const { record } of payments) played(ctx, record);
}

/** Runs a part of the flow; a failure ends the record (INTERROTTO when the simulator closes, else ERRORE). */
async function guarded<T>(ctx: FlowContext, record: PaymentRecord, part: () => Promise<T>): Promise<T | undefined> {
  try {
    return await part();
  } catch (e) {
    if (ctx.signal.aborted || (e instanceof TransportError && e.kind === 'aborted')) finish(record, 'INTERROTTO');
    else {
      ctx.log.error({ err: e, payment: record.id }, 'payment flow failed');
      finish(record, 'ERRORE');
      record.error = e instanceof Error ? e.message : String(e);
    }
    return undefined;
  }
}

function played(ctx: FlowContext, record: PaymentRecord): void {
  ctx.log.info({ payment: record.id, noticeNumber: record.noticeNumber, status: record.status }, 'payment played');
}

/** Verify (unless skipped) and activation; undefined when the station refused, the record then ended. */
async function activate(ctx: FlowContext, plan: PaymentPlan, record: PaymentRecord): Promise<Activation | undefined> {
  const { client, signal } = ctx;
  let verified: VerifyData | undefined;
  if (!plan.skipVerify) {
    const verify = await client.verify(plan.ids, plan.qr, signal);
    record.steps.push(verify.step);
    if (!verify.data) return void finish(record, 'VERIFICA_KO', stationFault(verify.step, plan.ids.idPA));
    verified = verify.data;
    record.verified = verifiedNotice(verified);
  }

  const activation = await client.getPayment(
    plan.version,
    plan.ids,
    plan.qr,
    { amountCents: plan.amountCents ?? verified?.amountCents, paymentNote: plan.paymentNote, transferType: plan.transferType },
    signal,
  );
  record.steps.push(activation.step);
  if (!activation.data) return void finish(record, 'ATTIVAZIONE_KO', stationFault(activation.step, plan.ids.idPA));
  const data = activation.data;
  record.iuv = data.creditorReferenceId;
  record.amount = formatAmount(data.paymentAmountCents);
  const token = issueToken(Date.now(), ctx.tokenValidityMs);
  record.token = token;
  return { data, verified, token };
}

/** The PSP's outcome and, when it paid, the receipt. */
async function complete(ctx: FlowContext, plan: PaymentPlan, record: PaymentRecord, { data, verified, token }: Activation): Promise<void> {
  // The PSP takes its time; `expireToken` makes it come back just after the token's end.
  if (plan.receiptDelayMs) await sleep(plan.receiptDelayMs, undefined, { signal: ctx.signal });
  const completedAt = plan.expireToken ? Date.parse(token.expiresAt) : Date.now();
  if (isExpired(token, completedAt)) return finish(record, 'TOKEN_SCADUTO', tokenExpired(token.expiresAt));
  if (plan.outcome === 'KO') return finish(record, 'NON_ESEGUITO');

  const receipt = buildReceipt({
    paymentToken: token.paymentToken,
    qr: plan.qr,
    activation: data,
    companyNameFallback: verified?.companyName,
    psp: plan.psp,
    paidAt: new Date(completedAt),
    paymentNote: plan.paymentNote,
    standIn: plan.standIn,
  });
  const deliveries: Delivery[] = [];
  record.receipt = { receiptId: receipt.receiptId, deliveries };
  // A second delivery re-sends the same receipt, as the Nodo does when it never saw the first
  // acknowledgment: only after a delivered one, since it tests idempotency, not retries.
  for (let n = 1; n <= plan.send && (n === 1 || deliveries[n - 2].acknowledged); n++) {
    deliveries.push(await deliver(ctx, plan, record, receipt, n));
  }
  finish(record, deliveries[0].acknowledged ? 'ESEGUITO' : 'RT_NON_CONSEGNATA');
}

/** One delivery of the receipt: retried on an HTTP error, a timeout or a KO, up to 5 attempts. */
async function deliver(ctx: FlowContext, plan: PaymentPlan, record: PaymentRecord, receipt: Receipt, delivery: number): Promise<Delivery> {
  for (let attempt = 1; ; attempt++) {
    const { step } = await ctx.client.sendRT(plan.version, plan.ids, receipt, ctx.signal);
    step.delivery = delivery;
    step.attempt = attempt;
    record.steps.push(step);
    const acknowledged = step.httpStatus === 200 && step.outcome === 'OK';
    if (acknowledged || attempt === MAX_RECEIPT_ATTEMPTS) return { delivery, attempts: attempt, acknowledged };
    await sleep(ctx.retryDelayMs, undefined, { signal: ctx.signal });
  }
}

function finish(record: PaymentRecord, status: PaymentStatus, nodoFault?: NodoFault): void {
  record.status = status;
  record.nodoFault = nodoFault;
  record.finishedAt = new Date().toISOString();
}
