import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../core/logger';
import type { Checkout } from '../checkout/checkout';
import { checkoutRoutes } from '../checkout/routes';
import type { Nodo } from '../flow/nodo';
import { InvalidRequestError, type PaymentRequest, type VerifyRequest } from '../flow/request';
import { bodyError } from './body-error';
import { renderPage } from './page';
import { recordsRoutes } from './records';

/**
 * The simulator's control API (JSON): start payments, read what happened, verify a notice,
 * clear the history; and Checkout (checkout/routes.ts). Documented in the README (The Nodo simulator).
 */
export function controlApp(nodo: Nodo, checkout: Checkout, log: Logger): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(checkoutRoutes(checkout, log));
  app.use(express.json({ limit: '100kb' }));

  app.get('/health', (_req, res) => {
    res.json({ status: 'UP' });
  });

  app.get('/', (_req, res) => {
    res.type('html').send(renderPage(nodo.history(), checkout.carts.list()));
  });

  app.post('/api/payments', async (req, res) => {
    const { record, done } = nodo.start(jsonBody<PaymentRequest>(req));
    if (isTrue(req.query.wait)) await done;
    res.status(201).location(`/api/payments/${record.id}`).json(record);
  });

  app.use(recordsRoutes('/api/payments', 'payment', { list: () => nodo.history(), get: (id) => nodo.get(id), clear: () => nodo.clear() }));

  app.post('/api/verify', async (req, res) => {
    res.json(await nodo.verify(jsonBody<VerifyRequest>(req)));
  });

  app.use((req, res) => {
    res.status(404).json({ error: `no route ${req.method} ${req.path}` });
  });

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof InvalidRequestError) return void res.status(400).json({ error: err.message, issues: err.issues });
    const unread = bodyError(err);
    if (unread) return void res.status(unread.status).json({ error: unread.message });
    log.error({ err, method: req.method, url: req.originalUrl }, 'simulator control API failed');
    res.status(500).json({ error: 'internal error' });
  });
  return app;
}

/**
 * The request's JSON body, typed as what the Nodo expects: the Nodo validates it before use.
 * express.json leaves the body undefined when the request is not JSON: say so, not "field missing".
 */
function jsonBody<T>(req: Request): T {
  if (req.body === undefined) {
    throw new InvalidRequestError([{ path: '', message: 'the body must be a JSON object sent as Content-Type: application/json' }]);
  }
  return req.body as T;
}

function isTrue(value: unknown): boolean {
  return value === 'true' || value === '1' || value === '';
}
