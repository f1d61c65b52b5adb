import { Router } from 'express';
import type { Authenticator } from '../../gateway/auth';
import { errors } from '../../subgraphs/shared/errors';
import type { GraphClient } from '../shared/graph-client';
import { authenticate } from '../shared/http';
import { catalogoRoutes } from './catalogo';
import { dominiRoutes } from './domini';
import { intermediariRoutes } from './intermediari';
import { sistemaRoutes } from './sistema';
import { utenzeRoutes } from './utenze';

export const BACKOFFICE_BASE = '/govpay/backend/api/backoffice/rs/:auth/v1';

/** GovPay's API Backoffice v1 (configuration resources), mounted at BACKOFFICE_BASE. */
export function backofficeRouter(graph: GraphClient, authenticator: Authenticator, principalHeader: string): Router {
  const router = Router({ mergeParams: true });
  router.use(authenticate(authenticator, principalHeader));
  intermediariRoutes(router, graph);
  dominiRoutes(router, graph);
  catalogoRoutes(router, graph);
  utenzeRoutes(router, graph);
  sistemaRoutes(router, graph, authenticator);
  router.use((req, _res, next) => next(errors.notFound(`Risorsa ${req.method} ${req.path} inesistente.`)));
  return router;
}
