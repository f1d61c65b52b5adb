import type { EntityManager } from '@mikro-orm/core';
import { perDatabase } from './per-database';

export interface Clearable {
  clear(): void;
}

/**
 * Every cache of credentials this process keeps for one database (the gateway's applicazioni and
 * operatori, the station's Nodo): each edge registers its cache when it is built, and an
 * anagrafica reset clears them all, whatever edges exist.
 */
export class CredentialCaches {
  private readonly caches = new Set<Clearable>();

  register<T extends Clearable>(cache: T): T {
    this.caches.add(cache);
    return cache;
  }

  clear(): void {
    for (const cache of this.caches) cache.clear();
  }
}

/** The registry of the database `em` belongs to. */
export const credentialCaches = (em: EntityManager): CredentialCaches => perDatabase(em, 'credential-caches', () => new CredentialCaches());
