import type { RequestHandler } from 'express';
export interface CorsOptions {
  allowedOrigins: readonly string[];
  maxAgeSeconds: number;
  /** The header a trusted proxy names the caller in (header mode): a browser behind such a proxy may send it. */
  principalHeader: string;
}

const METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
/** What browser clients send: credentials, bodies, Angular's and Apollo's own headers. */
const HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'Accept-Language',
  'X-Requested-With',
  'X-XSRF-TOKEN',
  'Apollo-Require-Preflight',
  'X-Apollo-Operation-Name',
];
/** What a page may read of a reply beyond the safelisted headers: where a new resource is, a download's name, when to retry. */
const EXPOSED = 'Location, Content-Disposition, Retry-After';

/**
 * CORS for every entrance (GovPay's REST APIs, the graph), in one place before authentication:
 * a preflight from an allowed origin is answered here (204) and never reaches a router, so it is
 * never a 401; every reply to an allowed origin says so, with credentials (the Backoffice's form
 * cookie). A preflight from any other origin is refused (403, no Access-Control-* header), so the
 * browser blocks the call without the hub doing any work for it; a simple request from another
 * origin is served as without CORS, and the browser keeps its reply from the page.
 */
export function cors(o: CorsOptions): RequestHandler {
  const allowed = new Set(o.allowedOrigins);
  const allowHeaders = [...HEADERS, o.principalHeader].join(', ');
  return (req, res, next) => {
    if (allowed.size === 0) return next();
    // The reply depends on Origin whenever CORS is on: caches must not serve one origin's reply to another.
    res.vary('Origin');
    const origin = req.get('origin');
    const preflight = req.method === 'OPTIONS' && !!origin && !!req.get('access-control-request-method');
    if (!origin || !allowed.has(origin)) return preflight ? void res.status(403).end() : next();
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
    if (preflight) {
      res.set({
        'Access-Control-Allow-Methods': METHODS,
        'Access-Control-Allow-Headers': allowHeaders,
        'Access-Control-Max-Age': String(o.maxAgeSeconds),
      });
      return void res.status(204).end();
    }
    res.set('Access-Control-Expose-Headers', EXPOSED);
    // helmet's same-origin Cross-Origin-Resource-Policy would keep an allowed origin's embeds (a PDF avviso) out.
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  };
}
