import type { EntityManager } from '@mikro-orm/core';
import { TracciatoPendenze } from '../../../schema/entities';
import { takeLeases } from '../../../core/leases';
import type { Logger } from '../../../core/logger';
import { PollingWorker } from '../../../core/polling-worker';
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
 * instances can run a worker on one database and each tracciato has one owner at a time; stopping
 * waits for the chunk in progress, and the lease lets another instance resume the tracciato.
 */
export class TracciatiWorker extends PollingWorker {
  constructor(
    private readonly root: EntityManager,
    log: Logger,
    private readonly options: TracciatiWorkerOptions,
  ) {
    super(log, { name: 'tracciati worker', pollMs: options.pollMs, wake: { emitter: tracciatiSignal(root), event: 'caricato' } });
  }

  /** Processes claimable tracciati until none is left. */
  protected async drain(stopping: () => boolean): Promise<void> {
    for (let id = await this.claim(); id !== undefined && !stopping(); id = await this.claim()) {
      try {
        await new TracciatoProcessor(this.root, this.log, this.options.owner, this.options.leaseMs).run(id, stopping);
      } catch (e) {
        if (!(e instanceof LeaseLost)) throw e;
        this.log.warn({ tracciato: id, reason: e.message }, 'tracciato left to the instance that took it over');
      }
    }
  }

  private async claim(): Promise<number | undefined> {
    const now = new Date();
    const [id] = await takeLeases(this.root.fork(), TracciatoPendenze, {
      claimable: [{ stato: 'IN_ATTESA' }, { stato: 'IN_ELABORAZIONE', leaseScadenza: { $lt: now } }],
      lease: { stato: 'IN_ELABORAZIONE', leaseOwner: this.options.owner, leaseScadenza: new Date(Date.now() + this.options.leaseMs), updatedAt: now },
      max: 1,
    });
    return id;
  }
}
