import type { Cart, CartOpener } from '../../subgraphs/pagamenti/services';

export interface CheckoutClientOptions {
  /** Checkout's base URL, `…/checkout/ec/v1` (CHECKOUT_URL). */
  url: string;
  /** pagoPA's subscription key (Ocp-Apim-Subscription-Key), when Checkout asks for one. */
  apiKey?: string;
  timeoutMs: number;
}

/** How much of a refusal's body is kept in the error (it ends up in a log line and a session's descrizioneStato). */
const MAX_DETAIL = 300;

/**
 * pagoPA Checkout's `POST /carts` (checkout_v1.json): the cart's notices with amounts in euro
 * cents, the return URLs and the cart's id; Checkout answers 302 with its page for the cart in
 * Location. Anything else, no answer within `timeoutMs`, or no connection at all rejects, with a
 * message saying which: the pagamenti context turns it into GovPay's 502 NDP_000.
 */
export class CheckoutClient implements CartOpener {
  constructor(private readonly options: CheckoutClientOptions) {}

  async openCart(cart: Cart): Promise<string> {
    const url = `${this.options.url}/carts`;
    const body = {
      paymentNotices: cart.paymentNotices.map((n) => ({
        noticeNumber: n.noticeNumber,
        fiscalCode: n.fiscalCode,
        amount: n.amountCents,
        companyName: n.companyName,
        description: n.description,
      })),
      returnUrls: { returnOkUrl: cart.returnUrls.ok, returnCancelUrl: cart.returnUrls.cancel, returnErrorUrl: cart.returnUrls.error },
      idCart: cart.idCart,
      ...(cart.emailNotice ? { emailNotice: cart.emailNotice } : {}),
    };
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.apiKey) headers['ocp-apim-subscription-key'] = this.options.apiKey;
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), redirect: 'manual', signal: AbortSignal.timeout(this.options.timeoutMs) });
      text = await res.text();
    } catch (e) {
      throw new Error((e as Error).name === 'TimeoutError' ? `POST ${url}: nessuna risposta entro ${this.options.timeoutMs} ms` : `POST ${url}: ${describe(e)}`);
    }
    const location = res.headers.get('location');
    if (res.status !== 302 || !location) {
      throw new Error(`POST ${url}: HTTP ${res.status}${location ? '' : ' senza Location'}${text ? ` ${text.slice(0, MAX_DETAIL)}` : ''}`);
    }
    return new URL(location, url).toString();
  }
}

function describe(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
}
