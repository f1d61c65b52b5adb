import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../core/logger';
import type { Checkout } from '../checkout/checkout';
import { checkoutRoutes } from '../checkout/routes';
import type { Ente } from '../ente/ente';
import { enteRoutes } from '../ente/routes';
import type { Nodo } from '../flow/nodo';
import { InvalidRequestError, parseRequest, type PaymentRequest, type VerifyRequest } from '../flow/request';
import { faultsRequestSchema, type SourceFaults } from '../flows/faults';
import { fdrRoutes } from '../flows/fdr-routes';
import { FlowRequestError, type Flows } from '../flows/flows';
import { nodoRoutes, type NodoCredentials } from '../flows/nodo-routes';
import { bodyError } from './body-error';
import { renderPage } from './page';
import { recordsRoutes } from './records';

/** The reporting side: the PSP's flows, and how the Nodo's and FdR's endpoints serve them; and the Ente's system. */
export interface FlowsSetup {
  ente: Ente;
  flows: Flows;
  faults: SourceFaults;
  nodoCredentials: NodoCredentials;
  fdrApiKey?: string;
}

/**
 * The simulator's control API (JSON): start payments, read what happened, verify a notice,
 * clear the history, publish reporting flows; Checkout (checkout/routes.ts); the Nodo's nodeForPa
 * and FdR's organizations API serving the flows; the Ente's system (ente/routes.ts). Documented in the README (The Nodo simulator).
 */
export function controlApp(nodo: Nodo, checkout: Checkout, log: Logger, f: FlowsSetup): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(checkoutRoutes(checkout, log));
  app.use(nodoRoutes(f.flows, f.nodoCredentials, f.faults));
  app.use(fdrRoutes(f.flows, f.fdrApiKey, f.faults));
  app.use(enteRoutes(f.ente, log));
  app.use(express.json({ limit: '100kb' }));

  app.get('/health', (_req, res) => {
    res.json({ status: 'UP' });
  });

  app.get('/', (_req, res) => {
    res
      .type('html')
      .send(renderPage(nodo.history(), checkout.carts.list(), { notifiche: f.ente.notifiche.list(), verifiche: f.ente.verifiche.list() }));
  });

  app.post('/api/payments', async (req, res) => {
    const { record, done } = nodo.start(jsonBody<PaymentRequest>(req));
    if (isTrue(req.query.wait)) await done;
    res.status(201).location(`/api/payments/${record.id}`).json(record);
  });

  app.use(recordsRoutes('/api/payments', 'payment', { list: () => nodo.history(), get: (id) => nodo.get(id), clear: () => nodo.clear() }));

  app.post('/api/flows', (req, res) => {
    const [first, ...others] = f.flows.publish(jsonBody(req));
    res.status(201).json(others.length ? { ...first, flussi: [first, ...others] } : first);
  });

  app.get('/api/flows', (_req, res) => {
    res.json(f.flows.list());
  });

  app.delete('/api/flows', (_req, res) => {
    f.flows.clear();
    res.status(204).end();
  });

  app.post('/api/flows/:idFlusso/revisions', (req, res) => {
    res.status(201).json(f.flows.revise(req.params.idFlusso, jsonBody(req)));
  });

  app.put('/api/flows/faults', (req, res) => {
    Object.assign(f.faults, parseRequest(faultsRequestSchema, jsonBody(req)));
    res.json(f.faults);
  });

  app.post('/api/verify', async (req, res) => {
    res.json(await nodo.verify(jsonBody<VerifyRequest>(req)));
  });

  app.use((req, res) => {
    res.status(404).json({ error: `no route ${req.method} ${req.path}` });
  });

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof InvalidRequestError) return void res.status(400).json({ error: err.message, issues: err.issues });
    if (err instanceof FlowRequestError) return void res.status(err.status).json({ error: err.message });
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
