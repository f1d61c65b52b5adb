import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { AuthMode, CallerAuthenticator } from '../../core/credentials';
import { errors } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { parseInput } from '../../core/validation';
import type { GraphClient } from './graph-client';
import { illegalCharacterAt } from './json';
import { booleanParam } from './paging';

export interface RestCall {
  req: Request;
  principal: Principal;
  graph: GraphClient;
}

export interface RestResult {
  status: number;
  body?: unknown;
  /** Set for a non-JSON body (a PDF), sent as it is. */
  contentType?: string;
  /** A file offered for download under this name (Content-Disposition: attachment). */
  filename?: string;
}

const AUTH_MODES = new Set<AuthMode>(['basic', 'header']);
const FORM = 'form';

/** A mode one API adds to basic and header (API Pagamento's spid and public): the caller from the request alone. */
export type ExtraAuthMode = (req: Request) => Principal;

/**
 * The Backoffice's `form` mode (gateway/sessions.ts): Basic credentials open a session carried by
 * a cookie, later calls bring only the cookie, /logout ends it.
 */
export interface FormSessions {
  /** The caller of a form call, from its Basic credentials (opening a session) or its session cookie. */
  authenticate(req: Request, res: Response): Promise<Principal>;
  /** Ends the session of the request's cookie, if any, and clears the cookie. */
  logout(req: Request, res: Response): Promise<void>;
}

/**
 * Authenticates a GovPay API call by the mode its path names (`/rs/basic/…`, `/rs/header/…`, one
 * of the API's own, or `/rs/form/…` where the API has sessions); an unknown mode is a path that
 * does not exist.
 */
export function authenticate(
  authenticator: CallerAuthenticator,
  principalHeader: string,
  extra: Record<string, ExtraAuthMode> = {},
  sessions?: FormSessions,
): RequestHandler {
  return async (req, res, next) => {
    const mode = req.params.auth as AuthMode;
    const own = Object.hasOwn(extra, mode) ? extra[mode] : undefined;
    const form = req.params.auth === FORM ? sessions : undefined;
    if (!AUTH_MODES.has(mode) && !own && !form) return next(errors.notFound(`Modalita' di autenticazione '${mode}' non supportata.`));
    try {
      if (form) {
        res.locals.principal = await form.authenticate(req, res);
        return next();
      }
      if (own) {
        res.locals.principal = own(req);
        return next();
      }
      res.locals.principal = await authenticator.authenticate(mode, {
        authorization: req.header('authorization'),
        forwardedPrincipal: req.header(principalHeader),
        remoteAddress: req.socket.remoteAddress,
      });
      next();
    } catch (e) {
      next(e);
    }
  };
}

/**
 * GET /logout, 200 as GovPay's in every mode. In form mode it is answered before authentication, as
 * Spring Security's logout filter does for GovPay: the cookie's session, if any, ends, the cookie
 * is cleared, and a caller without a live session is told the same. Other modes pass on, to be
 * authenticated and answered by `loggedOut`.
 */
export function formLogout(sessions?: FormSessions): RequestHandler {
  return async (req, res, next) => {
    if (req.params.auth !== FORM || !sessions) return next();
    try {
      await sessions.logout(req, res);
      res.status(200).end();
    } catch (e) {
      next(e);
    }
  };
}

/** GET /logout of an authenticated caller of a mode without sessions: nothing to end, 200 as GovPay. */
export const loggedOut: RequestHandler = (_req, res) => void res.status(200).end();

/**
 * Refuses a URL whose path does not decode (`%E0%A4%A`, before the routes' parameters are decoded,
 * which would fail as an internal error) or whose path or query carries a character XML cannot
 * (a NUL breaks the database's driver): the caller's syntax error.
 */
export const wellFormedUrl: RequestHandler = (req, _res, next) => {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(errors.syntax('Il percorso della richiesta contiene una codifica percentuale non valida.'));
  }
  if (illegalCharacterAt(path) !== undefined) return next(errors.syntax('Il percorso della richiesta contiene un carattere non ammesso.'));
  const parameter = illegalCharacterAt(req.query);
  if (parameter !== undefined) return next(errors.syntax(`Il parametro ${parameter} contiene un carattere non ammesso.`));
  next();
};

/** Wraps a route: runs it with the caller and the graph, writes its status and JSON body. */
export function route(graph: GraphClient, fn: (call: RestCall) => Promise<RestResult>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const result = await fn({ req, principal: res.locals.principal as Principal, graph });
      if (result.filename) res.attachment(result.filename);
      if (result.body === undefined) res.status(result.status).end();
      else if (result.contentType) res.status(result.status).type(result.contentType).send(result.body);
      else res.status(result.status).json(result.body);
    } catch (e) {
      next(e);
    }
  };
}

/** Parses a list's filter parameters: booleans as true/false, strings as they come. */
export function filters<K extends string>(req: Request, booleans: readonly K[], strings: readonly string[] = []) {
  const shape: Record<string, z.ZodType> = {};
  for (const b of booleans) shape[b] = booleanParam.optional();
  for (const s of strings) shape[s] = z.string().max(1024).optional();
  return parseInput(z.object(shape), { ...(req.query as Record<string, unknown>) }) as Record<string, unknown>;
}

/** A PUT body must be a JSON object; anything else is a syntax error naming the body. */
export function jsonBody(req: Request): unknown {
  if (req.body === undefined || req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw errors.syntax("Il corpo della richiesta deve essere un oggetto JSON (Content-Type: application/json).");
  }
  return req.body;
}

/** A PATCH body: GovPay's list of JSON-patch operations, each an object; anything else is a syntax error. */
export function patchBody(req: Request): Record<string, unknown>[] {
  const body: unknown = req.body;
  if (!Array.isArray(body) || !body.every((op) => op !== null && typeof op === 'object' && !Array.isArray(op))) {
    throw errors.syntax('Il corpo della richiesta deve essere una lista di operazioni JSON-patch (oggetti).');
  }
  return body as Record<string, unknown>[];
}

export const saved = (created: boolean): RestResult => ({ status: created ? 201 : 200 });

/** A numeric id in the path (a tracciato's, an allegato's): a positive integer a signed INT column holds. */
export const numericIdParam = (req: Request, name = 'id'): number =>
  parseInput(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
    req.params[name],
    name,
  );
