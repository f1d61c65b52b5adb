import { CARTS_PATH } from '../../simulator';

/** Calls of an Ente and of a browser without one, to the simulator's Checkout (real HTTP, no redirects followed). */

export interface CheckoutReply {
  status: number;
  location: string | null;
  contentType: string | null;
  /** JSON when the reply is JSON, else its text. */
  body: any;
}

async function reply(res: Response): Promise<CheckoutReply> {
  const text = await res.text();
  const contentType = res.headers.get('content-type');
  return {
    status: res.status,
    location: res.headers.get('location'),
    contentType,
    body: contentType?.startsWith('application/json') ? JSON.parse(text) : text,
  };
}

/** The Ente opens a cart: `POST /checkout/ec/v1/carts` (a string body is sent as it is). */
export async function postCart(simulatorBase: string, body: unknown, contentType = 'application/json'): Promise<CheckoutReply> {
  const res = await fetch(`${simulatorBase}${CARTS_PATH}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });
  return reply(res);
}

/** A form post to the cart's page, as the browser sends it when a button is pressed. */
export async function pressButton(pageUrl: string, form: Record<string, string>): Promise<CheckoutReply> {
  const res = await fetch(pageUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  return reply(res);
}

export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

export const RETURN_URLS = {
  returnOkUrl: 'https://ente.example.it/pagopa/ok.html?sessione=1',
  returnCancelUrl: 'https://ente.example.it/pagopa/annullato.html',
  returnErrorUrl: 'https://ente.example.it/pagopa/errore.html',
};
