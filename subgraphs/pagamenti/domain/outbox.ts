import type { EntityManager } from '@mikro-orm/core';
import { EventEmitter } from 'node:events';
import { OutboxJob, type TipoOutbox } from '../../../schema/entities';
import { perDatabase } from '../../shared/per-database';

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

/** Tells this instance's outbox worker that jobs were committed, so it runs them before its next poll. */
export const outboxSignal = (em: EntityManager): EventEmitter => perDatabase(em, 'pagamenti.outbox', () => new EventEmitter());
