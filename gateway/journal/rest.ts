import type { Request, RequestHandler, Response } from 'express';
import { esitoHttp, type Componente, type Journal } from '../../core/journal';
import type { GiornaleEventi } from '../../core/journal-policy';
import { mayDump } from '../../core/journal-policy';
import type { Principal } from '../../core/principal';
import { OPERATION_IDS } from './operation-ids';

/**
 * What a route knows of what a call concerns beyond its path parameters (a body's idDominio, a
 * payment session's id): set as `res.locals.giornale`, read when the call is recorded.
 */
export interface Riferimenti {
  idDominio?: string;
  iuv?: string;
  ccp?: string;
  idA2A?: string;
  idPendenza?: string;
  idSessione?: string;
}

const LETTURE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every call of one REST API (mounted in front of its router): operation, caller, esito,
 * duration, the ids its path names, and — when the configuration keeps them — the request and the
 * response (a reference to the reply's body is kept, for the fault's text; nothing is copied or
 * serialized unless the event is kept with its messages).
 */
export function journalRest(journal: Journal, componente: Componente, configurazione: () => GiornaleEventi): RequestHandler {
  return (req, res, next) => {
    const data = new Date();
    const start = performance.now();
    const capture = mayDump(configurazione(), componente);
    let body: unknown;
    const send = res.send.bind(res);
    res.send = (chunk?: unknown) => {
      body ??= chunk;
      return send(chunk);
    };
    const matched = rememberMatch(req);
    let done = false;
    const record = (aborted: boolean) => {
      if (done) return;
      done = true;
      const status = aborted ? 499 : res.statusCode;
      const params: Record<string, string | undefined> = { ...matched.params, ...((res.locals.giornale as Riferimenti | undefined) ?? {}) };
      const principal = (res.locals.principal as Principal | undefined)?.principal;
      journal.record({
        componente,
        ruolo: 'SERVER',
        tipoEvento: operationId(componente, req, matched.route),
        scrittura: !LETTURE.has(req.method),
        esito: aborted ? 'FAIL' : esitoHttp(status),
        sottotipoEsito: String(status),
        dettaglioEsito: aborted ? 'Il chiamante ha chiuso la connessione prima della risposta.' : faultText(res, body),
        data,
        durataEvento: performance.now() - start,
        idDominio: params.idDominio,
        iuv: params.iuv,
        ccp: params.ccp ?? params.idRicevuta,
        idA2A: params.idA2A,
        idPendenza: params.idPendenza,
        idSessione: params.idSessione,
        principal,
        richiesta: () => ({
          data,
          url: req.originalUrl,
          method: req.method,
          principal,
          headers: req.headers,
          payload: capture && req.body !== undefined && !isEmptyObject(req.body) ? (req.body as object) : undefined,
        }),
        risposta: () => ({
          data: new Date(),
          status,
          headers: res.getHeaders() as Record<string, string>,
          payload: body as string | Buffer | undefined,
        }),
      });
    };
    res.once('finish', () => record(false));
    res.once('close', () => record(!res.writableFinished));
    next();
  };
}

/**
 * The route that matched and its parameters, as the route saw them: express restores the mount's
 * own parameters when an error leaves the router, before the fault is written and the call recorded.
 */
function rememberMatch(req: Request): { params: Record<string, string>; route?: string } {
  let params = req.params as Record<string, string>;
  const seen: { params: Record<string, string>; route?: string } = { params };
  Object.defineProperty(req, 'params', {
    configurable: true,
    enumerable: true,
    get: () => params,
    set(value: Record<string, string>) {
      params = value;
      if (Object.keys(value).length >= Object.keys(seen.params).length) seen.params = value;
    },
  });
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: { path?: unknown } | undefined) {
      route = value;
      if (typeof value?.path === 'string') seen.route = value.path;
    },
  });
  return seen;
}

/** GovPay's operation id of the route that answered, or the method and path pattern when the spec has none. */
function operationId(componente: Componente, req: Request, route: string | undefined): string {
  const pattern = route ?? req.path;
  const key = `${componente} ${req.method} ${pattern.replace(/:[A-Za-z0-9_]+/g, '{}')}`;
  return OPERATION_IDS[key] ?? `${req.method} ${pattern}`;
}

/** The FaultBean's descrizione of an error reply, as GovPay's dettaglioEsito. */
function faultText(res: Response, body: unknown): string | undefined {
  if (res.statusCode < 400 || typeof body !== 'string') return undefined;
  try {
    const fault = JSON.parse(body) as { descrizione?: unknown; dettaglio?: unknown };
    return typeof fault.dettaglio === 'string' ? fault.dettaglio : typeof fault.descrizione === 'string' ? fault.descrizione : undefined;
  } catch {
    return undefined;
  }
}

const isEmptyObject = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v) && Object.keys(v).length === 0;
