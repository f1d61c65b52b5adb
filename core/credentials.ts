import { createHash } from 'node:crypto';
import type { AddressList } from './address-list';
import type { CredentialCaches } from './credential-caches';
import { errors } from './errors';
import { cittadino, type Principal } from './principal';

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

/** The attributes a SPID proxy asserts of the person it authenticated, as it forwards them (X-SPID-* headers). */
export interface SpidAttributes {
  fiscalNumber?: string;
  name?: string;
  familyName?: string;
  email?: string;
}

/** The headers a SPID proxy sets (GovPay's default names). */
export const SPID_HEADERS = {
  fiscalNumber: 'x-spid-fiscalnumber',
  name: 'x-spid-name',
  familyName: 'x-spid-familyname',
  email: 'x-spid-email',
} as const;

const CODICE_FISCALE = /^[A-Z0-9]{11,16}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;
const MAX_NAME = 35;

/**
 * A cittadino as a trusted SPID proxy asserts it: only a connection straight from one of
 * `proxies` may assert one (from anywhere else the headers are ignored and the caller is not
 * authenticated). SPID writes the fiscal number as `TINIT-<codice fiscale>`.
 */
export function spidCitizen(a: SpidAttributes, remoteAddress: string | undefined, proxies: AddressList): Principal {
  if (!proxies.has(remoteAddress)) throw errors.unauthenticated('Autenticazione SPID ammessa solo dai proxy fidati.');
  const raw = (a.fiscalNumber ?? '').trim().toUpperCase();
  const codiceFiscale = raw.startsWith('TINIT-') ? raw.slice(6) : raw;
  if (!CODICE_FISCALE.test(codiceFiscale)) throw errors.unauthenticated('Codice fiscale SPID (X-SPID-FISCALNUMBER) assente o non valido.');
  const nome = a.name?.trim().slice(0, MAX_NAME) || undefined;
  const cognome = a.familyName?.trim().slice(0, MAX_NAME) || undefined;
  const email = a.email && a.email.length <= 256 && EMAIL.test(a.email.trim()) ? a.email.trim() : undefined;
  return cittadino(codiceFiscale, { nome, cognome, email });
}
