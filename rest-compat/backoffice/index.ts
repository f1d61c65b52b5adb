import express, { Router, type RequestHandler } from 'express';
import type { CallerAuthenticator } from '../../core/credentials';
import { errors } from '../../core/errors';
import type { GraphClient } from '../shared/graph-client';
import { authenticate, formLogout, loggedOut, wellFormedUrl, type FormSessions } from '../shared/http';
import { rppRoutes } from '../pendenze/rpp';
import { catalogoRoutes } from './catalogo';
import { dominiRoutes } from './domini';
import { infoOperations, type InfoInstallazione } from './info';
import { BACKOFFICE_ENUMERAZIONI } from './enumerazioni';
import { intermediariRoutes } from './intermediari';
import { BACKOFFICE_NOTIFICHE } from './notifiche';
import { BACKOFFICE_PAGAMENTI } from './pagamenti';
import { BACKOFFICE_PENDENZA, pendenzeRoutes } from './pendenze';
import { BACKOFFICE_REPORTISTICHE } from './reportistiche';
import { RICEVUTA_TYPES, ricevuteOperations } from './ricevute';
import { mountTable } from '../shared/table';
import { BACKOFFICE_RICONCILIAZIONE } from './riconciliazione';
import { BACKOFFICE_CONFIGURAZIONI } from './configurazioni';
import { BACKOFFICE_EVENTI } from './eventi';
import { BACKOFFICE_RUOLI } from './ruoli';
import { sistemaRoutes } from './sistema';
import { TRACCIATI_UPLOAD, tracciatiRoutes } from './tracciati';
import { BACKOFFICE_UTENZE_PATCH, utenzeRoutes } from './utenze';

export const BACKOFFICE_BASE = '/govpay/backend/api/backoffice/rs/:auth/v1';
/** Where the stock govpay-console looks for the Backoffice (its context path): the same API. */
export const BACKOFFICE_CONSOLE_BASE = '/govpay-api-backoffice/rs/:auth/v1';

/** GovPay's API Backoffice v1, mounted at BACKOFFICE_BASE and BACKOFFICE_CONSOLE_BASE; `form` mode with `sessions`. */
export function backofficeRouter(
  graph: GraphClient,
  authenticator: CallerAuthenticator,
  principalHeader: string,
  bodies: { json: RequestHandler; tracciato: RequestHandler },
  { sessions, installazione = { ambiente: 'development' } }: { sessions?: FormSessions; installazione?: InfoInstallazione } = {},
): Router {
  const router = Router({ mergeParams: true });
  router.use(wellFormedUrl);
  // The spec's GET; govpay-console 4 logs out with a POST.
  router.route('/logout').get(formLogout(sessions)).post(formLogout(sessions));
  // Bodies are read only once the caller is known; a tracciato may be far larger than other bodies.
  router.use(authenticate(authenticator, principalHeader, {}, sessions));
  router.route('/logout').get(loggedOut).post(loggedOut);
  router.post(TRACCIATI_UPLOAD, bodies.tracciato);
  // A receipt is pagoPA's XML, read as text (a few kilobytes; a megabyte is ample).
  router.post('/ricevute', express.text({ type: RICEVUTA_TYPES, limit: '1mb' }));
  router.use(bodies.json);
  tracciatiRoutes(router, graph);
  intermediariRoutes(router, graph);
  dominiRoutes(router, graph);
  catalogoRoutes(router, graph);
  utenzeRoutes(router, graph);
  sistemaRoutes(router, graph, authenticator);
  pendenzeRoutes(router, graph);
  rppRoutes(router, graph, BACKOFFICE_PENDENZA);
  mountTable(router, graph, [
    ...BACKOFFICE_RICONCILIAZIONE,
    ...BACKOFFICE_PAGAMENTI,
    ...ricevuteOperations(BACKOFFICE_PENDENZA),
    ...BACKOFFICE_NOTIFICHE,
    ...BACKOFFICE_REPORTISTICHE,
    ...infoOperations(installazione),
    ...BACKOFFICE_EVENTI,
    ...BACKOFFICE_CONFIGURAZIONI,
    ...BACKOFFICE_RUOLI,
    ...BACKOFFICE_UTENZE_PATCH,
    ...BACKOFFICE_ENUMERAZIONI,
  ]);
  router.use((req, _res, next) => next(errors.notFound(`Risorsa ${req.method} ${req.path} inesistente.`)));
  return router;
}
