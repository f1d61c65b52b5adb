import { createHash } from 'node:crypto';
import type { CredentialCaches } from './credential-caches';
import type { Principal } from './principal';

/**
 * What every edge that authenticates callers shares (the gateway's applicazioni and operatori,
 * the pagoPA station's Nodo): reading HTTP Basic credentials, the trusted-proxy rule for a
 * forwarded principal, and a short-lived cache of outcomes, because scrypt is deliberately slow.
 */
export interface BasicCredentials {
  user: string;
  password: string;
  /** A hash of both, to key a cached outcome without keeping the password. */
  key: string;
}

export function basicCredentials(authorization: string | undefined): BasicCredentials | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return undefined;
  return {
    user: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    key: `b:${createHash('sha256').update(decoded).digest('base64')}`,
  };
}

/** A forwarded principal counts only when the connection comes straight from a trusted proxy. */
export function fromTrustedProxy(remoteAddress: string | undefined, trustedProxies: readonly string[]): boolean {
  return !!remoteAddress && trustedProxies.includes(remoteAddress);
}

const MAX_CACHE_ENTRIES = 10_000;

/**
 * Outcomes by key for `ttlSeconds` (0: no caching). Concurrent lookups of one key share a single
 * load, so a burst of calls with new credentials costs one scrypt, not one per call; a load that
 * fails is forgotten at once.
 */
export class OutcomeCache<T> {
  private readonly entries = new Map<string, { outcome: Promise<T>; expires: number }>();

  constructor(private readonly ttlSeconds: number) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.outcome;
    const outcome = load();
    if (this.ttlSeconds > 0) {
      if (this.entries.size >= MAX_CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { outcome, expires: now + this.ttlSeconds * 1000 });
      outcome.catch(() => {
        if (this.entries.get(key)?.outcome === outcome) this.entries.delete(key);
      });
    }
    return outcome;
  }

  clear(): void {
    this.entries.clear();
  }
}

export type AuthMode = 'basic' | 'header';

export interface IncomingCredentials {
  authorization?: string;
  /** Value of the configured principal header (header mode). */
  forwardedPrincipal?: string;
  remoteAddress?: string;
}

/**
 * What an entrance needs to know its caller: the edge builds one authenticator (gateway/auth.ts)
 * and passes it to the graph and to GovPay's REST routers alike.
 */
export interface CallerAuthenticator {
  authenticate(mode: AuthMode, c: IncomingCredentials): Promise<Principal>;
  /** Every credential cache of the database in this process: what an anagrafica reset clears. */
  readonly caches: CredentialCaches;
}
