import { Router, type RequestHandler } from 'express';
import type { CallerAuthenticator } from '../../core/credentials';
import { errors } from '../../core/errors';
import type { GraphClient } from '../shared/graph-client';
import { authenticate, wellFormedUrl } from '../shared/http';
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

/** GovPay's API Backoffice v1 (configuration resources), mounted at BACKOFFICE_BASE. */
export function backofficeRouter(
  graph: GraphClient,
  authenticator: CallerAuthenticator,
  principalHeader: string,
  bodies: { json: RequestHandler; tracciato: RequestHandler },
): Router {
  const router = Router({ mergeParams: true });
  // Bodies are read only once the caller is known; a tracciato may be far larger than other bodies.
  router.use(wellFormedUrl, authenticate(authenticator, principalHeader));
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
