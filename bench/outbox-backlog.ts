import type { ServerProcess } from './processes';
import type { OutboxCounts } from './servers';

/**
 * The outbox's backlog, counted by a hub on its own connections (asked over IPC, so that SQLite
 * sees no second process): jobs enqueued after `mark()`, leaving out the bulk events' lane (EVENTI:
 * a tracciato's rows, paced on purpose at OUTBOX_BULK_EVENTS_PER_SECOND, not a receipt's work).
 */
export class OutboxBacklog {
  private after = 0;

  constructor(private readonly hub: ServerProcess) {}

  private counts(): Promise<OutboxCounts> {
    return this.hub.ask({ type: 'outbox', after: this.after }) as Promise<OutboxCounts>;
  }

  /** From now on only jobs enqueued after this call count. */
  async mark(): Promise<void> {
    this.after = (await this.counts()).maxId;
  }

  /** Jobs not yet done. */
  async count(): Promise<number> {
    return (await this.counts()).pending;
  }

  /** Jobs enqueued, and those that failed at least once (tried again later) with one of their errors. */
  async enqueued(): Promise<{ total: number; retried: number; error?: string }> {
    const { total, retried, error } = await this.counts();
    return { total, retried, error };
  }
}
