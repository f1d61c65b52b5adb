import type { IncomingMessage } from 'node:http';
import type { Config } from '../../core/config';
import { DomainError } from '../../core/errors';
import type { Principal } from '../../core/principal';
import type { Authenticator } from '../auth';

/**
 * graphql-ws close codes for a connection refused at `connection_init`: 4000 plus the HTTP status
 * the same refusal gets over HTTP (401, 403, 429 throttled, 503 database unreachable).
 */
const REFUSALS = new Set([401, 403, 429, 503]);

export type ConnectionAuth = { principal: Principal } | { code: number; reason: string };

/**
 * Authenticates a subscriber as the graph's HTTP endpoint does: HTTP Basic from the
 * `connection_init` payload's `authorization` (browsers cannot set headers on a WebSocket) or
 * from the upgrade request's Authorization header, else the trusted proxy's principal header.
 */
export async function authenticateConnection(
  authenticator: Authenticator,
  auth: Config['auth'],
  params: Readonly<Record<string, unknown>> | undefined,
  request: IncomingMessage,
): Promise<ConnectionAuth> {
  const fromPayload = params?.authorization ?? params?.Authorization;
  const forwarded = request.headers[auth.principalHeader];
  try {
    const principal = await authenticator.authenticateAny({
      authorization: typeof fromPayload === 'string' ? fromPayload : request.headers.authorization,
      forwardedPrincipal: typeof forwarded === 'string' ? forwarded : undefined,
      remoteAddress: request.socket.remoteAddress,
    });
    return { principal };
  } catch (e) {
    if (!(e instanceof DomainError) || !REFUSALS.has(e.status)) throw e;
    return { code: 4000 + e.status, reason: closeReason(`${e.fault.descrizione}${e.fault.dettaglio ? `: ${e.fault.dettaglio}` : ''}`) };
  }
}

/** A WebSocket close reason is at most 123 bytes of UTF-8. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}
