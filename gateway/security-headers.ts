import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The edge server answers JSON, PDF, XML and files, never pages of its own, so every reply says
 * so: nothing may load, run or frame it (`default-src 'none'`), no MIME sniffing, no referrer,
 * HSTS for the TLS proxy in front. Apollo's landing page on `GET /graphql` (a developer's tool
 * loading Apollo's sandbox from its CDN with inline scripts) gets the same headers without a CSP.
 */
export function securityHeaders(): RequestHandler {
  const api = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const landingPage = helmet({ contentSecurityPolicy: false, referrerPolicy: { policy: 'no-referrer' } });
  return (req, res, next) => (req.method === 'GET' && req.path === '/graphql' && !!req.get('accept')?.includes('text/html') ? landingPage : api)(req, res, next);
}
