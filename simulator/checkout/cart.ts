import type { PaymentRecord, PaymentStatus } from '../flow/record';
import type { CartRequest } from './cart-request';

/** Where a cart is: waiting, being paid, or closed one of three ways. */
export type CartStatus =
  /** Waiting for the person on the page. */
  | 'APERTO'
  /** Paga was pressed: the notices are being played. */
  | 'IN_CORSO'
  /** Every notice was paid; the browser went to returnOkUrl. */
  | 'PAGATO'
  /** A notice failed (then the others were not paid either: see each notice); the browser went to returnErrorUrl. */
  | 'ERRORE'
  /** Annulla was pressed; nothing was paid; the browser went to returnCancelUrl. */
  | 'ANNULLATO';

export interface CartNotice {
  noticeNumber: string;
  fiscalCode: string;
  amount: number;
  companyName: string;
  description: string;
  /** The simulator's payment of this notice (GET /api/payments/{id}), once Paga was pressed. */
  payment?: { id: string; status: PaymentStatus };
  /** Why this notice was not paid. */
  failure?: string;
}

/**
 * A cart Checkout was given, as the records API and the page show it. Amounts are euro cents,
 * as Checkout's API carries them.
 */
export interface CartRecord {
  id: string;
  status: CartStatus;
  createdAt: string;
  finishedAt?: string;
  /** The page the browser was sent to (the Location of the answer to POST /carts). */
  url: string;
  idCart?: string;
  emailNotice?: string;
  allCCP: boolean;
  returnUrls: CartRequest['returnUrls'];
  notices: CartNotice[];
  /** The notices' amounts added up, without the PSP's fee. */
  totalAmount: number;
  /** The PSP chosen on the page, with its fee for the whole cart. */
  psp?: { idPSP: string; PSPCompanyName: string; paymentMethod: string; fee: number };
  /** Where the browser was sent at the end. */
  redirectedTo?: string;
}

export function newCart(id: string, url: string, r: CartRequest, now: Date): CartRecord {
  const notices = r.paymentNotices.map(({ noticeNumber, fiscalCode, amount, companyName, description }) => ({
    noticeNumber,
    fiscalCode,
    amount,
    companyName,
    description,
  }));
  return {
    id,
    status: 'APERTO',
    createdAt: now.toISOString(),
    url,
    idCart: r.idCart,
    emailNotice: r.emailNotice,
    allCCP: r.allCCP ?? false,
    returnUrls: { ...r.returnUrls },
    notices,
    totalAmount: notices.reduce((sum, n) => sum + n.amount, 0),
  };
}

/** A notice's payment is done for Checkout once the PSP paid: a receipt still undelivered is the Nodo's to retry. */
const PAID: PaymentStatus[] = ['ESEGUITO', 'RT_NON_CONSEGNATA'];

/** The cart's outcome from its notices' payments, with each failure written on its notice. */
export function settle(cart: CartRecord, payments: PaymentRecord[], now: Date): void {
  cart.notices.forEach((notice, i) => {
    const p = payments[i];
    notice.payment = { id: p.id, status: p.status };
    if (!PAID.includes(p.status)) notice.failure = failureOf(p);
  });
  const paid = cart.notices.every((n) => !n.failure);
  cart.status = paid ? 'PAGATO' : 'ERRORE';
  cart.redirectedTo = paid ? cart.returnUrls.returnOkUrl : cart.returnUrls.returnErrorUrl;
  cart.finishedAt = now.toISOString();
}

/** Why a payment stopped, in a line: its status, the Nodo's fault and the station's own, or the error. */
function failureOf(p: PaymentRecord): string {
  const f = p.nodoFault;
  const station = f?.originalFaultCode
    ? ` (${[f.originalFaultCode, f.originalDescription ?? f.originalFaultString].filter(Boolean).join(': ')})`
    : '';
  const fault = f ? `: ${f.faultCode}${station}` : '';
  const error = p.error ?? (p.status === 'NON_ESEGUITO' ? 'the PSP did not authorize the payment' : undefined);
  return `${p.status}${fault}${error ? `: ${error}` : ''}`;
}
