import type { IncomingMessage } from 'node:http';

/**
 * Whether a WebSocket upgrade may proceed, judged by its Origin. Browsers always send one and let
 * any page open a socket to any site with the cookies and credentials they hold, so a browser
 * origin must be the hub's own or listed; a request without Origin is not a browser's (a server,
 * a script), which the Origin check cannot and need not judge: authentication still applies.
 */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  return sameHost(origin, request.headers.host);
}

/** Same origin: the page was served by the host the upgrade is addressed to (behind a TLS proxy the scheme differs). */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
