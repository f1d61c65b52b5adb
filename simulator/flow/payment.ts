import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../core/logger';
import { formatAmount } from '../../pagopa/soap/amount';
import type { StationClient } from '../soap/client';
import { buildReceipt } from '../soap/receipt';
import { TransportError } from '../soap/transport';
import type { Receipt, VerifyData } from '../soap/types';
import { stationFault, tokenExpired, type NodoFault } from './nodo-fault';
import { verifiedNotice, type Delivery, type PaymentRecord, type PaymentStatus } from './record';
import type { PaymentPlan } from './request';
import { isExpired, issueToken } from './token';

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

/**
 * The Nodo and a PSP playing one notice: verify, activate (the station's version decides V1
 * or V2), the token, the PSP's outcome, the receipt. Every call is appended to the record as it
 * happens, so a caller polling the record sees the payment progress.
 */
export async function playPayment(ctx: FlowContext, plan: PaymentPlan, record: PaymentRecord): Promise<void> {
  try {
    await play(ctx, plan, record);
  } catch (e) {
    if (ctx.signal.aborted || (e instanceof TransportError && e.kind === 'aborted')) finish(record, 'INTERROTTO');
    else {
      ctx.log.error({ err: e, payment: record.id }, 'payment flow failed');
      finish(record, 'ERRORE');
      record.error = e instanceof Error ? e.message : String(e);
    }
  }
  ctx.log.info({ payment: record.id, noticeNumber: record.noticeNumber, status: record.status }, 'payment played');
}

async function play(ctx: FlowContext, plan: PaymentPlan, record: PaymentRecord): Promise<void> {
  const { client, signal } = ctx;
  let verified: VerifyData | undefined;
  if (!plan.skipVerify) {
    const verify = await client.verify(plan.ids, plan.qr, signal);
    record.steps.push(verify.step);
    if (!verify.data) return finish(record, 'VERIFICA_KO', stationFault(verify.step, plan.ids.idPA));
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
  if (!activation.data) return finish(record, 'ATTIVAZIONE_KO', stationFault(activation.step, plan.ids.idPA));
  const data = activation.data;
  record.iuv = data.creditorReferenceId;
  record.amount = formatAmount(data.paymentAmountCents);
  const token = issueToken(Date.now(), ctx.tokenValidityMs);
  record.token = token;

  // The PSP takes its time; `expireToken` makes it come back just after the token's end.
  if (plan.receiptDelayMs) await sleep(plan.receiptDelayMs, undefined, { signal });
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
