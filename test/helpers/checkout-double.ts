import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { projectRoot } from '../../core/project-root';
import { closeServer, localServer, readBody, recordExchange } from './http';

/** checkout_v1.json's CartRequest and PaymentNotice (a copy kept in test/fixtures). */
export const CART_SCHEMAS = JSON.parse(readFileSync(join(projectRoot(), 'test', 'fixtures', 'checkout-cart-request.json'), 'utf8'));

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({
  $id: 'checkout_v1',
  components: { schemas: { CartRequest: CART_SCHEMAS.CartRequest, PaymentNotice: CART_SCHEMAS.PaymentNotice } },
});
const validCart = ajv.getSchema('checkout_v1#/components/schemas/CartRequest')!;

/** What the double does with a cart: open it (302), fail (HTTP 500, pagoPA's ProblemJson), or never answer. */
export type CheckoutMode = 'open' | 'fail' | 'hang';

export interface ReceivedCart {
  body: any;
  headers: IncomingMessage['headers'];
  /** ajv's errors against CartRequest, null when the body is valid. */
  errors: unknown[] | null;
}

/**
 * pagoPA Checkout's `POST /carts` over real HTTP, until the simulator's Checkout lands: it checks
 * every body against checkout_v1.json's CartRequest (400 ProblemJson when invalid), keeps what it
 * received, and answers 302 with a page of its own in Location (relative, as a server may),
 * or fails, or hangs as the test says.
 */
export class CheckoutDouble {
  readonly carts: ReceivedCart[] = [];
  mode: CheckoutMode = 'open';
  /** The next cart is invalid on purpose (a test of the refusal): it is not recorded as what the hub sends. */
  nextInvalidOnPurpose = false;
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();
  base = '';

  /** The CHECKOUT_URL of the hub under test. */
  get url(): string {
    return `${this.base}/checkout/ec/v1`;
  }

  async start(): Promise<this> {
    const { server, base } = await localServer();
    this.server = server;
    this.base = base;
    server.on('request', (req, res) => void this.handle(req, res));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    if (this.server) await closeServer(this.server);
  }

  /** The page Checkout sent the browser to for a cart. */
  pageOf(idCart: string): string {
    return `${this.base}/checkout/c/${idCart}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/checkout/ec/v1/carts') return void res.writeHead(404).end();
    const text = await readBody(req);
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const errors = validCart(body) ? null : [...(validCart.errors ?? [])];
    this.carts.push({ body, headers: req.headers, errors });
    // What the hub sent, for the conformance suite to check against pagoPA's own checkout_v1.json.
    if (!this.nextInvalidOnPurpose)
      recordExchange('checkout', { method: 'POST', path: '/checkout/ec/v1/carts', status: errors ? 400 : 302, body });
    this.nextInvalidOnPurpose = false;
    if (errors) return problem(res, 400, JSON.stringify(errors));
    if (this.mode === 'hang') return void this.hanging.add(res);
    if (this.mode === 'fail') return problem(res, 500, 'checkout unavailable');
    res.writeHead(302, { location: `/checkout/c/${body.idCart}` }).end();
  }
}

function problem(res: ServerResponse, status: number, detail: string): void {
  res
    .writeHead(status, { 'content-type': 'application/problem+json' })
    .end(JSON.stringify({ type: 'about:blank', title: 'Error', status, detail }));
}
