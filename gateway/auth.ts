import type { MikroORM } from '@mikro-orm/core';
import { CredentialsService } from '../subgraphs/anagrafica/domain/credentials';
import type { Config } from '../subgraphs/shared/config';
import { errors } from '../subgraphs/shared/errors';
import type { Principal } from '../subgraphs/shared/principal';
import { credentialCaches, type CredentialCaches } from './credential-caches';
import { basicCredentials, fromTrustedProxy, OutcomeCache } from './credentials';

export type AuthMode = 'basic' | 'header';

export interface IncomingCredentials {
  authorization?: string;
  /** Value of the configured principal header (header mode). */
  forwardedPrincipal?: string;
  remoteAddress?: string;
}

/**
 * Authenticates callers at the edge: HTTP Basic against the hashed passwords of applicazioni and
 * operatori, or a principal forwarded by a trusted proxy. Outcomes are cached briefly (keyed by a
 * hash of the credentials) because scrypt is deliberately slow; an anagrafica reset clears them.
 */
export class Authenticator {
  private readonly cache: OutcomeCache<Principal>;
  /** Every credential cache of this database in this process, this one included: what an anagrafica reset clears. */
  readonly caches: CredentialCaches;

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: Config['auth'],
  ) {
    this.caches = credentialCaches(orm.em);
    this.cache = this.caches.register(new OutcomeCache(settings.cacheTtlSeconds));
  }

  async authenticate(mode: AuthMode, c: IncomingCredentials): Promise<Principal> {
    return mode === 'basic' ? this.basic(c.authorization) : this.header(c);
  }

  /** The graph accepts either: Basic when an Authorization header is present, else a trusted forwarded principal. */
  async authenticateAny(c: IncomingCredentials): Promise<Principal> {
    if (c.authorization) return this.basic(c.authorization);
    if (c.forwardedPrincipal) return this.header(c);
    throw errors.unauthenticated();
  }

  private async basic(authorization: string | undefined): Promise<Principal> {
    const credentials = basicCredentials(authorization);
    if (!credentials) throw errors.unauthenticated();
    return this.cache.get(credentials.key, () => new CredentialsService(this.orm.em.fork()).basic(credentials.user, credentials.password));
  }

  private async header(c: IncomingCredentials): Promise<Principal> {
    if (!fromTrustedProxy(c.remoteAddress, this.settings.trustedProxies)) {
      throw errors.unauthenticated('Autenticazione via header ammessa solo dai proxy fidati.');
    }
    const principal = c.forwardedPrincipal?.trim();
    if (!principal) throw errors.unauthenticated();
    return this.cache.get(`h:${principal}`, () => new CredentialsService(this.orm.em.fork()).trusted(principal));
  }
}
