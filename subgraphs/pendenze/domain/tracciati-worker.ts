import type { EntityManager } from '@mikro-orm/core';
import { TracciatoPendenze } from '../../../schema/entities';
import type { Logger } from '../../shared/logger';
import { tracciatiSignal } from './tracciati';
import { LeaseLost, TracciatoProcessor } from './tracciati-processor';

export interface TracciatiWorkerOptions {
  /** This instance's name in leases. */
  owner: string;
  pollMs: number;
  leaseMs: number;
}

/**
 * Takes tracciati waiting to be processed (or abandoned by an instance whose lease expired) and
 * processes them one at a time. The lease is taken with a conditional UPDATE, so any number of
 * instances can run a worker on one database and each tracciato has one owner at a time.
 */
export class TracciatiWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private again = false;

  constructor(
    private readonly root: EntityManager,
    private readonly log: Logger,
    private readonly options: TracciatiWorkerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    tracciatiSignal(this.root).on('caricato', this.kick);
    this.schedule(0);
  }

  /** Looks for work now (after an upload on this instance) instead of at the next poll. */
  readonly kick = (): void => {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  };

  /** Stops polling and waits for the chunk in progress; the lease lets another instance resume. */
  async stop(): Promise<void> {
    this.stopped = true;
    tracciatiSignal(this.root).off('caricato', this.kick);
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.again ? 0 : this.options.pollMs);
        this.again = false;
      });
    }, ms);
    this.timer.unref();
  }

  /** Processes claimable tracciati until none is left. */
  private async drain(): Promise<void> {
    try {
      for (let id = await this.claim(); id !== undefined && !this.stopped; id = await this.claim()) {
        try {
          await new TracciatoProcessor(this.root, this.log, this.options.owner, this.options.leaseMs).run(id, () => this.stopped);
        } catch (e) {
          if (!(e instanceof LeaseLost)) throw e;
          this.log.warn({ tracciato: id, reason: e.message }, 'tracciato left to the instance that took it over');
        }
      }
    } catch (e) {
      this.log.error({ err: e }, 'tracciati worker failed; it retries at the next poll');
    }
  }

  private async claim(): Promise<number | undefined> {
    const em = this.root.fork();
    const now = new Date();
    const claimable = [{ stato: 'IN_ATTESA' }, { stato: 'IN_ELABORAZIONE', leaseScadenza: { $lt: now } }];
    const candidates = await em.find(TracciatoPendenze, { $or: claimable } as never, { fields: ['id'], orderBy: { id: 'ASC' }, limit: 5 });
    for (const { id } of candidates) {
      const taken = await em.nativeUpdate(
        TracciatoPendenze,
        { id, $or: claimable } as never,
        { stato: 'IN_ELABORAZIONE', leaseOwner: this.options.owner, leaseScadenza: new Date(Date.now() + this.options.leaseMs), updatedAt: now },
      );
      if (taken === 1) return id;
    }
    return undefined;
  }
}
