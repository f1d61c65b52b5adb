import type { EntityManager } from '@mikro-orm/core';
import { OutboxJob, type TipoOutbox } from '../../../schema/entities';

export interface NuovoJob {
  tipo: TipoOutbox;
  /** Unique per piece of work (e.g. `notifica:<idDominio>:<iuv>:<ccp>`). */
  chiave: string;
  payload: Record<string, unknown>;
}

/**
 * Adds jobs to the outbox inside the caller's transaction (flushed with it), so the work happens
 * if and only if what caused it commits.
 */
export function enqueue(em: EntityManager, jobs: NuovoJob[]): void {
  for (const job of jobs) em.persist(Object.assign(new OutboxJob(), job));
}
