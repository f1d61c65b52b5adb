import { Router, type RequestHandler } from 'express';
import type { CallerAuthenticator } from '../../core/credentials';
import { errors } from '../../core/errors';
import { getPendenza, listPendenze, patchPendenza } from '../pendenze';
import type { PendenzaShape } from '../pendenze/shape';
import { DOMINIO_FIELDS, dominioIndex, type GraphDominio } from './domini';
import type { GraphClient } from '../shared/graph-client';
import { authenticate, wellFormedUrl } from '../shared/http';
import { rppRoutes } from '../pendenze/rpp';
import { catalogoRoutes } from './catalogo';
import { dominiRoutes } from './domini';
import { BACKOFFICE_ENUMERAZIONI } from './enumerazioni';
import { intermediariRoutes } from './intermediari';
import { mountTable } from '../shared/table';
import { BACKOFFICE_RICONCILIAZIONE } from './riconciliazione';
import { BACKOFFICE_RUOLI } from './ruoli';
import { sistemaRoutes } from './sistema';
import { TRACCIATI_UPLOAD, tracciatiRoutes } from './tracciati';
import { BACKOFFICE_UTENZE_PATCH, utenzeRoutes } from './utenze';

/** The Backoffice embeds the pendenza's whole dominio, as in its own dominio lists. */
const BACKOFFICE_PENDENZA: PendenzaShape = {
  dominioFields: DOMINIO_FIELDS,
  campi: 'anomalo',
  dominio: (d) => dominioIndex(d as unknown as GraphDominio),
  // Portal payment sessions arrive with API Pagamento; until then a pendenza has none.
  dettaglio: { pagamenti: [] },
  // Every attempt the hub records today is a receipt for an avviso paid at a PSP.
  rpp: { modello: 'Pagamento ad iniziativa PSP' },
};

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
  router.get('/pendenze', listPendenze(graph, BACKOFFICE_PENDENZA));
  router.get('/pendenze/:idA2A/:idPendenza', getPendenza(graph, BACKOFFICE_PENDENZA));
  router.patch('/pendenze/:idA2A/:idPendenza', patchPendenza(graph));
  rppRoutes(router, graph, BACKOFFICE_PENDENZA);
  mountTable(router, graph, BACKOFFICE_RICONCILIAZIONE);
  mountTable(router, graph, BACKOFFICE_RUOLI);
  mountTable(router, graph, BACKOFFICE_UTENZE_PATCH);
  mountTable(router, graph, BACKOFFICE_ENUMERAZIONI);
  router.use((req, _res, next) => next(errors.notFound(`Risorsa ${req.method} ${req.path} inesistente.`)));
  return router;
}
