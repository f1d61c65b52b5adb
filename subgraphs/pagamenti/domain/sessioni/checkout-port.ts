/**
 * How the pagamenti context opens a cart at pagoPA Checkout. The context declares the port; whoever
 * hosts the subgraph hands it an implementation (pagopa/checkout's client, which speaks
 * checkout_v1's `POST /carts`), so the domain never imports the connector.
 */

/** One notice of the cart as Checkout shows it (checkout_v1's PaymentNotice), the amount in cents. */
export interface CartNotice {
  noticeNumber: string;
  fiscalCode: string;
  amountCents: number;
  companyName: string;
  description: string;
}

export interface Cart {
  /** The session id Checkout knows the cart by. */
  idCart: string;
  paymentNotices: CartNotice[];
  /** Where Checkout sends the browser back: paid, cancelled by the citizen, failed. */
  returnUrls: { ok: string; cancel: string; error: string };
  emailNotice?: string;
}

export interface CartOpener {
  /**
   * Opens the cart and resolves with the page the citizen is sent to; rejects when Checkout
   * refuses it, fails or does not answer in time, with a message that says which.
   */
  openCart(cart: Cart): Promise<string>;
}
