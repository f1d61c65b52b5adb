import type { EntityManager } from '@mikro-orm/core';
import { Evento } from '../../schema/entities';
import type { Logger } from '../../core/logger';
import { prendiLease, rilasciaLease } from '../../pagopa/rendicontazione/lease';

const LEASE = 'giornale.purge';
/** Rows deleted per statement: short statements, so the purge never holds the table long. */
const BATCH = 1000;

/**
 * Deletes events older than the retention, a batch at a time, by one instance at a time (a named
 * lease): every `intervalMs`, or when asked (`purga`).
 */
export class PurgaGiornale {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly em: EntityManager,
    private readonly options: { retentionDays: number; intervalMs: number; owner: string; log: Logger },
  ) {}

  start(): void {
    if (!this.options.intervalMs) return;
    this.timer = setInterval(
      () => void this.purga().catch((e: unknown) => this.options.log.error({ err: e }, 'giornale degli eventi: purge failed')),
      this.options.intervalMs,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Deletes what is past the retention; returns how many events (0 when another instance holds the lease). */
  purga(now = new Date()): Promise<number> {
    this.running ??= this.run(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(now: Date): Promise<number> {
    const { owner, retentionDays } = this.options;
    if (!(await prendiLease(this.em, LEASE, owner, 10 * 60_000))) return 0;
    const limite = new Date(now.getTime() - retentionDays * 86_400_000);
    let deleted = 0;
    try {
      for (;;) {
        const em = this.em.fork();
        const ids = (await em.find(Evento, { data: { $lt: limite } }, { fields: ['id'], orderBy: { id: 'ASC' }, limit: BATCH })).map(
          (e) => e.id,
        );
        if (!ids.length) break;
        deleted += await em.nativeDelete(Evento, { id: { $in: ids } });
      }
    } finally {
      await rilasciaLease(this.em, LEASE, owner);
    }
    if (deleted) this.options.log.info({ deleted, limite }, 'giornale degli eventi: old events purged');
    return deleted;
  }
}
