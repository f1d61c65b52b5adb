import { formatAmount } from '../../pagopa/soap/amount';
import type { Step } from '../soap/client';
import type { PspProfile } from '../soap/receipt';
import type { StationVersion, VerifyData } from '../soap/types';
import type { NodoFault } from './nodo-fault';
import type { PaymentPlan } from './request';
import type { PaymentToken } from './token';

/**
 * A payment the simulator played, step by step, as the control API and the page show it.
 * Amounts are decimal strings here: this is what people read.
 */
export type PaymentStatus =
  /** Still running. */
  | 'IN_CORSO'
  /** The station acknowledged the receipt. */
  | 'ESEGUITO'
  /** Five attempts and the station never acknowledged the receipt. */
  | 'RT_NON_CONSEGNATA'
  /** The PSP failed the payment (outcome KO): no receipt. */
  | 'NON_ESEGUITO'
  /** The token expired before the PSP completed: no receipt. */
  | 'TOKEN_SCADUTO'
  | 'VERIFICA_KO'
  | 'ATTIVAZIONE_KO'
  /** The simulator was closed while the payment ran. */
  | 'INTERROTTO'
  /** The simulator could not go on (e.g. station data it cannot write back in a receipt). */
  | 'ERRORE';

export interface VerifiedNotice {
  amount: string;
  options: string;
  dueDate?: string;
  paymentDescription?: string;
  companyName?: string;
  officeName?: string;
}

export interface Delivery {
  delivery: number;
  attempts: number;
  acknowledged: boolean;
}

export interface PaymentRecord {
  id: string;
  status: PaymentStatus;
  createdAt: string;
  finishedAt?: string;
  fiscalCode: string;
  noticeNumber: string;
  idPA: string;
  idBrokerPA: string;
  idStation: string;
  version: StationVersion;
  options: {
    outcome: 'OK' | 'KO';
    amountRequested?: string;
    skipVerify: boolean;
    transferType?: string;
    paymentNote?: string;
    standIn: boolean;
    expireToken: boolean;
    receiptDelayMs: number;
    send: number;
  };
  psp: PspProfile;
  verified?: VerifiedNotice;
  /** What the station activated: the IUV and the amount its paGetPayment data asks for. */
  iuv?: string;
  amount?: string;
  token?: PaymentToken;
  receipt?: { receiptId: string; deliveries: Delivery[] };
  /** What the Nodo would answer the PSP, when the payment stopped short of a receipt. */
  nodoFault?: NodoFault;
  error?: string;
  steps: Step[];
}

export function newRecord(id: string, plan: PaymentPlan, now: Date): PaymentRecord {
  return {
    id,
    status: 'IN_CORSO',
    createdAt: now.toISOString(),
    fiscalCode: plan.qr.fiscalCode,
    noticeNumber: plan.qr.noticeNumber,
    ...plan.ids,
    version: plan.version,
    options: {
      outcome: plan.outcome,
      amountRequested: plan.amountCents === undefined ? undefined : formatAmount(plan.amountCents),
      skipVerify: plan.skipVerify,
      transferType: plan.transferType,
      paymentNote: plan.paymentNote,
      standIn: plan.standIn,
      expireToken: plan.expireToken,
      receiptDelayMs: plan.receiptDelayMs,
      send: plan.send,
    },
    psp: plan.psp,
    // Declared now, filled as the payment goes: the JSON then always lists them in this order,
    // the steps last.
    verified: undefined,
    iuv: undefined,
    amount: undefined,
    token: undefined,
    receipt: undefined,
    nodoFault: undefined,
    error: undefined,
    finishedAt: undefined,
    steps: [],
  };
}

export function verifiedNotice(v: VerifyData): VerifiedNotice {
  return {
    amount: formatAmount(v.amountCents),
    options: v.options,
    dueDate: v.dueDate,
    paymentDescription: v.paymentDescription,
    companyName: v.companyName,
    officeName: v.officeName,
  };
}
