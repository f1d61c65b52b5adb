import type { Response } from 'express';

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
