import type { RequestHandler, Response } from 'express';
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

/** A MIME type as RFC 6838 spells one; anything else an uploader declared is served as bytes. */
const MIME_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

/**
 * Headers for a file someone uploaded (an allegato): always a download, never rendered on the
 * API's origin whatever type the uploader declared (`text/html` would be stored XSS), no sniffing,
 * and a CSP that sandboxes it should a browser display it anyway.
 */
export function downloadHeaders(res: Response, nome: string, tipo: string): void {
  res.attachment(nome);
  res.type(MIME_TYPE.test(tipo) ? tipo : 'application/octet-stream');
  res.set({ 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox" });
}
