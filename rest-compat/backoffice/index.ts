import { Router, type RequestHandler } from 'express';
import type { CallerAuthenticator } from '../../core/credentials';
import { errors } from '../../core/errors';
import type { GraphClient } from '../shared/graph-client';
import { authenticate, formLogout, loggedOut, wellFormedUrl, type FormSessions } from '../shared/http';
import { rppRoutes } from '../pendenze/rpp';
import { catalogoRoutes } from './catalogo';
import { dominiRoutes } from './domini';
import { intermediariRoutes } from './intermediari';
import { BACKOFFICE_PENDENZA, pendenzeRoutes } from './pendenze';
import { mountTable } from '../shared/table';
import { BACKOFFICE_RICONCILIAZIONE } from './riconciliazione';
import { sistemaRoutes } from './sistema';
import { TRACCIATI_UPLOAD, tracciatiRoutes } from './tracciati';
import { utenzeRoutes } from './utenze';

export const BACKOFFICE_BASE = '/govpay/backend/api/backoffice/rs/:auth/v1';
/** Where the stock govpay-console looks for the Backoffice (its context path): the same API. */
export const BACKOFFICE_CONSOLE_BASE = '/govpay-api-backoffice/rs/:auth/v1';

/** GovPay's API Backoffice v1, mounted at BACKOFFICE_BASE and BACKOFFICE_CONSOLE_BASE; `form` mode with `sessions`. */
export function backofficeRouter(
  graph: GraphClient,
  authenticator: CallerAuthenticator,
  principalHeader: string,
  bodies: { json: RequestHandler; tracciato: RequestHandler },
  sessions?: FormSessions,
): Router {
  const router = Router({ mergeParams: true });
  router.use(wellFormedUrl);
  router.get('/logout', formLogout(sessions));
  // Bodies are read only once the caller is known; a tracciato may be far larger than other bodies.
  router.use(authenticate(authenticator, principalHeader, {}, sessions));
  router.get('/logout', loggedOut);
  router.post(TRACCIATI_UPLOAD, bodies.tracciato);
  router.use(bodies.json);
  tracciatiRoutes(router, graph);
  intermediariRoutes(router, graph);
  dominiRoutes(router, graph);
  catalogoRoutes(router, graph);
  utenzeRoutes(router, graph);
  sistemaRoutes(router, graph, authenticator);
  pendenzeRoutes(router, graph);
  rppRoutes(router, graph, BACKOFFICE_PENDENZA);
  mountTable(router, graph, BACKOFFICE_RICONCILIAZIONE);
  router.use((req, _res, next) => next(errors.notFound(`Risorsa ${req.method} ${req.path} inesistente.`)));
  return router;
}
