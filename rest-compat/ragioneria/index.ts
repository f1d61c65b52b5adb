import { Router, type RequestHandler } from 'express';
import type { CallerAuthenticator } from '../../core/credentials';
import { errors } from '../../core/errors';
import type { Principal } from '../../core/principal';
import type { GraphClient } from '../shared/graph-client';
import { authenticate, wellFormedUrl } from '../shared/http';
import { mountTable, type Operation } from '../shared/table';
import { RAGIONERIA_V1 } from './v1';
import { RAGIONERIA_V2 } from './v2';

export const RAGIONERIA_V2_BASE = '/govpay/backend/api/ragioneria/rs/:auth/v2';
export const RAGIONERIA_V1_BASE = '/govpay/backend/api/ragioneria/rs/:auth/v1';

/**
 * API Ragioneria serves applicazioni only, with the flag apiRagioneria (GovPay's controllers:
 * TIPO_UTENZA.APPLICAZIONE, Servizio.API_RAGIONERIA); operatori reach the same data through the
 * Backoffice. The right on "Rendicontazioni e Incassi" and the domini are the graph's to check.
 */
const soloApplicazioniRagioneria: RequestHandler = (_req, res, next) => {
  const p = res.locals.principal as Principal;
  if (p.kind !== 'applicazione') return next(errors.forbidden(`Il chiamante (${p.kind}) non e' autorizzato ad eseguire l'operazione.`));
  if (!p.api.ragioneria) return next(errors.forbidden(`L'applicazione ${p.id} non e' abilitata all'utilizzo delle API Ragioneria.`));
  next();
};

function ragioneriaRouter(
  table: readonly Operation[],
  graph: GraphClient,
  authenticator: CallerAuthenticator,
  principalHeader: string,
  json: RequestHandler,
): Router {
  const router = Router({ mergeParams: true });
  router.use(wellFormedUrl, authenticate(authenticator, principalHeader), soloApplicazioniRagioneria, json);
  mountTable(router, graph, table);
  router.use((req, _res, next) => next(errors.notFound(`Risorsa ${req.method} ${req.path} inesistente.`)));
  return router;
}

/** GovPay's API Ragioneria v2, for the Ente's accounting systems. */
export const ragioneriaV2Router = (graph: GraphClient, authenticator: CallerAuthenticator, principalHeader: string, json: RequestHandler) =>
  ragioneriaRouter(RAGIONERIA_V2, graph, authenticator, principalHeader, json);

/** GovPay's API Ragioneria v1 (deprecated by GovPay, still what the integration manual names for POST /incassi). */
export const ragioneriaV1Router = (graph: GraphClient, authenticator: CallerAuthenticator, principalHeader: string, json: RequestHandler) =>
  ragioneriaRouter(RAGIONERIA_V1, graph, authenticator, principalHeader, json);
