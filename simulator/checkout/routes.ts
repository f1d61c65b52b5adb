import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../core/logger';
import { bodyError } from '../api/body-error';
import { recordsRoutes } from '../api/records';
import { InvalidRequestError } from '../flow/request';
import type { Checkout, PressResult } from './checkout';
import { cartPath, renderBadChoicePage, renderCartPage, renderNotFoundPage, renderOutcomePage } from './page';

/** Checkout's API for the Ente, as checkout_v1.json's server `https://api.platform.pagopa.it/checkout/ec/v1`… */
export const CHECKOUT_API_BASE = '/checkout/ec/v1';
/** …and its one path, `/carts`. */
export const CARTS_PATH = `${CHECKOUT_API_BASE}/carts`;

/** The pages forbid every script and outside resource: what they show is text and a form. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Checkout on the simulator's server: the Ente's API (`POST /checkout/ec/v1/carts`), the page the
 * browser is sent to (`/checkout/c/{id}`, its form posting Paga or Annulla back to it), and the
 * carts' records (`/api/carts`). Mounted before the control API's JSON parser: its errors are
 * Checkout's ProblemJson, not the control API's.
 */
export function checkoutRoutes(checkout: Checkout, log: Logger): express.Router {
  const router = express.Router();

  router.post(CARTS_PATH, express.json({ limit: '100kb' }), (req, res) => {
    if (req.body === undefined) {
      return void problem(res, 400, 'the body must be a CartRequest sent as Content-Type: application/json');
    }
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const cart = checkout.open(req.body, (id) => `${origin}${cartPath(id)}`);
    res.status(302).location(cart.url).end();
  });

  router.get('/checkout/c/:id', (req, res) => {
    const cart = checkout.carts.get(req.params.id);
    if (!cart) return void page(res, 404, renderNotFoundPage(req.params.id));
    page(res, 200, cart.status === 'APERTO' ? renderCartPage(cart, checkout.psps) : renderOutcomePage(cart));
  });

  router.post('/checkout/c/:id', express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
    const id = req.params.id;
    const form = (req.body ?? {}) as Record<string, unknown>;
    let result: PressResult;
    if (form.azione === 'paga') result = await checkout.pay(id, String(form.psp ?? ''));
    else if (form.azione === 'annulla') result = checkout.cancel(id);
    else {
      const cart = checkout.carts.get(id);
      if (!cart) return void page(res, 404, renderNotFoundPage(id));
      return void page(res, 400, renderBadChoicePage(cart, 'Premi Paga o Annulla.'));
    }
    switch (result.kind) {
      case 'redirect':
        return void res.redirect(303, result.url);
      case 'not-found':
        return void page(res, 404, renderNotFoundPage(id));
      case 'closed':
        return void page(res, 409, renderOutcomePage(result.cart, true));
      case 'unknown-psp':
        return void page(res, 400, renderBadChoicePage(result.cart, 'Il PSP scelto non è tra quelli offerti.'));
    }
  });

  router.use(recordsRoutes('/api/carts', 'cart', checkout.carts));

  router.use(CARTS_PATH, (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof InvalidRequestError) {
      return void problem(res, 400, `invalid CartRequest: ${err.detail}`);
    }
    const unread = bodyError(err);
    if (unread) return void problem(res, unread.status, unread.message);
    log.error({ err, url: req.originalUrl }, 'Checkout API failed');
    problem(res, 500, 'internal error of the simulator');
  });
  return router;
}

const TITLES: Record<number, string> = { 400: 'Bad Request', 413: 'Payload Too Large', 500: 'Internal Server Error' };

/** Checkout's error body (ProblemJson), as the spec documents it for 400 and 500. */
function problem(res: Response, status: number, detail: string): void {
  res.status(status).json({ type: 'about:blank', title: TITLES[status], status, detail });
}

function page(res: Response, status: number, html: string): void {
  res.status(status).set({ 'cache-control': 'no-store', 'content-security-policy': PAGE_CSP }).type('html').send(html);
}
