import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CheckoutClient } from '../pagopa/checkout';
import type { Cart } from '../subgraphs/pagamenti/services';
import { CART_SCHEMAS, CheckoutDouble } from './helpers/checkout-double';
import { REFERENCE_DIR } from './helpers/xsd';
import { itIf } from './helpers/skip';

/**
 * pagoPA Checkout's client (pagopa/checkout) against a real HTTP server playing Checkout's
 * `POST /carts`: the request is checkout_v1's CartRequest, the answer's Location is the page,
 * and every way Checkout can fail becomes a rejection within the timeout that says which.
 */
let checkout: CheckoutDouble;
beforeAll(async () => {
  checkout = await new CheckoutDouble().start();
});
afterAll(() => checkout.stop());
beforeEach(() => {
  checkout.mode = 'open';
  checkout.carts.length = 0;
});

const cart = (over: Partial<Cart> = {}): Cart => ({
  idCart: 'c0ffee00c0ffee00c0ffee00c0ffee00',
  paymentNotices: [
    { noticeNumber: '001340000000000136', fiscalCode: '12345678901', amountCents: 10099, companyName: 'Ente Creditore Test', description: 'Diritti' },
    { noticeNumber: '001340000000000237', fiscalCode: '12345678901', amountCents: 1, companyName: 'Ente Creditore Test', description: 'Bollo' },
  ],
  returnUrls: { ok: 'http://hub.example/ritorno/a', cancel: 'http://hub.example/ritorno/b', error: 'http://hub.example/ritorno/c' },
  ...over,
});

const client = (timeoutMs = 2000, apiKey?: string) => new CheckoutClient({ url: checkout.url, timeoutMs, apiKey });

it("sends checkout_v1's CartRequest (amounts in euro cents) and answers the page of its 302", async () => {
  const page = await client(2000, 'chiave-abbonamento').openCart(cart({ emailNotice: 'mario.rossi@example.it' }));
  expect(page).toBe(checkout.pageOf('c0ffee00c0ffee00c0ffee00c0ffee00'));
  expect(checkout.carts).toHaveLength(1);
  const [received] = checkout.carts;
  expect(received.errors).toBeNull();
  expect(received.body).toEqual({
    paymentNotices: [
      { noticeNumber: '001340000000000136', fiscalCode: '12345678901', amount: 10099, companyName: 'Ente Creditore Test', description: 'Diritti' },
      { noticeNumber: '001340000000000237', fiscalCode: '12345678901', amount: 1, companyName: 'Ente Creditore Test', description: 'Bollo' },
    ],
    returnUrls: { returnOkUrl: 'http://hub.example/ritorno/a', returnCancelUrl: 'http://hub.example/ritorno/b', returnErrorUrl: 'http://hub.example/ritorno/c' },
    idCart: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    emailNotice: 'mario.rossi@example.it',
  });
  expect(received.headers['ocp-apim-subscription-key']).toBe('chiave-abbonamento');
});

it('rejects, naming the status, when Checkout fails or refuses the cart', async () => {
  checkout.mode = 'fail';
  await expect(client().openCart(cart())).rejects.toThrow(/HTTP 500 .*checkout unavailable/);
  checkout.mode = 'open';
  // A cart Checkout's schema refuses (no notice) is refused by the double with 400, like Checkout.
  checkout.nextInvalidOnPurpose = true;
  await expect(client().openCart(cart({ paymentNotices: [] }))).rejects.toThrow(/HTTP 400/);
  expect(checkout.carts.map((c) => c.errors === null)).toEqual([true, false]);
});

it('rejects within its timeout when Checkout does not answer', async () => {
  checkout.mode = 'hang';
  const started = Date.now();
  await expect(client(300).openCart(cart())).rejects.toThrow('nessuna risposta entro 300 ms');
  expect(Date.now() - started).toBeLessThan(2000);
});

it('rejects when nothing listens at CHECKOUT_URL', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  await expect(new CheckoutClient({ url: `http://127.0.0.1:${port}/checkout/ec/v1`, timeoutMs: 1000 }).openCart(cart())).rejects.toThrow('ECONNREFUSED');
});

const spec = join(REFERENCE_DIR, 'pagopa', 'openapi', 'checkout_v1.json');
itIf(existsSync(spec), `checkout_v1.json is not in ${REFERENCE_DIR}`)("the test's copy of CartRequest is checkout_v1.json's", () => {
  const schemas = JSON.parse(readFileSync(spec, 'utf8')).components.schemas;
  expect({ CartRequest: CART_SCHEMAS.CartRequest, PaymentNotice: CART_SCHEMAS.PaymentNotice }).toEqual({
    CartRequest: schemas.CartRequest,
    PaymentNotice: schemas.PaymentNotice,
  });
});
