import { Router, type Request, type Response } from 'express';
import type { EntityManager } from '@mikro-orm/core';
import { registraRitorno, RITORNO_PATH } from '../../subgraphs/pagamenti/services';
import { DomainError, internalFault } from '../../core/errors';
import type { Logger } from '../../core/logger';

export { RITORNO_PATH };

export interface ReturnRouteOptions {
  em: EntityManager;
  /** The secret the return tokens were signed with (INTERNAL_PRINCIPAL_SECRET). */
  secret: string;
  log: Logger;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page for a person whose browser landed on a return the hub refuses: no redirect, nothing to run. */
function page(res: Response, status: number, title: string, text: string): void {
  res
    .status(status)
    .type('text/html; charset=utf-8')
    .set('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
        `<body><h1>${escape(title)}</h1><p>${escape(text)}</p>` +
        "<p>Torna al portale dell'Ente per conoscere l'esito del pagamento.</p></body></html>",
    );
}

/**
 * The hub's end of pagoPA Checkout's return URLs (mounted at RITORNO_PATH): the browser arrives
 * with a signed, single-use token and is sent on (303) to the portal's urlRitorno with `idSession`
 * and `esito`. A forged, unknown or reused token gets an error page, never a redirect. Only GET:
 * a HEAD (a link preview, a prefetch) must not spend the token.
 */
export function returnRouter(o: ReturnRouteOptions): Router {
  const router = Router();
  router.get('/:token', async (req: Request, res: Response) => {
    if (req.method !== 'GET') return void res.status(405).set('Allow', 'GET').end();
    try {
      res.set('Cache-Control', 'no-store').redirect(303, await registraRitorno(o.em.fork(), o.secret, String(req.params.token)));
    } catch (e) {
      if (e instanceof DomainError && e.status < 500) return page(res, e.status, e.fault.descrizione, e.fault.dettaglio ?? e.fault.descrizione);
      const internal = internalFault(o.log, e, 'the return from pagoPA Checkout failed', { path: req.path });
      page(res, 500, 'Errore interno', internal.fault.dettaglio ?? internal.fault.descrizione);
    }
  });
  return router;
}
