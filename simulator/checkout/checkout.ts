import { randomUUID } from 'node:crypto';
import type { Logger } from '../../core/logger';
import { History } from '../flow/history';
import type { Nodo } from '../flow/nodo';
import { parseRequest, type PaymentRequest } from '../flow/request';
import type { PspProfile } from '../soap/receipt';
import { newCart, settle, type CartNotice, type CartRecord } from './cart';
import { cartRequestSchema } from './cart-request';
import { checkoutPsps, type CheckoutPsp } from './psps';

export interface CheckoutSettings {
  nodo: Nodo;
  /** The Nodo's default PSP: the first one the page offers. */
  nodoPsp: PspProfile;
  historyLimit: number;
  log: Logger;
}

/** What pressing a button on the page came to. */
export type PressResult =
  /** Where the browser goes now: one of the cart's return URLs. */
  | { kind: 'redirect'; url: string; cart: CartRecord }
  | { kind: 'not-found' }
  /** Paid, cancelled or being paid already: nothing more happens. */
  | { kind: 'closed'; cart: CartRecord }
  | { kind: 'unknown-psp'; cart: CartRecord };

/**
 * pagoPA Checkout as the simulator plays it: it keeps the carts an Ente opens (in memory) and,
 * when the person presses Paga, has the Nodo pay them with the chosen PSP.
 */
export class Checkout {
  readonly psps: CheckoutPsp[];
  /** The carts opened, newest first (live records: a cart being paid keeps changing). */
  readonly carts: History<CartRecord>;

  constructor(private readonly s: CheckoutSettings) {
    this.psps = checkoutPsps(s.nodoPsp);
    this.carts = new History(s.historyLimit);
  }

  /** Opens a cart from Checkout's CartRequest; throws InvalidRequestError on a bad one. */
  open(body: unknown, pageUrl: (id: string) => string): CartRecord {
    const request = parseRequest(cartRequestSchema, body);
    const id = randomUUID();
    const cart = newCart(id, pageUrl(id), request, new Date());
    this.carts.add(cart);
    this.s.log.info({ cart: id, url: cart.url, notices: cart.notices.length }, `Checkout cart opened: ${cart.url}`);
    return cart;
  }

  /** Paga: the Nodo pays every notice with the chosen PSP, then the browser goes back to the Ente. */
  async pay(id: string, idPSP: string): Promise<PressResult> {
    const cart = this.carts.get(id);
    if (!cart) return { kind: 'not-found' };
    if (cart.status !== 'APERTO') return { kind: 'closed', cart };
    const psp = this.psps.find((p) => p.idPSP === idPSP);
    if (!psp) return { kind: 'unknown-psp', cart };
    // Taken before the first await: a second press finds the cart closed.
    cart.status = 'IN_CORSO';
    cart.psp = { idPSP: psp.idPSP, PSPCompanyName: psp.PSPCompanyName, paymentMethod: psp.paymentMethod, fee: psp.feeCents };
    let started: ReturnType<Nodo['startCart']>;
    try {
      started = this.s.nodo.startCart(cart.notices.map((n, i) => paymentOf(cart, n, psp, i === 0)));
    } catch (e) {
      // Nothing started (the simulator is closing): the cart is as it was.
      cart.status = 'APERTO';
      cart.psp = undefined;
      throw e;
    }
    const { records, done } = started;
    cart.notices.forEach((n, i) => (n.payment = { id: records[i].id, status: records[i].status }));
    await done;
    settle(cart, records, new Date());
    this.s.log.info({ cart: id, status: cart.status, redirectedTo: cart.redirectedTo }, 'Checkout cart played');
    return { kind: 'redirect', url: cart.redirectedTo!, cart };
  }

  /** Annulla: nothing is paid and the browser goes to the cancel URL. */
  cancel(id: string): PressResult {
    const cart = this.carts.get(id);
    if (!cart) return { kind: 'not-found' };
    if (cart.status !== 'APERTO') return { kind: 'closed', cart };
    cart.status = 'ANNULLATO';
    cart.redirectedTo = cart.returnUrls.returnCancelUrl;
    cart.finishedAt = new Date().toISOString();
    this.s.log.info({ cart: id }, 'Checkout cart cancelled');
    return { kind: 'redirect', url: cart.redirectedTo, cart };
  }
}

/**
 * One notice as Checkout hands it to the Nodo: the cart's amount, its idCart as the activation's
 * paymentNote, allCCP as transferType POSTAL. The PSP's fee is one for the whole cart: the first
 * notice's receipt carries it, the others 0.00.
 */
function paymentOf(cart: CartRecord, n: CartNotice, psp: CheckoutPsp, first: boolean): PaymentRequest {
  return {
    fiscalCode: n.fiscalCode,
    noticeNumber: n.noticeNumber,
    amountCents: n.amount,
    paymentNote: cart.idCart,
    transferType: cart.allCCP ? 'POSTAL' : undefined,
    outcome: psp.outcome,
    idPSP: psp.idPSP,
    idChannel: psp.idChannel,
    PSPCompanyName: psp.PSPCompanyName,
    channelDescription: psp.channelDescription,
    paymentMethod: psp.paymentMethod,
    pspFiscalCode: psp.pspFiscalCode,
    pspPartitaIVA: psp.pspPartitaIVA,
    feeCents: first ? psp.feeCents : 0,
  };
}
