import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { CredentialsService } from '../subgraphs/anagrafica/domain/credentials';
import type { Config } from '../subgraphs/shared/config';
import { errors } from '../subgraphs/shared/errors';
import type { Principal } from '../subgraphs/shared/principal';

export type AuthMode = 'basic' | 'header';

export interface IncomingCredentials {
  authorization?: string;
  /** Value of the configured principal header (header mode). */
  forwardedPrincipal?: string;
  remoteAddress?: string;
}

const MAX_CACHE_ENTRIES = 10_000;

/**
 * Authenticates callers at the edge: HTTP Basic against the hashed passwords of applicazioni and
 * operatori, or a principal forwarded by a trusted proxy. Outcomes are cached briefly (keyed by a
 * hash of the credentials) because scrypt is deliberately slow; an anagrafica reset clears them.
 */
export class Authenticator {
  private readonly cache = new Map<string, { principal: Principal; expires: number }>();

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: Config['auth'],
  ) {}

  async authenticate(mode: AuthMode, c: IncomingCredentials): Promise<Principal> {
    return mode === 'basic' ? this.basic(c.authorization) : this.header(c);
  }

  /** The graph accepts either: Basic when an Authorization header is present, else a trusted forwarded principal. */
  async authenticateAny(c: IncomingCredentials): Promise<Principal> {
    if (c.authorization) return this.basic(c.authorization);
    if (c.forwardedPrincipal) return this.header(c);
    throw errors.unauthenticated();
  }

  reset(): void {
    this.cache.clear();
  }

  private async basic(authorization: string | undefined): Promise<Principal> {
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
    if (!m) throw errors.unauthenticated();
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1) throw errors.unauthenticated();
    const key = `b:${createHash('sha256').update(decoded).digest('base64')}`;
    return this.cached(key, () =>
      new CredentialsService(this.orm.em.fork()).basic(decoded.slice(0, colon), decoded.slice(colon + 1)),
    );
  }

  private async header(c: IncomingCredentials): Promise<Principal> {
    if (!c.remoteAddress || !this.settings.trustedProxies.includes(c.remoteAddress)) {
      throw errors.unauthenticated('Autenticazione via header ammessa solo dai proxy fidati.');
    }
    const principal = c.forwardedPrincipal?.trim();
    if (!principal) throw errors.unauthenticated();
    return this.cached(`h:${principal}`, () => new CredentialsService(this.orm.em.fork()).trusted(principal));
  }

  private async cached(key: string, load: () => Promise<Principal>): Promise<Principal> {
    const hit = this.cache.get(key);
    const now = Date.now();
    if (hit && hit.expires > now) return hit.principal;
    const principal = await load();
    if (this.settings.cacheTtlSeconds > 0) {
      if (this.cache.size >= MAX_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, { principal, expires: now + this.settings.cacheTtlSeconds * 1000 });
    }
    return principal;
  }
}
