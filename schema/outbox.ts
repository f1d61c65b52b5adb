import type { EntityManager, Transaction } from '@mikro-orm/core';
import { EventEmitter } from 'node:events';
import { perDatabase } from '../core/per-database';
import { RowInserter } from '../core/row-inserter';
import { OutboxJob, type TipoOutbox } from './entities';

/**
 * The outbox's writing side, shared by every context that has work to do after its commit (the
 * pagamenti context's notifications and events, the pendenze context's events): the table is one
 * mailbox, read by the outbox worker the edge runs.
 */
export interface NuovoJob {
  tipo: TipoOutbox;
  /** Unique per piece of work (e.g. `notifica:<idDominio>:<iuv>:<ccp>`). */
  chiave: string;
  payload: Record<string, unknown>;
}

const COLUMNS = ['tipo', 'chiave', 'payload', 'stato', 'tentativi', 'prossimoTentativo', 'createdAt', 'updatedAt'] as const;
const inserter = (em: EntityManager) => perDatabase(em, 'outbox.inserter', () => new RowInserter(em, OutboxJob, COLUMNS));

/**
 * Adds jobs to the outbox inside the caller's transaction (one INSERT, committed with it), so the
 * work happens if and only if what caused it commits. `ctx` is the transaction when the caller
 * runs one on the connection rather than through `em`.
 */
export async function enqueue(em: EntityManager, jobs: NuovoJob[], ctx?: Transaction): Promise<void> {
  if (!jobs.length) return;
  const now = new Date();
  await inserter(em).insert(
    em,
    jobs.map((job) => ({ ...job, stato: 'DA_ESEGUIRE', tentativi: 0, prossimoTentativo: now, createdAt: now, updatedAt: now })),
    ctx,
  );
}

/**
 * Tells this instance's outbox worker that jobs were committed, so it runs them before its next
 * poll. The signal's argument names the tipi committed (none: any), so that the worker looks only
 * where there is something new.
 */
export const outboxSignal = (em: EntityManager): EventEmitter => perDatabase(em, 'outbox.signal', () => new EventEmitter());

/** Signals jobs of these tipi committed (see outboxSignal). */
export const signalCommitted = (em: EntityManager, tipi?: TipoOutbox[]): void => void outboxSignal(em).emit('enqueued', tipi);
