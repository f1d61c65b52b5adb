import type { MikroORM } from '@mikro-orm/core';
import { anagraficaRevision, CredentialsService } from '../subgraphs/anagrafica/services';
import type { Config } from '../core/config';
import { DomainError, errors } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Principal } from '../core/principal';
import { credentialCaches, type CredentialCaches } from '../core/credential-caches';
import {
  basicCredentials,
  fromTrustedProxy,
  OutcomeCache,
  type AuthMode,
  type CallerAuthenticator,
  type IncomingCredentials,
} from '../core/credentials';
import type { LoginGuard } from './login-throttle';

/**
 * Authenticates callers at the edge: HTTP Basic against the hashed passwords of applicazioni and
 * operatori, or a principal forwarded by a trusted proxy. Outcomes are cached briefly (keyed by a
 * hash of the credentials) because scrypt is deliberately slow; an anagrafica reset clears them, and
 * so does any change to the anagrafica made by any instance (a role's ACLs, a password, a disabled
 * utenza): every call first reads the anagrafica revision, one primary-key read.
 * Password attempts pass the login throttle; a database that cannot be asked answers 503, never a
 * false 401.
 */
export class Authenticator implements CallerAuthenticator {
  private readonly cache: OutcomeCache<Principal>;
  /** The anagrafica revision the cached outcomes were read at. */
  private revision?: number;
  /** Every credential cache of this database in this process, this one included: what an anagrafica reset clears. */
  readonly caches: CredentialCaches;

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: Config['auth'],
    private readonly throttle: LoginGuard,
    private readonly log: Logger,
  ) {
    this.caches = credentialCaches(orm.em);
    this.cache = this.caches.register(new OutcomeCache(settings.cacheTtlSeconds));
  }

  async authenticate(mode: AuthMode, c: IncomingCredentials): Promise<Principal> {
    return mode === 'basic' ? this.basic(c) : this.header(c);
  }

  /** The graph accepts either: Basic when an Authorization header is present, else a trusted forwarded principal. */
  async authenticateAny(c: IncomingCredentials): Promise<Principal> {
    if (c.authorization) return this.basic(c);
    if (c.forwardedPrincipal) return this.header(c);
    throw errors.unauthenticated();
  }

  /** The utenza a form session names (its password was checked when the session opened): found afresh, as header mode's. */
  async ofSession(principal: string): Promise<Principal> {
    return this.cache.get(`h:${principal}`, () => this.lookup((s) => s.trusted(principal)));
  }

  private async basic(c: IncomingCredentials): Promise<Principal> {
    const credentials = basicCredentials(c.authorization);
    if (!credentials) throw errors.unauthenticated();
    await this.current();
    return this.throttle.guard({ principal: credentials.user, address: c.remoteAddress }, () =>
      this.cache.get(credentials.key, () => this.lookup((s) => s.basic(credentials.user, credentials.password))),
    );
  }

  private async header(c: IncomingCredentials): Promise<Principal> {
    if (!fromTrustedProxy(c.remoteAddress, this.settings.trustedProxies)) {
      throw errors.unauthenticated('Autenticazione via header ammessa solo dai proxy fidati.');
    }
    const principal = c.forwardedPrincipal?.trim();
    if (!principal) throw errors.unauthenticated();
    await this.current();
    return this.cache.get(`h:${principal}`, () => this.lookup((s) => s.trusted(principal)));
  }

  /**
   * Forgets every cached outcome once the anagrafica has changed since they were read. While the
   * revision cannot be read (the database is down, so no change can be committed through it
   * either), cached outcomes keep serving and only a caller that must be looked up gets the 503.
   */
  private async current(): Promise<void> {
    let revision: number;
    try {
      revision = await anagraficaRevision(this.orm.em.fork());
    } catch {
      return;
    }
    if (this.revision !== undefined && revision !== this.revision) this.caches.clear();
    this.revision = revision;
  }

  private async lookup(find: (service: CredentialsService) => Promise<Principal>): Promise<Principal> {
    try {
      return await find(new CredentialsService(this.orm.em.fork()));
    } catch (e) {
      if (e instanceof DomainError) throw e;
      this.log.error({ err: e }, 'authentication failed: the database could not be asked');
      throw errors.unavailable("Impossibile verificare le credenziali in questo momento: riprovare piu' tardi.");
    }
  }
}
