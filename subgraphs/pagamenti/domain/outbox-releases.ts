import type { EntityManager } from '@mikro-orm/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../../core/logger';
import { outboxRows, type Failure, type OutboxRow } from './outbox-rows';

/** Attempts to record one lot of ended jobs before they are left to their leases' expiry. */
export const RELEASE_ATTEMPTS = 8;
/** The wait after the first failed attempt; it doubles each time, up to MAX_WAIT_MS (about 15 s in all). */
const FIRST_WAIT_MS = 100;
const MAX_WAIT_MS = 5000;

type Ended = { job: OutboxRow; token: string; failure?: Failure };

/**
 * Records the end of notification jobs and frees their leases, the jobs that ended together in
 * one go: while one lot is being written the next gathers, so at a few hundred jobs a second a
 * write serves many jobs, and alone a job is written at once. A write that fails (SQLite's
 * "database is locked" while another process writes, a dropped connection) is tried again with a
 * growing wait: left alone, the jobs would sit under their lease until it expires, and a
 * delivered notification would be sent again. Each write names the lease it frees, so a retry
 * after a write that did land changes nothing.
 */
export class Releases {
  private pending: Ended[] = [];
  private writing?: Promise<void>;

  constructor(
    private readonly root: EntityManager,
    private readonly log: Logger,
    private readonly o: { now: () => Date },
  ) {}

  done(job: OutboxRow, token: string): void {
    this.add({ job, token });
  }

  failed(job: OutboxRow, token: string, failure: Failure): void {
    this.add({ job, token, failure });
  }

  /** Resolves when every end recorded so far is written (or given up). */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private add(ended: Ended): void {
    this.pending.push(ended);
    this.writing ??= this.writeAll().finally(() => (this.writing = undefined));
  }

  private async writeAll(): Promise<void> {
    // The jobs that end in this turn of the event loop join the first lot.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length) {
      const lot = this.pending;
      this.pending = [];
      await this.retried(lot);
    }
  }

  private async retried(lot: Ended[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.write(lot);
        return;
      } catch (e) {
        const jobs = lot.map((l) => l.job.id);
        if (attempt >= RELEASE_ATTEMPTS) {
          this.log.error({ jobs, err: e, attempts: attempt }, 'outbox jobs not recorded; left to their lease expiry');
          return;
        }
        const wait = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (attempt - 1));
        this.log.warn({ jobs, err: e, attempt, retryInMs: wait }, 'outbox jobs not recorded; trying again');
        await sleep(wait);
      }
    }
  }

  private async write(lot: Ended[]): Promise<void> {
    const rows = outboxRows(this.root);
    const em = this.root.fork();
    const now = this.o.now();
    for (const [token, ended] of byToken(lot)) {
      const done = ended.filter((l) => !l.failure).map((l) => l.job);
      if (done.length) await rows.done(em, done, token, now);
      for (const l of ended) if (l.failure) await rows.failed(em, [l.job.id], l.failure, token, now);
    }
  }
}

function byToken(lot: Ended[]): Map<string, Ended[]> {
  const groups = new Map<string, Ended[]>();
  for (const l of lot) groups.set(l.token, [...(groups.get(l.token) ?? []), l]);
  return groups;
}
