import { esitoHttp, journaled, type Journal } from '../../core/journal';
import type { Cart, CartOpener } from '../../subgraphs/pagamenti/services';
import { iuvFromNumeroAvviso } from '../../subgraphs/pendenze/services';

export interface CheckoutClientOptions {
  /** Checkout's base URL, `…/checkout/ec/v1` (CHECKOUT_URL). */
  url: string;
  /** pagoPA's subscription key (Ocp-Apim-Subscription-Key), when Checkout asks for one. */
  apiKey?: string;
  timeoutMs: number;
  /** Where the calls are recorded (the Giornale degli Eventi, componente API_PAGOPA). */
  journal?: Journal;
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
    const first = cart.paymentNotices[0];
    const { res, text } = await journaled(
      this.options.journal,
      {
        componente: 'API_PAGOPA',
        tipoEvento: 'postCarts',
        scrittura: true,
        idDominio: first?.fiscalCode,
        iuv: first ? iuvFromNumeroAvviso(first.noticeNumber) : undefined,
        idSessione: cart.idCart,
        richiesta: () => ({ data: new Date(), url, method: 'POST', headers, payload: body }),
      },
      () => this.post(url, headers, body),
      (r) => ({
        esito: r.res.status === 302 ? 'OK' : esitoHttp(r.res.status === 200 ? 500 : r.res.status),
        sottotipoEsito: String(r.res.status),
        risposta: () => ({ data: new Date(), status: r.res.status, headers: Object.fromEntries(r.res.headers), payload: r.text }),
      }),
    );
    const location = res.headers.get('location');
    if (res.status !== 302 || !location) {
      throw new Error(`POST ${url}: HTTP ${res.status}${location ? '' : ' senza Location'}${text ? ` ${text.slice(0, MAX_DETAIL)}` : ''}`);
    }
    return new URL(location, url).toString();
  }

  private async post(url: string, headers: Record<string, string>, body: object): Promise<{ res: Response; text: string }> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      return { res, text: await res.text() };
    } catch (e) {
      throw new Error(
        (e as Error).name === 'TimeoutError'
          ? `POST ${url}: nessuna risposta entro ${this.options.timeoutMs} ms`
          : `POST ${url}: ${describe(e)}`,
      );
    }
  }
}

function describe(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
}
